package io.github.eidvn.verifier.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.FuzzKeys;

/**
 * Jazzer target: {@link SharedDataOpener#open(String, String)}, the bank's side of consented sharing (a compact JWE,
 * {@code ECDH-ES+A256KW}/{@code A256GCM}, nesting the issuer's JWS). The opener holds the fixed bank key and trusts
 * the fixed issuer of {@link FuzzKeys}, so the seeds (deliveries sealed by {@code FuzzSeedGenerator}) decrypt and
 * mutations reach the inner JWS. A crash is any exception, or {@link OpenReason#CHECK_UNAVAILABLE} (the opener's
 * wrapper for an unexpected exception; no receipt status or replay guard is configured, so nothing can be
 * unavailable).
 */
class SharedDataOpenerFuzzTest {

    private static final SharedDataOpener OPENER = SharedDataOpener.builder()
            .decryptionKey(PartyDecryptionKey.fromPrivateJwkJson(FuzzKeys.bankEncryptionPrivateJwk()))
            .partyId(FuzzKeys.BANK_ID).trustStore(TrustStore.of(FuzzKeys.issuerRing()))
            .expectedIssuer(ConsentFixtures.ISSUER).withoutReceiptStatus().withoutReplayGuard()
            .clock(AssertionFixtures.clock()).anyLevel().build();

    /** The nonce of the request the seed delivery answers. */
    static final String NONCE = "n-0123456789abcdef";

    @FuzzTest(maxDuration = "5m")
    void open(byte[] input) {
        OpenResult r = OPENER.open(new String(input, StandardCharsets.UTF_8), NONCE);
        assertThat(r).isNotNull();
        if (r instanceof OpenRejected rejected) {
            assertThat(rejected.reason()).as(rejected.detail()).isNotEqualTo(OpenReason.CHECK_UNAVAILABLE);
        }
    }
}
