package io.github.eidvn.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.eidvn.core.spi.StateBatch;
import io.github.eidvn.core.spi.StateStore;

/**
 * The behaviour every {@link StateStore} must have. Each implementation's test extends this class, so the in-memory
 * store and the Redis store run the very same checks and cannot drift apart.
 *
 * <p>Time: a subclass says how time passes. The in-memory run moves an injected clock; a networked store whose TTLs
 * are measured by its server sleeps for real, so {@link #unit()} is short there (the tests use TTLs of a few units and
 * keep at least one unit of margin on each side of an expiry).
 */
public abstract class StateStoreContract {

    /** A TTL long enough never to expire during a test. */
    protected static final Duration LONG = Duration.ofHours(1);

    /** The store under test. */
    protected StateStore store;

    /** A prefix unique to each test, so tests never see each other's keys. */
    protected String p;

    private static final AtomicInteger TESTS = new AtomicInteger();

    /**
     * A store to test; state left by earlier tests must not matter (keys are prefixed per test).
     *
     * @return the store
     */
    protected abstract StateStore newStore();

    /**
     * Lets {@code d} pass for the store's TTLs (move a clock, or sleep).
     *
     * @param d how long
     */
    protected abstract void elapse(Duration d);

    /**
     * The time unit of the TTL tests: expiries are checked with at least this much margin.
     *
     * @return the unit
     */
    protected abstract Duration unit();

    /**
     * How many operations the concurrency tests run per thread (smaller for a slow backend).
     *
     * @return the count
     */
    protected int concurrencyRounds() {
        return 200;
    }

    @BeforeEach
    void setUpStore() {
        store = newStore();
        p = "t" + TESTS.incrementAndGet() + "-" + System.nanoTime() + ":";
    }

    @AfterEach
    void tearDownStore() throws Exception {
        release(store);
    }

    /**
     * Called after each test with the store from {@link #newStore()}; closes it when it is {@link AutoCloseable}
     * (a subclass sharing one store across tests overrides this).
     *
     * @param s the store
     * @throws Exception when closing fails
     */
    protected void release(StateStore s) throws Exception {
        if (s instanceof AutoCloseable c) {
            c.close();
        }
    }

    /**
     * ASCII bytes.
     *
     * @param s text
     * @return its bytes
     */
    protected static byte[] b(String s) {
        return s.getBytes(US_ASCII);
    }

    // ------------------------------------------------------------------ values

    @Test
    void get_absentKey_empty() {
        assertThat(store.get(p + "nothing")).isEmpty();
    }

    @Test
    void put_thenGet_returnsEqualCopies() {
        byte[] v = b("abc");
        store.put(p + "k", v, LONG);
        v[0] = 'x';
        byte[] got = store.get(p + "k").orElseThrow();
        assertThat(got).isEqualTo(b("abc"));
        got[0] = 'y';
        assertThat(store.get(p + "k").orElseThrow()).isEqualTo(b("abc"));
    }

