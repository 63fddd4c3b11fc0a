package io.github.eidvn.cli;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.Key;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A second, independent JOSE path for tests: JWE decryption and JWS verification with JCA primitives and Jackson
 * only (no Nimbus), following RFC 7516/7518 directly:
 * ECDH-ES key agreement, the Concat KDF of RFC 7518 §4.6.2 (NIST SP 800-56A, SHA-256), AES key unwrap (RFC 3394,
 * JCA "AESWrap"), RSA-OAEP with SHA-256 and MGF1-SHA-256, AES-256-GCM with the protected header as AAD, and ECDSA
 * P-256 SHA-256 with the JWS R||S signature form.
 */
final class IndependentJose {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private IndependentJose() {
    }

    static JsonNode json(byte[] utf8) throws Exception {
        return JSON.readTree(utf8);
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static byte[] b64(JsonNode n, String member) {
        return B64.decode(n.get(member).asText());
    }

    private static ECParameterSpec p256() throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        return params.getParameterSpec(ECParameterSpec.class);
    }

    static PublicKey ecPublic(JsonNode jwk) throws Exception {
        ECPoint w = new ECPoint(new BigInteger(1, b64(jwk, "x")), new BigInteger(1, b64(jwk, "y")));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, p256()));
    }

    static PrivateKey ecPrivate(JsonNode jwk) throws Exception {
        return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, b64(jwk, "d")),
                p256()));
    }

    static PrivateKey rsaPrivate(JsonNode jwk) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                new BigInteger(1, b64(jwk, "n")), new BigInteger(1, b64(jwk, "e")), new BigInteger(1, b64(jwk, "d")),
                new BigInteger(1, b64(jwk, "p")), new BigInteger(1, b64(jwk, "q")),
                new BigInteger(1, b64(jwk, "dp")), new BigInteger(1, b64(jwk, "dq")),
                new BigInteger(1, b64(jwk, "qi"))));
    }

    /** The RFC 7518 §4.6.2 Concat KDF, SHA-256, one round (keydatalen <= 256). */
    static byte[] concatKdf(byte[] z, String algorithmId, byte[] apu, byte[] apv, int keyBits) throws Exception {
        byte[] alg = algorithmId.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer otherInfo = ByteBuffer.allocate(4 + alg.length + 4 + apu.length + 4 + apv.length + 4);
        otherInfo.putInt(alg.length).put(alg).putInt(apu.length).put(apu).putInt(apv.length).put(apv).putInt(keyBits);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(new byte[] {0, 0, 0, 1});
        sha256.update(z);
        sha256.update(otherInfo.array());
        byte[] out = new byte[keyBits / 8];
        System.arraycopy(sha256.digest(), 0, out, 0, out.length);
        return out;
    }

    /**
     * Decrypts a compact JWE (ECDH-ES+A256KW or RSA-OAEP-256, A256GCM).
     *
     * @return the plaintext
     */
    static byte[] decrypt(String compactJwe, JsonNode privateJwk) throws Exception {
        String[] p = compactJwe.split("\\.", -1);
        if (p.length != 5) {
            throw new IllegalArgumentException("not a compact JWE");
        }
        JsonNode header = json(B64.decode(p[0]));
        String alg = header.get("alg").asText();
        if (!"A256GCM".equals(header.get("enc").asText())) {
            throw new IllegalArgumentException("enc " + header.get("enc"));
        }
        byte[] encryptedKey = B64.decode(p[1]);
        Key cek;
        if ("ECDH-ES+A256KW".equals(alg)) {
            KeyAgreement ka = KeyAgreement.getInstance("ECDH");
            ka.init(ecPrivate(privateJwk));
            ka.doPhase(ecPublic(header.get("epk")), true);
            byte[] z = ka.generateSecret();
            byte[] apu = header.has("apu") ? b64(header, "apu") : new byte[0];
            byte[] apv = header.has("apv") ? b64(header, "apv") : new byte[0];
            byte[] kek = concatKdf(z, alg, apu, apv, 256);
            Cipher unwrap = Cipher.getInstance("AESWrap");
            unwrap.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
            cek = unwrap.unwrap(encryptedKey, "AES", Cipher.SECRET_KEY);
        } else if ("RSA-OAEP-256".equals(alg)) {
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(Cipher.DECRYPT_MODE, rsaPrivate(privateJwk), new OAEPParameterSpec("SHA-256", "MGF1",
                    MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            cek = new SecretKeySpec(oaep.doFinal(encryptedKey), "AES");
        } else {
            throw new IllegalArgumentException("alg " + alg);
        }
        if (cek.getEncoded().length != 32) {
            throw new IllegalArgumentException("CEK is not 256 bits");
        }
        byte[] iv = B64.decode(p[2]);
        byte[] ciphertext = B64.decode(p[3]);
        byte[] tag = B64.decode(p[4]);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek.getEncoded(), "AES"), new GCMParameterSpec(128, iv));
        gcm.updateAAD(p[0].getBytes(StandardCharsets.US_ASCII));
        byte[] both = new byte[ciphertext.length + tag.length];
        System.arraycopy(ciphertext, 0, both, 0, ciphertext.length);
        System.arraycopy(tag, 0, both, ciphertext.length, tag.length);
        return gcm.doFinal(both);
    }

    /**
     * Verifies an ES256 compact JWS with the key of its {@code kid} in a JWKS and returns its header and payload.
     *
     * @return {header, payload}
     */
    static JsonNode[] verifyEs256(String compactJws, JsonNode jwks) throws Exception {
        String[] p = compactJws.split("\\.", -1);
        JsonNode header = json(B64.decode(p[0]));
        if (!"ES256".equals(header.get("alg").asText())) {
            throw new IllegalArgumentException("alg " + header.get("alg"));
        }
        String kid = header.get("kid").asText();
        for (JsonNode k : jwks.get("keys")) {
            if (kid.equals(k.path("kid").asText())) {
                Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
                ecdsa.initVerify(ecPublic(k));
                ecdsa.update((p[0] + "." + p[1]).getBytes(StandardCharsets.US_ASCII));
                if (!ecdsa.verify(B64.decode(p[2]))) {
                    throw new SecurityException("bad signature");
                }
                return new JsonNode[] {header, json(B64.decode(p[1]))};
            }
        }
        throw new SecurityException("no key " + kid);
    }
}
