package io.github.eidvn.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.examples.oidc.SandboxProvider;
import io.github.eidvn.oidc.client.LoginRefusal;

/**
 * The example app logs citizens in through Spring Security's {@code oauth2Login}, configured only by the starter's
 * {@code eid.oidc.client.*}, against the sandbox OpenID Connect provider over real loopback HTTP: PAR (PKCE,
 * {@code private_key_jwt}, consent request) → authorize → "VNeID app" approval → consent → callback → code exchange →
 * ID token checked by Spring and by eid's level and {@code verified_claims} check → the principal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class EidOAuth2LoginTest {

    private static final Pattern TX = Pattern.compile("name=tx value=\"([A-Za-z0-9_-]+)\"");
    private static final int PORT = freePort();
    private static final SigningKey BANK_KEY = SigningKey.generate();
    private static final SandboxProvider SANDBOX = sandbox();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).build();

    @DynamicPropertySource
    static void eid(DynamicPropertyRegistry registry) throws IOException {
        Path key = Files.createTempFile("bank", ".jwk");
        key.toFile().deleteOnExit();
        Files.writeString(key, BANK_KEY.privateJwkJson());
        Path jwks = Files.createTempFile("issuer", ".jwks");
        jwks.toFile().deleteOnExit();
        Files.writeString(jwks, KeyRing.generate().publicJwksJson());
        registry.add("server.port", () -> PORT);
        registry.add("eid.verifier.issuers[0].issuer", () -> "https://vneid.example");
        registry.add("eid.verifier.issuers[0].jwks", () -> jwks.toUri().toString());
        registry.add("eid.account.server-key", () -> Base64.getEncoder().encodeToString(new byte[32]));
        registry.add("eid.oidc.client.issuer", () -> SANDBOX.issuer().toString());
        registry.add("eid.oidc.client.client-id", () -> SandboxProvider.CLIENT_ID);
        registry.add("eid.oidc.client.signing-key", () -> key.toUri().toString());
        registry.add("eid.oidc.client.redirect-uri", EidOAuth2LoginTest::callback);
        registry.add("eid.oidc.client.purpose", () -> SandboxProvider.PURPOSE);
        registry.add("eid.oidc.client.fields", () -> "name,birthdate");
        registry.add("eid.oidc.client.required-level", () -> 2);
    }

    @AfterAll
    static void stop() {
        SANDBOX.close();
    }

    @Test
    void oauth2Login_levelTwoCitizen_authenticatedWithLevelAndVerifiedClaims() throws Exception {
        HttpResponse<String> consentPage = startAndApprove("001088001234");
        HttpResponse<String> done = post(SANDBOX.issuer().resolve("/consent"),
                Map.of("tx", tx(consentPage), "action", "agree", "field", "name"));
        assertThat(done.statusCode()).isEqualTo(303);
        String callback = done.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(callback());

        HttpResponse<String> landed = get(URI.create(callback));
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(302);
        assertThat(landed.headers().firstValue("Location").orElseThrow()).endsWith("/web/me");

        HttpResponse<String> me = get(app("/web/me"));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(me.body());
        assertThat(json.get("level").asInt()).isEqualTo(2);
        assertThat(json.get("claims").get("name").asText()).isEqualTo("Trần Văn Đức");
        assertThat(json.get("claims").has("birthdate")).isFalse();
        assertThat(json.get("sub").asText()).hasSize(43);
        assertThat(json.get("receipt").asText()).isNotBlank();
    }

    @Test
    void oauth2Login_levelTwoAskedOfLevelOneCitizen_refusedWithBilingualReason() throws Exception {
        HttpResponse<String> refused = startAndApprove("048195004321");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(303);
        String callback = refused.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(callback()).contains("error=unmet_authentication_requirements");

        HttpResponse<String> landed = get(URI.create(callback));
        assertThat(landed.statusCode()).isEqualTo(403);
        assertThat(landed.body()).isEqualTo(LoginRefusal.LEVEL_NOT_MET.vietnamese() + " / "
                + LoginRefusal.LEVEL_NOT_MET.english());
        HttpResponse<String> me = get(app("/web/me"));
        assertThat(me.statusCode()).isEqualTo(302); // not logged in: sent to log in again
    }

    @Test
    void authorizationRequest_isPushed_browserSeesOnlyRequestUri() throws Exception {
        HttpResponse<String> start = get(app("/oauth2/authorization/eid"));
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(SANDBOX.issuer().toString());
        assertThat(query(authorize).keySet()).containsExactlyInAnyOrder("client_id", "request_uri");
        assertThat(query(authorize).get("request_uri")).startsWith("urn:ietf:params:oauth:request_uri:");
    }

    /** Starts the login at the app, follows it to the sandbox's page, and approves as the citizen in the app. */
    private HttpResponse<String> startAndApprove(String citizen) throws Exception {
        HttpResponse<String> start = get(app("/oauth2/authorization/eid"));
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        HttpResponse<String> login = get(URI.create(start.headers().firstValue("Location").orElseThrow()));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return post(SANDBOX.issuer().resolve("/approve"), Map.of("tx", tx(login), "citizen", citizen));
    }

    private static String callback() {
        return "http://127.0.0.1:" + PORT + "/login/oauth2/code/eid";
    }

    private static URI app(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
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

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String tx(HttpResponse<String> page) {
        Matcher m = TX.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SandboxProvider sandbox() {
        try {
            return SandboxProvider.start(0, BANK_KEY, URI.create(callback()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
