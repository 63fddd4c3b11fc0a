package io.github.eidvn.examples.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import com.nimbusds.jose.jwk.ECKey;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.oidc.provider.EidOidcProvider;

/**
 * Interop: Spring Security's OAuth 2.0 client (the machinery behind {@code oauth2Login}: client registration from the
 * discovery document, PKCE, {@code private_key_jwt} by Spring's Nimbus converter, the code exchange and Spring's own
 * ID-token validation with the nonce check) logs in against the sandbox provider over loopback HTTP. Spring has no
 * PAR support, so the test pushes Spring's authorization request parameters to the PAR endpoint, as a Spring Boot
 * integration's request resolver would.
 */
class SpringSecurityInteropTest {

    private static final URI CALLBACK = URI.create("http://127.0.0.1:8081/login/oauth2/code/eid");
    private static final Pattern TX = Pattern.compile("name=tx value=\"([A-Za-z0-9_-]+)\"");

    private final SigningKey bankKey = SigningKey.generate();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private SandboxProvider sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxProvider.start(0, bankKey, CALLBACK);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void springOAuth2Client_logsInAtLevelTwo_withVerifiedClaims() throws Exception {
        ECKey jwk = ECKey.parse(bankKey.privateJwkJson());
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(sandbox.issuer().toString())
                .registrationId("eid").clientId(SandboxProvider.CLIENT_ID)
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(CALLBACK.toString()).scope("openid").build();
        NimbusJwtClientAuthenticationParametersConverter<OAuth2ClientCredentialsGrantRequest> assertions =
                new NimbusJwtClientAuthenticationParametersConverter<>(r -> jwk);

        // what DefaultOAuth2AuthorizationRequestResolver does for an OIDC login: state, hashed nonce, PKCE
        String nonce = random();
        String state = random();
        String nonceHash = sha256(nonce);
        String consent = ConsentRequestSigner.builder().partyId(SandboxProvider.CLIENT_ID).signingKey(bankKey)
                .audience(sandbox.issuer().toString()).build()
                .request(SandboxProvider.PURPOSE, Set.of(CitizenField.NAME, CitizenField.BIRTHDATE))
                .nonce(nonceHash).sign().compactJws();
        OAuth2AuthorizationRequest.Builder builder = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId()).redirectUri(CALLBACK.toString()).scopes(Set.of("openid"))
                .state(state)
                .attributes(a -> {
                    a.put(OAuth2ParameterNames.REGISTRATION_ID, registration.getRegistrationId());
                    a.put(OidcParameterNames.NONCE, nonce);
                })
                .additionalParameters(p -> {
                    p.put(OidcParameterNames.NONCE, nonceHash);
                    p.put("acr_values", EidOidcProvider.ACR_LOA2);
                    p.put(EidOidcProvider.CONSENT_PARAMETER, consent);
                });
        OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
        OAuth2AuthorizationRequest authorizationRequest = builder.build();

        // PAR with the request's parameters and a client assertion made by Spring's converter
        MultiValueMap<String, String> params = UriComponentsBuilder
                .fromUriString(authorizationRequest.getAuthorizationRequestUri()).build(true).getQueryParams();
        Map<String, String> form = new LinkedHashMap<>();
        params.forEach((k, v) -> form.put(k, decode(v.get(0))));
        // Spring makes client assertions only for grant requests: the same client, any grant (aud = token endpoint)
        MultiValueMap<String, String> clientAuth = assertions.convert(new OAuth2ClientCredentialsGrantRequest(
                ClientRegistration.withClientRegistration(registration)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build()));
        clientAuth.forEach((k, v) -> form.put(k, v.get(0)));
        HttpResponse<String> par = post(URI.create(sandbox.issuer() + EidOidcProvider.PAR_PATH), form);
        assertThat(par.statusCode()).as(par.body()).isEqualTo(201);
        String requestUri = com.nimbusds.jose.util.JSONObjectUtils.parse(par.body()).get("request_uri").toString();

        // the citizen: login page, "VNeID app" approval, consent
        HttpResponse<String> login = get(URI.create(registration.getProviderDetails().getAuthorizationUri()
                + "?client_id=" + SandboxProvider.CLIENT_ID + "&request_uri=" + enc(requestUri)));
        HttpResponse<String> consentPage = post(sandbox.issuer().resolve("/approve"),
                Map.of("tx", tx(login), "citizen", "001088001234"));
        HttpResponse<String> done = post(sandbox.issuer().resolve("/consent"),
                Map.of("tx", tx(consentPage), "action", "agree", "field", "name"));
        assertThat(done.statusCode()).isEqualTo(303);
        Map<String, List<String>> callback = UriComponentsBuilder
                .fromUriString(done.headers().firstValue("Location").orElseThrow()).build(true).getQueryParams();

        // Spring's OIDC login provider: code exchange with private_key_jwt, ID token validation, nonce check
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.addParametersConverter(new NimbusJwtClientAuthenticationParametersConverter<>(r -> jwk));
        OidcAuthorizationCodeAuthenticationProvider provider =
                new OidcAuthorizationCodeAuthenticationProvider(tokens, new OidcUserService());
        OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();
        decoders.setJwsAlgorithmResolver(r -> SignatureAlgorithm.ES256);
        provider.setJwtDecoderFactory(decoders);
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(callback.get("code").get(0))
                .redirectUri(CALLBACK.toString()).state(decode(callback.get("state").get(0))).build();
        OAuth2LoginAuthenticationToken result = (OAuth2LoginAuthenticationToken) provider.authenticate(
                new OAuth2LoginAuthenticationToken(registration,
                        new OAuth2AuthorizationExchange(authorizationRequest, response)));

        OidcUser user = (OidcUser) result.getPrincipal();
        assertThat(user.getIdToken().getClaimAsString("acr")).isEqualTo(EidOidcProvider.ACR_LOA2);
        assertThat(user.getIdToken().getAuthorizedParty()).isEqualTo(SandboxProvider.CLIENT_ID);
        assertThat(user.getSubject()).hasSize(43);
        Map<String, Object> verified = user.getIdToken().getClaimAsMap("verified_claims");
        assertThat(verified.get("claims")).isEqualTo(Map.of("name", "Trần Văn Đức"));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String tx(HttpResponse<String> page) {
        Matcher m = TX.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String sha256(String s) throws Exception {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
    }
}
