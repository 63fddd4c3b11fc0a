package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** {@link InMemoryReplayGuard} forgets entries in order of their retention end, not of their arrival. */
class InMemoryReplayGuardEvictionTest {

    private static final Instant T = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    void anEarlierEndingEntryRecordedLater_isForgottenFirst_freeingItsSlot() {
        InMemoryReplayGuard g = InMemoryReplayGuard.withCapacity(2);
        assertThat(g.checkAndRecord("long", T.plusSeconds(100), T)).isEqualTo(ReplayGuard.Outcome.FIRST_USE);
        assertThat(g.checkAndRecord("short", T.plusSeconds(10), T)).isEqualTo(ReplayGuard.Outcome.FIRST_USE);
        assertThat(g.checkAndRecord("third", T.plusSeconds(100), T.plusSeconds(9)))
                .isEqualTo(ReplayGuard.Outcome.CAPACITY_EXCEEDED);
        assertThat(g.checkAndRecord("third", T.plusSeconds(100), T.plusSeconds(10)))
                .isEqualTo(ReplayGuard.Outcome.FIRST_USE);
        assertThat(g.checkAndRecord("long", T.plusSeconds(100), T.plusSeconds(10)))
                .isEqualTo(ReplayGuard.Outcome.REPLAYED);
        assertThat(g.size()).isEqualTo(2);
        assertThat(g.maxEntries()).isEqualTo(2);
        assertThat(g.toString()).isEqualTo("InMemoryReplayGuard[maxEntries=2]");
    }

    @Test
    void retentionAlreadyOver_notRemembered() {
        InMemoryReplayGuard g = InMemoryReplayGuard.withCapacity(1);
        assertThat(g.checkAndRecord("k", T, T)).isEqualTo(ReplayGuard.Outcome.FIRST_USE);
        assertThat(g.size()).isZero();
        assertThat(g.checkAndRecord("k", T.plusSeconds(1), T)).isEqualTo(ReplayGuard.Outcome.FIRST_USE);
        assertThat(g.checkAndRecord("k", T.plusSeconds(1), T)).isEqualTo(ReplayGuard.Outcome.REPLAYED);
    }
}
