package io.github.eidvn.core.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64URL;

import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.keys.TrustedKey;
import io.github.eidvn.testing.Vectors;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The fast ES256 verifier agrees with Nimbus's standard {@code ECDSAVerifier} (JDK provider) on valid, tampered
 * and malformed signatures, and passes RFC 7515 A.3.
 */
class Es256JwsVerifierTest {

    private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);
    private static final BigInteger N = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private static final SigningKey KEY = SigningKey.generate();
    private static final TrustedKey TRUSTED = trusted(KEY);

    private static TrustedKey trusted(SigningKey key) {
        return TrustStore.fromJwks("{\"keys\":[" + key.publicJwkJson() + "]}").keys().get(0);
    }

    private static boolean fast(JWSHeader header, byte[] input, byte[] sig) throws JOSEException {
        return new Es256JwsVerifier(TRUSTED, Set.of()).verify(header, input, Base64URL.encode(sig));
    }

    private static boolean jdk(JWSHeader header, byte[] input, byte[] sig) throws JOSEException {
        return new ECDSAVerifier(KEY.publicKey()).verify(header, input, Base64URL.encode(sig));
    }

    /** Both verifiers give the same answer; returns it. */
    private static boolean agreed(byte[] input, byte[] sig) throws JOSEException {
        boolean expected = jdk(ES256, input, sig);
        assertThat(fast(ES256, input, sig)).as("fast verifier agrees with the JDK path").isEqualTo(expected);
        return expected;
    }

    private static byte[] rs(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        int rl = Math.min(32, rb.length);
        int sl = Math.min(32, sb.length);
        System.arraycopy(rb, rb.length - rl, out, 32 - rl, rl);
        System.arraycopy(sb, sb.length - sl, out, 64 - sl, sl);
        return out;
    }

    private static BigInteger r(byte[] sig) {
        return new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
    }

    private static BigInteger s(byte[] sig) {
        return new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    }

    @Property(tries = 200)
    void validSignature_bothAccept_anyBitFlip_bothReject(@ForAll @Size(max = 600) byte[] input,
            @ForAll @IntRange(min = 0, max = 511) int sigBit, @ForAll @IntRange(min = 0, max = 4799) int inputBit)
            throws JOSEException {
        byte[] sig = KEY.signEs256(input);
        assertThat(agreed(input, sig)).isTrue();
        byte[] badSig = sig.clone();
        badSig[sigBit / 8] ^= (byte) (1 << (sigBit % 8));
        assertThat(agreed(input, badSig)).isFalse();
        if (input.length > 0) {
            byte[] badInput = input.clone();
            int bit = inputBit % (input.length * 8);
            badInput[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(agreed(badInput, sig)).isFalse();
        }
    }

    @Test
    void zeroR_zeroS_orBoth_rejectedByBoth() throws JOSEException {
        byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = KEY.signEs256(input);
        assertThat(agreed(input, rs(BigInteger.ZERO, s(sig)))).isFalse();
        assertThat(agreed(input, rs(r(sig), BigInteger.ZERO))).isFalse();
        assertThat(agreed(input, new byte[64])).isFalse();
    }

    @Test
    void rOrSAtLeastN_rejectedByBoth() throws JOSEException {
        byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = KEY.signEs256(input);
        BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        assertThat(agreed(input, rs(N, s(sig)))).isFalse();
        assertThat(agreed(input, rs(r(sig), N))).isFalse();
        assertThat(agreed(input, rs(max, s(sig)))).isFalse();
        assertThat(agreed(input, rs(r(sig), max))).isFalse();
        // s + n is the same value mod n, but out of range: never accepted
        if (s(sig).add(N).compareTo(max) <= 0) {
            assertThat(agreed(input, rs(r(sig), s(sig).add(N)))).isFalse();
        }
        // r and s equal to n - 1 are in range (and simply wrong)
        assertThat(agreed(input, rs(N.subtract(BigInteger.ONE), N.subtract(BigInteger.ONE)))).isFalse();
    }

    @Test
    void highS_acceptedByBoth_asTheJdkPathDoes() throws JOSEException {
        byte[] input = "eyJhbGciOiJFUzI1NiJ9.e30".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = KEY.signEs256(input);
        byte[] flipped = rs(r(sig), N.subtract(s(sig)));
        assertThat(agreed(input, sig)).isTrue();
        assertThat(agreed(input, flipped)).isTrue();
        // exactly one of s and n - s is "high"
        assertThat(s(sig).compareTo(N.shiftRight(1)) > 0).isNotEqualTo(s(flipped).compareTo(N.shiftRight(1)) > 0);
    }

    @Test
    void wrongSignatureLength_orDer_rejectedByBoth() throws Exception {
        byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = KEY.signEs256(input);
        assertThat(agreed(input, Arrays.copyOf(sig, 63))).isFalse();
        assertThat(agreed(input, Arrays.copyOf(sig, 65))).isFalse();
        assertThat(agreed(input, new byte[0])).isFalse();
        assertThat(agreed(input, com.nimbusds.jose.crypto.impl.ECDSA.transcodeSignatureToDER(sig))).isFalse();
        assertThat(TRUSTED.verifiesEs256(input, Arrays.copyOf(sig, 65))).isFalse();
    }

    @Test
    void otherAlgorithm_throwsLikeNimbus() {
        byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = KEY.signEs256(input);
        JWSHeader es384 = new JWSHeader(JWSAlgorithm.ES384);
        assertThatThrownBy(() -> fast(es384, input, sig)).isInstanceOf(JOSEException.class);
        assertThatThrownBy(() -> jdk(es384, input, sig)).isInstanceOf(JOSEException.class);
    }

    @Test
    void criticalHeader_rejectedUnlessDeferred_likeNimbus() throws Exception {
        JWSHeader crit = new JWSHeader.Builder(JWSAlgorithm.ES256).criticalParams(Set.of("exp"))
                .customParam("exp", 1).build();
        byte[] input = (crit.toBase64URL() + ".e30").getBytes(StandardCharsets.US_ASCII);
        byte[] sig = KEY.signEs256(input);
        assertThat(new Es256JwsVerifier(TRUSTED, Set.of()).verify(crit, input, Base64URL.encode(sig))).isFalse();
        assertThat(new ECDSAVerifier(KEY.publicKey()).verify(crit, input, Base64URL.encode(sig))).isFalse();
        assertThat(new Es256JwsVerifier(TRUSTED, Set.of("exp")).verify(crit, input, Base64URL.encode(sig)))
                .isTrue();
    }

    @Test
    void signatureFromAnotherKey_rejectedByBoth() throws JOSEException {
        byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
        assertThat(agreed(input, SigningKey.generate().signEs256(input))).isFalse();
    }

    @Test
    void rfc7515A3_verifiesWithTheFastVerifier_tamperedDoesNot() throws Exception {
        String jwk = Files.readString(Vectors.path("rfc7515-a3-es256", "jwk-public.json"), StandardCharsets.US_ASCII)
                .strip();
        TrustedKey key = TrustStore.fromJwks("{\"keys\":[" + jwk + "]}").keys().get(0);
        JWSObject good = JWSObject.parse(Files.readString(Vectors.path("rfc7515-a3-es256", "jws-compact.txt"),
                StandardCharsets.US_ASCII).strip());
        JWSObject bad = JWSObject.parse(Files.readString(Vectors.path("rfc7515-a3-es256",
                "derived-negative-tampered-signature.txt"), StandardCharsets.US_ASCII).strip());
        assertThat(good.verify(new Es256JwsVerifier(key, Set.of()))).isTrue();
        assertThat(bad.verify(new Es256JwsVerifier(key, Set.of()))).isFalse();
        assertThat(key.verifiesEs256(good.getSigningInput(), good.getSignature().decode())).isTrue();
    }

    @Test
    void constructor_refusesAKeyNotPinnedToEs256() throws Exception {
        String rsa = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).generate().toPublicJWK().toJSONString();
        TrustedKey key = TrustStore.fromJwks("{\"keys\":[" + rsa + "]}").keys().get(0);
        assertThatThrownBy(() -> new Es256JwsVerifier(key, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.verifiesEs256(new byte[1], new byte[64]))
                .isInstanceOf(IllegalStateException.class);
    }
}
