package io.github.eidvn.spring.boot.oidc;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.github.eidvn.core.consent.CitizenField;

/**
 * {@code eid.oidc.client.*}: this service as a relying party of an eid OpenID Connect provider.
 *
 * @param issuer the provider's issuer (its discovery document is read at start-up)
 * @param clientId this service's client id, registered at the provider
 * @param signingKey the client's ES256 key for {@code private_key_jwt} and the consent request: {@code file:} (a
 *     private JWK) or {@code pkcs11:<alias>} (with {@code eid.pkcs11.*}); its public half is registered at the
 *     provider
 * @param redirectUri the registered redirect URI, absolute, ending in {@code /login/oauth2/code/<registration-id>}
 * @param purpose the registered purpose code the citizen's data is asked for
 * @param fields the citizen fields asked for (registered for that purpose), such as {@code name, birthdate}
 * @param requiredLevel the lowest assurance level accepted, 1 or 2 (required: no default)
 * @param registrationId Spring Security's registration id (default {@code eid}: the login starts at
 *     {@code /oauth2/authorization/eid})
 */
@ConfigurationProperties("eid.oidc.client")
public record EidOidcLoginProperties(URI issuer, String clientId, String signingKey, URI redirectUri, String purpose,
        List<CitizenField> fields, Integer requiredLevel, @DefaultValue("eid") String registrationId) {

    /** @return the settings without the signing key's location details beyond its scheme */
    @Override
    public String toString() {
        return "EidOidcLoginProperties[issuer=" + issuer + ", clientId=" + clientId + ", redirectUri=" + redirectUri
                + ", purpose=" + purpose + ", fields=" + fields + ", requiredLevel=" + requiredLevel
                + ", registrationId=" + registrationId + "]";
    }
}
