package io.github.eidvn.account.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.SettableClock;

class SourceThrottleTest {

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-05-01T00:00:00Z"));
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final SourceThrottle t = SourceThrottle.create(store, "login", 3, Duration.ofMinutes(15));

    @Test
    void failuresBeyondBudget_refused_untilWindowEnds() {
        assertThat(t.tryAcquire("1.2.3.4")).isTrue();
        assertThat(t.tryAcquire("1.2.3.4")).isTrue();
        assertThat(t.tryAcquire("1.2.3.4")).isTrue();
        assertThat(t.tryAcquire("1.2.3.4")).isFalse();
        assertThat(t.tryAcquire("5.6.7.8")).as("other source").isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(t.tryAcquire("1.2.3.4")).isTrue();
    }

    @Test
    void successesGiveTheirSlotBack() {
        for (int i = 0; i < 100; i++) {
            assertThat(t.tryAcquire("nat-gateway")).isTrue();
            t.succeeded("nat-gateway");
        }
    }

    @Test
    void sourceIsHashedInKeys() {
        t.tryAcquire("203.0.113.5");
        assertThat(store.liveKeys()).noneMatch(k -> k.contains("203.0.113.5"));
    }

    @Test
    void badNamespace_refused() {
        assertThatThrownBy(() -> SourceThrottle.create(store, "Login!", 3, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