    @Test
    void put_binaryValues_roundTripByteForByte() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        store.put(p + "bin", all, LONG);
        assertThat(store.get(p + "bin").orElseThrow()).isEqualTo(all);
        store.put(p + "empty", new byte[0], LONG);
        assertThat(store.get(p + "empty")).hasValueSatisfying(v -> assertThat(v).isEmpty());
        byte[] max = new byte[StateStore.MAX_VALUE_LENGTH];
        new Random(7).nextBytes(max);
        store.put(p + "max", max, LONG);
        assertThat(store.get(p + "max").orElseThrow()).isEqualTo(max);
    }

    @Test
    void put_replacesValue() {
        store.put(p + "k", b("1"), LONG);
        store.put(p + "k", b("2"), LONG);
        assertThat(store.get(p + "k").orElseThrow()).isEqualTo(b("2"));
    }

    @Test
    void keys_fullPrintableAsciiAndMaxLength_accepted() {
        StringBuilder all = new StringBuilder(p);
        for (char c = 0x21; c <= 0x7e; c++) {
            all.append(c);
        }
        store.put(all.toString(), b("v"), LONG);
        assertThat(store.get(all.toString())).isPresent();
        String longest = p + "x".repeat(StateStore.MAX_KEY_LENGTH - p.length());
        store.put(longest, b("v"), LONG);
        assertThat(store.get(longest)).isPresent();
        assertThat(store.get(p + "x".repeat(StateStore.MAX_KEY_LENGTH - p.length() - 1))).isEmpty();
    }

    @Test
    void keysDifferingOnlyInCaseOrAccountTag_areDistinct() {
        store.put(p + "a:001099012345", b("1"), LONG);
        store.put(p + "A:001099012345", b("2"), LONG);
        store.put(p + "a:{001099012345}", b("3"), LONG);
        assertThat(store.get(p + "a:001099012345").orElseThrow()).isEqualTo(b("1"));
        assertThat(store.get(p + "A:001099012345").orElseThrow()).isEqualTo(b("2"));
        assertThat(store.get(p + "a:{001099012345}").orElseThrow()).isEqualTo(b("3"));
    }

    // ------------------------------------------------------------------ conditional writes

    @Test
    void putIfAbsent_onlyFirstWins() {
        assertThat(store.putIfAbsent(p + "k", b("1"), LONG)).isTrue();
        assertThat(store.putIfAbsent(p + "k", b("2"), LONG)).isFalse();
        assertThat(store.get(p + "k").orElseThrow()).isEqualTo(b("1"));
    }

    @Test
    void compareAndSet_requiresExactCurrentValue() {
        assertThat(store.compareAndSet(p + "k", b("1"), b("2"), LONG)).as("absent").isFalse();
        assertThat(store.get(p + "k")).as("absent key not created").isEmpty();
        store.put(p + "k", b("1"), LONG);
        assertThat(store.compareAndSet(p + "k", b("x"), b("2"), LONG)).isFalse();
        assertThat(store.compareAndSet(p + "k", b("1\0"), b("2"), LONG)).as("prefix is not equal").isFalse();
        assertThat(store.compareAndSet(p + "k", new byte[0], b("2"), LONG)).isFalse();
        assertThat(store.get(p + "k").orElseThrow()).isEqualTo(b("1"));
        assertThat(store.compareAndSet(p + "k", b("1"), b("2"), LONG)).isTrue();
        assertThat(store.get(p + "k").orElseThrow()).isEqualTo(b("2"));
        assertThat(store.compareAndSet(p + "k", b("1"), b("3"), LONG)).as("old value no longer matches").isFalse();
    }

    @Test
    void compareAndSet_binaryAndEmptyValues() {
        byte[] a = {0, (byte) 0xff, 0, 1};
        byte[] c = {0, (byte) 0xff, 0, 2};
        store.put(p + "k", a, LONG);
        assertThat(store.compareAndSet(p + "k", c, b("x"), LONG)).isFalse();
        assertThat(store.compareAndSet(p + "k", a.clone(), new byte[0], LONG)).isTrue();
        assertThat(store.compareAndSet(p + "k", new byte[0], c, LONG)).isTrue();
        assertThat(store.get(p + "k").orElseThrow()).isEqualTo(c);
    }

    @Test
    void deleteIfEquals_andDelete() {
        assertThat(store.deleteIfEquals(p + "k", b("1"))).as("absent").isFalse();
        store.put(p + "k", b("1"), LONG);
        assertThat(store.deleteIfEquals(p + "k", b("2"))).isFalse();
        assertThat(store.get(p + "k")).isPresent();
        assertThat(store.deleteIfEquals(p + "k", b("1"))).isTrue();
        assertThat(store.get(p + "k")).isEmpty();
        store.put(p + "k", b("1"), LONG);
        assertThat(store.delete(p + "k")).isTrue();
        assertThat(store.delete(p + "k")).isFalse();
        assertThat(store.get(p + "k")).isEmpty();
    }

    @Test
    void consume_returnsValueOnce() {
        assertThat(store.consume(p + "k")).isEmpty();
        store.put(p + "k", new byte[] {1, 0, 2}, LONG);
        assertThat(store.consume(p + "k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(new byte[] {1, 0, 2}));
        assertThat(store.consume(p + "k")).isEmpty();
        assertThat(store.get(p + "k")).isEmpty();
    }

    // ------------------------------------------------------------------ counters

    @Test
    void incrementBy_countsAndStoresDecimalAscii() {
        assertThat(store.incrementBy(p + "c", 1, LONG)).isEqualTo(1);
        assertThat(store.incrementBy(p + "c", 41, LONG)).isEqualTo(42);
        assertThat(store.incrementBy(p + "c", -50, LONG)).isEqualTo(-8);
        assertThat(store.incrementBy(p + "c", 0, LONG)).isEqualTo(-8);
        assertThat(store.get(p + "c").orElseThrow()).isEqualTo(b("-8"));
        assertThat(store.incrementBy(p + "z", 0, LONG)).as("zero delta creates at 0").isEqualTo(0);
        assertThat(store.get(p + "z").orElseThrow()).isEqualTo(b("0"));
    }

    @Test
    void incrementBy_onValueWrittenAsDecimal_continuesFromIt() {
        store.put(p + "c", b("9007199254740993"), LONG);
        assertThat(store.incrementBy(p + "c", 1, LONG)).as("exact beyond 2^53").isEqualTo(9007199254740994L);
    }

    @Test
    void incrementBy_fullLongRange_exactAndOverflowIsRefused() {
        assertThat(store.incrementBy(p + "c", Long.MAX_VALUE, LONG)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> store.incrementBy(p + "c", 1, LONG)).isInstanceOf(ArithmeticException.class);
        assertThat(store.get(p + "c").orElseThrow()).as("unchanged").isEqualTo(b(Long.toString(Long.MAX_VALUE)));
        assertThat(store.incrementBy(p + "d", Long.MIN_VALUE, LONG)).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> store.incrementBy(p + "d", -1, LONG)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void incrementBy_onNonCounter_isProgrammerError_valueKept() {
        store.put(p + "k", new byte[] {1, 2}, LONG);
        assertThatThrownBy(() -> store.incrementBy(p + "k", 1, LONG)).isInstanceOf(IllegalStateException.class);
        assertThat(store.get(p + "k").orElseThrow()).isEqualTo(new byte[] {1, 2});
    }

    // ------------------------------------------------------------------ time to live

    @Test
    void ttl_expiredKeyBehavesAsAbsentForEveryOperation() {
        Duration ttl = unit().multipliedBy(2);
        for (String k : List.of("g", "pia", "cas", "del", "die", "con", "inc")) {
            store.put(p + k, b("1"), ttl);
        }
        elapse(unit());
        assertThat(store.get(p + "g")).as("alive before its TTL").isPresent();
        elapse(unit().multipliedBy(2));
        assertThat(store.get(p + "g")).isEmpty();
        assertThat(store.putIfAbsent(p + "pia", b("2"), LONG)).isTrue();
        assertThat(store.compareAndSet(p + "cas", b("1"), b("2"), LONG)).isFalse();
        assertThat(store.get(p + "cas")).isEmpty();
        assertThat(store.delete(p + "del")).isFalse();
        assertThat(store.deleteIfEquals(p + "die", b("1"))).isFalse();
        assertThat(store.consume(p + "con")).isEmpty();
        assertThat(store.incrementBy(p + "inc", 5, LONG)).as("expired counter restarts").isEqualTo(5);
    }

    @Test
    void ttl_compareAndSetAndPutReplaceTheTtl() {
        Duration shortTtl = unit().multipliedBy(2);
        store.put(p + "cas", b("1"), shortTtl);
        store.put(p + "put", b("1"), shortTtl);
        store.put(p + "forever", b("1"), shortTtl);
        store.put(p + "shorter", b("1"), LONG);
        assertThat(store.compareAndSet(p + "cas", b("1"), b("2"), LONG)).isTrue();
        store.put(p + "put", b("2"), LONG);
        store.put(p + "forever", b("2"), StateStore.NO_EXPIRY);
        assertThat(store.compareAndSet(p + "shorter", b("1"), b("2"), shortTtl)).isTrue();
        elapse(unit().multipliedBy(3));
        assertThat(store.get(p + "cas")).as("CAS gave the new TTL").isPresent();
        assertThat(store.get(p + "put")).as("put gave the new TTL").isPresent();
        assertThat(store.get(p + "forever")).as("NO_EXPIRY removed the TTL").isPresent();
        assertThat(store.get(p + "shorter")).as("CAS shortened the TTL").isEmpty();
    }

    @Test
    void ttl_putIfAbsentAndFailedConditionalWritesKeepTheTtl() {
        Duration ttl = unit().multipliedBy(2);
        store.put(p + "a", b("1"), ttl);
        assertThat(store.putIfAbsent(p + "a", b("2"), LONG)).isFalse();
        assertThat(store.compareAndSet(p + "a", b("x"), b("2"), LONG)).isFalse();
        assertThat(store.putIfAbsent(p + "b", b("1"), ttl)).isTrue();
        elapse(unit().multipliedBy(3));
        assertThat(store.get(p + "a")).isEmpty();
        assertThat(store.get(p + "b")).isEmpty();
    }

    @Test
    void ttl_counterWindowIsFixedFromCreation() {
        Duration window = unit().multipliedBy(3);
        assertThat(store.incrementBy(p + "c", 1, window)).isEqualTo(1);
        elapse(unit());
        assertThat(store.incrementBy(p + "c", 1, LONG)).as("TTL neither extended nor replaced").isEqualTo(2);
        assertThat(store.incrementBy(p + "c", -3, window)).isEqualTo(-1);
        elapse(unit().multipliedBy(3));
        assertThat(store.incrementBy(p + "c", 1, window)).as("window restarted").isEqualTo(1);
        assertThat(store.get(p + "c").orElseThrow()).isEqualTo(b("1"));
    }

    @Test
    void ttl_noExpiryAndHugeTtlsKeepKeys() {
        store.put(p + "n", b("v"), StateStore.NO_EXPIRY);
        assertThat(store.putIfAbsent(p + "pn", b("v"), StateStore.NO_EXPIRY)).isTrue();
        store.put(p + "h", b("v"), Duration.ofDays(365L * 10_000));
        store.put(p + "s", b("v"), Duration.ofSeconds(Long.MAX_VALUE / 2));
        store.put(p + "m", b("v"), ChronoUnit.MILLENNIA.getDuration().multipliedBy(1000));
        assertThat(store.incrementBy(p + "c", 1, StateStore.NO_EXPIRY)).isEqualTo(1);
        elapse(unit().multipliedBy(2));
        for (String k : List.of("n", "pn", "h", "s", "m", "c")) {
            assertThat(store.get(p + k)).as(k).isPresent();
        }
    }

    @Test
    void ttl_subMillisecondTtl_isAccepted() {
        store.put(p + "k", b("v"), Duration.ofNanos(1));
        elapse(unit());
        assertThat(store.get(p + "k")).isEmpty();
    }

    // ------------------------------------------------------------------ programmer errors

    @Test
    void badArguments_throwBeforeTouchingState() {
        assertThatThrownBy(() -> store.put("", b("v"), LONG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("a b", b("v"), LONG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("a\u00e9", b("v"), LONG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("a\n", b("v"), LONG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("x".repeat(StateStore.MAX_KEY_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(p + "k", b("v"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(p + "k", b("v"), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.incrementBy(p + "k", 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(p + "k", new byte[StateStore.MAX_VALUE_LENGTH + 1], LONG))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.compareAndSet(p + "k", b("1"), new byte[StateStore.MAX_VALUE_LENGTH + 1],
                LONG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.put(p + "k", null, LONG)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.put(p + "k", b("v"), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.compareAndSet(p + "k", null, b("v"), LONG))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.deleteIfEquals(p + "k", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.incrementBy(p + "k", 1, null)).isInstanceOf(NullPointerException.class);
        assertThat(store.get(p + "k")).as("nothing written").isEmpty();
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void concurrent_putIfAbsentConsumeCasAndDeleteIfEquals_exactlyOneWinnerEach() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < concurrencyRounds() / 4; round++) {
                String key = p + "r" + round;
                store.put(key + ":consume", b("v"), LONG);
                store.put(key + ":cas", b("0"), LONG);
                store.put(key + ":die", b("v"), LONG);
                CountDownLatch go = new CountDownLatch(1);
                AtomicInteger consumed = new AtomicInteger();
                AtomicInteger claimed = new AtomicInteger();
                AtomicInteger swapped = new AtomicInteger();
                AtomicInteger deleted = new AtomicInteger();
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    byte[] mine = b("owner-" + t);
                    fs.add(pool.submit(() -> {
                        go.await();
                        if (store.consume(key + ":consume").isPresent()) {
                            consumed.incrementAndGet();
                        }
                        if (store.putIfAbsent(key + ":claim", mine, LONG)) {
                            claimed.incrementAndGet();
                        }
                        if (store.compareAndSet(key + ":cas", b("0"), mine, LONG)) {
                            swapped.incrementAndGet();
                        }
                        if (store.deleteIfEquals(key + ":die", b("v"))) {
                            deleted.incrementAndGet();
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : fs) {
                    f.get(60, TimeUnit.SECONDS);
                }
                assertThat(consumed.get()).isEqualTo(1);
                assertThat(claimed.get()).isEqualTo(1);
                assertThat(swapped.get()).isEqualTo(1);
                assertThat(deleted.get()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrent_incrementsAndCasChain_noLostUpdates() throws Exception {
        int threads = 8;
        int n = concurrencyRounds();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            store.put(p + "chain", b("0"), LONG);
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                jobs.add(() -> {
                    int wins = 0;
                    for (int i = 0; i < n; i++) {
                        store.incrementBy(p + "n", 1, LONG);
                        store.incrementBy(p + "m", -1, LONG);
                        // read-modify-CAS loop: each successful CAS must be counted exactly once
                        while (true) {
                            Optional<byte[]> cur = store.get(p + "chain");
                            long v = Long.parseLong(new String(cur.orElseThrow(), US_ASCII));
                            if (store.compareAndSet(p + "chain", cur.get(), b(Long.toString(v + 1)), LONG)) {
                                wins++;
                                break;
                            }
                        }
                    }
                    return wins;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(jobs)) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(threads * n);
            assertThat(store.incrementBy(p + "n", 0, LONG)).isEqualTo((long) threads * n);
            assertThat(store.incrementBy(p + "m", 0, LONG)).isEqualTo(-(long) threads * n);
            assertThat(store.get(p + "chain").orElseThrow()).isEqualTo(b(Integer.toString(threads * n)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrent_consumeOfManyKeys_eachValueDeliveredOnce() throws Exception {
        int keys = concurrencyRounds();
        for (int i = 0; i < keys; i++) {
            store.put(p + "otp:" + i, b("code-" + i), LONG);
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<String>>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                jobs.add(() -> {
                    List<String> got = new ArrayList<>();
                    for (int i = 0; i < keys; i++) {
                        store.consume(p + "otp:" + i).ifPresent(v -> got.add(new String(v, US_ASCII)));
                    }
                    return got;
                });
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : pool.invokeAll(jobs)) {
                all.addAll(f.get(120, TimeUnit.SECONDS));
            }
            String[] expected = new String[keys];
            for (int i = 0; i < keys; i++) {
                expected[i] = "code-" + i;
            }
            assertThat(all).hasSize(keys).containsExactlyInAnyOrder(expected);
            assertThat(Arrays.stream(expected).map(e -> store.get(p + "otp:" + e.substring(5))))
                    .allMatch(Optional::isEmpty);
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ batches (StateStore.run)

    @Test
    void run_mixedBatch_answersAsTheSingleKeyMethodsInOrder() {
        store.put(p + "held", b("old"), LONG);
        store.put(p + "gone", b("x"), LONG);
        StateBatch batch = new StateBatch();
        int put = batch.put(p + "a", b("1"), LONG);
        int getA = batch.get(p + "a");
        int nxTaken = batch.putIfAbsent(p + "a", b("2"), LONG);
        int nxFree = batch.putIfAbsent(p + "b", b("3"), LONG);
        int casWrong = batch.compareAndSet(p + "held", b("nope"), b("new"), LONG);
        int casRight = batch.compareAndSet(p + "held", b("old"), b("new"), LONG);
        int delIfWrong = batch.deleteIfEquals(p + "b", b("9"));
        int delIfRight = batch.deleteIfEquals(p + "b", b("3"));
        int del = batch.delete(p + "gone");
        int delAbsent = batch.delete(p + "never");
        int inc1 = batch.incrementBy(p + "n", 5, LONG);
        int inc2 = batch.incrementBy(p + "n", -2, LONG);
        int getAbsent = batch.get(p + "never");
        int getHeld = batch.get(p + "held");

        StateBatch.Results r = store.run(batch);

        assertThat(r.size()).isEqualTo(batch.size()).isEqualTo(14);
        assertThat(r.written(put)).isTrue();
        assertThat(r.value(getA)).hasValueSatisfying(v -> assertThat(v).isEqualTo(b("1")));
        assertThat(r.written(nxTaken)).isFalse();
        assertThat(r.written(nxFree)).isTrue();
        assertThat(r.written(casWrong)).isFalse();
        assertThat(r.written(casRight)).isTrue();
        assertThat(r.written(delIfWrong)).isFalse();
        assertThat(r.written(delIfRight)).isTrue();
        assertThat(r.written(del)).isTrue();
        assertThat(r.written(delAbsent)).isFalse();
        assertThat(r.count(inc1)).isEqualTo(5);
        assertThat(r.count(inc2)).isEqualTo(3);
        assertThat(r.value(getAbsent)).isEmpty();
        assertThat(r.value(getHeld)).hasValueSatisfying(v -> assertThat(v).isEqualTo(b("new")));
        assertThat(store.get(p + "a").orElseThrow()).isEqualTo(b("1"));
        assertThat(store.get(p + "b")).isEmpty();
        assertThat(store.get(p + "gone")).isEmpty();
        assertThat(store.incrementBy(p + "n", 0, LONG)).isEqualTo(3);
        assertThatThrownBy(() -> r.count(getA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.written(inc1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void run_keysWithSeveralHashTags_resultsStayInTheOrderAdded() {
        // keys of two accounts (two cluster slots) and a key without a tag, interleaved
        String a = p + "x:{a.one}";
        String c = p + "x:{a.two}";
        StateBatch batch = new StateBatch();
        int[] idx = new int[9];
        for (int i = 0; i < 3; i++) {
            idx[3 * i] = batch.incrementBy(a, 1, LONG);
            idx[3 * i + 1] = batch.incrementBy(c, 10, LONG);
            idx[3 * i + 2] = batch.incrementBy(p + "plain", 100, LONG);
        }
        StateBatch.Results r = store.run(batch);
        for (int i = 0; i < 3; i++) {
            assertThat(r.count(idx[3 * i])).isEqualTo(i + 1);
            assertThat(r.count(idx[3 * i + 1])).isEqualTo(10L * (i + 1));
            assertThat(r.count(idx[3 * i + 2])).isEqualTo(100L * (i + 1));
        }
    }

    @Test
    void run_batchWritesWithTtl_expireAsSingleWrites() {
        StateBatch batch = new StateBatch();
        batch.put(p + "short", b("v"), unit().multipliedBy(2));
        batch.putIfAbsent(p + "short2", b("v"), unit().multipliedBy(2));
        batch.incrementBy(p + "cnt", 1, unit().multipliedBy(2));
        batch.put(p + "long", b("v"), LONG);
        store.run(batch);
        elapse(unit().multipliedBy(4));
        assertThat(store.get(p + "short")).isEmpty();
        assertThat(store.get(p + "short2")).isEmpty();
        assertThat(store.incrementBy(p + "cnt", 0, LONG)).isZero();
        assertThat(store.get(p + "long")).isPresent();
    }

    @Test
    void run_counterOperationOnAValue_throwsAsIncrementBy() {
        store.put(p + "text", b("abc"), LONG);
        StateBatch batch = new StateBatch();
        batch.incrementBy(p + "text", 1, LONG);
        assertThatThrownBy(() -> store.run(batch)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void run_emptyBatch_noResults() {
        assertThat(store.run(new StateBatch()).size()).isZero();
    }

    @Test
    void batch_badArguments_throwWhenAdded() {
        StateBatch batch = new StateBatch();
        assertThatThrownBy(() -> batch.get("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> batch.put(p + "k", b("v"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> batch.put(p + "k", new byte[StateStore.MAX_VALUE_LENGTH + 1], LONG))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> batch.compareAndSet(p + "k", null, b("v"), LONG))
                .isInstanceOf(NullPointerException.class);
        assertThat(batch.size()).isZero();
    }
}
