package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStoreException;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ForwardingStateStore;
import io.github.eidvn.testing.SettableClock;

class StateStoreReplayGuardTest {

    private final SettableClock clock = SettableClock.at(AssertionFixtures.NOW);
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final Instant now = AssertionFixtures.NOW;

    @Test
    void twoGuardsOnOneStore_secondUseRefusedByEither() {
        ReplayGuard a = StateStoreReplayGuard.over(store);
        ReplayGuard b = StateStoreReplayGuard.over(store);
        Instant until = now.plus(Duration.ofMinutes(10));
        assertThat(a.checkAndRecord("11:https://x.vnjti-1", until, now)).isEqualTo(ReplayGuard.Outcome.FIRST_USE);
        assertThat(b.checkAndRecord("11:https://x.vnjti-1", until, now)).isEqualTo(ReplayGuard.Outcome.REPLAYED);
        assertThat(a.checkAndRecord("11:https://x.vnjti-1", until, now)).isEqualTo(ReplayGuard.Outcome.REPLAYED);
        assertThat(b.checkAndRecord("11:https://x.vnjti-2", until, now)).isEqualTo(ReplayGuard.Outcome.FIRST_USE);
    }

    @Test
    void idKeptForItsRemainingLifetimeOnly() {
        ReplayGuard g = StateStoreReplayGuard.over(store);
        Instant until = now.plus(Duration.ofMinutes(10));
        g.checkAndRecord("id", until, now);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(g.checkAndRecord("id", until, clock.instant())).isEqualTo(ReplayGuard.Outcome.REPLAYED);
        assertThat(store.size()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(store.size()).isZero(); // the store's TTL was the id's remaining lifetime
        // past its retention the time stage refuses the token; the guard has nothing left to remember
        assertThat(g.checkAndRecord("id", until, clock.instant())).isEqualTo(ReplayGuard.Outcome.FIRST_USE);
        assertThat(store.size()).isZero();
    }

    @Test
    void keyIsPrefixedSha256_whateverTheIdHolds() {
        ReplayGuard g = StateStoreReplayGuard.over(store);
        String id = "ẞ\u0000" + "x".repeat(4000);
        assertThat(g.checkAndRecord(id, now.plusSeconds(60), now)).isEqualTo(ReplayGuard.Outcome.FIRST_USE);
        assertThat(g.checkAndRecord(id, now.plusSeconds(60), now)).isEqualTo(ReplayGuard.Outcome.REPLAYED);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void verifiersSharingAStore_secondPresentationReplayed_failingStoreFailsClosed() {
        KeyRing ring = KeyRing.generate();
        String token = AssertionFixtures.issuer(ring, AssertionFixtures.clock()).issueJwt(AssertionFixtures
                .hospitalRequest());
        AssertionVerifier one = verifier(ring, StateStoreReplayGuard.over(store));
        AssertionVerifier two = verifier(ring, StateStoreReplayGuard.over(store));
        assertThat(one.verify(token)).isInstanceOf(Verified.class);
        assertThat(((Rejected) two.verify(token)).reason()).isEqualTo(Reason.REPLAYED);

        ForwardingStateStore down = new ForwardingStateStore(store) {
            @Override
            public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
                throw new StateStoreException("redis unreachable", null);
            }

            @Override
            public Optional<byte[]> get(String key) {
                throw new StateStoreException("redis unreachable", null);
            }
        };
        String fresh = AssertionFixtures.issuer(ring, AssertionFixtures.clock()).issueJwt(AssertionFixtures
                .hospitalRequest());
        assertThat(((Rejected) verifier(ring, StateStoreReplayGuard.over(down)).verify(fresh)).reason())
                .isEqualTo(Reason.CHECK_UNAVAILABLE);
        assertThat(verifier(ring, StateStoreReplayGuard.over(store)).verify(fresh)).isInstanceOf(Verified.class);
    }

    private static AssertionVerifier verifier(KeyRing ring, ReplayGuard guard) {
        return AssertionVerifier.builder().trustStore(TrustStore.fromJwks(ring.publicJwksJson()))
                .clock(AssertionFixtures.clock()).expectedAudience("79024").expectedPurpose("bhyt-checkin")
                .requiredLevel(AssuranceLevel.LEVEL_2).replayGuard(guard).build();
    }

    @Test
    void nullArguments_npe() {
        assertThatThrownBy(() -> StateStoreReplayGuard.over(null)).isInstanceOf(NullPointerException.class);
        ReplayGuard g = StateStoreReplayGuard.over(store);
        assertThatThrownBy(() -> g.checkAndRecord(null, now, now)).isInstanceOf(NullPointerException.class);
    }
}
