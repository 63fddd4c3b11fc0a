package io.github.eidvn.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.oidc.client.EidOidcClient;
import io.github.eidvn.oidc.client.LoginSession;
import io.github.eidvn.oidc.provider.EidOidcProvider;
import io.github.eidvn.oidc.provider.OidcClientRegistration;

class ConfigurationTest {

    @Test
    void registration_plainHttpOffLoopback_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> OidcClientRegistration.of("vcb-bank",
                List.of(URI.create("http://bank.example.vn/cb"))));
        assertThatIllegalArgumentException().isThrownBy(() -> OidcClientRegistration.of("vcb-bank",
                List.of(URI.create("https://bank.example.vn/cb#x"))));
        assertThatIllegalArgumentException().isThrownBy(() -> OidcClientRegistration.of("Not A Party",
                List.of(URI.create("https://bank.example.vn/cb"))));
        assertThat(OidcClientRegistration.of("vcb-bank", List.of(URI.create("http://127.0.0.1:8081/cb")))
                .redirectUris()).hasSize(1);
    }

    @Test
    void provider_issuerOverPlainHttpOffLoopback_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> EidOidcProvider.builder()
                .issuer(URI.create("http://id.example.gov.vn")));
    }

    @Test
    void provider_missingParts_refusedAtBuild() {
        assertThatIllegalStateException().isThrownBy(() -> EidOidcProvider.builder()
                .issuer(URI.create("https://id.example.gov.vn")).build());
    }

    @Test
    void client_optionSetTwice_refused() {
        EidOidcClient.Builder b = EidOidcClient.builder().issuer(URI.create("https://id.example.gov.vn"));
        assertThatIllegalStateException().isThrownBy(() -> b.issuer(URI.create("https://other.example")));
        assertThatIllegalArgumentException().isThrownBy(() -> b.clockSkew(Duration.ofMinutes(3)));
    }

    @Test
    void client_unreachableProvider_refusedWithProviderUnavailable() {
        EidOidcClient client = EidOidcClient.builder().issuer(URI.create("http://127.0.0.1:9"))
                .clientId("vcb-bank").signingKey(SigningKey.generate())
                .redirectUri(URI.create("https://bank.example.vn/cb")).timeout(Duration.ofSeconds(2)).build();
        var start = client.start("bank-ekyc", List.of(io.github.eidvn.core.consent.CitizenField.NAME),
                io.github.eidvn.core.assurance.AssuranceLevel.LEVEL_1);
        assertThat(start).isInstanceOf(io.github.eidvn.oidc.client.LoginRefused.class);
        assertThat(((io.github.eidvn.oidc.client.LoginRefused) start).reason())
                .isEqualTo(io.github.eidvn.oidc.client.LoginRefusal.PROVIDER_UNAVAILABLE);
    }

    @Test
    void session_notASession_refusedAndSecretsNeverPrinted() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoginSession.fromJson("{\"acr\":\"urn:x\"}"));
        assertThatIllegalArgumentException().isThrownBy(() -> LoginSession.fromJson("not json"));
        LoginSession s = LoginSession.fromJson("{\"state\":\"s1\",\"nonce\":\"n1\",\"code_verifier\":\"secretverifier\","
                + "\"acr\":\"urn:vn:eid:loa:2\"}");
        assertThat(s.toString()).doesNotContain("secretverifier").doesNotContain("n1");
        assertThat(LoginSession.fromJson(s.toJson()).toJson()).isEqualTo(s.toJson());
    }
}
