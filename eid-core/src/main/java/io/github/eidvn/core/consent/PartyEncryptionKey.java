package io.github.eidvn.core.consent;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.internal.PublicJwk;

/**
 * A relying party's public encryption key: what sealed deliveries are encrypted to.
 *
 * <p>Accepted keys (anything else is refused at import, fail closed):
 * <ul>
 *   <li>EC on P-256, used with {@code ECDH-ES+A256KW} and {@code A256GCM};</li>
 *   <li>RSA of at least {@value #MIN_RSA_BITS} bits with an odd public exponent of at least 3, used with
 *       {@code RSA-OAEP-256} and {@code A256GCM}.</li>
 * </ul>
 * The JWK must be public (no {@code d}, {@code p}, {@code q}, ..., no symmetric {@code k}); {@code use}, when
 * present, must be {@code enc}; {@code alg}, when present, must be the algorithm above; {@code key_ops}, when
 * present, must allow {@code wrapKey}, {@code encrypt} or {@code deriveKey}. The EC point must be on the curve
 * (checked by Nimbus when parsing).
 *
 * <p>Immutable and thread-safe. Equality is by the RFC 7638 thumbprint ({@link #kid()}).
 *
 * <p><b>Security:</b> the algorithm is pinned to the key type here, never taken from a message header.
 */
public final class PartyEncryptionKey {

    /** The smallest RSA modulus accepted, in bits. */
    public static final int MIN_RSA_BITS = 2048;
    /** The key-management algorithm for EC P-256 keys. */
    public static final String EC_ALGORITHM = "ECDH-ES+A256KW";
    /** The key-management algorithm for RSA keys. */
    public static final String RSA_ALGORITHM = "RSA-OAEP-256";
    /** The content encryption of every delivery. */
    public static final String CONTENT_ENCRYPTION = "A256GCM";
    /** The prefix of an RFC 9278 JWK thumbprint URI. */
    public static final String THUMBPRINT_URI_PREFIX = "urn:ietf:params:oauth:jwk-thumbprint:sha-256:";

    private static final int MAX_JWK_CHARS = 16 * 1024;

    /** The two key types. */
    public enum Type {
        /** EC P-256: {@code ECDH-ES+A256KW}. */
        EC_P256,
        /** RSA, at least 2048 bits: {@code RSA-OAEP-256}. */
        RSA
    }

    private final JWK jwk;
    private final String kid;
    private final Type type;
    private final PublicKey publicKey;

    private PartyEncryptionKey(JWK jwk, String kid, Type type, PublicKey publicKey) {
        this.jwk = jwk;
        this.kid = kid;
        this.type = type;
        this.publicKey = publicKey;
    }

    /**
     * Imports a public JWK (JSON).
     *
     * @param json the JWK JSON
     * @return the key
     * @throws IllegalArgumentException when the JWK breaks a rule of the class comment
     */
    public static PartyEncryptionKey fromJwkJson(String json) {
        Objects.requireNonNull(json, "json");
        if (json.length() > MAX_JWK_CHARS) {
            throw new IllegalArgumentException("encryption JWK longer than " + MAX_JWK_CHARS + " characters");
        }
        return fromJwkMembers(StrictJson.parseObject(json));
    }

    /**
     * Imports a public JWK given as parsed JSON members (as in a registry file).
     *
     * @param members the JWK members
     * @return the key
     * @throws IllegalArgumentException when the JWK breaks a rule of the class comment
     */
    static PartyEncryptionKey fromJwkMembers(Map<?, ?> members) {
        return fromJwk(PublicJwk.parse(members, "the encryption JWK", "register the public key only",
                KeyUse.ENCRYPTION));
    }

