package io.github.eidvn.verifier;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A bounded in-memory {@link ReplayGuard} for one JVM.
 *
 * <p>Entries are dropped once their retention has passed. When {@code maxEntries} unexpired entries are held, new
 * keys get {@link ReplayGuard.Outcome#CAPACITY_EXCEEDED} (fail closed) rather than evicting a live entry, which
 * would let that token be replayed. Thread-safe (one lock; each call is O(log n)).
 */
public final class InMemoryReplayGuard implements ReplayGuard {

    /** The default capacity. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private final int maxEntries;
    private final Map<String, Instant> entries = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>();
    private final Object lock = new Object();

    private InMemoryReplayGuard(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /**
     * A guard with a capacity.
     *
     * @param maxEntries the most ids held at once (positive)
     * @return the guard
     */
    public static InMemoryReplayGuard withCapacity(int maxEntries) {
        return new InMemoryReplayGuard(maxEntries);
    }

    @Override
    public Outcome checkAndRecord(String key, Instant retainUntil, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(retainUntil, "retainUntil");
        Objects.requireNonNull(now, "now");
        synchronized (lock) {
            purge(now);
            if (entries.containsKey(key)) {
                return Outcome.REPLAYED;
            }
            if (!retainUntil.isAfter(now)) {
                // already past its retention: the time stage rejects such tokens; nothing to remember
                return Outcome.FIRST_USE;
            }
            if (entries.size() >= maxEntries) {
                return Outcome.CAPACITY_EXCEEDED;
            }
            entries.put(key, retainUntil);
            byExpiry.add(new Entry(retainUntil, key));
            return Outcome.FIRST_USE;
        }
    }

    /** @return the number of ids currently held */
    public int size() {
        synchronized (lock) {
            return entries.size();
        }
    }

    /** @return the capacity */
    public int maxEntries() {
        return maxEntries;
    }

    private void purge(Instant now) {
        Entry head;
        while ((head = byExpiry.peek()) != null && !head.until.isAfter(now)) {
            byExpiry.poll();
            entries.remove(head.key);
        }
    }

    @Override
    public String toString() {
        return "InMemoryReplayGuard[maxEntries=" + maxEntries + "]";
    }

    private static final class Entry implements Comparable<Entry> {
        final Instant until;
        final String key;

        Entry(Instant until, String key) {
            this.until = until;
            this.key = key;
        }

        @Override
        public int compareTo(Entry o) {
            return until.compareTo(o.until);
        }
    }
}
