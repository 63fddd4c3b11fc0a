package io.github.eidvn.verifier;

import java.time.Instant;

/**
 * Service-provider hook for the replay stage: remembers assertion ids ({@code iss} + {@code jti}) until their
 * validity ends, and reports a second presentation.
 *
 * <p>Implementations must be thread-safe and atomic: two concurrent calls with the same key must not both get
 * {@link Outcome#FIRST_USE}. {@link InMemoryReplayGuard} serves one JVM; several nodes need a shared store.
 */
public interface ReplayGuard {

    /** The answer of {@link #checkAndRecord}. */
    enum Outcome {
        /** Not seen before; now recorded. */
        FIRST_USE,
        /** Seen before and still within its retention. */
        REPLAYED,
        /** Cannot record (store full): the verifier fails closed. */
        CAPACITY_EXCEEDED
    }

    /**
     * Atomically checks whether the key was seen and records it.
     *
     * @param key the assertion id (issuer and {@code jti})
     * @param retainUntil until when to remember it (its expiry plus the clock skew)
     * @param now the verifier's current time
     * @return the outcome
     */
    Outcome checkAndRecord(String key, Instant retainUntil, Instant now);
}
