package io.github.eidvn.core.spi;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.SettableClock;

class InMemoryStateStoreTest {

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private static final Duration MIN = Duration.ofMinutes(1);

    private static byte[] b(String s) {
        return s.getBytes(US_ASCII);
    }

    @Test
    void putAndGet_returnsCopies() {
        byte[] v = b("abc");
        store.put("k", v, MIN);
        v[0] = 'x';
        byte[] got = store.get("k").orElseThrow();
        assertThat(got).isEqualTo(b("abc"));
        got[0] = 'y';
        assertThat(store.get("k").orElseThrow()).isEqualTo(b("abc"));
    }

    @Test
    void ttl_expiresWithInjectedClock() {
        store.put("k", b("v"), MIN);
        clock.advance(Duration.ofSeconds(59));
        assertThat(store.get("k")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.get("k")).isEmpty();
        assertThat(store.putIfAbsent("k", b("w"), MIN)).as("expired key behaves as absent").isTrue();
    }

    @Test
    void noExpiry_neverExpires() {
        store.put("k", b("v"), StateStore.NO_EXPIRY);
        clock.advance(Duration.ofDays(365 * 100));
        assertThat(store.get("k")).isPresent();
    }

    @Test
    void putIfAbsent_onlyFirstWins() {
        assertThat(store.putIfAbsent("k", b("1"), MIN)).isTrue();
        assertThat(store.putIfAbsent("k", b("2"), MIN)).isFalse();
        assertThat(store.get("k").orElseThrow()).isEqualTo(b("1"));
    }

    @Test
    void compareAndSet_requiresExactCurrentValue() {
        assertThat(store.compareAndSet("k", b("1"), b("2"), MIN)).as("absent").isFalse();
        store.put("k", b("1"), MIN);
        assertThat(store.compareAndSet("k", b("x"), b("2"), MIN)).isFalse();
        assertThat(store.compareAndSet("k", b("1"), b("2"), Duration.ofHours(1))).isTrue();
        clock.advance(Duration.ofMinutes(30));
        assertThat(store.get("k").orElseThrow()).as("new TTL applies").isEqualTo(b("2"));
    }

    @Test
    void deleteIfEquals_andDelete() {
        store.put("k", b("1"), MIN);
        assertThat(store.deleteIfEquals("k", b("2"))).isFalse();
        assertThat(store.deleteIfEquals("k", b("1"))).isTrue();
        assertThat(store.get("k")).isEmpty();
        store.put("k", b("1"), MIN);
        assertThat(store.delete("k")).isTrue();
        assertThat(store.delete("k")).isFalse();
    }

    @Test
    void consume_returnsValueOnce() {
        store.put("k", b("1"), MIN);
        assertThat(store.consume("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(b("1")));
        assertThat(store.consume("k")).isEmpty();
    }

    @Test
    void incrementBy_fixedWindowFromCreation() {
        assertThat(store.incrementBy("c", 1, MIN)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(50));
        assertThat(store.incrementBy("c", 1, MIN)).as("TTL not extended").isEqualTo(2);
        assertThat(store.incrementBy("c", -3, MIN)).isEqualTo(-1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(store.incrementBy("c", 1, MIN)).as("window restarted").isEqualTo(1);
        assertThat(store.get("c").orElseThrow()).as("decimal ASCII, as Redis INCRBY").isEqualTo(b("1"));
    }

    @Test
    void incrementBy_onNonCounter_isProgrammerError() {
        store.put("k", new byte[] {1, 2}, MIN);
        assertThatThrownBy(() -> store.incrementBy("k", 1, MIN)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badArguments_throw() {
        assertThatThrownBy(() -> store.put("", b("v"), MIN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("a b", b("v"), MIN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("k", b("v"), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("k", new byte[StateStore.MAX_VALUE_LENGTH + 1], MIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void capacity_newKeysBeyondBoundFailClosed_expiredOnesAreSwept() {
        InMemoryStateStore small = InMemoryStateStore.create(clock, 3);
        small.put("a", b("1"), MIN);
        small.put("b", b("1"), MIN);
        small.put("c", b("1"), MIN);
        assertThatThrownBy(() -> small.put("d", b("1"), MIN)).isInstanceOf(StateStoreException.class);
        small.put("a", b("2"), MIN);
        clock.advance(MIN);
        small.put("d", b("1"), MIN);
        assertThat(small.liveKeys()).containsExactly("d");
    }

    @Test
    void concurrentPutIfAbsentAndConsume_exactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 200; round++) {
                String key = "r" + round;
                store.put(key, b("v"), MIN);
                CountDownLatch go = new CountDownLatch(1);
                AtomicInteger consumed = new AtomicInteger();
                AtomicInteger claimed = new AtomicInteger();
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    fs.add(pool.submit(() -> {
                        go.await();
                        if (store.consume(key).isPresent()) {
                            consumed.incrementAndGet();
                        }
                        if (store.putIfAbsent(key + "p", b("x"), MIN)) {
                            claimed.incrementAndGet();
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : fs) {
                    f.get(10, TimeUnit.SECONDS);
                }
                assertThat(consumed.get()).isEqualTo(1);
                assertThat(claimed.get()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentIncrements_noLostUpdates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        store.incrementBy("n", 1, MIN);
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(store.incrementBy("n", 0, MIN)).isEqualTo(8000);
        } finally {
            pool.shutdownNow();
        }
    }
}
