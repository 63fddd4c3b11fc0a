package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.testing.Vectors;

/**
 * RFC 7515 Appendix A.3 (ES256) conformance of the signature stage, over the outside vectors.
 *
 * <p>The example is not an eid assertion: its header has neither {@code kid} nor {@code typ} and its {@code exp}
 * is in 2011. So the test runs the format, size and signature stages directly (package-visible), handing the
 * signature stage the vector key as the only candidate, since the pipeline never picks a key without a kid.
 */
class Rfc7515A3Test {

    private static String read(String name) throws Exception {
        return Files.readString(Vectors.path("rfc7515-a3-es256", name), StandardCharsets.US_ASCII).strip();
    }

    private static TrustStore vectorKey() throws Exception {
        return TrustStore.fromJwks("{\"keys\":[" + read("jwk-public.json") + "]}");
    }

    private static AssertionVerifier verifier(TrustStore store) {
        return AssertionVerifier.builder().trustStore(store)
                .clock(io.github.eidvn.testing.AssertionFixtures.clockAt(Instant.ofEpochSecond(1300819000L)))
                .withoutReplayGuard().anyLevel().build();
    }

    private static AssertionVerifier.Context throughSignature(AssertionVerifier v, TrustStore store, String jws,
            Rejected[] signatureOutcome) {
        AssertionVerifier.Context c = new AssertionVerifier.Context(jws, Instant.ofEpochSecond(1300819000L));
        assertThat(v.run(c, Stage.FORMAT, Stage.SIZE)).isNull();
        c.candidates = store.keys();
        signatureOutcome[0] = v.run(c, Stage.SIGNATURE, Stage.SIGNATURE);
        return c;
    }

    @Test
    void exampleJws_passesTheSignatureStage_andPayloadIsByteExact() throws Exception {
        TrustStore store = vectorKey();
        AssertionVerifier v = verifier(store);
        Rejected[] outcome = new Rejected[1];
        AssertionVerifier.Context c = throughSignature(v, store, read("jws-compact.txt"), outcome);
        assertThat(outcome[0]).isNull();
        assertThat(c.verifiedBy).isSameAs(store.keys().get(0));
        assertThat(c.alg).isEqualTo("ES256");
        assertThat(c.payload).isEqualTo(Files.readAllBytes(Vectors.path("rfc7515-a3-es256", "payload.bin")));
        assertThat(c.payload).hasSize(70);
        assertThat(Base64.getUrlDecoder().decode(c.parts[0]))
                .isEqualTo(Files.readAllBytes(Vectors.path("rfc7515-a3-es256", "protected-header.bin")));
        assertThat(c.signature).hasSize(64);
        // the RFC's S is above n/2: plain ES256 accepts it; only eid's own profiles (typ vneid-*) refuse high S, and
        // an outside token like this one is refused as not eid's type, not for its S
        assertThat(io.github.eidvn.core.jose.EidProfile.isLowS(c.signature)).isFalse();
        // later stages still refuse it: it is not an eid assertion
        assertThat(v.run(c, Stage.CRITICAL, Stage.TYPE).reason()).isEqualTo(Reason.WRONG_TYPE);
    }

    @Test
    void tamperedSignature_badSignature() throws Exception {
        TrustStore store = vectorKey();
        AssertionVerifier v = verifier(store);
        Rejected[] outcome = new Rejected[1];
        throughSignature(v, store, read("derived-negative-tampered-signature.txt"), outcome);
        assertThat(outcome[0]).isNotNull();
        assertThat(outcome[0].reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void fullPipeline_neverSelectsAKeyForAKidlessToken() throws Exception {
        AssertionVerifier v = verifier(vectorKey());
        VerificationResult r = v.verify(read("jws-compact.txt"));
        assertThat(r).isEqualTo(new Rejected(Reason.UNKNOWN_KEY, "no kid in the header"));
    }

    @Test
    void vectorKey_isPinnedToEs256() throws Exception {
        assertThat(vectorKey().keys()).singleElement().satisfies(k -> {
            assertThat(k.algorithm()).isEqualTo("ES256");
            assertThat(k.kid()).isEqualTo(k.thumbprint());
        });
    }
}
