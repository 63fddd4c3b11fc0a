package io.github.eidvn.core.internal;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.JWKGenerator;

/**
 * Generating and reading private JWKs, written once for eid's key types ({@code SigningKey}, {@code KeyRing},
 * {@code PartyDecryptionKey}).
 *
 * <p><b>Security:</b> the JSON read here holds secrets; the exception messages never repeat it, nor the parser's
 * message (which may quote it).
 */
public final class SecretJwk {

    private SecretJwk() {
    }

    /**
     * Generates a key pair with the platform's strong {@link SecureRandom}.
     *
     * @param <T> the key type
     * @param generator the generator, set up for the key type and size
     * @param what the key type for the error, e.g. {@code P-256}
     * @return the new private JWK
     * @throws IllegalStateException when the platform cannot generate such keys
     */
    public static <T extends JWK> T generate(JWKGenerator<T> generator, String what) {
        try {
            return generator.secureRandom(new SecureRandom()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(what + " key generation is unavailable", e);
        }
    }

    /**
     * Parses one JWK whose JSON holds a secret.
     *
     * @param json the JWK JSON
     * @return the JWK (its type and parts not checked yet)
     * @throws IllegalArgumentException when the JSON is not a JWK; the message withholds the input
     */
    public static JWK parse(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a valid JWK (details withheld: the input holds a secret)");
        }
    }

    /**
     * Parses a JWKS whose JSON holds secrets.
     *
     * @param json the JWKS JSON
     * @return the set (its keys not checked yet)
     * @throws IllegalArgumentException when the JSON is not a JWKS; the message withholds the input
     */
    public static JWKSet parseSet(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a valid JWKS (details withheld: the input holds secrets)");
        }
    }
}
