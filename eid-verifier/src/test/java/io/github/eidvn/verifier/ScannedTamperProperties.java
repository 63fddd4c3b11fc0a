package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariant of the scanned path: a QR text with any digit changed, dropped or added never verifies. */
class ScannedTamperProperties {

    private static final KeyRing RING = KeyRing.generate();
    private static final AssertionIssuer ISSUER = AssertionFixtures.issuer(RING, AssertionFixtures.clock());
    private static final String TEXT = SignedQrText.encode(ISSUER.issueForQr(AssertionFixtures.hospitalRequest()));
    /** No replay guard, so that only the change can make a text fail. */
    private static final AssertionVerifier VERIFIER = AssertionVerifier.builder()
            .trustStore(TrustStore.fromJwks(RING.publicJwksJson())).clock(AssertionFixtures.clock())
            .expectedAudience("79024").expectedPurpose("bhyt-checkin").withoutReplayGuard().anyLevel().build();

    @Test
    void unchangedText_verifies() {
        assertThat(VERIFIER.verifyScanned(TEXT)).isInstanceOf(Verified.class);
    }

    @Property(tries = 500)
    void anySingleDigitChanged_neverVerified(@ForAll @IntRange(min = 0, max = 100_000) int offset,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        int i = offset % TEXT.length();
        char changed = (char) ('0' + (TEXT.charAt(i) - '0' + delta) % 10);
        String tampered = TEXT.substring(0, i) + changed + TEXT.substring(i + 1);
        VerificationResult r = VERIFIER.verifyScanned(tampered);
        assertThat(r).as("digit %d changed to %s", i, changed).isInstanceOf(Rejected.class);
        assertThat(((Rejected) r).reason()).isIn(Reason.MALFORMED, Reason.BAD_SIGNATURE, Reason.UNKNOWN_KEY,
                Reason.WRONG_TYPE, Reason.DISALLOWED_ALGORITHM, Reason.TOO_LARGE);
    }

    @Property(tries = 200)
    void anyDigitDroppedOrInserted_neverVerified(@ForAll @IntRange(min = 0, max = 100_000) int offset,
            @ForAll boolean insert, @ForAll @IntRange(min = 0, max = 9) int digit) {
        int i = offset % TEXT.length();
        String tampered = insert ? TEXT.substring(0, i) + digit + TEXT.substring(i)
                : TEXT.substring(0, i) + TEXT.substring(i + 1);
        Assume.that(!tampered.equals(TEXT));
        assertThat(VERIFIER.verifyScanned(tampered)).isInstanceOf(Rejected.class);
    }
}
