package io.github.eidvn.oidc.internal;

import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

import io.github.eidvn.core.keys.SigningKey;

/**
 * A Nimbus {@link JWSSigner} that signs ES256 with an eid {@link SigningKey}, so that Nimbus-built objects (ID
 * tokens, client assertions, request objects) are signed by eid's ES256 engine and the private key never leaves
 * the {@code SigningKey}.
 */
public final class KeyRingSigner implements JWSSigner {

    private final SigningKey key;
    private final JCAContext jca = new JCAContext();

    /**
     * @param key the signing key
     */
    public KeyRingSigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * The protected header eid signs with: ES256, the key's RFC 7638 {@code kid} and the given {@code typ}.
     *
     * @param type the {@code typ} value, or null for none
     * @return the header
     */
    public JWSHeader header(String type) {
        JWSHeader.Builder b = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.kid());
        if (type != null) {
            b.type(new com.nimbusds.jose.JOSEObjectType(type));
        }
        return b.build();
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new JOSEException("eid signs ES256 only, not " + header.getAlgorithm());
        }
        return Base64URL.encode(key.signEs256(signingInput));
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.ES256);
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }

    @Override
    public String toString() {
        return "KeyRingSigner[kid=" + key.kid() + "]";
    }
}
