package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.QrImageDecoder;
import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.VerificationResult;
import io.github.eidvn.verifier.Verified;

class AssertCommandTest {

    @TempDir
    Path dir;

    private CliFixtures f;

    @BeforeEach
    void keys() throws Exception {
        f = CliFixtures.in(dir);
    }

    private Assertion verify(String text, String aud, String purpose) throws Exception {
        AssertionVerifier.Builder b = AssertionVerifier.builder().trustStore(TrustStore.fromJwksFile(f.publicJwks))
                .clock(AssertionFixtures.clock()).anyLevel();
        if (aud != null) {
            b.expectedAudience(aud);
        }
        if (purpose != null) {
            b.expectedPurpose(purpose);
        }
        VerificationResult r = b.build().verifyScanned(text);
        assertThat(r).isInstanceOf(Verified.class);
        return ((Verified) r).assertion();
    }

    /** Issue 15: cards printed since 2021 carry the 10-digit social-insurance number as the card's number. */
    @Test
    void issue_healthInsuranceTenDigitNumber_issuedAndVerified_levelFromItsClaim_issue15() throws Exception {
        Files.writeString(f.claims, AssertionFixtures.HOSPITAL_CLAIMS_JSON.replace("HS4790120878811", "0120878811"),
                StandardCharsets.UTF_8);
        CliRun r = CliRun.run("assert", "issue", "--key", f.privateJwks.toString(), "--level", "2", "--amr",
                "face", "--claims", f.claims.toString(), "--aud", "79024", "--purpose", "bhyt-checkin", "--now",
                CliFixtures.NOW);
        assertThat(r.exitCode).as(r.err).isZero();
        Assertion a = verify(r.out.strip(), "79024", "bhyt-checkin");
        assertThat(a.healthInsurance().orElseThrow().number()).isEqualTo("0120878811");
        assertThat(a.healthInsurance().orElseThrow().benefitLevel()).isEqualTo(4);

        Files.writeString(f.claims, AssertionFixtures.HOSPITAL_CLAIMS_JSON.replace("HS4790120878811", "012087881"),
                StandardCharsets.UTF_8);
        CliRun bad = CliRun.run("assert", "issue", "--key", f.privateJwks.toString(), "--level", "2", "--amr",
                "face", "--claims", f.claims.toString(), "--now", CliFixtures.NOW);
        assertThat(bad.exitCode).isEqualTo(1);
        assertThat(bad.err).contains("health_insurance.number");
    }

