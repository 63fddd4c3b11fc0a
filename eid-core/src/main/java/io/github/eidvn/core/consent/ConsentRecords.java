package io.github.eidvn.core.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The storage SPI under the {@link ConsentLedger}: where receipts are kept, and the atomic steps on them. The ledger
 * holds the rules that need the issuer's secrets (citizen references, receipt encoding); a storage keeps
 * {@link ConsentRecord}s and makes each method one atomic step.
 *
 * <p>The default storage is the {@link io.github.eidvn.core.spi.StateStore} (set with
 * {@link ConsentLedger.Builder#store}: memory or Redis, records expire with a TTL); {@code eid-postgres} keeps
 * receipts as legal records in PostgreSQL, with the audit of each step in the same transaction.
 *
 * <p>Every method gets the caller's time; a record whose {@link ConsentRecord#keepUntil()} is not after it is gone.
 * Implementations must be thread-safe; failures are {@link io.github.eidvn.core.spi.StateStoreException}s.
 *
 * <p><b>Security:</b> whoever can write to the storage can revive a withdrawn consent: protect it like the user
 * database.
 */
public interface ConsentRecords {

    /**
     * Adds a record, atomically: {@code ALREADY_RECORDED} when a record with that id is kept (nothing changes);
     * {@code CITIZEN_LIMIT_REACHED} when the owner already has {@code maxPerCitizen} kept records (nothing is added);
     * else {@code RECORDED}, and the record is durable when this returns.
     *
     * @param record the new record (not withdrawn)
     * @param maxPerCitizen the bound on kept records per owner
     * @param now the time
     * @return the outcome
     */
    ConsentLedger.RecordOutcome insert(ConsentRecord record, int maxPerCitizen, Instant now);

    /**
     * A kept record.
     *
     * @param receiptId a well-formed receipt id
     * @param now the time
     * @return the record, or empty
     */
    Optional<ConsentRecord> find(String receiptId, Instant now);

    /**
     * A kept record, read for a party's opening of a delivery: decided once against a concurrent
     * {@link #withdraw}, so an opening either precedes the withdrawal or sees it. A storage that keeps an audit
     * records the decision ({@link ConsentRecord#statusFor}) in the same step. The state store's answer is
     * {@link #find}: its single-key read is already ordered against the withdrawal's compare-and-set.
     *
     * @param receiptId a well-formed receipt id
     * @param partyId the party opening
     * @param now the time
     * @return the record, or empty
     */
    Optional<ConsentRecord> findForOpening(String receiptId, String partyId, Instant now);

    /**
     * The owner's kept records, oldest first.
     *
     * @param owner the ledger reference
     * @param now the time
     * @return the records
     */
    List<ConsentRecord> listByOwner(String owner, Instant now);

    /**
     * Withdraws a record, atomically: {@code NOT_FOUND} when no kept record has that id and owner,
     * {@code ALREADY_WITHDRAWN}, {@code EXPIRED} when {@code now} is not before its end, else {@code WITHDRAWN} with
     * withdrawal time {@code now}, durable when this returns.
     *
     * @param receiptId a well-formed receipt id
     * @param owner the ledger reference of the citizen withdrawing
     * @param now the time
     * @return the outcome
     */
    ConsentLedger.WithdrawOutcome withdraw(String receiptId, String owner, Instant now);
}
