package io.github.eidvn.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testkit.SandboxPlatform;

/** The example app on a random port: a patient checks in with a signed assertion; a user logs in from a device. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BankDeskApplicationTest {

    /** The sandbox e-ID platform of the test kit, on the fixtures' clock. */
    private static final SandboxPlatform VNEID = SandboxPlatform.create(AssertionFixtures.clock());
    private static final String CITIZEN = SandboxPlatform.KHAI;
    private static final String PASSWORD = "Nang-Som@DoiChe87";

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        /** The platform's clock, so the assertion is fresh. */
        @Bean
        Clock clock() {
            return AssertionFixtures.clock();
        }
    }

    @DynamicPropertySource
    static void eid(DynamicPropertyRegistry registry) throws IOException {
        Path jwks = Files.createTempFile("issuer", ".jwks");
        jwks.toFile().deleteOnExit();
        Files.writeString(jwks, VNEID.publicJwksJson());
        registry.add("eid.verifier.issuers[0].issuer", () -> VNEID.issuerId());
        registry.add("eid.verifier.issuers[0].jwks", () -> jwks.toUri().toString());
        registry.add("eid.account.server-key", () -> Base64.getEncoder().encodeToString(new byte[32]));
    }

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private DemoAccounts accounts;

    private static String devicePublicKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ResponseEntity<Map<String, Object>> post(String path, Object body, MediaType type) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(type);
        return (ResponseEntity) http.postForEntity(path, new HttpEntity<>(body, h), Map.class);
    }

    private ResponseEntity<String> me(String token) {
        HttpHeaders h = new HttpHeaders();
        if (token != null) {
            h.setBearerAuth(token);
        }
        return http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(h), String.class);
    }

    @Test
    void checkIn_signedPresentationFromTheTestKit_validOnceThenReplayRejected() {
        String qr = VNEID.hospitalPresentation(CITIZEN, "79024", "bhyt-checkin");

        ResponseEntity<Map<String, Object>> first = post("/api/checkin", qr, MediaType.TEXT_PLAIN);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsEntry("decision", "VALID");

        ResponseEntity<Map<String, Object>> again = post("/api/checkin", qr, MediaType.TEXT_PLAIN);
        assertThat(again.getBody()).containsEntry("decision", "REJECTED").containsEntry("status", "REJECTED");
    }

    @Test
    void login_firstDeviceGetsSessionSecondDeviceNeedsCode_tokenOpensProtectedEndpoint() throws Exception {
        assertThat(accounts.register(CITIZEN, PASSWORD)).isEmpty();

        ResponseEntity<Map<String, Object>> wrong = post("/api/login", Map.of("personalNumber", CITIZEN,
                "password", "not the password", "deviceId", "phone-1", "devicePublicKey", devicePublicKey()),
                MediaType.APPLICATION_JSON);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getBody()).containsEntry("reason", "INVALID_CREDENTIALS");

        ResponseEntity<Map<String, Object>> ok = post("/api/login", Map.of("personalNumber", CITIZEN,
                "password", PASSWORD, "deviceId", "phone-1", "devicePublicKey", devicePublicKey()),
                MediaType.APPLICATION_JSON);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        String token = (String) ok.getBody().get("session_token");
        assertThat(token).isNotBlank();

        assertThat(me(token).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me(token).getBody()).contains("\"account\":\"079*******45\"").doesNotContain(CITIZEN);
        assertThat(me(null).getStatusCode().value()).isIn(401, 403);
        ResponseEntity<String> forged = me(token + "x");
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(forged.getBody()).contains("The session is no longer valid");

        ResponseEntity<Map<String, Object>> other = post("/api/login", Map.of("personalNumber", CITIZEN,
                "password", PASSWORD, "deviceId", "phone-2", "devicePublicKey", devicePublicKey()),
                MediaType.APPLICATION_JSON);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(other.getBody()).containsKey("challenge_id");
        assertThat(accounts.lastNotice(CITIZEN)).hasValueSatisfying(n ->
                assertThat(n.activeDeviceId()).isEqualTo("phone-1"));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void health_stateStoreAndIssuerKeysUp() {
        ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> components = (Map<String, Object>) health.getBody().get("components");
        assertThat(components).containsKeys("eidStateStore", "eidIssuerKeys");
    }
}
