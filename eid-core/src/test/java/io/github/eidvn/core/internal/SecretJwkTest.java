package io.github.eidvn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import org.junit.jupiter.api.Test;

class SecretJwkTest {

    private static final String SECRET = "d-is-secret-0123456789";

    @Test
    void generate_p256_privateKeyOnTheCurve() {
        ECKey key = SecretJwk.generate(new ECKeyGenerator(Curve.P_256), "P-256");

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
    }

    @Test
    void parse_brokenJson_messageWithholdsTheInput() {
        assertThatThrownBy(() -> SecretJwk.parse("{\"kty\":\"EC\",\"d\":\"" + SECRET + "\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a valid JWK (details withheld: the input holds a secret)")
                .hasNoCause();
    }

    @Test
    void parseSet_brokenJson_messageWithholdsTheInput() {
        assertThatThrownBy(() -> SecretJwk.parseSet("{\"keys\":[{\"d\":\"" + SECRET + "\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a valid JWKS (details withheld: the input holds secrets)")
                .hasNoCause();
    }

    @Test
    void parse_validPrivateJwk_keepsThePrivatePart() {
        ECKey key = SecretJwk.generate(new ECKeyGenerator(Curve.P_256), "P-256");

        assertThat(SecretJwk.parse(key.toJSONString()).isPrivate()).isTrue();
        assertThat(SecretJwk.parseSet("{\"keys\":[" + key.toJSONString() + "]}").getKeys()).hasSize(1);
    }
}
