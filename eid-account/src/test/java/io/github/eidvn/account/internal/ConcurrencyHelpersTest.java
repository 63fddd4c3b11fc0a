package io.github.eidvn.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.ForwardingStateStore;
import io.github.eidvn.testing.SettableClock;

/** The one compare-and-set loop and the one attempt counter of the account services. */
class ConcurrencyHelpersTest {

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-06-01T00:00:00Z"));
    private final InMemoryStateStore memory = InMemoryStateStore.create(clock);

    @Test
    void update_absentValue_putIfAbsent_thenCompareAndSet_sideEffectOncePerWin() {
        AtomicInteger effects = new AtomicInteger();
        Optional<String> first = CompareAndSet.update(memory, "k", cur -> new CompareAndSet.Write<>(new byte[] {1},
                StateStore.NO_EXPIRY, () -> "created:" + effects.incrementAndGet()));
        assertThat(first).contains("created:1");
        Optional<String> second = CompareAndSet.update(memory, "k", cur -> cur.get()[0] == 1
                ? new CompareAndSet.Write<>(new byte[] {2}, StateStore.NO_EXPIRY, () -> "moved:" + effects
                        .incrementAndGet())
                : new CompareAndSet.Done<>("unexpected"));
        assertThat(second).contains("moved:2");
        assertThat(memory.get("k")).hasValueSatisfying(v -> assertThat(v).containsExactly(2));
        assertThat(CompareAndSet.update(memory, "k", cur -> new CompareAndSet.Done<>("read"))).contains("read");
    }

    @Test
    void update_everyRoundLost_emptyNotAnException_noSideEffect() {
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger effects = new AtomicInteger();
        StateStore contended = new ForwardingStateStore(memory) {
            @Override
            public boolean compareAndSet(String key, byte[] expected, byte[] newValue, Duration ttl) {
                delegate.put(key, new byte[] {(byte) rounds.incrementAndGet()}, ttl); // another writer came first
                return super.compareAndSet(key, expected, newValue, ttl);
            }
        };
        memory.put("k", new byte[] {0}, StateStore.NO_EXPIRY);
        Optional<String> r = CompareAndSet.update(contended, "k", cur -> new CompareAndSet.Write<>(new byte[] {9},
                StateStore.NO_EXPIRY, () -> "won:" + effects.incrementAndGet()));
        assertThat(r).isEmpty();
        assertThat(rounds.get()).isEqualTo(CompareAndSet.ROUNDS);
        assertThat(effects.get()).isZero();
    }

    @Test
    void attemptCounter_countsInAWindow_givesBack_resets() {
        AttemptCounter c = AttemptCounter.of(memory, 2, Duration.ofMinutes(5));
        assertThat(c.record("a")).isEqualTo(new AttemptCounter.Attempt(1, 2));
        assertThat(c.record("a").remaining()).isZero();
        AttemptCounter.Attempt third = c.record("a");
        assertThat(third.allowed()).isFalse();
        assertThat(third.remaining()).isZero();
        c.giveBack("a");
        assertThat(c.record("a").number()).isEqualTo(3);
        c.reset("a");
        assertThat(c.record("a").allowed()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(c.record("a").number()).isEqualTo(1);
    }
}
