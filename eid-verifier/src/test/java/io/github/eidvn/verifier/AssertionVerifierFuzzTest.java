package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.FuzzKeys;

/**
 * Jazzer targets: {@link AssertionVerifier#verify(String)} (compact JWS, both forms) and
 * {@link AssertionVerifier#verifyScanned(String)} (any scanned text), trusting the fixed issuer of {@link FuzzKeys} so
 * that the seeds (valid assertions made by {@code FuzzSeedGenerator}) pass every stage and mutations explore them
 * all. A crash is any exception or error (e.g. {@link StackOverflowError}), or {@link Reason#CHECK_UNAVAILABLE}: the
 * pipeline's wrapper for an unexpected exception inside a stage (the in-memory replay guard of a fresh verifier
 * cannot be unavailable).
 */
class AssertionVerifierFuzzTest {

    private static final TrustStore TRUST = TrustStore.of(FuzzKeys.issuerRing());
    /** The fixed issuer's kid, read once (not a key-file load and private-JWKS parse per verified input). */
    private static final String ISSUER_KID = FuzzKeys.issuerRing().current().kid();

    /** A fresh verifier per input (its own empty replay guard), so a valid seed verifies on every run. */
    private static AssertionVerifier verifier() {
        return AssertionVerifier.builder().trustStore(TRUST).clock(AssertionFixtures.clock())
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
    }

    private static void check(VerificationResult r) {
        assertThat(r).isNotNull();
        if (r instanceof Rejected rejected) {
            assertThat(rejected.reason()).as(rejected.detail()).isNotEqualTo(Reason.CHECK_UNAVAILABLE);
        } else {
            assertThat(((Verified) r).assertion().kid()).isEqualTo(ISSUER_KID);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void verify(byte[] input) {
        check(verifier().verify(new String(input, StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "5m")
    void verifyScanned(byte[] input) {
        VerificationResult r = verifier().verifyScanned(new String(input, StandardCharsets.UTF_8));
        check(r);
    }
}
