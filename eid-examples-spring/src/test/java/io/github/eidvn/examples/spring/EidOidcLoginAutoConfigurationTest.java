package io.github.eidvn.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.examples.oidc.SandboxProvider;
import io.github.eidvn.oidc.client.EidOidcClient;
import io.github.eidvn.spring.boot.oidc.EidOidcLoginAutoConfiguration;
import io.github.eidvn.spring.boot.oidc.EidParAuthorizationRequestResolver;

/** {@code eid.oidc.client.*}: what the starter makes of it, and the clear start-up failures of a wrong setting. */
class EidOidcLoginAutoConfigurationTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static SandboxProvider sandbox;
    private static Path keyFile;

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EidOidcLoginAutoConfiguration.class));

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxProvider.start(0, KEY, URI.create("http://127.0.0.1:8081/login/oauth2/code/eid"));
        keyFile = Files.createTempFile("client", ".jwk");
        keyFile.toFile().deleteOnExit();
        Files.writeString(keyFile, KEY.privateJwkJson());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private WebApplicationContextRunner configured(String... more) {
        return runner.withPropertyValues("eid.oidc.client.issuer=" + sandbox.issuer(),
                "eid.oidc.client.client-id=" + SandboxProvider.CLIENT_ID,
                "eid.oidc.client.signing-key=" + keyFile.toUri(),
                "eid.oidc.client.redirect-uri=http://127.0.0.1:8081/login/oauth2/code/eid",
                "eid.oidc.client.purpose=" + SandboxProvider.PURPOSE, "eid.oidc.client.fields=name")
                .withPropertyValues(more);
    }

    @Test
    void noIssuer_nothingConfigured() {
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(EidOidcClient.class)
                .doesNotHaveBean(OAuth2AuthorizationRequestResolver.class));
    }

    @Test
    void allSet_registrationFromDiscoveryWithPrivateKeyJwtAndParResolver() {
        configured("eid.oidc.client.required-level=2").run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(EidOidcClient.class);
            ClientRegistration r = ((InMemoryClientRegistrationRepository) ctx
                    .getBean(ClientRegistrationRepository.class)).findByRegistrationId("eid");
            assertThat(r.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
            assertThat(r.getProviderDetails().getTokenUri()).startsWith(sandbox.issuer().toString());
            assertThat(ctx.getBean(OAuth2AuthorizationRequestResolver.class))
                    .isInstanceOf(EidParAuthorizationRequestResolver.class);
        });
    }

    @Test
    void noRequiredLevel_startupFailsNamingTheProperty() {
        configured().run(ctx -> assertThat(ctx).hasFailed().getFailure()
                .hasStackTraceContaining("eid.oidc.client.required-level is required"));
    }

    @Test
    void levelThree_startupFails() {
        configured("eid.oidc.client.required-level=3").run(ctx -> assertThat(ctx).hasFailed().getFailure()
                .hasStackTraceContaining("must be 1 or 2"));
    }

    @Test
    void signingKeyNotFileOrPkcs11_startupFails() {
        configured("eid.oidc.client.required-level=2", "eid.oidc.client.signing-key=classpath:key.jwk")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure()
                        .hasStackTraceContaining("eid.oidc.client.signing-key must be file:"));
    }
}