    @Test
    void issue_level2_printsDigitsThatVerify() throws Exception {
        CliRun r = CliRun.run("assert", "issue", "--key", f.privateJwks.toString(), "--level", "2", "--amr",
                "face", "--evidence", "electronic_record:data", "--evidence", "document:vcrypt", "--claims",
                f.claims.toString(), "--aud", "79024", "--purpose", "bhyt-checkin", "--now", CliFixtures.NOW);
        assertThat(r.exitCode).as(r.err).isZero();
        String text = r.out.strip();
        assertThat(text).containsOnlyDigits().startsWith("841");
        assertThat(r.err).contains("digits", "-M");
        Assertion a = verify(text, "79024", "bhyt-checkin");
        assertThat(a.level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(a.methods()).containsExactly("face");
        assertThat(a.evidence()).hasSize(2);
        assertThat(a.issuer()).isEqualTo("urn:eidvn:local");
        assertThat(a.name()).hasValue("Nguyễn Thị Minh Khai");
        assertThat(a.issuedAt()).isEqualTo(AssertionFixtures.NOW);
        assertThat(a.expiresAt()).hasValue(AssertionFixtures.NOW.plusSeconds(600));
    }

    @Test
    void issue_level1_defaultsToPwd_ttlAndIssuerOptions_pngWritten() throws Exception {
        Path png = dir.resolve("qr.png");
        CliRun r = CliRun.run("assert", "issue", "--key", f.privateJwks.toString(), "--level", "1", "--claims",
                f.claims.toString(), "--ttl", "90s", "--iss", "https://issuer.example", "--png", png.toString(),
                "--now", CliFixtures.NOW);
        assertThat(r.exitCode).as(r.err).isZero();
        String text = r.out.strip();
        Assertion a = verify(text, null, null);
        assertThat(a.level()).isEqualTo(AssuranceLevel.LEVEL_1);
        assertThat(a.methods()).containsExactly("pwd");
        assertThat(a.issuer()).isEqualTo("https://issuer.example");
        assertThat(a.expiresAt()).hasValue(AssertionFixtures.NOW.plusSeconds(90));
        assertThat(QrImageDecoder.decode(Files.readAllBytes(png))).isEqualTo(new QrScanResult.Found(text));
    }

    @Test
    void issue_singlePrivateJwkAsKey_accepted() throws Exception {
        String jwks = Files.readString(f.privateJwks);
        String jwk = jwks.substring(jwks.indexOf('[') + 1, jwks.lastIndexOf(']'));
        Path single = dir.resolve("one.jwk");
        Files.writeString(single, jwk);
        CliRun r = CliRun.run("assert", "issue", "--key", single.toString(), "--level", "1", "--claims",
                f.claims.toString(), "--now", CliFixtures.NOW);
        assertThat(r.exitCode).as(r.err).isZero();
        verify(r.out.strip(), null, null);
    }

    @Test
    void issue_level2WithoutAStrongMethod_usageError() {
        assertThat(CliRun.run("assert", "issue", "--key", f.privateJwks.toString(), "--level", "2", "--claims",
                f.claims.toString()).exitCode).isEqualTo(2);
        CliRun pwdOnly = CliRun.run("assert", "issue", "--key", f.privateJwks.toString(), "--level", "2", "--amr",
                "pwd,otp", "--claims", f.claims.toString());
        assertThat(pwdOnly.exitCode).isEqualTo(2);
        assertThat(pwdOnly.err).contains("face");
    }

    @Test
    void issue_badInputs() throws Exception {
        String key = f.privateJwks.toString();
        String claims = f.claims.toString();
        assertThat(CliRun.run("assert", "issue", "--key", key, "--level", "3", "--claims", claims).exitCode)
                .isEqualTo(2);
        assertThat(CliRun.run("assert", "issue", "--key", key, "--level", "1", "--claims", claims, "--ttl",
                "25h").exitCode).isEqualTo(2);
        assertThat(CliRun.run("assert", "issue", "--key", key, "--level", "1", "--claims", claims, "--ttl",
                "soon").exitCode).isEqualTo(2);
        assertThat(CliRun.run("assert", "issue", "--key", key, "--level", "1", "--claims", claims, "--evidence",
                "nocolon").exitCode).isEqualTo(2);
        assertThat(CliRun.run("assert", "issue", "--key", key, "--level", "1", "--claims", claims, "--aud",
                "has space").exitCode).isEqualTo(2);
        assertThat(CliRun.run("assert", "issue", "--level", "1", "--claims", claims).exitCode).isEqualTo(2);

        Path badClaims = dir.resolve("bad.json");
        Files.writeString(badClaims, "{\"nationality\":\"VN\"}");
        CliRun bc = CliRun.run("assert", "issue", "--key", key, "--level", "1", "--claims", badClaims.toString());
        assertThat(bc.exitCode).isEqualTo(1);
        assertThat(bc.err).contains("nationality");

        CliRun publicAsKey = CliRun.run("assert", "issue", "--key", f.publicJwks.toString(), "--level", "1",
                "--claims", claims);
        assertThat(publicAsKey.exitCode).isEqualTo(1);
        assertThat(CliRun.run("assert", "issue", "--key", dir.resolve("missing").toString(), "--level", "1",
                "--claims", claims).exitCode).isEqualTo(1);
        String secret = Files.readString(f.privateJwks);
        String d = secret.replaceAll("(?s).*\"d\":\"([^\"]+)\".*", "$1");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, secret.replace("\"crv\":\"P-256\"", "\"crv\":\"P-384\""));
        CliRun br = CliRun.run("assert", "issue", "--key", broken.toString(), "--level", "1", "--claims", claims);
        assertThat(br.exitCode).isEqualTo(1);
        assertThat(br.err + br.out).doesNotContain(d);
    }

    @Test
    void issue_expiresAfterTtl() throws Exception {
        String text = f.issueHospital("--ttl", "2m");
        AssertionVerifier later = AssertionVerifier.builder().trustStore(TrustStore.fromJwksFile(f.publicJwks))
                .clock(AssertionFixtures.clockAt(Instant.parse(CliFixtures.NOW).plusSeconds(200)))
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
        assertThat(later.verifyScanned(text)).isNotInstanceOf(Verified.class);
    }
}
