package io.github.eidvn.core.internal;

import java.text.ParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;

import io.github.eidvn.core.internal.StrictJson;

/**
 * Reading a public JWK from its JSON members, written once for the keys others give eid (a trust store's signature
 * keys, a party's encryption key): a private or secret part is refused before anything is parsed, and a stated
 * {@code use} must be the one the key is taken for. The checks of the key type, size and {@code key_ops} stay with
 * the caller.
 */
public final class PublicJwk {

    /** The members that carry a private or secret part: EC {@code d}, RSA {@code p q dp dq qi oth}, oct {@code k}. */
    public static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private PublicJwk() {
    }

    /**
     * Parses a public JWK.
     *
     * @param members the JWK's members (as parsed by {@code StrictJson})
     * @param what the key as the messages name it, e.g. {@code key #2} or {@code the encryption JWK}
     * @param publicOnly what the messages say to do instead of giving a private key
     * @param use the use the key is taken for ({@code sig} or {@code enc}); a JWK without {@code use} passes
     * @return the JWK
     * @throws IllegalArgumentException when it has a private member, is not a JWK, or states another use
     */
    public static JWK parse(Map<?, ?> members, String what, String publicOnly, KeyUse use) {
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(use, "use");
        for (Object name : members.keySet()) {
            if (PRIVATE_MEMBERS.contains(name)) {
                throw new IllegalArgumentException(what + " has the private/secret member \"" + name + "\": "
                        + publicOnly);
            }
        }
        JWK jwk;
        try {
            jwk = JWK.parse(StrictJson.writeString(members));
        } catch (ParseException e) {
            throw new IllegalArgumentException(what + " is not a valid JWK: " + e.getMessage());
        }
        if (jwk.isPrivate()) {
            throw new IllegalArgumentException(what + " is private: " + publicOnly);
        }
        if (jwk.getKeyUse() != null && !use.equals(jwk.getKeyUse())) {
            throw new IllegalArgumentException(what + " has use \"" + jwk.getKeyUse().identifier() + "\", not "
                    + use.identifier());
        }
        return jwk;
    }
}