    private static PartyEncryptionKey fromJwk(JWK parsed) {
        Set<KeyOperation> ops = parsed.getKeyOperations();
        if (ops != null && !(ops.contains(KeyOperation.WRAP_KEY) || ops.contains(KeyOperation.ENCRYPT)
                || ops.contains(KeyOperation.DERIVE_KEY))) {
            throw new IllegalArgumentException("the encryption JWK's key_ops allow no encryption");
        }
        Type type;
        PublicKey pk;
        String alg;
        try {
            if (parsed instanceof ECKey) {
                ECKey ec = (ECKey) parsed;
                if (!Curve.P_256.equals(ec.getCurve())) {
                    throw new IllegalArgumentException("EC encryption keys must be on P-256, not " + ec.getCurve());
                }
                type = Type.EC_P256;
                alg = EC_ALGORITHM;
                pk = ec.toECPublicKey();
            } else if (parsed instanceof RSAKey) {
                RSAKey rsa = (RSAKey) parsed;
                if (rsa.size() < MIN_RSA_BITS) {
                    throw new IllegalArgumentException("RSA encryption keys need at least " + MIN_RSA_BITS
                            + " bits, not " + rsa.size());
                }
                RSAPublicKey rpk = rsa.toRSAPublicKey();
                BigInteger e = rpk.getPublicExponent();
                if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0) {
                    throw new IllegalArgumentException("the RSA public exponent must be odd and at least 3");
                }
                type = Type.RSA;
                alg = RSA_ALGORITHM;
                pk = rpk;
            } else {
                throw new IllegalArgumentException("encryption keys must be EC P-256 or RSA, not "
                        + parsed.getKeyType());
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable public key: " + e.getMessage());
        }
        if (parsed.getAlgorithm() != null && !alg.equals(parsed.getAlgorithm().getName())) {
            throw new IllegalArgumentException("the encryption JWK has alg " + parsed.getAlgorithm()
                    + "; a " + type + " key is used with " + alg);
        }
        String kid;
        try {
            kid = parsed.computeThumbprint("SHA-256").toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
        JWK normal;
        if (parsed instanceof ECKey) {
            normal = new ECKey.Builder((ECKey) parsed).keyID(kid).keyUse(KeyUse.ENCRYPTION)
                    .algorithm(JWEAlgorithm.ECDH_ES_A256KW).keyOperations(null).build();
        } else {
            normal = new RSAKey.Builder((RSAKey) parsed).keyID(kid).keyUse(KeyUse.ENCRYPTION)
                    .algorithm(JWEAlgorithm.RSA_OAEP_256).keyOperations(null).build();
        }
        return new PartyEncryptionKey(normal, kid, type, pk);
    }

    /** @return the RFC 7638 SHA-256 thumbprint, base64url; written as the JWE {@code kid} */
    public String kid() {
        return kid;
    }

    /** @return the RFC 9278 thumbprint URI {@code urn:ietf:params:oauth:jwk-thumbprint:sha-256:<kid>} */
    public String thumbprintUri() {
        return THUMBPRINT_URI_PREFIX + kid;
    }

    /** @return the key type */
    public Type type() {
        return type;
    }

    /** @return the pinned key-management algorithm: {@value #EC_ALGORITHM} or {@value #RSA_ALGORITHM} */
    public String jweAlgorithm() {
        return type == Type.EC_P256 ? EC_ALGORITHM : RSA_ALGORITHM;
    }

    /** @return the content encryption, {@value #CONTENT_ENCRYPTION} */
    public String contentEncryption() {
        return EncryptionMethod.A256GCM.getName();
    }

    /** @return the public key ({@link java.security.interfaces.ECPublicKey} or {@link RSAPublicKey}) */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** @return the public JWK JSON with {@code kid} (thumbprint), {@code use":"enc"} and the pinned {@code alg} */
    public String jwkJson() {
        return jwk.toJSONString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartyEncryptionKey && ((PartyEncryptionKey) o).kid.equals(kid);
    }

    @Override
    public int hashCode() {
        return kid.hashCode();
    }

    @Override
    public String toString() {
        return "PartyEncryptionKey[" + jweAlgorithm() + ", kid=" + kid + "]";
    }
}
