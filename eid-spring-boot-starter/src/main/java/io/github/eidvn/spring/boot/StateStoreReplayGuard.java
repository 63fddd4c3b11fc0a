package io.github.eidvn.spring.boot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.verifier.ReplayGuard;

/**
 * The replay stage on the application's {@link StateStore}: with Redis, every node of the service sees every
 * assertion id. One atomic put-if-absent per assertion, kept until {@code retainUntil}.
 */
public final class StateStoreReplayGuard implements ReplayGuard {

    private static final byte[] SEEN = {1};
    private static final Duration MIN_TTL = Duration.ofSeconds(1);
    private final StateStore store;

    /**
     * @param store the shared state store
     */
    public StateStoreReplayGuard(StateStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Outcome checkAndRecord(String key, Instant retainUntil, Instant now) {
        Duration ttl = Duration.between(now, retainUntil);
        if (ttl.compareTo(MIN_TTL) < 0) {
            ttl = MIN_TTL;
        }
        return store.putIfAbsent("replay:" + digest(key), SEEN, ttl) ? Outcome.FIRST_USE : Outcome.REPLAYED;
    }

    /** A fixed-length store key whatever the issuer and {@code jti} hold. */
    private static String digest(String key) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "StateStoreReplayGuard[" + store + "]";
    }
}
