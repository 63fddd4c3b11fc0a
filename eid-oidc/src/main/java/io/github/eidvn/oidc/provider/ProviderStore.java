package io.github.eidvn.oidc.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.github.eidvn.core.internal.Base64Url;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.spi.StateStore;

/**
 * The provider's records in the {@link StateStore}: pushed requests ({@code par}), authorization transactions
 * ({@code tx}), codes ({@code code}) and used client-assertion ids ({@code jti}). A record is JSON under
 * {@code <prefix><kind>:<SHA-256 of its secret id>}, so the store never holds a request URI, transaction id or code
 * that would let its reader act. Thread-safe; every method may throw
 * {@link io.github.eidvn.core.spi.StateStoreException}.
 */
final class ProviderStore {

    /** Kinds of record. */
    static final String PUSHED_REQUEST = "par";
    static final String TRANSACTION = "tx";
    static final String CODE = "code";

    private final StateStore store;
    private final String prefix;
    private final SecureRandom random = new SecureRandom();

    ProviderStore(StateStore store, String prefix) {
        this.store = store;
        this.prefix = prefix;
    }

    /** @return a new secret id: 256 random bits, base64url */
    String newId() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64Url.encode(b);
    }

    /** Stores a record under a secret id. */
    void put(String kind, String id, Map<String, Object> record, Duration ttl) {
        store.put(key(kind, id), StrictJson.write(record), ttl);
    }

    /** Takes a record once ({@link StateStore#consume}); empty when unknown, used, expired or unreadable. */
    Optional<Map<String, Object>> take(String kind, String id) {
        return store.consume(key(kind, id)).flatMap(ProviderStore::parse);
    }

    /** Reads a record to change it ({@link #replace}) or end it ({@link #remove}) only if nobody did meanwhile. */
    Optional<Versioned> read(String kind, String id) {
        String key = key(kind, id);
        Optional<byte[]> raw = store.get(key);
        return raw.flatMap(ProviderStore::parse).map(fields -> new Versioned(key, raw.get(), fields));
    }

    /** @return whether the record was still as read, and now holds {@code next} */
    boolean replace(Versioned read, Map<String, Object> next, Duration ttl) {
        return store.compareAndSet(read.key, read.raw, StrictJson.write(next), ttl);
    }

    /** @return whether the record was still as read, and is now gone */
    boolean remove(Versioned read) {
        return store.deleteIfEquals(read.key, read.raw);
    }

    /** Deletes a record. */
    void delete(String kind, String id) {
        store.delete(key(kind, id));
    }

    /**
     * Remembers a client assertion's {@code jti} for a client.
     *
     * @return true the first time, false for a replay
     */
    boolean firstUse(String clientId, String jti, Duration ttl) {
        return store.putIfAbsent(prefix + "jti:" + clientId + ":" + sha256(jti), new byte[] {1}, ttl);
    }

    private String key(String kind, String id) {
        return prefix + kind + ":" + sha256(id);
    }

    private static Optional<Map<String, Object>> parse(byte[] bytes) {
        try {
            return Optional.of(StrictJson.parseObject(bytes));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String sha256(String s) {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record as read, with the bytes that {@link #replace} and {@link #remove} compare. */
    static final class Versioned {
        private final String key;
        private final byte[] raw;
        private final Map<String, Object> fields;

        private Versioned(String key, byte[] raw, Map<String, Object> fields) {
            this.key = key;
            this.raw = raw;
            this.fields = fields;
        }

        /** @return the record's members (a mutable copy is the caller's to make) */
        Map<String, Object> fields() {
            return fields;
        }
    }
}
