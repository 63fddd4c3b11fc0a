package io.github.eidvn.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.eidvn.account.device.DeviceNotifier;
import io.github.eidvn.spring.boot.security.EidPasswordAuthenticationProvider;
import io.github.eidvn.spring.boot.security.EidSecurityAutoConfiguration;
import io.github.eidvn.spring.boot.security.EidSessionTokenFilter;
import io.github.eidvn.spring.boot.security.PasswordHashLookup;

class EidSecurityAndMetadataTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EidAutoConfiguration.class, EidSecurityAutoConfiguration.class))
            .withPropertyValues("eid.account.server-key=" + "A".repeat(44));

    @Test
    void accountLoginAndHashLookup_passwordProviderAndSessionFilter() {
        runner.withBean(DeviceNotifier.class, () -> n -> { })
                .withBean(PasswordHashLookup.class, () -> pn -> Optional.empty())
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(EidPasswordAuthenticationProvider.class)
                        .hasSingleBean(EidSessionTokenFilter.class));
    }

    @Test
    void noHashLookup_filterOnly_noAccountLogin_neither() {
        runner.withBean(DeviceNotifier.class, () -> n -> { }).run(ctx -> assertThat(ctx).hasNotFailed()
                .doesNotHaveBean(EidPasswordAuthenticationProvider.class).hasSingleBean(EidSessionTokenFilter.class));
        runner.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(EidSessionTokenFilter.class));
    }

    @Test
    void configurationMetadata_generatedForEveryEidProperty() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).contains("\"eid.verifier.issuers\"", "\"eid.verifier.audience\"",
                "\"eid.verifier.purpose\"", "\"eid.verifier.required-level\"", "\"eid.sharing.decryption-key\"",
                "\"eid.sharing.party-id\"", "\"eid.account.server-key\"", "\"eid.account.password-policy\"",
                "\"eid.pkcs11.config\"");
    }
}
