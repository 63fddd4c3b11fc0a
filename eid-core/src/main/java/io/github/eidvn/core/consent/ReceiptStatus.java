package io.github.eidvn.core.consent;

import java.time.Instant;

/**
 * The service-provider check that a consent receipt is still in force: consulted by the sealer before a delivery
 * is made and by the party's opener before delivered data is used. {@link ConsentLedger} implements it; a party
 * that is not co-located with the ledger implements it over the issuer's status endpoint.
 *
 * <p>Implementations must be thread-safe and fail closed: an error is {@link ReceiptState#unavailable()}, never
 * {@link ReceiptState.Status#ACTIVE}.
 */
public interface ReceiptStatus {

    /**
     * The state of a receipt for a party.
     *
     * @param receiptId the receipt id (untrusted: it comes from a delivery)
     * @param partyId the party the receipt must belong to
     * @param now the caller's current time
     * @return the state; a receipt of another party is {@link ReceiptState#unknown()}
     */
    ReceiptState check(String receiptId, String partyId, Instant now);
}
