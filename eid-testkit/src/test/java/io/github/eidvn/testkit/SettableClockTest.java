package io.github.eidvn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SettableClockTest {

    private static final Instant START = Instant.parse("2026-09-17T00:30:00Z");

    @Test
    void at_startsThereInUtc() {
        SettableClock clock = SettableClock.at(START);

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void advanceAndSet_moveTheClockAndItsZoneViews() {
        SettableClock clock = SettableClock.at(START);
        SettableClock vietnam = clock.withZone(SandboxPlatform.VIETNAM);

        clock.advance(Duration.ofHours(2));
        assertThat(vietnam.instant()).isEqualTo(START.plus(Duration.ofHours(2)));
        vietnam.set(START.minusSeconds(1));
        assertThat(clock.instant()).isEqualTo(START.minusSeconds(1));
        assertThat(vietnam.getZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void nulls_areRefused() {
        SettableClock clock = SettableClock.at(START);

        assertThatThrownBy(() -> SettableClock.at(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> clock.set(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> clock.advance(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> clock.withZone(null)).isInstanceOf(NullPointerException.class);
        assertThat(clock.instant()).isEqualTo(START);
    }
}
