package io.github.eidvn.spring.boot.oidc;

import java.net.URI;
import java.util.EnumSet;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.oidc.client.EidOidcClient;
import io.github.eidvn.spring.boot.EidAutoConfiguration;
import io.github.eidvn.spring.boot.EidKeys;
import io.github.eidvn.spring.boot.EidProperties;

/**
 * "Log in with e-ID" for {@code http.oauth2Login(withDefaults())}, when {@code eid.oidc.client.issuer} is set. Spring
 * Security's {@code OAuth2LoginConfigurer} picks up these beans: the {@link ClientRegistrationRepository} (from the
 * provider's discovery document, {@code private_key_jwt}, scope {@code openid}), the PAR
 * {@link EidParAuthorizationRequestResolver}, the token client with this client's assertion, the ES256 ID-token
 * decoder factory and the {@link EidOidcUserService}. Start-up fails with a clear message when a property is missing
 * or the provider has no PAR endpoint.
 */
@AutoConfiguration(after = EidAutoConfiguration.class,
        beforeName = "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({OAuth2AuthorizationRequestResolver.class, EidOidcClient.class, OidcIdTokenDecoderFactory.class})
@ConditionalOnProperty(prefix = "eid.oidc.client", name = "issuer")
@EnableConfigurationProperties({EidOidcLoginProperties.class, EidProperties.class})
public class EidOidcLoginAutoConfiguration {

    /** The Spring context makes it. */
    public EidOidcLoginAutoConfiguration() {
    }

    /**
     * The eid relying-party client ({@code private_key_jwt}, PAR, claim checks).
     *
     * @param p {@code eid.oidc.client.*}
     * @param eid {@code eid.*}, for {@code eid.pkcs11.*}
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public EidOidcClient eidOidcClient(EidOidcLoginProperties p, EidProperties eid) {
        return EidOidcClient.builder().issuer(required(p.issuer(), "issuer"))
                .clientId(required(p.clientId(), "client-id"))
                .signingKey(EidKeys.signingKey(required(p.signingKey(), "signing-key"), eid.pkcs11(),
                        "eid.oidc.client.signing-key"))
                .redirectUri(redirectUri(p)).build();
    }

    /**
     * The eid registration, from the provider's discovery document.
     *
     * @param p {@code eid.oidc.client.*}
     * @return a repository holding it
     */
    @Bean
    @ConditionalOnMissingBean
    public ClientRegistrationRepository eidClientRegistrations(EidOidcLoginProperties p) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(p.issuer().toString())
                .registrationId(p.registrationId()).clientId(required(p.clientId(), "client-id"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri(p).toString()).scope("openid").userNameAttributeName("sub")
                .clientName("e-ID / Định danh điện tử").build();
        Map<String, Object> metadata = registration.getProviderDetails().getConfigurationMetadata();
        if (metadata.get("pushed_authorization_request_endpoint") == null) {
            throw new IllegalStateException("the provider " + p.issuer() + " has no PAR endpoint "
                    + "/ nhà cung cấp định danh không có điểm cuối PAR");
        }
        return new InMemoryClientRegistrationRepository(registration);
    }

    /**
     * Pushes the eid login requests to PAR.
     *
     * @param registrations the registrations
     * @param client the eid client
     * @param p {@code eid.oidc.client.*}
     * @return the resolver
     */
    @Bean
    public OAuth2AuthorizationRequestResolver eidAuthorizationRequestResolver(
            ClientRegistrationRepository registrations, EidOidcClient client, EidOidcLoginProperties p) {
        if (p.fields() == null || p.fields().isEmpty()) {
            throw new IllegalStateException("eid.oidc.client.fields is required / cần khai báo các trường dữ liệu");
        }
        return new EidParAuthorizationRequestResolver(registrations, client, p.registrationId(),
                required(p.purpose(), "purpose"), EnumSet.copyOf(p.fields()), level(p));
    }

    /**
     * The code exchange with this client's {@code private_key_jwt} for the eid registration.
     *
     * @param client the eid client
     * @param p {@code eid.oidc.client.*}
     * @return the token client
     */
    @Bean
    public OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> eidAccessTokenResponseClient(
            EidOidcClient client, EidOidcLoginProperties p) {
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.addParametersConverter(grant -> {
            MultiValueMap<String, String> extra = new LinkedMultiValueMap<>();
            if (p.registrationId().equals(grant.getClientRegistration().getRegistrationId())) {
                extra.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
                extra.add("client_assertion", client.clientAssertion());
            }
            return extra;
        });
        return tokens;
    }

    /**
     * ID tokens are ES256.
     *
     * @return the decoder factory
     */
    @Bean
    public JwtDecoderFactory<ClientRegistration> eidIdTokenDecoderFactory() {
        OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();
        decoders.setJwsAlgorithmResolver(r -> SignatureAlgorithm.ES256);
        return decoders;
    }

    /**
     * The level and {@code verified_claims} check.
     *
     * @param p {@code eid.oidc.client.*}
     * @return the user service
     */
    @Bean
    public OAuth2UserService<OidcUserRequest, OidcUser> eidOidcUserService(EidOidcLoginProperties p) {
        return new EidOidcUserService(p.registrationId(), level(p));
    }

    private static AssuranceLevel level(EidOidcLoginProperties p) {
        Integer n = required(p.requiredLevel(), "required-level");
        return AssuranceLevel.ofNumber(n).orElseThrow(() -> new IllegalStateException(
                "eid.oidc.client.required-level must be 1 or 2 / mức bảo đảm phải là 1 hoặc 2"));
    }

    private static URI redirectUri(EidOidcLoginProperties p) {
        URI uri = required(p.redirectUri(), "redirect-uri");
        if (!uri.isAbsolute()) {
            throw new IllegalStateException("eid.oidc.client.redirect-uri must be absolute / phải là địa chỉ đầy đủ");
        }
        return uri;
    }

    private static <T> T required(T value, String name) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalStateException("eid.oidc.client." + name + " is required / cần khai báo eid.oidc.client."
                    + name);
        }
        return value;
    }
}
