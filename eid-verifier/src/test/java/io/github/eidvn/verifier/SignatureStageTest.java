package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.AssertionFixtures;

/**
 * The signature stage on eid's ES256 verifier: signature values out of range, high-S (accepted, as by the JDK
 * path before), and the remembered headers of verified tokens.
 */
class SignatureStageTest extends HospitalVerifierFixture {

    private static final BigInteger N = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private AssertionVerifier verifier() {
        return hospital().withoutReplayGuard().anyLevel().build();
    }

    private static String withSignature(String jws, BigInteger r, BigInteger s) {
        byte[] sig = new byte[64];
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        int rl = Math.min(32, rb.length);
        int sl = Math.min(32, sb.length);
        System.arraycopy(rb, rb.length - rl, sig, 32 - rl, rl);
        System.arraycopy(sb, sb.length - sl, sig, 64 - sl, sl);
        return Tokens.withPart(jws, 2, Tokens.b64(sig));
    }

    private static BigInteger[] rs(String jws) {
        byte[] sig = Base64.getUrlDecoder().decode(jws.split("\\.")[2]);
        return new BigInteger[] {new BigInteger(1, Arrays.copyOfRange(sig, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(sig, 32, 64))};
    }

    @Test
    void zeroOrOutOfRangeRAndS_badSignature() {
        String jws = issuer.issueForQr(AssertionFixtures.hospitalRequest());
        BigInteger[] rs = rs(jws);
        AssertionVerifier v = verifier();
        for (String bad : new String[] {withSignature(jws, BigInteger.ZERO, rs[1]),
                withSignature(jws, rs[0], BigInteger.ZERO), withSignature(jws, N, rs[1]),
                withSignature(jws, rs[0], N), withSignature(jws, rs[0].add(N).mod(BigInteger.ONE.shiftLeft(256)),
                rs[1])}) {
            assertThat(v.verify(bad)).isInstanceOf(Rejected.class)
                    .extracting(r -> ((Rejected) r).reason()).isEqualTo(Reason.BAD_SIGNATURE);
        }
        assertThat(v.verify(jws)).isInstanceOf(Verified.class);
    }

    @Test
    void highS_passesTheSignatureStage_butEidProfileRefusesIt() {
        String jws = issuer.issueForQr(AssertionFixtures.hospitalRequest());
        BigInteger[] rs = rs(jws);
        assertThat(rs[1]).isLessThanOrEqualTo(N.shiftRight(1)); // eid signs low-S
        String twin = withSignature(jws, rs[0], N.subtract(rs[1]));
        AssertionVerifier v = verifier();
        AssertionVerifier.Context c = new AssertionVerifier.Context(twin, AssertionFixtures.NOW);
        assertThat(v.run(c, Stage.FORMAT, Stage.SIGNATURE)).isNull(); // mathematically valid, as with the JDK
        assertThat(v.verify(twin)).isInstanceOf(Rejected.class)
                .extracting(r -> ((Rejected) r).reason()).isEqualTo(Reason.NON_CANONICAL_SIGNATURE);
        assertThat(v.verify(jws)).isInstanceOf(Verified.class); // the twin did not consume the genuine one
    }

    @Test
    void rememberedHeader_secondTokenStillCheckedFully() {
        AssertionVerifier v = verifier();
        String first = issuer.issueForQr(AssertionFixtures.hospitalRequest());
        String second = issuer.issueForQr(AssertionFixtures.hospitalRequest());
        assertThat(first.split("\\.")[0]).isEqualTo(second.split("\\.")[0]);
        assertThat(v.verify(first)).isInstanceOf(Verified.class);
        assertThat(v.knownHeaderCount()).isEqualTo(1);
        // same header text, remembered: a bad signature or payload is still rejected
        BigInteger[] rs = rs(second);
        assertThat(((Rejected) v.verify(withSignature(second, rs[0], rs[1].add(BigInteger.ONE)))).reason())
                .isEqualTo(Reason.BAD_SIGNATURE);
        String otherPayload = Tokens.b64(io.github.eidvn.core.internal.RawDeflate.deflate(
                "{\"iss\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(((Rejected) v.verify(Tokens.withPart(second, 1, otherPayload))).reason())
                .isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(v.verify(second)).isInstanceOf(Verified.class);
        assertThat(v.knownHeaderCount()).isEqualTo(1);
    }

    @Test
    void unsignedHeaders_neverRemembered_andTheMemoryIsBounded() {
        AssertionVerifier v = verifier();
        String jws = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        for (int i = 0; i < 100; i++) {
            Map<String, Object> header = new LinkedHashMap<>(Tokens.header(jws));
            header.put("x" + i, "y");
            String forged = Tokens.withPart(jws, 0, Tokens.b64(io.github.eidvn.core.internal.StrictJson
                    .writeString(header)));
            assertThat(v.verify(forged)).isInstanceOf(Rejected.class);
        }
        assertThat(v.knownHeaderCount()).isZero();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> header = new LinkedHashMap<>(Tokens.header(jws));
            header.put("x" + i, "y");
            assertThat(v.verify(Tokens.sign(ring.current(), header, Tokens.payload(jws))))
                    .isInstanceOf(Verified.class);
        }
        assertThat(v.knownHeaderCount()).isEqualTo(64);
    }
}
