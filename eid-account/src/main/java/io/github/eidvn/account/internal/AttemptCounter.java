package io.github.eidvn.account.internal;

import java.time.Duration;
import java.util.Objects;

import io.github.eidvn.core.spi.StateBatch;
import io.github.eidvn.core.spi.StateStore;

/**
 * Counts attempts at something guessable (a password, a code, a source's failures) in the state store: one atomic
 * increment per attempt, the window starting at the first attempt. The single counter behind account locks, source
 * throttles, new-device codes, out-of-band codes and authenticator codes.
 */
public final class AttemptCounter {

    private final StateStore store;
    private final int max;
    private final Duration window;

    private AttemptCounter(StateStore store, int max, Duration window) {
        this.store = store;
        this.max = max;
        this.window = window;
    }

    /**
     * @param store the state store
     * @param max attempts allowed per window, at least 1
     * @param window how long a count lives from its first attempt
     * @return the counter
     */
    public static AttemptCounter of(StateStore store, int max, Duration window) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        return new AttemptCounter(Objects.requireNonNull(store, "store"), max, Checks.positive(window, "window"));
    }

    /**
     * One attempt: the count after it.
     *
     * @param number this attempt's number in the window (1 for the first)
     * @param max attempts allowed
     */
    public record Attempt(long number, int max) {
        /** @return true while the attempt is within the allowance */
        public boolean allowed() {
            return number <= max;
        }

        /** @return attempts left after this one (0 when none) */
        public int remaining() {
            return (int) Math.max(0, max - number);
        }
    }

    /**
     * Counts an attempt.
     *
     * @param key the counter's key
     * @return the attempt
     */
    public Attempt record(String key) {
        return new Attempt(store.incrementBy(key, 1, window), max);
    }

    /**
     * Adds the count of an attempt to a batch (run on {@link #store()}).
     *
     * @param batch the batch
     * @param key the counter's key
     * @return the index to read with {@link #attempt}
     */
    public int addRecord(StateBatch batch, String key) {
        return batch.incrementBy(key, 1, window);
    }

    /**
     * @param r the results of a batch
     * @param index what {@link #addRecord} returned
     * @return the attempt
     */
    public Attempt attempt(StateBatch.Results r, int index) {
        return new Attempt(r.count(index), max);
    }

    /**
     * Adds the give-back of an attempt to a batch (run on {@link #store()}).
     *
     * @param batch the batch
     * @param key the counter's key
     */
    public void addGiveBack(StateBatch batch, String key) {
        batch.incrementBy(key, -1, window);
    }

    /** @return the store the counts live in */
    public StateStore store() {
        return store;
    }

    /**
     * Gives an attempt back (it succeeded, or it tested no secret).
     *
     * @param key the counter's key
     */
    public void giveBack(String key) {
        store.incrementBy(key, -1, window);
    }

    /**
     * Clears the count.
     *
     * @param key the counter's key
     */
    public void reset(String key) {
        store.delete(key);
    }

    /** @return attempts allowed per window */
    public int max() {
        return max;
    }

    /** @return the window */
    public Duration window() {
        return window;
    }
}
