package io.github.eidvn.core.keys;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;

import io.github.eidvn.core.internal.Es256PublicKey;

/**
 * One public key of a {@link TrustStore}, with the single JWS algorithm it may verify.
 *
 * <p>Immutable and thread-safe. Built only by {@link TrustStore}.
 *
 * <p><b>Security:</b> the algorithm is pinned to the key when the trust store is loaded (EC P-256: ES256; RSA:
 * the JWK's {@code alg} or RS256). A token's header {@code alg} never chooses it. An ES256 key's point is
 * validated (on P-256, not infinity) once, when it is loaded, and prepared once for fast verification: the
 * prepared key lives as long as this object, so keep the {@link TrustStore} rather than reloading it per token.
 * A key loaded for a named issuer ({@link TrustStore.Builder#issuer(String, TrustStore)}) verifies only tokens
 * whose {@code iss} is that issuer ({@link #acceptsIssuer(String)}); a key of a bare JWKS
 * ({@link TrustStore#fromJwks(String)}) stands for one issuer, whatever its name.
 */
public final class TrustedKey {

    private final String kid;
    private final String thumbprint;
    private final String algorithm;
    private final PublicKey publicKey;
    private final JWK jwk;
    /** The prepared ES256 key (cached precomputation), or null for an RSA key. */
    private final Es256PublicKey es256;
    /** The one issuer this key signs for, or null for a key of a bare JWKS (one issuer, whatever its name). */
    private final String issuer;

    TrustedKey(String kid, String thumbprint, String algorithm, PublicKey publicKey, JWK jwk) {
        this.kid = Objects.requireNonNull(kid, "kid");
        this.thumbprint = Objects.requireNonNull(thumbprint, "thumbprint");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.jwk = Objects.requireNonNull(jwk, "jwk");
        this.es256 = SigningKey.ALGORITHM.equals(algorithm) ? Es256PublicKey.of((ECPublicKey) publicKey) : null;
        this.issuer = null;
    }

    private TrustedKey(TrustedKey unbound, String issuer) {
        this.kid = unbound.kid;
        this.thumbprint = unbound.thumbprint;
        this.algorithm = unbound.algorithm;
        this.publicKey = unbound.publicKey;
        this.jwk = unbound.jwk;
        this.es256 = unbound.es256; // the prepared point is shared, not prepared again
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /** This key bound to one issuer (the preparation is shared). */
    TrustedKey boundTo(String issuerId) {
        if (issuer != null) {
            throw new IllegalArgumentException("the key " + kid + " is already bound to an issuer");
        }
        return new TrustedKey(this, issuerId);
    }

    /**
     * The issuer this key was loaded for.
     *
     * @return the issuer id ({@code iss}), or empty for a key of a bare JWKS, which stands for one issuer whatever
     *     its name
     */
    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    /**
     * Whether a token naming {@code iss} may be verified with this key.
     *
     * <p><b>Security:</b> a key bound to an issuer accepts only that exact {@code iss}; so with keys of two issuers
     * trusted, issuer B's key cannot vouch for a token that claims to come from issuer A.
     *
     * @param iss the token's {@code iss}; null is accepted only by an unbound key
     * @return true when the key is unbound or bound to exactly {@code iss}
     */
    public boolean acceptsIssuer(String iss) {
        return issuer == null || issuer.equals(iss);
    }

    /**
     * The key id: the JWK's {@code kid}, or its RFC 7638 thumbprint when the JWK has none.
     *
     * @return the key id
     */
    public String kid() {
        return kid;
    }

    /**
     * The RFC 7638 SHA-256 thumbprint, base64url (43 characters), whatever the JWK's {@code kid} says.
     *
     * @return the thumbprint
     */
    public String thumbprint() {
        return thumbprint;
    }

    /**
     * The one JWS algorithm this key verifies, e.g. {@code ES256}.
     *
     * @return the pinned algorithm name
     */
    public String algorithm() {
        return algorithm;
    }

    /**
     * The public key ({@link java.security.interfaces.ECPublicKey} or {@link java.security.interfaces.RSAPublicKey}).
     *
     * @return the public key
     */
    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * The public JWK in JSON.
     *
     * @return the JWK JSON
     */
    public String jwkJson() {
        return jwk.toJSONString();
    }

    JWK jwk() {
        return jwk;
    }

    /**
     * Checks a raw ES256 signature (ECDSA P-256 over SHA-256) with this key: the primitive under the verifier's
     * signature stage, the counterpart of {@link SigningKey#signEs256(byte[])}.
     *
     * <p><b>Security:</b> this checks the signature only. To accept a token, use the verifier, which also checks
     * the key id, the pinned algorithm, the type, the times, the audience and replay. The signature must be the
     * 64-byte {@code R || S} value with r and s in [1, n-1]; anything else is {@code false}. A high-S signature
     * (s &gt; n/2) that is otherwise valid is accepted, as by the JDK's ECDSA; eid's verifiers refuse it for eid's own
     * token types, whose signers always emit low S.
     *
     * @param data the signed bytes, e.g. a JWS signing input {@code header.payload} in ASCII
     * @param signature the 64-byte JWS ES256 signature
     * @return whether the signature is valid
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when this key is not pinned to ES256
     */
    public boolean verifiesEs256(byte[] data, byte[] signature) {
        if (es256 == null) {
            throw new IllegalStateException("this key is pinned to " + algorithm + ", not ES256");
        }
        return es256.verify(data, signature);
    }

    @Override
    public String toString() {
        return "TrustedKey[" + algorithm + ", kid=" + kid + (issuer == null ? "" : ", iss=" + issuer) + "]";
    }
}
