package io.github.eidvn.spring.boot.oidc;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.util.UriComponentsBuilder;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.oidc.client.EidOidcClient;
import io.github.eidvn.oidc.client.LoginRefusedException;

/**
 * The authorization request resolver of {@code oauth2Login} for the eid registration: Spring's default request (state,
 * nonce, redirect URI) with PKCE S256, pushed to the provider's PAR endpoint by {@link EidOidcClient#push} (with
 * {@code private_key_jwt}, {@code acr_values} for the required level and the signed consent request for the purpose
 * and fields); the browser is redirected to the authorization endpoint with only {@code client_id} and
 * {@code request_uri}. Other registrations get Spring's default request. When the provider is unavailable or refuses,
 * the exception (an {@link org.springframework.security.oauth2.core.OAuth2AuthenticationException} with eid's
 * bilingual reason) goes to the redirect filter's failure handler: no redirect happens.
 */
public final class EidParAuthorizationRequestResolver implements OAuth2AuthorizationRequestResolver {

    private final DefaultOAuth2AuthorizationRequestResolver delegate;
    private final EidOidcClient client;
    private final String registrationId;
    private final String purpose;
    private final Set<CitizenField> fields;
    private final AssuranceLevel level;

    /**
     * @param registrations the client registrations
     * @param client the eid client (its issuer, client id and key match the eid registration)
     * @param registrationId the eid registration's id
     * @param purpose the registered purpose code
     * @param fields the citizen fields asked for
     * @param level the required level
     */
    public EidParAuthorizationRequestResolver(ClientRegistrationRepository registrations, EidOidcClient client,
            String registrationId, String purpose, Set<CitizenField> fields, AssuranceLevel level) {
        this.delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        this.delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        this.client = Objects.requireNonNull(client, "client");
        this.registrationId = Objects.requireNonNull(registrationId, "registrationId");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.fields = Set.copyOf(fields);
        this.level = Objects.requireNonNull(level, "level");
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return push(delegate.resolve(request));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return push(delegate.resolve(request, clientRegistrationId));
    }

    private OAuth2AuthorizationRequest push(OAuth2AuthorizationRequest request) {
        if (request == null
                || !registrationId.equals(request.getAttribute(OAuth2ParameterNames.REGISTRATION_ID))) {
            return request;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        UriComponentsBuilder.fromUriString(request.getAuthorizationRequestUri()).build(true).getQueryParams()
                .forEach((name, values) -> parameters.put(decode(name), decode(single(name, values))));
        URI authorize;
        try {
            authorize = client.push(parameters, purpose, fields, level);
        } catch (LoginRefusedException e) {
            throw EidOidcUserService.refusal(e.refusal());
        }
        return OAuth2AuthorizationRequest.from(request).authorizationRequestUri(authorize.toString()).build();
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1 || values.get(0) == null) {
            throw new IllegalStateException("authorization request parameter " + name + " is not single");
        }
        return values.get(0);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
