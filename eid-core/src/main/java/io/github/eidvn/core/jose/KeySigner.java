package io.github.eidvn.core.jose;

import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

import io.github.eidvn.core.keys.SigningKey;

/** A Nimbus {@link JWSSigner} over a {@link SigningKey}, for ES256 only. */
public final class KeySigner implements JWSSigner {

    private final SigningKey key;
    private final JCAContext jca = new JCAContext();

    /**
     * @param key the signing key
     */
    public KeySigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new JOSEException("only ES256");
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
}
