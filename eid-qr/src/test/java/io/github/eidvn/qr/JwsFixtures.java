package io.github.eidvn.qr;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helpers that build compact JWS strings (real ES256 signatures where it matters). */
final class JwsFixtures {

    static final String TYP_ASSERTION = "vneid-assertion+jwt";

    private JwsFixtures() {
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] unb64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }

    static String jws(String headerJson, byte[] payload, byte[] signature) {
        return b64(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload) + "." + b64(signature);
    }

    static byte[] random(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A 43-character base64url string like an RFC 7638 SHA-256 thumbprint. */
    static String thumbprint(Random random) {
        return b64(random(random, 32));
    }

    /** The recommended header: alg, typ, kid (thumbprint), zip. */
    static String assertionHeader(String kid) {
        return "{\"alg\":\"ES256\",\"typ\":\"" + TYP_ASSERTION + "\",\"kid\":\"" + kid + "\",\"zip\":\"DEF\"}";
    }

    /** A realistic-size JWS: the recommended header, an incompressible payload, a random 64-byte signature. */
    static String realistic(long seed, int payloadBytes) {
        Random r = new Random(seed);
        return jws(assertionHeader(thumbprint(r)), random(r, payloadBytes), random(r, 64));
    }

    static KeyPair p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** Signs header.payload with ES256 (R||S), as Nimbus would. */
    static String signEs256(KeyPair key, String headerJson, byte[] payload) throws Exception {
        String input = b64(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload);
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(key.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(s.sign());
    }

    static boolean verifyEs256(PublicKey key, String compactJws) throws Exception {
        int last = compactJws.lastIndexOf('.');
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initVerify(key);
        s.update(compactJws.substring(0, last).getBytes(StandardCharsets.US_ASCII));
        return s.verify(unb64(compactJws.substring(last + 1)));
    }

    /** A P-256 public key from a JWK's "x" and "y" (enough JSON handling for the test vectors). */
    static PublicKey p256FromJwk(String jwkJson) throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, unb64(member(jwkJson, "x"))),
                new BigInteger(1, unb64(member(jwkJson, "y"))));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
    }

    static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no member " + name);
        }
        return m.group(1);
    }
}
