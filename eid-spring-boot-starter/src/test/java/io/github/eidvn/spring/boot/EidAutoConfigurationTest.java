package io.github.eidvn.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.eidvn.account.device.AccountLogin;
import io.github.eidvn.account.device.DeviceNotifier;
import io.github.eidvn.account.password.PasswordPolicy;
import io.github.eidvn.core.consent.ReceiptStatus;
import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.SoftHsm;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Rejected;
import io.github.eidvn.verifier.ReplayGuard;
import io.github.eidvn.verifier.Verified;
import io.github.eidvn.verifier.banking.TransferRules;
import io.github.eidvn.verifier.hospital.CheckInDecision;
import io.github.eidvn.verifier.hospital.HospitalCheckIn;
import io.github.eidvn.verifier.sharing.SharedDataOpener;

class EidAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EidAutoConfiguration.class, EidHealthAutoConfiguration.class))
            .withBean(Clock.class, AssertionFixtures::clock);

    private static String[] hospital(Path jwks) {
        return new String[] {"eid.verifier.issuers[0].issuer=" + AssertionFixtures.ISSUER,
            "eid.verifier.issuers[0].jwks=" + jwks.toUri(), "eid.verifier.audience=79024",
            "eid.verifier.purpose=bhyt-checkin", "eid.verifier.required-level=2"};
    }

    @Test
    void noProperties_inMemoryStoreAndRules_noVerifier() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).getBean(StateStore.class).isInstanceOf(InMemoryStateStore.class);
            assertThat(ctx).hasSingleBean(ReplayGuard.class).hasSingleBean(TransferRules.class)
                    .hasSingleBean(PasswordPolicy.class);
            assertThat(ctx).doesNotHaveBean(AssertionVerifier.class).doesNotHaveBean(HospitalCheckIn.class)
                    .doesNotHaveBean(SharedDataOpener.class).doesNotHaveBean(AccountLogin.class);
            assertThat(ctx.getBean("eidStateStoreHealthIndicator", HealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP);
        });
    }

    @Test
    void issuerJwksFile_verifierAcceptsItsAssertionOnceAndChecksInThePatient(@TempDir Path dir) throws Exception {
        KeyRing ring = KeyRing.generate();
        Path jwks = Files.writeString(dir.resolve("issuer.jwks"), ring.publicJwksJson());
        String jwt = AssertionFixtures.issuer(ring, AssertionFixtures.clock())
                .issueJwt(AssertionFixtures.hospitalRequest());
        String second = AssertionFixtures.issuer(ring, AssertionFixtures.clock())
                .issueJwt(AssertionFixtures.hospitalRequest());
        runner.withPropertyValues(hospital(jwks)).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            AssertionVerifier verifier = ctx.getBean(AssertionVerifier.class);
            assertThat(verifier.verify(jwt)).isInstanceOf(Verified.class);
            // the replay guard on the state store remembers it
            assertThat(verifier.verify(jwt)).isInstanceOfSatisfying(Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Reason.REPLAYED));
            CheckInDecision d = ctx.getBean(HospitalCheckIn.class).check(second);
            assertThat(d.decision()).isEqualTo(CheckInDecision.Decision.VALID);
            assertThat(ctx.getBean("eidIssuerKeysHealthIndicator", HealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP);
        });
    }

    @Test
    void issuerRotatedKeysOnDisk_issuerKeysHealthDown(@TempDir Path dir) throws Exception {
        KeyRing ring = KeyRing.generate();
        Path jwks = Files.writeString(dir.resolve("issuer.jwks"), ring.publicJwksJson());
        runner.withPropertyValues(hospital(jwks)).run(ctx -> {
            Files.writeString(jwks, ring.rotate().publicJwksJson());
            var health = ctx.getBean("eidIssuerKeysHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("issuers").toString()).contains("jwksKids");
        });
    }

    @Test
    void requiredLevelThree_startupFailsWithReason(@TempDir Path dir) throws Exception {
        Path jwks = Files.writeString(dir.resolve("issuer.jwks"), KeyRing.generate().publicJwksJson());
        runner.withPropertyValues(hospital(jwks)).withPropertyValues("eid.verifier.required-level=3").run(ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("must be 1 or 2"));
    }

    /** A loopback HTTP server publishing a JWKS (the trust store allows http only on loopback, for tests). */
    private static HttpServer jwksServer(String[] jwks) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", exchange -> {
            byte[] body = jwks[0].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    @Test
    void fileAndUrlIssuers_eachVerifiesOnlyItsOwnIssuersTokens_healthUpForBoth(@TempDir Path dir) throws Exception {
        KeyRing fileRing = KeyRing.generate();
        KeyRing urlRing = KeyRing.generate();
        Path jwks = Files.writeString(dir.resolve("issuer.jwks"), fileRing.publicJwksJson());
        HttpServer server = jwksServer(new String[] {urlRing.publicJwksJson()});
        String second = "https://issuer-b.example.vn";
        String fromFile = AssertionFixtures.issuer(fileRing, AssertionFixtures.clock())
                .issueJwt(AssertionFixtures.hospitalRequest());
        String fromUrl = AssertionIssuer.builder().issuer(second).keyRing(urlRing).clock(AssertionFixtures.clock())
                .build().issueJwt(AssertionFixtures.hospitalRequest());
        // the URL issuer's key signing a token that names the file issuer
        String forged = AssertionFixtures.issuer(urlRing, AssertionFixtures.clock())
                .issueJwt(AssertionFixtures.hospitalRequest());
        try {
            runner.withPropertyValues(hospital(jwks)).withPropertyValues("eid.verifier.issuers[1].issuer=" + second,
                    "eid.verifier.issuers[1].jwks=" + url(server)).run(ctx -> {
                        assertThat(ctx).hasNotFailed();
                        assertThat(ctx.getBean(TrustStore.class).issuers())
                                .containsExactly(AssertionFixtures.ISSUER, second);
                        AssertionVerifier verifier = ctx.getBean(AssertionVerifier.class);
                        assertThat(verifier.verify(fromFile)).isInstanceOf(Verified.class);
                        assertThat(verifier.verify(fromUrl)).isInstanceOf(Verified.class);
                        assertThat(verifier.verify(forged)).isInstanceOf(Rejected.class);
                        Health health = ctx.getBean("eidIssuerKeysHealthIndicator", HealthIndicator.class).health();
                        assertThat(health.getStatus()).isEqualTo(Status.UP);
                        assertThat(health.getDetails().get("issuers").toString()).contains("source=url",
                                "source=file", urlRing.current().kid(), fileRing.current().kid());
                    });
        } finally {
            server.stop(0);
        }
    }

    @Test
    void urlIssuerNotReadYet_healthReadsItAndIsUp() throws Exception {
        KeyRing ring = KeyRing.generate();
        HttpServer server = jwksServer(new String[] {ring.publicJwksJson()});
        try {
            runner.withPropertyValues("eid.verifier.issuers[0].issuer=https://b.example.vn",
                    "eid.verifier.issuers[0].jwks=" + url(server)).run(ctx -> {
                        assertThat(ctx.getBean(TrustStore.class).keys()).isEmpty();
                        Health health = ctx.getBean("eidIssuerKeysHealthIndicator", HealthIndicator.class).health();
                        assertThat(health.getStatus()).isEqualTo(Status.UP);
                        assertThat(health.getDetails().get("issuers").toString()).contains(ring.current().kid());
                    });
        } finally {
            server.stop(0);
        }
    }

    @Test
    void urlIssuerUnreachable_healthDownWithReason() throws Exception {
        HttpServer server = jwksServer(new String[] {KeyRing.generate().publicJwksJson()});
        String gone = url(server);
        server.stop(0);
        runner.withPropertyValues("eid.verifier.issuers[0].issuer=https://b.example.vn",
                "eid.verifier.issuers[0].jwks=" + gone).run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    Health health = ctx.getBean("eidIssuerKeysHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("issuers").toString()).contains("cannot be read");
                });
    }

    @Test
    void plainHttpUrlOtherSchemeOrIssuerTwice_startupFailsWithReason(@TempDir Path dir) throws Exception {
        Path jwks = Files.writeString(dir.resolve("issuer.jwks"), KeyRing.generate().publicJwksJson());
        runner.withPropertyValues("eid.verifier.issuers[0].issuer=https://a",
                "eid.verifier.issuers[0].jwks=http://a.example.vn/jwks.json").run(ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("must be https"));
        runner.withPropertyValues("eid.verifier.issuers[0].issuer=https://a",
                "eid.verifier.issuers[0].jwks=ftp://a.example.vn/jwks.json").run(ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("file: URI or an https: URL"));
        runner.withPropertyValues(hospital(jwks)).withPropertyValues(
                "eid.verifier.issuers[1].issuer=" + AssertionFixtures.ISSUER,
                "eid.verifier.issuers[1].jwks=" + jwks.toUri()).run(ctx ->
                assertThat(ctx).getFailure().hasMessageContaining("eid.verifier.issuers[1].issuer")
                        .hasMessageContaining("given twice"));
        runner.withPropertyValues("eid.verifier.issuers[0].jwks=" + jwks.toUri()).run(ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("eid.verifier.issuers[0].issuer"));
    }

    @Test
    void sharingWithTwoIssuersAndNoSharingIssuer_startupFailsWithReason(@TempDir Path dir) throws Exception {
        Path jwks = Files.writeString(dir.resolve("issuer.jwks"), KeyRing.generate().publicJwksJson());
        Path key = Files.writeString(dir.resolve("bank.jwk"),
                io.github.eidvn.verifier.sharing.PartyDecryptionKey.generateEc().privateJwkJson());
        ReceiptStatus none = (id, party, now) -> io.github.eidvn.core.consent.ReceiptState.unknown();
        ApplicationContextRunner twoIssuers = runner.withPropertyValues(hospital(jwks)).withPropertyValues(
                "eid.verifier.issuers[1].issuer=https://b.example.vn", "eid.verifier.issuers[1].jwks=" + jwks.toUri(),
                "eid.sharing.party-id=vcb-bank", "eid.sharing.decryption-key=" + key.toUri())
                .withBean(ReceiptStatus.class, () -> none);
        twoIssuers.run(ctx -> assertThat(ctx).getFailure().rootCause()
                .hasMessageContaining("eid.sharing.issuer must name the issuer"));
        twoIssuers.withPropertyValues("eid.sharing.issuer=https://b.example.vn").run(ctx ->
                assertThat(ctx).hasNotFailed().hasSingleBean(SharedDataOpener.class));
    }

    @Test
    void applicationStateStore_autoConfiguredOneBacksOff() {
        StateStore mine = InMemoryStateStore.create();
        runner.withBean("myStore", StateStore.class, () -> mine).run(ctx -> {
            assertThat(ctx).hasSingleBean(StateStore.class);
            assertThat(ctx.getBean(StateStore.class)).isSameAs(mine);
        });
    }

    @Test
    void deviceNotifierAndServerKey_accountLogin() {
        runner.withBean(DeviceNotifier.class, () -> notice -> { })
                .withPropertyValues("eid.account.server-key=" + "A".repeat(44), "eid.account.password-policy=nist")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(AccountLogin.class);
                    assertThat(ctx.getBean(EidProperties.class).toString()).doesNotContain("AAAA");
                });
        runner.withBean(DeviceNotifier.class, () -> notice -> { }).run(ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("eid.account.server-key"));
    }

    @Test
    void sharingKeyInPkcs11Token_openerBuilt(@TempDir Path dir) throws Exception {
        SoftHsm hsm = SoftHsm.token();
        hsm.generateEc("bank-enc");
        Path jwks = Files.writeString(dir.resolve("issuer.jwks"), KeyRing.generate().publicJwksJson());
        ReceiptStatus none = (id, party, now) -> io.github.eidvn.core.consent.ReceiptState.unknown();
        runner.withPropertyValues(hospital(jwks)).withBean(ReceiptStatus.class, () -> none)
                .withPropertyValues("eid.sharing.party-id=vcb-bank", "eid.sharing.decryption-key=pkcs11:bank-enc",
                        "eid.pkcs11.config=" + hsm.pkcs11Config(), "eid.pkcs11.pin=" + SoftHsm.PIN)
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(SharedDataOpener.class);
                    assertThat(ctx.getBean(EidProperties.class).toString()).doesNotContain("pin=" + SoftHsm.PIN);
                });
        runner.withPropertyValues(hospital(jwks)).withPropertyValues("eid.sharing.party-id=vcb-bank",
                "eid.sharing.decryption-key=pkcs11:bank-enc", "eid.pkcs11.config=" + hsm.pkcs11Config(),
                "eid.pkcs11.pin=" + SoftHsm.PIN).run(ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("ReceiptStatus"));
    }
}
