package io.github.eidvn.core.spi;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default {@link StateStore}: a map in this JVM, for one node (use {@code eid-redis} for several nodes).
 *
 * <p>Every operation is atomic per key ({@link ConcurrentHashMap#compute}). TTLs are measured with the injected
 * {@link Clock}, so tests move time forward instead of sleeping. Expired entries are dropped lazily when touched and
 * by a sweep every few thousand writes. The number of live keys is bounded (default {@value #DEFAULT_MAX_ENTRIES});
 * a write of a new key beyond the bound throws {@link StateStoreException}, so a flood of keys fails closed instead of
 * exhausting memory.
 *
 * <p><b>Security.</b> State lives only in this process: it is lost on restart (sessions end, locks and failure
 * counters reset). Deployments that need locks to survive a restart use a persistent store.
 */
public final class InMemoryStateStore implements StateStore {

    /** Default bound on live keys. */
    public static final int DEFAULT_MAX_ENTRIES = 1_000_000;

    private static final int SWEEP_EVERY_WRITES = 4096;

    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> map = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    private record Entry(byte[] value, long expiresAtMillis) {
        boolean liveAt(long now) {
            return now < expiresAtMillis;
        }
    }

    private InMemoryStateStore(Clock clock, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /**
     * A store on the system UTC clock.
     *
     * @return a new empty store
     */
    public static InMemoryStateStore create() {
        return new InMemoryStateStore(Clock.systemUTC(), DEFAULT_MAX_ENTRIES);
    }

    /**
     * A store measuring TTLs with {@code clock}.
     *
     * @param clock the clock
     * @return a new empty store
     */
    public static InMemoryStateStore create(Clock clock) {
        return new InMemoryStateStore(clock, DEFAULT_MAX_ENTRIES);
    }

    /**
     * A store measuring TTLs with {@code clock} and holding at most {@code maxEntries} live keys.
     *
     * @param clock the clock
     * @param maxEntries bound on live keys, positive
     * @return a new empty store
     */
    public static InMemoryStateStore create(Clock clock, int maxEntries) {
        return new InMemoryStateStore(clock, maxEntries);
    }

    @Override
    public Optional<byte[]> get(String key) {
        StateBatch.checkKey(key);
        return getChecked(key);
    }

    private Optional<byte[]> getChecked(String key) {
        Entry e = map.get(key);
        long now = clock.millis();
        if (e == null || !e.liveAt(now)) {
            return Optional.empty();
        }
        return Optional.of(e.value.clone());
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        StateBatch.checkKey(key);
        putChecked(key, StateBatch.checkValue(value), ttl);
    }

    private void putChecked(String key, byte[] v, Duration ttl) {
        long now = clock.millis();
        long deadline = deadline(now, ttl);
        beforeWrite(key);
        map.put(key, new Entry(v, deadline));
    }

    @Override
    public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
        StateBatch.checkKey(key);
        return putIfAbsentChecked(key, StateBatch.checkValue(value), ttl);
    }

    private boolean putIfAbsentChecked(String key, byte[] v, Duration ttl) {
        long now = clock.millis();
        long deadline = deadline(now, ttl);
        beforeWrite(key);
        boolean[] written = {false};
        map.compute(key, (k, old) -> {
            if (old != null && old.liveAt(now)) {
                return old;
            }
            written[0] = true;
            return new Entry(v, deadline);
        });
        return written[0];
    }

    @Override
    public boolean compareAndSet(String key, byte[] expected, byte[] newValue, Duration ttl) {
        StateBatch.checkKey(key);
        Objects.requireNonNull(expected, "expected");
        return compareAndSetChecked(key, expected, StateBatch.checkValue(newValue), ttl);
    }

    private boolean compareAndSetChecked(String key, byte[] expected, byte[] v, Duration ttl) {
        long now = clock.millis();
        long deadline = deadline(now, ttl);
        boolean[] written = {false};
        map.compute(key, (k, old) -> {
            if (old == null || !old.liveAt(now)) {
                return null;
            }
            if (!Arrays.equals(old.value, expected)) {
                return old;
            }
            written[0] = true;
            return new Entry(v, deadline);
        });
        countWrite();
        return written[0];
    }

    @Override
    public boolean delete(String key) {
        StateBatch.checkKey(key);
        return deleteChecked(key);
    }

    private boolean deleteChecked(String key) {
        long now = clock.millis();
        Entry old = map.remove(key);
        return old != null && old.liveAt(now);
    }

    @Override
    public boolean deleteIfEquals(String key, byte[] expected) {
        StateBatch.checkKey(key);
        return deleteIfEqualsChecked(key, Objects.requireNonNull(expected, "expected"));
    }

    private boolean deleteIfEqualsChecked(String key, byte[] expected) {
        long now = clock.millis();
        boolean[] deleted = {false};
        map.compute(key, (k, old) -> {
            if (old == null || !old.liveAt(now)) {
                return null;
            }
            if (Arrays.equals(old.value, expected)) {
                deleted[0] = true;
                return null;
            }
            return old;
        });
        return deleted[0];
    }

    @Override
    public Optional<byte[]> consume(String key) {
        StateBatch.checkKey(key);
        long now = clock.millis();
        AtomicReference<byte[]> taken = new AtomicReference<>();
        map.compute(key, (k, old) -> {
            if (old != null && old.liveAt(now)) {
                taken.set(old.value);
            }
            return null;
        });
        byte[] v = taken.get();
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    @Override
    public long incrementBy(String key, long delta, Duration ttlIfCreated) {
        StateBatch.checkKey(key);
        return incrementByChecked(key, delta, ttlIfCreated);
    }

    private long incrementByChecked(String key, long delta, Duration ttlIfCreated) {
        long now = clock.millis();
        long deadline = deadline(now, ttlIfCreated);
        beforeWrite(key);
        long[] result = new long[1];
        map.compute(key, (k, old) -> {
            if (old == null || !old.liveAt(now)) {
                result[0] = delta;
                return new Entry(encode(delta), deadline);
            }
            long current = decode(old.value);
            long next = Math.addExact(current, delta);
            result[0] = next;
            return new Entry(encode(next), old.expiresAtMillis);
        });
        return result[0];
    }

    /**
     * Runs the batch's operations in order, each as its single-key method (the batch checked the keys and values when
     * they were added, so they are not checked again).
     */
    @Override
    public StateBatch.Results run(StateBatch batch) {
        List<StateBatch.Operation> ops = batch.operations();
        Object[] out = new Object[ops.size()];
        for (int i = 0; i < out.length; i++) {
            StateBatch.Operation o = ops.get(i);
            String k = o.key();
            out[i] = switch (o.kind()) {
                case GET -> getChecked(k).orElse(null);
                case PUT -> {
                    putChecked(k, o.value(), o.ttl());
                    yield Boolean.TRUE;
                }
                case PUT_IF_ABSENT -> putIfAbsentChecked(k, o.value(), o.ttl());
                case COMPARE_AND_SET -> compareAndSetChecked(k, o.expected(), o.value(), o.ttl());
                case DELETE -> deleteChecked(k);
                case DELETE_IF_EQUALS -> deleteIfEqualsChecked(k, o.expected());
                case INCREMENT_BY -> incrementByChecked(k, o.delta(), o.ttl());
            };
        }
        return new StateBatch.Results(out);
    }

    /**
     * The live keys at this moment, sorted (a snapshot for tests and diagnostics; not part of the SPI).
     *
     * @return the live keys
     */
    public Set<String> liveKeys() {
        long now = clock.millis();
        Set<String> keys = new TreeSet<>();
        map.forEach((k, e) -> {
            if (e.liveAt(now)) {
                keys.add(k);
            }
        });
        return keys;
    }

    /**
     * The number of live keys at this moment.
     *
     * @return the count
     */
    public int size() {
        return liveKeys().size();
    }

    @Override
    public String toString() {
        return "InMemoryStateStore[" + map.size() + " entries]";
    }

    private static byte[] encode(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static long decode(byte[] v) {
        try {
            return Long.parseLong(new String(v, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the key does not hold a counter", e);
        }
    }

    private void beforeWrite(String key) {
        countWrite();
        if (map.size() >= maxEntries && !map.containsKey(key)) {
            sweep();
            if (map.size() >= maxEntries) {
                throw new StateStoreException("in-memory state store full (" + maxEntries + " keys)", null);
            }
        }
    }

    private void countWrite() {
        if (writes.incrementAndGet() % SWEEP_EVERY_WRITES == 0) {
            sweep();
        }
    }

    private void sweep() {
        long now = clock.millis();
        // read-only pass; only an expired entry is removed, and only if it is still the mapped one (atomic per key)
        map.forEach((k, e) -> {
            if (!e.liveAt(now)) {
                map.remove(k, e);
            }
        });
    }

    private static long deadline(long now, Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.equals(NO_EXPIRY)) {
            return Long.MAX_VALUE;
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        long millis;
        try {
            millis = Math.max(1, ttl.toMillis());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        long d = now + millis;
        return d < now ? Long.MAX_VALUE : d;
    }
}
