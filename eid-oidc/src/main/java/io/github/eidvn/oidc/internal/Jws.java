package io.github.eidvn.oidc.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.github.eidvn.core.jose.KeySigner;
import io.github.eidvn.core.keys.SigningKey;

/**
 * Signs Nimbus JWTs (ID tokens, client assertions, request objects) with an eid {@link SigningKey} through eid's ES256
 * engine, so the private key never leaves the {@code SigningKey}.
 */
public final class Jws {

    private Jws() {
    }

    /**
     * Signs claims ES256 with the key's RFC 7638 {@code kid}.
     *
     * @param key the key
     * @param type the {@code typ} header, or null for none
     * @param claims the claims
     * @return the signed JWT
     * @throws JOSEException when signing fails
     */
    public static SignedJWT sign(SigningKey key, String type, JWTClaimsSet claims) throws JOSEException {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.kid());
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new KeySigner(key));
        return jwt;
    }
}
