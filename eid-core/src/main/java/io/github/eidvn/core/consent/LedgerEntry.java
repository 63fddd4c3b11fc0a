package io.github.eidvn.core.consent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One consent as the {@link ConsentLedger} holds it, for the citizen's "data sharing" screen.
 *
 * @param receipt the receipt
 * @param compactJws the signed receipt
 * @param withdrawnAt when the citizen withdrew it, if they did
 */
public record LedgerEntry(ConsentReceipt receipt, String compactJws, Optional<Instant> withdrawnAt) {

    /**
     * @throws NullPointerException when an argument is null
     */
    public LedgerEntry {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(compactJws, "compactJws");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
    }

    /**
     * The state at a time: withdrawn first, then expired, else active.
     *
     * @param now the time
     * @return {@code ACTIVE}, {@code WITHDRAWN} or {@code EXPIRED}
     */
    public ReceiptState.Status statusAt(Instant now) {
        Objects.requireNonNull(now, "now");
        if (withdrawnAt.isPresent()) {
            return ReceiptState.Status.WITHDRAWN;
        }
        return now.isBefore(receipt.expiresAt()) ? ReceiptState.Status.ACTIVE : ReceiptState.Status.EXPIRED;
    }
}
