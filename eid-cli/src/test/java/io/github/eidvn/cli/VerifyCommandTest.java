package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.qr.QrSizes;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;

class VerifyCommandTest {

    private static final String LEGACY = "079303012345||Nguyễn Thị Minh Khai|17052003|Nữ|"
            + "Số 12 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh|01062021";

    @TempDir
    Path dir;

    private CliFixtures f;
    private String text;

    @BeforeEach
    void issue() throws Exception {
        f = CliFixtures.in(dir);
        text = f.issueHospital();
    }

    private CliRun verify(String... args) {
        String[] base = {"verify", "--jwks", f.publicJwks.toString(), "--now", CliFixtures.NOW};
        String[] all = new String[base.length + args.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return CliRun.run(all);
    }

    @Test
    void verified_printsLevelAndClaims_exitZero() {
        CliRun r = verify("--level", "2", "--aud", "79024", "--purpose", "bhyt-checkin", text);
        assertThat(r.exitCode).as(r.out + r.err).isZero();
        JsonNode j = r.json();
        assertThat(j.get("verified").asBoolean()).isTrue();
        assertThat(j.get("reason").isNull()).isTrue();
        assertThat(j.get("level").asInt()).isEqualTo(2);
        assertThat(j.get("amr").get(0).asText()).isEqualTo("face");
        assertThat(j.get("aud").get(0).asText()).isEqualTo("79024");
        assertThat(j.get("purpose").asText()).isEqualTo("bhyt-checkin");
        assertThat(j.at("/claims/name").asText()).isEqualTo("Nguyễn Thị Minh Khai");
        assertThat(j.at("/claims/personal_number").asText()).isEqualTo("079303012345");
        assertThat(j.at("/claims/health_insurance/benefit_level").asInt()).isEqualTo(4);
        assertThat(j.at("/claims/health_insurance/valid_to").asText()).isEqualTo("2026-12-31");
        assertThat(j.get("iat").asText()).isEqualTo(CliFixtures.NOW);
    }

    @Test
    void verified_fromImage_andFromShcAndJwsTexts() throws Exception {
        Path png = dir.resolve("qr.png");
        Files.write(png, QrRenderer.defaults().png(text));
        CliRun img = verify("--aud", "79024", "--purpose", "bhyt-checkin", "--image", png.toString());
        assertThat(img.exitCode).as(img.out).isZero();
        String jws = ((SignedQrText.Decoded) SignedQrText.decode(text)).compactJws();
        assertThat(verify("--aud", "79024", "--purpose", "bhyt-checkin", QrSizes.smartHealthCardNumeric(jws))
                .exitCode).isZero();
        assertThat(verify("--aud", "79024", "--purpose", "bhyt-checkin", jws).exitCode).isZero();
    }

    @Test
    void rejected_printsReasonAndMessages_exitOne() {
        CliRun noAud = verify(text);
        assertThat(noAud.exitCode).isEqualTo(1);
        assertThat(noAud.json().get("verified").asBoolean()).isFalse();
        assertThat(noAud.json().get("reason").asText()).isEqualTo("WRONG_AUDIENCE");
        assertThat(noAud.json().at("/message/vi").asText()).isNotBlank();
        assertThat(noAud.json().at("/message/en").asText()).isNotBlank();
        assertThat(noAud.json().get("level").isNull()).isTrue();
        assertThat(noAud.json().get("claims").isNull()).isTrue();
        assertThat(noAud.err).contains("/");

        assertThat(verify("--aud", "01001", "--purpose", "bhyt-checkin", text).json().get("reason").asText())
                .isEqualTo("WRONG_AUDIENCE");
        int i = text.length() - 3;
        String tampered = text.substring(0, i) + (char) ('0' + (text.charAt(i) - '0' + 1) % 10)
                + text.substring(i + 1);
        assertThat(verify("--aud", "79024", "--purpose", "bhyt-checkin", tampered).json().get("reason").asText())
                .isIn("BAD_SIGNATURE", "MALFORMED");
        assertThat(verify(LEGACY).json().get("reason").asText()).isEqualTo("UNSIGNED_LEGACY");
        assertThat(verify("garbage").json().get("reason").asText()).isEqualTo("MALFORMED");
    }

    @Test
    void levelAndTimeAndKeyChecks() throws Exception {
        String level1 = CliRun.run("assert", "issue", "--key", f.privateJwks.toString(), "--level", "1",
                "--claims", f.claims.toString(), "--now", CliFixtures.NOW).out.strip();
        assertThat(verify("--level", "2", level1).json().get("reason").asText()).isEqualTo("INSUFFICIENT_LEVEL");
        assertThat(verify("--level", "1", level1).exitCode).isZero();
        CliRun later = CliRun.run("verify", "--jwks", f.publicJwks.toString(), "--now",
                AssertionFixtures.NOW.plusSeconds(3600).toString(), "--aud", "79024", "--purpose", "bhyt-checkin",
                text);
        assertThat(later.json().get("reason").asText()).isEqualTo("EXPIRED");
        Path otherKeys = dir.resolve("other.json");
        Files.writeString(otherKeys, KeyRing.generate().publicJwksJson());
        CliRun unknown = CliRun.run("verify", "--jwks", otherKeys.toString(), "--now", CliFixtures.NOW, "--aud",
                "79024", "--purpose", "bhyt-checkin", text);
        assertThat(unknown.exitCode).isEqualTo(1);
        assertThat(unknown.json().get("reason").asText()).isEqualTo("UNKNOWN_KEY");
    }

    @Test
    void imageWithoutQr_exitOne() throws Exception {
        Path notImage = dir.resolve("x.png");
        Files.writeString(notImage, "nope");
        CliRun r = verify("--image", notImage.toString());
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.json().get("verified").asBoolean()).isFalse();
        assertThat(r.json().get("reason").asText()).isEqualTo("UNREADABLE_IMAGE");
    }

    @Test
    void usageErrors_exitTwo() throws Exception {
        Path png = dir.resolve("qr.png");
        Files.write(png, QrRenderer.defaults().png(text));
        assertThat(verify().exitCode).isEqualTo(2);
        assertThat(verify("--image", png.toString(), text).exitCode).isEqualTo(2);
        assertThat(CliRun.run("verify", text).exitCode).isEqualTo(2);
        assertThat(verify("--level", "3", text).exitCode).isEqualTo(2);
        assertThat(CliRun.run("verify", "--jwks", f.privateJwks.toString(), text).exitCode).isEqualTo(2);
        assertThat(CliRun.run("verify", "--jwks", dir.resolve("missing").toString(), text).exitCode).isEqualTo(2);
    }
}
