package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.eidvn.verifier.ReplayGuard.Outcome;

class InMemoryReplayGuardTest {

    private static final Instant T0 = Instant.parse("2026-09-17T03:00:00Z");

    @Test
    void secondUseWithinRetention_replayed_afterRetention_forgotten() {
        InMemoryReplayGuard g = InMemoryReplayGuard.withCapacity(10);
        assertThat(g.checkAndRecord("a", T0.plusSeconds(60), T0)).isEqualTo(Outcome.FIRST_USE);
        assertThat(g.checkAndRecord("a", T0.plusSeconds(60), T0.plusSeconds(59))).isEqualTo(Outcome.REPLAYED);
        assertThat(g.checkAndRecord("a", T0.plusSeconds(60), T0.plusSeconds(60))).isEqualTo(Outcome.FIRST_USE);
        assertThat(g.size()).isZero();
    }

    @Test
    void full_failsClosedUntilEntriesExpire() {
        InMemoryReplayGuard g = InMemoryReplayGuard.withCapacity(2);
        assertThat(g.checkAndRecord("a", T0.plusSeconds(10), T0)).isEqualTo(Outcome.FIRST_USE);
        assertThat(g.checkAndRecord("b", T0.plusSeconds(20), T0)).isEqualTo(Outcome.FIRST_USE);
        assertThat(g.checkAndRecord("c", T0.plusSeconds(30), T0)).isEqualTo(Outcome.CAPACITY_EXCEEDED);
        assertThat(g.checkAndRecord("a", T0.plusSeconds(10), T0.plusSeconds(1))).isEqualTo(Outcome.REPLAYED);
        assertThat(g.checkAndRecord("c", T0.plusSeconds(30), T0.plusSeconds(10))).isEqualTo(Outcome.FIRST_USE);
        assertThat(g.size()).isEqualTo(2);
    }

    @Test
    void concurrentPresentations_exactlyOneFirstUse() throws Exception {
        InMemoryReplayGuard g = InMemoryReplayGuard.withCapacity(1000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return g.checkAndRecord("same", T0.plusSeconds(60), T0);
                }));
            }
            start.countDown();
            int first = 0;
            for (Future<Outcome> f : results) {
                Outcome o = f.get(10, TimeUnit.SECONDS);
                if (o == Outcome.FIRST_USE) {
                    first++;
                } else {
                    assertThat(o).isEqualTo(Outcome.REPLAYED);
                }
            }
            assertThat(first).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> InMemoryReplayGuard.withCapacity(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
