package io.github.eidvn.spring.boot;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code eid.*} properties of the starter.
 *
 * @param verifier {@code eid.verifier.*}: the issuers whose assertions are trusted and what they must say
 * @param sharing {@code eid.sharing.*}: the party's decryption key for consented deliveries
 * @param account {@code eid.account.*}: app login with one device per account
 * @param pkcs11 {@code eid.pkcs11.*}: the PKCS#11 token holding keys named {@code pkcs11:<alias>}
 */
@ConfigurationProperties("eid")
public record EidProperties(@DefaultValue Verifier verifier, @DefaultValue Sharing sharing,
        @DefaultValue Account account, @DefaultValue Pkcs11 pkcs11) {

    /**
     * {@code eid.verifier.*}.
     *
     * @param issuers the trusted issuers, each with its public keys ({@code eid.verifier.issuers[0].issuer},
     *     {@code eid.verifier.issuers[0].jwks})
     * @param audience the expected {@code aud} (this service's id); unset rejects assertions that carry one
     * @param purpose the expected {@code purpose}; unset rejects assertions that carry one
     * @param requiredLevel the lowest assurance level accepted, 1 or 2
     */
    public record Verifier(List<Issuer> issuers, String audience, String purpose, Integer requiredLevel) {

        /** @return the issuers, never null */
        public List<Issuer> issuersOrEmpty() {
            return issuers == null ? List.of() : issuers;
        }
    }

    /**
     * One trusted issuer.
     *
     * @param issuer the issuer id, as assertions name it in {@code iss}
     * @param jwks where its public JWKS is: a {@code file:} URI (read at startup) or an {@code https:} URL (read
     *     when first needed, cached and refreshed; {@code http:} only on a loopback host, for tests)
     */
    public record Issuer(String issuer, URI jwks) {
    }

    /**
     * {@code eid.sharing.*}.
     *
     * @param partyId this party's id in the relying-party registry
     * @param decryptionKey the party's private decryption key: {@code file:/path/key.jwk} (a private JWK) or
     *     {@code pkcs11:<alias>} (a key in the token of {@code eid.pkcs11.*})
     * @param issuer the issuer whose deliveries are opened; defaults to the {@code eid.verifier.issuers} entry when
     *     there is one, required when there are several
     */
    public record Sharing(String partyId, String decryptionKey, String issuer) {
    }

    /**
     * {@code eid.account.*}.
     *
     * @param serverKey the HMAC key for stored confirmation codes, base64, at least 32 bytes (a secret)
     * @param passwordPolicy the password policy: {@code vneid} (default), {@code public-service-portal} or
     *     {@code nist}
     * @param sessionIdleTimeout the session idle limit (default 30 minutes)
     * @param sessionAbsoluteTimeout the session absolute limit (default 12 hours)
     */
    public record Account(String serverKey, @DefaultValue("vneid") String passwordPolicy, Duration sessionIdleTimeout,
            Duration sessionAbsoluteTimeout) {

        /** @return the settings without the server key */
        @Override
        public String toString() {
            return "Account[passwordPolicy=" + passwordPolicy + ", serverKey=" + (serverKey == null ? "unset" : "***")
                    + "]";
        }
    }

    /**
     * {@code eid.pkcs11.*}: a token reached through the JDK's SunPKCS11 provider.
     *
     * @param config the SunPKCS11 configuration file (library, slot, attribute templates)
     * @param pin the token's user PIN (a secret)
     */
    public record Pkcs11(Path config, String pin) {

        /** @return the configuration path only, never the PIN */
        @Override
        public String toString() {
            return "Pkcs11[config=" + config + ", pin=" + (pin == null ? "unset" : "***") + "]";
        }
    }
}
