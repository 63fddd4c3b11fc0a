package io.github.eidvn.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.StateStoreReplayGuard;
import io.github.eidvn.verifier.hospital.CheckInDecision;
import io.github.eidvn.verifier.hospital.CheckInDecision.Decision;
import io.github.eidvn.verifier.hospital.HospitalCheckIn;

/**
 * Reception desks sharing one real Redis through {@link StateStoreReplayGuard}: a signed QR accepted at one desk is
 * refused at another, after the desk restarts, and after Redis itself restarts from its append-only file.
 */
class HospitalCheckInOnRedisTest {

    private static RedisServerProcess server;
    private static final KeyRing RING = KeyRing.generate();

    @BeforeAll
    static void start() {
        server = RedisServerProcess.startDurable();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One desk: its own Redis connection, verifier and check, as a separate process would have. */
    private static final class Desk implements AutoCloseable {
        final RedisStateStore store = RedisStateStore.builder().uri(server.uri()).namespace("hospital-79024")
                .connectTimeout(Duration.ofSeconds(1)).commandTimeout(Duration.ofSeconds(1)).build();
        final HospitalCheckIn checkIn = HospitalCheckIn.builder().clock(AssertionFixtures.clock())
                .verifier(AssertionVerifier.builder().trustStore(TrustStore.fromJwks(RING.publicJwksJson()))
                        .clock(AssertionFixtures.clock()).expectedAudience("79024").expectedPurpose("bhyt-checkin")
                        .requiredLevel(AssuranceLevel.LEVEL_2).replayGuard(StateStoreReplayGuard.over(store))
                        .build())
                .build();

        CheckInDecision check(String qr) {
            return checkIn.check(qr);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private static String freshQr() {
        return SignedQrText.encode(AssertionFixtures.issuer(RING, AssertionFixtures.clock()).issueForQr(
                AssertionRequest.builder().level(AssuranceLevel.LEVEL_2).methods("face")
                        .claims(AssertionFixtures.hospitalClaims()).audience("79024").purpose("bhyt-checkin")
                        .build()));
    }

    @Test
    void twoDesksOnOneRedis_secondUseRefused() {
        String qr = freshQr();
        try (Desk a = new Desk(); Desk b = new Desk()) {
            assertThat(a.check(qr).decision()).isEqualTo(Decision.VALID);
            CheckInDecision second = b.check(qr);
            assertThat(second.decision()).isEqualTo(Decision.REJECTED);
            assertThat(second.reasonCode()).hasValue("REPLAYED");
            assertThat(a.check(qr).reasonCode()).hasValue("REPLAYED");
            assertThat(b.check(freshQr()).decision()).isEqualTo(Decision.VALID);
        }
    }

    @Test
    void restartedDesk_andRestartedRedis_keepRefusing() {
        String qr = freshQr();
        try (Desk before = new Desk()) {
            assertThat(before.check(qr).decision()).isEqualTo(Decision.VALID);
        }
        try (Desk restarted = new Desk()) {
            assertThat(restarted.check(qr).reasonCode()).hasValue("REPLAYED");
        }
        server.restart(); // SIGKILL, then the append-only file is replayed
        try (Desk afterCrash = new Desk()) {
            assertThat(afterCrash.check(qr).reasonCode()).hasValue("REPLAYED");
        }
    }

    @Test
    void redisDown_checkUnavailable_neverValid() {
        String qr = freshQr();
        try (Desk desk = new Desk()) {
            server.kill();
            try {
                CheckInDecision d = desk.check(qr);
                assertThat(d.decision()).isEqualTo(Decision.REJECTED);
                assertThat(d.reasonCode()).hasValue("CHECK_UNAVAILABLE");
            } finally {
                server.restart();
            }
        }
        try (Desk desk = new Desk()) {
            assertThat(desk.check(qr).decision()).isEqualTo(Decision.VALID); // the refused try recorded nothing
        }
    }
}
