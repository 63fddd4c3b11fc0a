package io.github.eidvn.core.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.core.spi.StateStoreException;

/**
 * The default {@link ConsentRecords}: receipts on the {@link StateStore} SPI, each kept with a TTL until its
 * {@link ConsentRecord#keepUntil()}.
 *
 * <p>Keys (prefix {@code eid:consent:} by default):
 * <ul>
 *   <li>{@code r:<receipt id>}: the receipt claims, its signed form, its owner (the citizen's ledger reference, never
 *       the personal number), the withdrawal time and the end of retention;</li>
 *   <li>{@code c:<ledger reference>}: the citizen's index, a list of receipt ids of at most
 *       {@code maxPerCitizen} entries.</li>
 * </ul>
 * Every change is atomic in the store: a receipt is created with {@code putIfAbsent}; the index and withdrawals are
 * updated with {@code compareAndSet} loops that re-read and retry on contention, so concurrent grants for one
 * citizen never lose an entry. When the index is full, ids whose records have disappeared (past retention) are
 * pruned; if it is still full the grant is refused and the receipt record removed again.
 */
final class StateStoreConsentRecords implements ConsentRecords {

    private static final int MAX_ATTEMPTS = 1_000;

    private final StateStore store;
    private final String prefix;

    StateStoreConsentRecords(StateStore store, String prefix) {
        this.store = Objects.requireNonNull(store, "store");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public ConsentLedger.RecordOutcome insert(ConsentRecord record, int maxPerCitizen, Instant now) {
        String recordKey = recordKey(record.receiptId());
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("owner", record.owner());
        value.put("receipt", StrictJson.parseObject(record.claimsJson()));
        value.put("jws", record.compactJws());
        value.put("keep_until", record.keepUntil().getEpochSecond());
        if (!store.putIfAbsent(recordKey, StrictJson.write(value), ttl(now, record.keepUntil()))) {
            return ConsentLedger.RecordOutcome.ALREADY_RECORDED;
        }
        boolean listed = false;
        try {
            ConsentLedger.RecordOutcome outcome = addToIndex(record.owner(), record.receiptId(), maxPerCitizen);
            listed = outcome == ConsentLedger.RecordOutcome.RECORDED;
            return outcome;
        } finally {
            if (!listed) {
                store.delete(recordKey);
            }
        }
    }

    private ConsentLedger.RecordOutcome addToIndex(String owner, String id, int maxPerCitizen) {
        String key = indexKey(owner);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<byte[]> current = store.get(key);
            if (current.isEmpty()) {
                if (store.putIfAbsent(key, writeIndex(List.of(id)), StateStore.NO_EXPIRY)) {
                    return ConsentLedger.RecordOutcome.RECORDED;
                }
                continue;
            }
            List<String> ids = readIndex(current.get());
            if (ids.contains(id)) {
                return ConsentLedger.RecordOutcome.RECORDED;
            }
            if (ids.size() >= maxPerCitizen) {
                ids.removeIf(existing -> store.get(recordKey(existing)).isEmpty());
                if (ids.size() >= maxPerCitizen) {
                    return ConsentLedger.RecordOutcome.CITIZEN_LIMIT_REACHED;
                }
            }
            ids.add(id);
            if (store.compareAndSet(key, current.get(), writeIndex(ids), StateStore.NO_EXPIRY)) {
                return ConsentLedger.RecordOutcome.RECORDED;
            }
        }
        throw new StateStoreException("the consent index stayed contended for " + MAX_ATTEMPTS + " attempts", null);
    }

    @Override
    public Optional<ConsentRecord> find(String receiptId, Instant now) {
        return store.get(recordKey(receiptId)).map(raw -> parse(StrictJson.parseObject(raw)));
    }

    @Override
    public Optional<ConsentRecord> findForOpening(String receiptId, String partyId, Instant now) {
        return find(receiptId, now);
    }

    @Override
    public List<ConsentRecord> listByOwner(String owner, Instant now) {
        Optional<byte[]> index = store.get(indexKey(owner));
        if (index.isEmpty()) {
            return List.of();
        }
        List<ConsentRecord> out = new ArrayList<>();
        for (String id : readIndex(index.get())) {
            Optional<ConsentRecord> r = find(id, now);
            if (r.isPresent() && r.get().owner().equals(owner)) {
                out.add(r.get());
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public ConsentLedger.WithdrawOutcome withdraw(String receiptId, String owner, Instant now) {
        String key = recordKey(receiptId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<byte[]> current = store.get(key);
            if (current.isEmpty()) {
                return ConsentLedger.WithdrawOutcome.NOT_FOUND;
            }
            Map<String, Object> raw = StrictJson.parseObject(current.get());
            ConsentRecord r = parse(raw);
            if (!r.owner().equals(owner)) {
                return ConsentLedger.WithdrawOutcome.NOT_FOUND;
            }
            if (r.withdrawnAt().isPresent()) {
                return ConsentLedger.WithdrawOutcome.ALREADY_WITHDRAWN;
            }
            if (!now.isBefore(r.expiresAt())) {
                return ConsentLedger.WithdrawOutcome.EXPIRED;
            }
            Map<String, Object> value = new LinkedHashMap<>(raw);
            value.put("withdrawn_at", now.getEpochSecond());
            if (store.compareAndSet(key, current.get(), StrictJson.write(value), ttl(now, r.keepUntil()))) {
                return ConsentLedger.WithdrawOutcome.WITHDRAWN;
            }
        }
        throw new StateStoreException("the consent record stayed contended for " + MAX_ATTEMPTS + " attempts", null);
    }

    private static ConsentRecord parse(Map<String, Object> raw) {
        String owner = (String) Objects.requireNonNull(raw.get("owner"), "owner");
        Map<?, ?> claims = (Map<?, ?>) Objects.requireNonNull(raw.get("receipt"), "receipt");
        ConsentReceipt receipt = ConsentReceipt.fromClaims(claims);
        String jws = (String) Objects.requireNonNull(raw.get("jws"), "jws");
        Object w = raw.get("withdrawn_at");
        Optional<Instant> withdrawnAt = w == null ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(StrictJson.longValue("withdrawn_at", w)));
        Object k = raw.get("keep_until");
        // records written before keep_until was stored: the store's TTL still bounds them
        Instant keepUntil = k == null ? receipt.expiresAt()
                : Instant.ofEpochSecond(StrictJson.longValue("keep_until", k));
        return new ConsentRecord(receipt.id(), owner, receipt.partyId(), receipt.purposeCode(), receipt.grantedAt(),
                receipt.expiresAt(), keepUntil, StrictJson.writeString(claims), jws, withdrawnAt);
    }

    private static Duration ttl(Instant now, Instant keepUntil) {
        Duration d = Duration.between(now, keepUntil);
        return d.getSeconds() < 1 ? Duration.ofSeconds(1) : d;
    }

    private String recordKey(String receiptId) {
        return prefix + "r:" + receiptId;
    }

    private String indexKey(String owner) {
        return prefix + "c:" + owner;
    }

    private static byte[] writeIndex(List<String> ids) {
        return StrictJson.write(Map.of("ids", ids));
    }

    private static List<String> readIndex(byte[] raw) {
        Object ids = StrictJson.parseObject(raw).get("ids");
        List<String> out = new ArrayList<>();
        if (ids instanceof List) {
            for (Object o : (List<?>) ids) {
                if (o instanceof String) {
                    out.add((String) o);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "StateStoreConsentRecords[prefix=" + prefix + ", store=" + store + "]";
    }
}
