package io.github.eidvn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.jwk.KeyUse;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.KeyRing;

class PublicJwkTest {

    private final KeyRing ring = KeyRing.generate();

    private Map<String, Object> publicMembers() {
        return new LinkedHashMap<>(StrictJson.parseObject(ring.current().publicJwkJson()));
    }

    @Test
    void parse_publicSignatureKey_accepted() {
        assertThat(PublicJwk.parse(publicMembers(), "key #0", "public only", KeyUse.SIGNATURE).isPrivate()).isFalse();
    }

    @Test
    void parse_privateMember_refusedNamingTheMemberWithoutParsing() {
        Map<String, Object> m = publicMembers();
        m.put("d", "not-even-base64url!");
        assertThatThrownBy(() -> PublicJwk.parse(m, "key #0", "a trust store takes public keys only",
                KeyUse.SIGNATURE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key #0 has the private/secret member \"d\": a trust store takes public keys only");
    }

    @Test
    void parse_otherUse_refused() {
        assertThatThrownBy(() -> PublicJwk.parse(publicMembers(), "the encryption JWK", "public only",
                KeyUse.ENCRYPTION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the encryption JWK has use \"sig\", not enc");
    }

    @Test
    void parse_notAJwk_refusedNamingTheKey() {
        assertThatThrownBy(() -> PublicJwk.parse(Map.of("kty", "nope"), "key #3", "public only", KeyUse.SIGNATURE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("key #3 is not a valid JWK");
    }
}
