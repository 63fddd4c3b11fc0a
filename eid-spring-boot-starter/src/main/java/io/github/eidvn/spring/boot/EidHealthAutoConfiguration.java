package io.github.eidvn.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.keys.TrustedKey;
import io.github.eidvn.core.spi.StateStore;

/**
 * Actuator health indicators (when Spring Boot Actuator is on the class path): {@code eidStateStore} writes, reads
 * and deletes a probe key; {@code eidIssuerKeys} is down when the issuer's JWKS file no longer holds the keys the
 * verifier trusts (a rotation the running service has not seen) or holds none.
 */
@AutoConfiguration(after = EidAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class EidHealthAutoConfiguration {

    /** Creates the configuration (Spring calls it). */
    public EidHealthAutoConfiguration() {
    }

    /**
     * The state store's health.
     *
     * @param store the state store
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "eidStateStoreHealthIndicator")
    @ConditionalOnBean(StateStore.class)
    public HealthIndicator eidStateStoreHealthIndicator(StateStore store) {
        return () -> {
            String key = "health:" + UUID.randomUUID();
            byte[] probe = {'o', 'k'};
            try {
                store.put(key, probe, Duration.ofSeconds(30));
                boolean readBack = store.get(key).map(v -> Arrays.equals(v, probe)).orElse(false);
                store.delete(key);
                Health.Builder h = readBack ? Health.up() : Health.down().withDetail("reason",
                        "a value written was not read back / không đọc lại được giá trị vừa ghi");
                return h.withDetail("store", store.getClass().getSimpleName()).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("store", store.getClass().getSimpleName())
                        .withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    /**
     * The issuers' keys' health: the trusted keys against the issuer's JWKS file now.
     *
     * @param trust the trusted keys
     * @param props the properties
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "eidIssuerKeysHealthIndicator")
    @ConditionalOnBean(TrustStore.class)
    public HealthIndicator eidIssuerKeysHealthIndicator(TrustStore trust, EidProperties props) {
        return () -> {
            List<String> trusted = trust.keys().stream().map(TrustedKey::kid).toList();
            Health.Builder h = trusted.isEmpty() ? Health.down().withDetail("reason", "no trusted key")
                    : Health.up();
            h.withDetail("kids", trusted);
            List<EidProperties.Issuer> issuers = props.verifier().issuersOrEmpty();
            if (issuers.size() == 1 && issuers.get(0).jwks() != null) {
                EidProperties.Issuer issuer = issuers.get(0);
                h.withDetail("issuer", issuer.issuer());
                try {
                    Path file = IssuerTrust.jwksFile(issuer);
                    List<String> now = IssuerTrust.readFile(file).keys().stream().map(TrustedKey::kid).toList();
                    if (!now.equals(trusted)) {
                        h.down().withDetail("reason", "the issuer's JWKS changed since the service loaded it; "
                                + "restart to trust the new keys / khóa của bên phát hành đã thay đổi")
                                .withDetail("jwksKids", now);
                    }
                } catch (RuntimeException e) {
                    h.down().withDetail("reason", "the issuer's JWKS cannot be read now")
                            .withDetail("error", e.getClass().getSimpleName());
                }
            }
            return h.build();
        };
    }
}
