package io.github.eidvn.spring.boot;

import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import io.github.eidvn.account.device.AccountLogin;
import io.github.eidvn.account.device.DeviceNotifier;
import io.github.eidvn.account.password.PasswordPolicy;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.ReceiptStatus;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.redis.RedisStateStore;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.ReplayGuard;
import io.github.eidvn.verifier.StateStoreReplayGuard;
import io.github.eidvn.verifier.banking.TransferRules;
import io.github.eidvn.verifier.hospital.HospitalCheckIn;
import io.github.eidvn.verifier.sharing.SharedDataOpener;

/**
 * Auto-configuration of eid from {@code eid.*} properties ({@link EidProperties}). Every bean backs off when the
 * application defines its own ({@code @ConditionalOnMissingBean}); a {@link Clock} bean, when present, is used
 * everywhere.
 *
 * <ul>
 *   <li>{@link StateStore}: {@code RedisStateStore} when eid-redis and Lettuce are on the class path and
 *       {@code spring.data.redis.url} or {@code .host} is set, else an {@link InMemoryStateStore} (one JVM);
 *       a {@link ReplayGuard} on it;</li>
 *   <li>with {@code eid.verifier.issuers}: {@link TrustStore}, {@link AssertionVerifier} and
 *       {@link HospitalCheckIn};</li>
 *   <li>with {@code eid.sharing.decryption-key}: {@link SharedDataOpener} (it needs a {@link ReceiptStatus} bean);</li>
 *   <li>{@link TransferRules} and {@link PasswordPolicy} always; {@link AccountLogin} when the application provides
 *       a {@link DeviceNotifier} bean.</li>
 * </ul>
 */
@AutoConfiguration
@EnableConfigurationProperties(EidProperties.class)
@Import({EidAutoConfiguration.RedisStore.class, EidAutoConfiguration.MemoryStore.class})
public class EidAutoConfiguration {

    /** Creates the configuration (Spring calls it). */
    public EidAutoConfiguration() {
    }

