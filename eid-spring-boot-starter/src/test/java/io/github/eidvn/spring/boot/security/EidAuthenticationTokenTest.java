package io.github.eidvn.spring.boot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.device.DevicePublicKey;

class EidAuthenticationTokenTest {

    private static DevicePublicKey deviceKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return DevicePublicKey.parse(g.generateKeyPair().getPublic().getEncoded()).orElseThrow();
    }

    @Test
    void passwordLogin_toString_masksAccountShowsDevice_neverPassword() throws Exception {
        EidPasswordLogin login = new EidPasswordLogin("079123456789", "correct horse".toCharArray(), "phone-1",
                deviceKey(), "203.0.113.7");

        assertThat(login.toString())
                .startsWith("EidPasswordLogin[").endsWith(", device=phone-1]")
                .doesNotContain("079123456789")
                .doesNotContain("correct horse");
    }

    @Test
    void passwordLogin_equalOnlyToItself_notToTheSameCredentials() throws Exception {
        DevicePublicKey key = deviceKey();
        EidPasswordLogin a = new EidPasswordLogin("079123456789", "pw".toCharArray(), "phone-1", key, "src");
        EidPasswordLogin b = new EidPasswordLogin("079123456789", "pw".toCharArray(), "phone-1", key, "src");

        assertThat(a).isEqualTo(a).isNotEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(System.identityHashCode(a));
    }
}
