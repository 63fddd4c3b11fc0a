package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.FuzzKeys;

/**
 * Jazzer target: {@link ConsentRequestVerifier#verify(String)} on any text, with the fixed test bank of
 * {@link FuzzKeys} registered (so the seeds, signed requests made by {@code FuzzSeedGenerator}, reach every stage).
 * A crash is any exception, or {@link RequestReason#CHECK_UNAVAILABLE} (the verifier's wrapper for an unexpected
 * exception: nothing here can be unavailable).
 */
class ConsentRequestVerifierFuzzTest {

    private static final ConsentRequestVerifier VERIFIER = ConsentRequestVerifier.builder()
            .registry(FuzzKeys.registry(FuzzKeys.bank())).audience(ConsentFixtures.ISSUER)
            .clock(AssertionFixtures.clock()).build();

    @FuzzTest(maxDuration = "5m")
    void verify(byte[] input) {
        RequestResult r = VERIFIER.verify(new String(input, StandardCharsets.UTF_8));
        assertThat(r).isNotNull();
        if (r instanceof RequestRejected rejected) {
            assertThat(rejected.reason()).as(rejected.detail()).isNotEqualTo(RequestReason.CHECK_UNAVAILABLE);
        }
    }
}
