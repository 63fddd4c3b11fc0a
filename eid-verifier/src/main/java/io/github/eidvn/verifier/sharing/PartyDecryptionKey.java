package io.github.eidvn.verifier.sharing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Objects;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.github.eidvn.core.consent.PartyEncryptionKey;

/**
 * A relying party's private decryption key: the only key that opens deliveries sealed to its
 * {@link PartyEncryptionKey}.
 *
 * <p>Accepted keys: EC P-256 ({@code ECDH-ES+A256KW}) or RSA of at least 2048 bits ({@code RSA-OAEP-256}); a
 * {@code use}, when present, must be {@code enc}. On import the key is checked by encrypting and decrypting a probe,
 * so a private part that does not match its public part is refused.
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Security:</b> holds a private key. {@link #toString()} shows the key id only; {@link #privateJwkJson()} is
 * the one explicit export point (for protected storage); exception messages never repeat the input.
 */
public final class PartyDecryptionKey {

    private final JWK jwk;
    private final PartyEncryptionKey publicKey;

    private PartyDecryptionKey(JWK privateJwk) {
        this.publicKey = PartyEncryptionKey.fromJwkJson(privateJwk.toPublicJWK().toJSONString());
        if (privateJwk instanceof ECKey) {
            this.jwk = new ECKey.Builder((ECKey) privateJwk).keyID(publicKey.kid()).keyUse(KeyUse.ENCRYPTION)
                    .algorithm(JWEAlgorithm.ECDH_ES_A256KW).keyOperations(null).build();
        } else {
            this.jwk = new RSAKey.Builder((RSAKey) privateJwk).keyID(publicKey.kid()).keyUse(KeyUse.ENCRYPTION)
                    .algorithm(JWEAlgorithm.RSA_OAEP_256).keyOperations(null).build();
        }
        checkPair();
    }

    /**
     * Generates an EC P-256 key.
     *
     * @return the key
     */
    public static PartyDecryptionKey generateEc() {
        try {
            return new PartyDecryptionKey(new ECKeyGenerator(Curve.P_256).secureRandom(new SecureRandom()).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("P-256 key generation is unavailable", e);
        }
    }

    /**
     * Generates an RSA key.
     *
     * @param bits the modulus size, at least 2048
     * @return the key
     */
    public static PartyDecryptionKey generateRsa(int bits) {
        if (bits < PartyEncryptionKey.MIN_RSA_BITS) {
            throw new IllegalArgumentException("RSA keys need at least " + PartyEncryptionKey.MIN_RSA_BITS + " bits");
        }
        try {
            return new PartyDecryptionKey(new RSAKeyGenerator(bits).secureRandom(new SecureRandom()).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation is unavailable", e);
        }
    }

    /**
     * Imports a private JWK (JSON).
     *
     * <p><b>Security:</b> the argument holds a secret; exception messages never repeat it.
     *
     * @param json the private JWK JSON (EC P-256 or RSA of 2048+ bits)
     * @return the key
     * @throws IllegalArgumentException when the JSON is not such a key, or its parts do not match
     */
    public static PartyDecryptionKey fromPrivateJwkJson(String json) {
        Objects.requireNonNull(json, "json");
        JWK parsed;
        try {
            parsed = JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a valid JWK (details withheld: the input holds a secret)");
        }
        if (!parsed.isPrivate()) {
            throw new IllegalArgumentException("the JWK has no private part");
        }
        if (!(parsed instanceof ECKey) && !(parsed instanceof RSAKey)) {
            throw new IllegalArgumentException("decryption keys must be EC P-256 or RSA, not " + parsed.getKeyType());
        }
        if (parsed instanceof RSAKey && ((RSAKey) parsed).getPrivateExponent() == null
                && ((RSAKey) parsed).getFirstPrimeFactor() == null) {
            throw new IllegalArgumentException("the RSA JWK has no private exponent");
        }
        return new PartyDecryptionKey(parsed);
    }

    private void checkPair() {
        byte[] probe = "eid decryption key pair check".getBytes(StandardCharsets.US_ASCII);
        try {
            JWEObject jwe = new JWEObject(new JWEHeader(algorithm(), EncryptionMethod.A256GCM), new Payload(probe));
            jwe.encrypt(jwk instanceof ECKey ? new ECDHEncrypter(((ECKey) jwk).toECPublicKey())
                    : new RSAEncrypter(((RSAKey) jwk).toRSAPublicKey()));
            JWEObject back = JWEObject.parse(jwe.serialize());
            back.decrypt(decrypter());
            if (!Arrays.equals(probe, back.getPayload().toBytes())) {
                throw new IllegalArgumentException("the private part does not match the public part");
            }
        } catch (JOSEException | ParseException e) {
            throw new IllegalArgumentException("the private part does not match the public part");
        }
    }

    JWEAlgorithm algorithm() {
        return jwk instanceof ECKey ? JWEAlgorithm.ECDH_ES_A256KW : JWEAlgorithm.RSA_OAEP_256;
    }

    JWEDecrypter decrypter() throws JOSEException {
        if (jwk instanceof ECKey) {
            return new ECDHDecrypter((ECKey) jwk);
        }
        return new RSADecrypter((RSAKey) jwk);
    }

    /** @return the RFC 7638 thumbprint of the public part (the JWE {@code kid} deliveries carry) */
    public String kid() {
        return publicKey.kid();
    }

    /** @return the public part: register it as the party's encryption key */
    public PartyEncryptionKey publicKey() {
        return publicKey;
    }

    /**
     * The private JWK (JSON).
     *
     * <p><b>Security:</b> the result is the secret key; write it only to protected storage.
     *
     * @return the private JWK JSON
     */
    public String privateJwkJson() {
        return jwk.toJSONString();
    }

    @Override
    public String toString() {
        return "PartyDecryptionKey[" + publicKey.jweAlgorithm() + ", kid=" + kid() + "]";
    }
}
