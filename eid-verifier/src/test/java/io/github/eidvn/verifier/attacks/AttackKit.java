package io.github.eidvn.verifier.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Rejected;
import io.github.eidvn.verifier.VerificationResult;

/**
 * Shared rig for the attack families: a trusted issuer (fresh ring), the hospital assertion in both forms
 * ({@link AssertionFixtures}), a verifier for the hospital (aud 79024, purpose bhyt-checkin), and raw token surgery.
 */
final class AttackKit {

    /** The order of the P-256 group. */
    static final BigInteger N = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    final KeyRing ring = KeyRing.generate();
    final SigningKey trusted = ring.current();
    final SigningKey attacker = SigningKey.generate();
    final TrustStore trust = TrustStore.fromJwks(ring.publicJwksJson());
    final AssertionIssuer issuer = AssertionFixtures.issuer(ring, AssertionFixtures.clock());
    final String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());

    AssertionVerifier verifier() {
        return AssertionVerifier.builder().trustStore(trust).clock(AssertionFixtures.clock())
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
    }

    /** A fresh standard-form assertion (own jti). */
    String freshJwt() {
        return issuer.issueJwt(AssertionFixtures.hospitalRequest());
    }

    /** A fresh QR-form assertion (own jti). */
    String freshQr() {
        return issuer.issueForQr(AssertionFixtures.hospitalRequest());
    }

    static Reason reason(VerificationResult r) {
        assertThat(r).as("must be rejected: %s", r).isInstanceOf(Rejected.class);
        return ((Rejected) r).reason();
    }

    static String detail(VerificationResult r) {
        return ((Rejected) r).detail();
    }

    static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    static String b64(String utf8) {
        return b64(utf8.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] unb64(String part) {
        return D64.decode(part);
    }

    static String[] parts(String jws) {
        return jws.split("\\.", -1);
    }

    static Map<String, Object> header(String jws) {
        return new LinkedHashMap<>(StrictJson.parseObject(unb64(parts(jws)[0])));
    }

    static String headerJson(String jws) {
        return new String(unb64(parts(jws)[0]), StandardCharsets.UTF_8);
    }

    /** The payload bytes (inflated when the header has zip). */
    static byte[] payloadBytes(String jws) {
        byte[] raw = unb64(parts(jws)[1]);
        return header(jws).containsKey("zip") ? RawDeflate.inflate(raw, RawDeflate.MAX_INFLATED_BYTES) : raw;
    }

    static String payloadJson(String jws) {
        return new String(payloadBytes(jws), StandardCharsets.UTF_8);
    }

    static Map<String, Object> claims(String jws) {
        return new LinkedHashMap<>(StrictJson.parseObject(payloadBytes(jws)));
    }

    /** ES256 over {@code b64(header).b64(payload)}. */
    static String sign(SigningKey key, String headerJson, byte[] payload) {
        String input = b64(headerJson) + "." + b64(payload);
        return input + "." + b64(key.signEs256(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static String sign(SigningKey key, String headerJson, String payloadJson) {
        return sign(key, headerJson, payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    static String sign(SigningKey key, Map<String, Object> header, Map<String, Object> claims) {
        byte[] payload = StrictJson.write(claims);
        if (header.containsKey("zip")) {
            payload = RawDeflate.deflate(payload);
        }
        return sign(key, StrictJson.writeString(header), payload);
    }

    static String withPart(String jws, int index, String part) {
        String[] p = parts(jws);
        p[index] = part;
        return String.join(".", p);
    }

    /** The raw 64-byte signature split into r and s. */
    static BigInteger[] rs(String jws) {
        byte[] raw = unb64(parts(jws)[2]);
        return new BigInteger[] {new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)),
            new BigInteger(1, Arrays.copyOfRange(raw, 32, 64))};
    }

    /** A 64-byte raw signature from r and s (each must fit 32 bytes). */
    static String rawSignature(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        put(out, 0, r);
        put(out, 32, s);
        return b64(out);
    }

    private static void put(byte[] out, int offset, BigInteger v) {
        byte[] b = v.toByteArray();
        int start = b.length > 32 ? b.length - 32 : 0;
        int len = b.length - start;
        if (b.length > 33 || (b.length == 33 && b[0] != 0)) {
            throw new IllegalArgumentException("does not fit 32 bytes");
        }
        System.arraycopy(b, start, out, offset + 32 - len, len);
    }
}
