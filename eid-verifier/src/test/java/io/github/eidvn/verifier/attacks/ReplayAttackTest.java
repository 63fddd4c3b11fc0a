package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Verified;

/**
 * Replay (RFC 8725 §3.8 and the one-presentation rule): the guard keys on {@code iss}+{@code jti}, so a token is
 * accepted once whatever its transport: the same QR form as compact JWS, as digits with or without the scanner's
 * Enter key (a high-S malleated copy is refused before this stage, {@link EcdsaSignatureAttackTest}). Plain repetition is
 * {@code AssertionVerifierTest#verify_replayedJti_rejectedWithReplayed} and
 * {@code AssertionVerifierScannedTest#digits_sameQrScannedTwice_replayed}. Always {@link Reason#REPLAYED}.
 */
class ReplayAttackTest {

    private final AttackKit k = new AttackKit();

    @Test
    void sameAssertionThroughEveryTransport_acceptedOnce() {
        String qr = k.freshQr();
        String digits = SignedQrText.encode(qr);
        AssertionVerifier v = k.verifier();
        assertThat(v.verifyScanned(digits)).isInstanceOf(Verified.class);
        assertThat(reason(v.verifyScanned(digits + "\r\n"))).isEqualTo(Reason.REPLAYED);
        assertThat(reason(v.verifyScanned(digits + "\n"))).isEqualTo(Reason.REPLAYED);
        assertThat(reason(v.verify(qr))).isEqualTo(Reason.REPLAYED);
        assertThat(reason(v.verifyScanned(qr))).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void reSignedWithTheSameJti_byTheIssuer_stillReplayed() {
        // even a second genuine signature over the same claims (e.g. a re-serialised header) is one presentation
        String jwt = k.freshJwt();
        AssertionVerifier v = k.verifier();
        assertThat(v.verify(jwt)).isInstanceOf(Verified.class);
        var h = AttackKit.header(jwt);
        h.put("typ", "application/vneid-assertion+jwt");
        assertThat(reason(v.verify(AttackKit.sign(k.trusted, h, AttackKit.claims(jwt))))).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void rejectedLaterStageStillConsumesTheJti() {
        // documented on AssertionVerifier: the replay stage records before revocation/policy run
        AssertionVerifier strict = AssertionVerifier.builder().trustStore(k.trust)
                .clock(io.github.eidvn.testing.AssertionFixtures.clock()).expectedAudience("79024")
                .expectedPurpose("bhyt-checkin")
                .requiredLevel(io.github.eidvn.core.assurance.AssuranceLevel.LEVEL_2).build();
        String level1 = k.issuer.issueJwt(io.github.eidvn.testing.AssertionFixtures.hospitalRequest(
                io.github.eidvn.core.assurance.AssuranceLevel.LEVEL_1));
        assertThat(reason(strict.verify(level1))).isEqualTo(Reason.INSUFFICIENT_LEVEL);
        assertThat(reason(strict.verify(level1))).isEqualTo(Reason.REPLAYED);
    }
}
