package io.github.eidvn.core.spi;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The state-store SPI: every piece of mutable security state (one-time codes, device bindings, sessions, failure
 * counters, replay ids) goes through these few operations.
 *
 * <p>Each method is <b>one atomic operation</b> on one key, so that a networked implementation can run it as a
 * single command or Lua script (Redis: {@code GET}, {@code SET PX}, {@code SET NX PX}, a compare-and-set script,
 * {@code DEL}, a delete-if-equals script, {@code GETDEL}, and for {@link #incrementBy} a script that runs
 * {@code INCRBY} and sets {@code PEXPIRE} only when the key did not exist before).
 * Callers never read a value, decide in Java and then write it back unconditionally: every security decision is made
 * by the store's atomic answer ({@code putIfAbsent}, {@code compareAndSet}, {@code deleteIfEquals}, {@code consume},
 * the count returned by {@code incrementBy}). Several such operations may travel together ({@link #run}), each still
 * atomic on its own key.
 *
 * <p>Keys are printable ASCII strings of at most {@link #MAX_KEY_LENGTH} characters; values are compact byte arrays
 * of at most {@link #MAX_VALUE_LENGTH} bytes. Implementations copy values in and out (callers may reuse arrays).
 * Counter values are 64-bit signed integers stored as the decimal ASCII string (so a Redis {@code INCRBY} works on
 * the same key); a counter key must not be used with the byte-array operations and vice versa.
 *
 * <p>Time to live: every write takes a positive {@link Duration}; {@link #NO_EXPIRY} keeps the key until deleted.
 * An expired key behaves exactly like an absent one. Implementations may measure TTLs with their own clock (the
 * in-memory one uses an injected {@link java.time.Clock}); callers that need exact expiry also store the deadline
 * inside the value and check it with their own clock.
 *
 * <p>Implementations must be thread-safe. Programmer errors (null key or value, empty or oversized key, oversized
 * value, non-positive TTL) throw {@link NullPointerException} / {@link IllegalArgumentException}. A store that cannot
 * reach its backend throws {@link StateStoreException}; the account services then fail closed.
 *
 * <p><b>Security.</b> The store holds secrets only in derived form (keyed hashes of codes, hashes of session tokens),
 * but it is still the authority for locks and bindings: anyone who can write to it can unlock accounts. Protect it
 * like the user database.
 */
public interface StateStore {

    /** Longest accepted key, in characters. */
    int MAX_KEY_LENGTH = 512;

    /** Largest accepted value, in bytes. */
    int MAX_VALUE_LENGTH = 64 * 1024;

    /** The TTL meaning "never expires" (only {@link #delete} or a conditional delete removes the key). */
    Duration NO_EXPIRY = ChronoUnit.FOREVER.getDuration();

    /**
     * Reads a value.
     *
     * @param key the key
     * @return a copy of the value, or empty when absent or expired
     */
    Optional<byte[]> get(String key);

    /**
     * Writes a value unconditionally (replacing any value and its TTL).
     *
     * @param key the key
     * @param value the value
     * @param ttl time to live, positive, or {@link #NO_EXPIRY}
     */
    void put(String key, byte[] value, Duration ttl);

    /**
     * Writes a value only when the key is absent (or expired).
     *
     * @param key the key
     * @param value the value
     * @param ttl time to live, positive, or {@link #NO_EXPIRY}
     * @return true when written, false when a live value was already there (it is left unchanged)
     */
    boolean putIfAbsent(String key, byte[] value, Duration ttl);

    /**
     * Replaces a value only when the current live value equals {@code expected} byte for byte.
     *
     * @param key the key
     * @param expected the value that must be present
     * @param newValue the replacement
     * @param ttl time to live of the replacement (replaces the old TTL), positive, or {@link #NO_EXPIRY}
     * @return true when replaced; false when the key is absent, expired or holds another value
     */
    boolean compareAndSet(String key, byte[] expected, byte[] newValue, Duration ttl);

    /**
     * Deletes a key.
     *
     * @param key the key
     * @return true when a live value was deleted
     */
    boolean delete(String key);

    /**
     * Deletes a key only when its live value equals {@code expected} byte for byte.
     *
     * @param key the key
     * @param expected the value that must be present
     * @return true when deleted
     */
    boolean deleteIfEquals(String key, byte[] expected);

    /**
     * Reads and deletes a value in one step ("consume once"): of several concurrent callers at most one receives the
     * value.
     *
     * @param key the key
     * @return the value that was removed, or empty when absent or expired
     */
    Optional<byte[]> consume(String key);

    /**
     * Adds {@code delta} to a counter and returns the new count. An absent (or expired) counter starts at zero and
     * gets {@code ttlIfCreated}; an existing counter keeps its TTL (a fixed window that starts at the first
     * increment).
     *
     * @param key the counter key
     * @param delta the amount to add (may be negative)
     * @param ttlIfCreated time to live when the counter is created, positive, or {@link #NO_EXPIRY}
     * @return the count after the addition
     */
    long incrementBy(String key, long delta, Duration ttlIfCreated);

    /**
     * Runs several of the operations above as one step, in order (see {@link StateBatch}): each keeps its own meaning
     * and atomicity; a networked store answers them in one round trip where it can (Redis: one script per cluster
     * slot). The default runs them one by one ({@link StateBatch#runEach}).
     *
     * @param batch the operations
     * @return their results, by the indexes the batch returned
     */
    default StateBatch.Results run(StateBatch batch) {
        return batch.runEach(this);
    }
}