    static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }

    /** The Redis state store. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.github.eidvn.redis.RedisStateStore", "io.lettuce.core.RedisClient"})
    @Conditional(EidConditions.RedisConfigured.class)
    static class RedisStore {
        @Bean
        @ConditionalOnMissingBean(StateStore.class)
        RedisStateStore eidRedisStateStore(Environment env) {
            return RedisStateStore.builder().uri(RedisUris.of(env)).build();
        }
    }

    /** The in-memory state store, when no other is defined and Redis does not apply. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(EidConditions.RedisNotUsed.class)
    static class MemoryStore {
        @Bean
        @ConditionalOnMissingBean(StateStore.class)
        InMemoryStateStore eidInMemoryStateStore(ObjectProvider<Clock> clock) {
            return InMemoryStateStore.create(clock(clock));
        }
    }

    /**
     * The replay stage on the state store, shared by every node when the store is Redis.
     *
     * @param store the state store
     * @return the guard
     */
    @Bean
    @ConditionalOnMissingBean
    public ReplayGuard eidReplayGuard(StateStore store) {
        return StateStoreReplayGuard.over(store);
    }

    /**
     * The issuers' public keys ({@code eid.verifier.issuers}).
     *
     * @param props the properties
     * @return the trust store
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(EidConditions.IssuersConfigured.class)
    public TrustStore eidTrustStore(EidProperties props) {
        return IssuerTrust.load(props.verifier().issuersOrEmpty());
    }

    /**
     * The assertion verifier: {@code eid.verifier.audience}, {@code .purpose}, {@code .required-level}.
     *
     * @param props the properties
     * @param trust the trust store
     * @param replay the replay guard
     * @param clock the clock, when the application defines one
     * @return the verifier
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(TrustStore.class)
    public AssertionVerifier eidAssertionVerifier(EidProperties props, TrustStore trust, ReplayGuard replay,
            ObjectProvider<Clock> clock) {
        EidProperties.Verifier v = props.verifier();
        AssertionVerifier.Builder b = AssertionVerifier.builder().trustStore(trust).replayGuard(replay)
                .clock(clock(clock));
        if (v.audience() != null) {
            b.expectedAudience(v.audience());
        }
        if (v.purpose() != null) {
            b.expectedPurpose(v.purpose());
        }
        if (v.requiredLevel() != null) {
            b.requiredLevel(level(v.requiredLevel(), "eid.verifier.required-level"));
        } else {
            b.anyLevel(); // the builder wants an explicit choice; no eid.verifier.required-level means any
        }
        return b.build();
    }

    static AssuranceLevel level(int n, String property) {
        return AssuranceLevel.ofNumber(n).orElseThrow(() -> new IllegalStateException(property
                + " must be 1 or 2, not " + n + " / mức định danh phải là 1 hoặc 2"));
    }

    /**
     * The hospital reception check on the assertion verifier.
     *
     * @param verifier the verifier
     * @param clock the clock, when the application defines one
     * @return the check-in
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(AssertionVerifier.class)
    public HospitalCheckIn eidHospitalCheckIn(AssertionVerifier verifier, ObjectProvider<Clock> clock) {
        return HospitalCheckIn.builder().verifier(verifier).clock(clock(clock)).build();
    }

    /**
     * The opener of consented deliveries sealed to this party ({@code eid.sharing.*}).
     *
     * @param props the properties
     * @param trust the issuers' keys
     * @param replay the replay guard
     * @param receipts the consent-receipt check (the application's bean)
     * @param clock the clock, when the application defines one
     * @return the opener
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "eid.sharing", name = "decryption-key")
    @ConditionalOnBean(TrustStore.class)
    public SharedDataOpener eidSharedDataOpener(EidProperties props, TrustStore trust, ReplayGuard replay,
            ObjectProvider<ReceiptStatus> receipts, ObjectProvider<Clock> clock) {
        EidProperties.Sharing s = props.sharing();
        if (s.partyId() == null) {
            throw new IllegalStateException("eid.sharing.party-id is not set / chưa khai báo mã bên nhận");
        }
        ReceiptStatus status = receipts.getIfAvailable();
        if (status == null) {
            throw new IllegalStateException("SharedDataOpener needs a ReceiptStatus bean (the issuer's consent "
                    + "status), so that withdrawn consent is noticed / cần kiểm tra trạng thái đồng ý");
        }
        List<EidProperties.Issuer> issuers = props.verifier().issuersOrEmpty();
        if (s.issuer() == null && issuers.size() != 1) {
            throw new IllegalStateException("eid.sharing.issuer must name the issuer whose deliveries are opened when "
                    + "eid.verifier.issuers has " + issuers.size() + " entries / cần khai báo bên phát hành gói dữ liệu");
        }
        String issuer = s.issuer() != null ? s.issuer() : issuers.get(0).issuer();
        return SharedDataOpener.builder()
                .decryptionKey(EidKeys.decryptionKey(s.decryptionKey(), props.pkcs11()))
                .partyId(s.partyId()).trustStore(trust).expectedIssuer(issuer).receiptStatus(status)
                .replayGuard(replay).clock(clock(clock)).anyLevel().build();
    }

    /**
     * The State Bank transfer authentication rules on the state store.
     *
     * @param store the state store
     * @param clock the clock, when the application defines one
     * @return the rules
     */
    @Bean
    @ConditionalOnMissingBean
    public TransferRules eidTransferRules(StateStore store, ObjectProvider<Clock> clock) {
        return TransferRules.builder().stateStore(store).clock(clock(clock)).build();
    }

    /**
     * The password policy named by {@code eid.account.password-policy}.
     *
     * @param props the properties
     * @return the policy
     */
    @Bean
    @ConditionalOnMissingBean
    public PasswordPolicy eidPasswordPolicy(EidProperties props) {
        String name = props.account().passwordPolicy();
        switch (name) {
            case "vneid":
                return PasswordPolicy.vneid();
            case "public-service-portal":
                return PasswordPolicy.publicServicePortal();
            case "nist":
                return PasswordPolicy.nist();
            default:
                throw new IllegalStateException("eid.account.password-policy must be vneid, public-service-portal "
                        + "or nist, not " + name);
        }
    }

    /**
     * Login with one device per account ({@code eid.account.*}), when the application provides how devices are
     * reached ({@link DeviceNotifier}).
     *
     * @param props the properties
     * @param store the state store
     * @param notifier the application's notifier
     * @param clock the clock, when the application defines one
     * @return the login
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DeviceNotifier.class)
    public AccountLogin eidAccountLogin(EidProperties props, StateStore store, DeviceNotifier notifier,
            ObjectProvider<Clock> clock) {
        EidProperties.Account a = props.account();
        if (a.serverKey() == null) {
            throw new IllegalStateException("eid.account.server-key (base64, 32 bytes or more) is not set "
                    + "/ chưa khai báo khóa máy chủ");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(a.serverKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("eid.account.server-key is not base64");
        }
        AccountLogin.Builder b = AccountLogin.builder(store).notifier(notifier).serverKey(key).clock(clock(clock));
        if (a.sessionIdleTimeout() != null) {
            b.sessionIdleTimeout(a.sessionIdleTimeout());
        }
        if (a.sessionAbsoluteTimeout() != null) {
            b.sessionAbsoluteTimeout(a.sessionAbsoluteTimeout());
        }
        return b.build();
    }
}
