package io.github.eidvn.verifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

import io.github.eidvn.core.spi.StateStore;

/**
 * A {@link ReplayGuard} over the shared {@link StateStore}: every verifier (every desk, every node, every restart)
 * that uses the same store sees every id any of them accepted. Each call is one atomic
 * {@link StateStore#putIfAbsent} whose time to live is the id's remaining retention ({@code retainUntil - now}), so
 * the store forgets an id when its token could no longer verify anyway.
 *
 * <pre>{@code
 * StateStore store = RedisStateStore.builder().uri("redis://redis.benhvien.local:6379").build();
 * AssertionVerifier verifier = AssertionVerifier.builder()
 *         .trustStore(trust).expectedAudience("79024").expectedPurpose("bhyt-checkin")
 *         .replayGuard(StateStoreReplayGuard.over(store))
 *         .requiredLevel(AssuranceLevel.LEVEL_2).build();
 * }</pre>
 *
 * <p>Keys are {@code replay:} plus the SHA-256 of the id in hex (fixed length, printable ASCII whatever the issuer
 * and {@code jti}). Thread-safe when the store is.
 *
 * <p><b>Security.</b> Fails closed: a store that cannot be reached throws its {@code StateStoreException}, which the
 * verifiers turn into {@link Reason#CHECK_UNAVAILABLE}; nothing is accepted without the store's atomic answer. The
 * retention is measured by the store's clock: keep the nodes' clocks and the store's in step (NTP); the verifier's
 * time stage still rejects a token past its expiry whatever the store holds.
 */
public final class StateStoreReplayGuard implements ReplayGuard {

    /** The prefix of the keys this guard writes. */
    public static final String KEY_PREFIX = "replay:";

    private static final byte[] MARK = {1};

    private final StateStore store;

    private StateStoreReplayGuard(StateStore store) {
        this.store = store;
    }

    /**
     * A guard over a store.
     *
     * @param store the store shared by every verifier that must see the same ids
     * @return the guard
     * @throws NullPointerException when the store is null
     */
    public static StateStoreReplayGuard over(StateStore store) {
        return new StateStoreReplayGuard(Objects.requireNonNull(store, "store"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.github.eidvn.core.spi.StateStoreException when the store cannot be reached (the verifier answers
     *     {@link Reason#CHECK_UNAVAILABLE})
     */
    @Override
    public Outcome checkAndRecord(String key, Instant retainUntil, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(retainUntil, "retainUntil");
        Objects.requireNonNull(now, "now");
        String storeKey = KEY_PREFIX + sha256Hex(key);
        if (!retainUntil.isAfter(now)) {
            // past its retention: the time stage rejects such tokens; nothing to remember, but a live record wins
            return store.get(storeKey).isPresent() ? Outcome.REPLAYED : Outcome.FIRST_USE;
        }
        Duration ttl = Duration.between(now, retainUntil);
        if (ttl.compareTo(Duration.ofMillis(1)) < 0) {
            ttl = Duration.ofMillis(1);
        }
        return store.putIfAbsent(storeKey, MARK, ttl) ? Outcome.FIRST_USE : Outcome.REPLAYED;
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "StateStoreReplayGuard[" + store.getClass().getSimpleName() + "]";
    }
}
