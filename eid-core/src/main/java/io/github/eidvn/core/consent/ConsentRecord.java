package io.github.eidvn.core.consent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One consent receipt as a {@link ConsentRecords} storage keeps it: what the {@link ConsentLedger} writes and reads
 * back. The storage treats {@code claimsJson} as opaque text (the ledger reads the receipt from it) and uses the other
 * components to index, lock and decide.
 *
 * @param receiptId the receipt id ({@code jti})
 * @param owner the citizen's ledger reference (never the personal number)
 * @param partyId the relying party the consent was given to
 * @param purposeCode the purpose
 * @param grantedAt when it was granted
 * @param expiresAt when the consent ends
 * @param keepUntil until when the record is kept (the consent's end plus the ledger's retention); after it the record
 *     is gone: not found, not listed, not counted
 * @param claimsJson the receipt claims in JSON, as the ledger wrote them
 * @param compactJws the receipt signed by the issuer
 * @param withdrawnAt when the citizen withdrew it, if they did
 */
public record ConsentRecord(String receiptId, String owner, String partyId, String purposeCode, Instant grantedAt,
        Instant expiresAt, Instant keepUntil, String claimsJson, String compactJws, Optional<Instant> withdrawnAt) {

    /**
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the receipt id is malformed or the times are out of order
     */
    public ConsentRecord {
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(purposeCode, "purposeCode");
        Objects.requireNonNull(grantedAt, "grantedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(keepUntil, "keepUntil");
        Objects.requireNonNull(claimsJson, "claimsJson");
        Objects.requireNonNull(compactJws, "compactJws");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
        if (!isWellFormedId(receiptId)) {
            throw new IllegalArgumentException("malformed receipt id");
        }
        if (expiresAt.isBefore(grantedAt) || keepUntil.isBefore(expiresAt)) {
            throw new IllegalArgumentException("grantedAt <= expiresAt <= keepUntil is required");
        }
    }

    /**
     * Whether a text has the form of a receipt id (16 to 64 base64url characters); a storage answers "not found"
     * for anything else without looking.
     *
     * @param receiptId the text, untrusted, may be null
     * @return true when well formed
     */
    public static boolean isWellFormedId(String receiptId) {
        return receiptId != null && ConsentLedger.RECEIPT_ID.matcher(receiptId).matches();
    }

    /**
     * The record with a withdrawal time.
     *
     * @param at when
     * @return the withdrawn record
     */
    public ConsentRecord withdrawn(Instant at) {
        return new ConsentRecord(receiptId, owner, partyId, purposeCode, grantedAt, expiresAt, keepUntil, claimsJson,
                compactJws, Optional.of(Objects.requireNonNull(at, "at")));
    }

    /**
     * The state of the record for a party at a time, the rule every storage decides by: another party's receipt is
     * {@code UNKNOWN}; then withdrawn first, then expired, else active.
     *
     * @param forParty the party asking
     * @param now the time
     * @return {@code ACTIVE}, {@code WITHDRAWN}, {@code EXPIRED} or {@code UNKNOWN}
     */
    public ReceiptState.Status statusFor(String forParty, Instant now) {
        Objects.requireNonNull(now, "now");
        if (!partyId.equals(forParty)) {
            return ReceiptState.Status.UNKNOWN;
        }
        if (withdrawnAt.isPresent()) {
            return ReceiptState.Status.WITHDRAWN;
        }
        return now.isBefore(expiresAt) ? ReceiptState.Status.ACTIVE : ReceiptState.Status.EXPIRED;
    }
}
