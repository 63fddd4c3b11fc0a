package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.QrContent;
import io.github.eidvn.qr.QrTextReader;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.FuzzKeys;
import io.github.eidvn.verifier.sharing.Opened;
import io.github.eidvn.verifier.sharing.PartyDecryptionKey;
import io.github.eidvn.verifier.sharing.SharedDataOpener;

/**
 * The committed fuzz seeds named {@code valid-*} are still valid under the fixed {@link FuzzKeys} (so the fuzz targets
 * start from inputs that pass every stage). Fails when a format change or a key change makes them stale: re-run
 * {@code io.github.eidvn.verifier.sharing.FuzzSeedGenerator} then.
 */
class FuzzSeedsAreValidTest {

    private static String seed(String resource) throws IOException {
        try (InputStream in = FuzzSeedsAreValidTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static AssertionVerifier verifier() {
        return AssertionVerifier.builder().trustStore(TrustStore.of(FuzzKeys.issuerRing()))
                .clock(AssertionFixtures.clock()).expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
    }

    @Test
    void assertionSeeds_verify() throws IOException {
        String dir = "AssertionVerifierFuzzTestInputs/";
        assertThat(verifier().verify(seed(dir + "verify/valid-jwt"))).isInstanceOf(Verified.class);
        assertThat(verifier().verify(seed(dir + "verify/valid-qr-form"))).isInstanceOf(Verified.class);
        for (String s : new String[] {"valid-digits", "valid-compact-jws", "valid-shc"}) {
            assertThat(verifier().verifyScanned(seed(dir + "verifyScanned/" + s))).as(s).isInstanceOf(Verified.class);
        }
        assertThat(QrTextReader.read(seed(dir + "verifyScanned/legacy-chip-card")))
                .isInstanceOf(QrContent.UnverifiedChipCard.class);
    }

    @Test
    void sharingSeed_opens_andConsentSeeds_verify() throws IOException {
        SharedDataOpener opener = SharedDataOpener.builder()
                .decryptionKey(PartyDecryptionKey.fromPrivateJwkJson(FuzzKeys.bankEncryptionPrivateJwk()))
                .partyId(FuzzKeys.BANK_ID).trustStore(TrustStore.of(FuzzKeys.issuerRing()))
                .expectedIssuer(ConsentFixtures.ISSUER).withoutReceiptStatus().withoutReplayGuard()
                .clock(AssertionFixtures.clock()).anyLevel().build();
        assertThat(opener.open(seed("sharing/SharedDataOpenerFuzzTestInputs/open/valid-delivery"),
                "n-0123456789abcdef"))
                .isInstanceOf(Opened.class);
        ConsentRequestVerifier requests = ConsentRequestVerifier.builder()
                .registry(FuzzKeys.registry(FuzzKeys.bank())).audience(ConsentFixtures.ISSUER)
                .clock(AssertionFixtures.clock()).build();
        for (String s : new String[] {"valid-request", "valid-request-nonce"}) {
            assertThat(requests.verify(seed("/io/github/eidvn/core/consent/ConsentRequestVerifierFuzzTestInputs/verify/"
                    + s))).as(s).isInstanceOf(VerifiedRequest.class);
        }
    }
}
