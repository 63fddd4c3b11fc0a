package io.github.eidvn.core.keys;

import java.security.PublicKey;
import java.util.Objects;

import com.nimbusds.jose.jwk.JWK;

/**
 * One public key of a {@link TrustStore}, with the single JWS algorithm it may verify.
 *
 * <p>Immutable and thread-safe. Built only by {@link TrustStore}.
 *
 * <p><b>Security:</b> the algorithm is pinned to the key when the trust store is loaded (EC P-256: ES256; RSA:
 * the JWK's {@code alg} or RS256). A token's header {@code alg} never chooses it.
 */
public final class TrustedKey {

    private final String kid;
    private final String thumbprint;
    private final String algorithm;
    private final PublicKey publicKey;
    private final JWK jwk;

    TrustedKey(String kid, String thumbprint, String algorithm, PublicKey publicKey, JWK jwk) {
        this.kid = Objects.requireNonNull(kid, "kid");
        this.thumbprint = Objects.requireNonNull(thumbprint, "thumbprint");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.jwk = Objects.requireNonNull(jwk, "jwk");
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

    @Override
    public String toString() {
        return "TrustedKey[" + algorithm + ", kid=" + kid + "]";
    }
}
