package io.github.eidvn.cli;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;

/** The issuer key files the commands read. */
final class KeyFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KeyFiles() {
    }

    /**
     * An issuer's private signing keys: a JWKS (as {@code eid keys generate} writes it; its first key signs) or a
     * single private JWK.
     *
     * @param json the file's text
     * @return the key ring
     * @throws IllegalArgumentException when the text is neither (the message never repeats key material)
     */
    static KeyRing signingKeys(String json) {
        return isJwks(json) ? KeyRing.fromPrivateJwksJson(json)
                : KeyRing.of(SigningKey.fromPrivateJwkJson(json), List.of());
    }

    private static boolean isJwks(String json) {
        try {
            return MAPPER.readTree(json).has("keys");
        } catch (JsonProcessingException e) {
            return false; // reported by the JWK parser
        }
    }
}
