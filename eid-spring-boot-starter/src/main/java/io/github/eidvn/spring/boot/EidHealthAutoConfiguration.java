package io.github.eidvn.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.eidvn.core.keys.KeysUnavailableException;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.keys.TrustedKey;
import io.github.eidvn.core.spi.StateStore;

/**
 * Actuator health indicators (when Spring Boot Actuator is on the class path): {@code eidStateStore} writes, reads
 * and deletes a probe key; {@code eidIssuerKeys} is down when an issuer's JWKS file no longer holds the keys the
 * verifier trusts (a rotation the running service has not seen), or its JWKS URL cannot be read and no earlier set
 * is still usable, or an issuer has no key.
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
     * The issuers' keys' health, per {@code eid.verifier.issuers} entry: for a {@code file:} JWKS, the keys trusted
     * against the file now (down when it changed since startup: a rotation the running service has not seen); for
     * a JWKS URL, the state of the last read (the cached set is read as a verification would, refreshed when due;
     * down when it cannot be read and no earlier set is still usable, or it holds no key). Down when any issuer is.
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
            List<EidProperties.Issuer> issuers = props.verifier().issuersOrEmpty();
            Health.Builder h = Health.up();
            if (issuers.isEmpty()) {
                List<String> trusted = trust.keys().stream().map(TrustedKey::kid).toList();
                return (trusted.isEmpty() ? Health.down().withDetail("reason", "no trusted key") : h)
                        .withDetail("kids", trusted).build();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            for (int i = 0; i < issuers.size(); i++) {
                Map<String, Object> one = issuerHealth(trust, issuers.get(i), i);
                details.put(String.valueOf(one.get("issuer")), one);
                if (Boolean.FALSE.equals(one.remove("up"))) {
                    h.down();
                }
            }
            return h.withDetail("issuers", details).build();
        };
    }

    private static Map<String, Object> issuerHealth(TrustStore trust, EidProperties.Issuer issuer, int i) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer.issuer());
        d.put("up", true);
        try {
            String id = IssuerTrust.issuerId(issuer, i);
            if (IssuerTrust.source(issuer, i) == IssuerTrust.Source.FILE) {
                d.put("source", "file");
                List<String> trusted = IssuerTrust.kidsOf(trust, id);
                d.put("kids", trusted);
                List<String> now = IssuerTrust.readFile(Path.of(issuer.jwks())).keys().stream()
                        .map(TrustedKey::kid).toList();
                if (trusted.isEmpty()) {
                    down(d, "no trusted key / không có khóa tin cậy");
                } else if (!now.equals(trusted)) {
                    down(d, "the issuer's JWKS changed since the service loaded it; restart to trust the new keys "
                            + "/ khóa của bên phát hành đã thay đổi");
                    d.put("jwksKids", now);
                }
                return d;
            }
            d.put("source", "url");
            d.put("jwks", issuer.jwks().toString());
            List<String> last = IssuerTrust.kidsOf(trust, id);
            // the read a verification would make: from the cache, or from the URL when the cached set is due
            // (a known kid causes no extra refresh; before any read, an unknown one causes the first read)
            trust.candidates(last.isEmpty() ? "eid-health-probe" : last.get(0));
            last = IssuerTrust.kidsOf(trust, id);
            d.put("kids", last);
            if (last.isEmpty()) {
                down(d, "the issuer's JWKS URL gave no key / địa chỉ khóa công khai không có khóa nào");
            }
        } catch (KeysUnavailableException e) {
            down(d, "the issuer's JWKS URL cannot be read and no earlier set is usable / không đọc được khóa "
                    + "công khai của bên phát hành");
            d.put("error", e.getMessage());
        } catch (RuntimeException e) {
            down(d, "the issuer's JWKS cannot be read now / không đọc được khóa công khai");
            d.put("error", e.getClass().getSimpleName());
        }
        return d;
    }

    private static void down(Map<String, Object> d, String reason) {
        d.put("up", false);
        d.put("reason", reason);
    }
}
