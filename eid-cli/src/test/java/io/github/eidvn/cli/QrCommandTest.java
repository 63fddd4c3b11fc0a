package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.eidvn.qr.QrSizes;
import io.github.eidvn.qr.SignedQrText;

class QrCommandTest {

    private static final String LEGACY = "079303012345||Nguyễn Thị Minh Khai|17052003|Nữ|"
            + "Số 12 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh|01062021";

    @TempDir
    Path dir;

    @Test
    void renderThenDecode_sameText_pngAndSvg() throws Exception {
        CliFixtures f = CliFixtures.in(dir);
        String text = f.issueHospital();
        Path png = dir.resolve("p.png");
        Path svg = dir.resolve("p.svg");
        CliRun r = CliRun.run("qr", "render", "--text", text, "--png", png.toString(), "--svg", svg.toString());
        assertThat(r.exitCode).as(r.err).isZero();
        assertThat(r.json().get("version").asInt()).isBetween(12, 15);
        assertThat(r.json().get("characters").asInt()).isEqualTo(text.length());
        assertThat(Files.readString(svg)).contains("<svg");
        CliRun d = CliRun.run("qr", "decode", png.toString());
        assertThat(d.exitCode).as(d.err).isZero();
        assertThat(d.out).isEqualTo(text + System.lineSeparator());
    }

    @Test
    void render_vietnameseLegacyText_decodesExactly() {
        Path png = dir.resolve("legacy.png");
        assertThat(CliRun.run("qr", "render", "--text", LEGACY, "--png", png.toString()).exitCode).isZero();
        assertThat(CliRun.run("qr", "decode", png.toString()).out.strip()).isEqualTo(LEGACY);
    }

    @Test
    void jws_rebuildsTheCompactJws_fromDigitsShcAndPlain() throws Exception {
        CliFixtures f = CliFixtures.in(dir);
        String text = f.issueHospital();
        String jws = ((SignedQrText.Decoded) SignedQrText.decode(text)).compactJws();
        CliRun r = CliRun.run("qr", "jws", text);
        assertThat(r.exitCode).as(r.err).isZero();
        assertThat(r.out.strip()).isEqualTo(jws).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(CliRun.run("qr", "jws", QrSizes.smartHealthCardNumeric(jws)).out.strip()).isEqualTo(jws);
        assertThat(CliRun.run("qr", "jws", jws).out.strip()).isEqualTo(jws);
    }

    @Test
    void jws_legacyOrDamagedText_exitOne() {
        CliRun legacy = CliRun.run("qr", "jws", LEGACY);
        assertThat(legacy.exitCode).isEqualTo(1);
        assertThat(legacy.err).contains("unsigned");
        assertThat(CliRun.run("qr", "jws", "8412345").exitCode).isEqualTo(1);
        assertThat(CliRun.run("qr", "jws", "hello").exitCode).isEqualTo(1);
    }

    @Test
    void decode_notAnImageOrMissing_exitOne() throws Exception {
        Path txt = dir.resolve("x.png");
        Files.writeString(txt, "not an image");
        CliRun r = CliRun.run("qr", "decode", txt.toString());
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.err).contains("PNG");
        assertThat(CliRun.run("qr", "decode", dir.resolve("missing.png").toString()).exitCode).isEqualTo(1);
    }

    @Test
    void usageErrors_exitTwo() {
        assertThat(CliRun.run("qr").exitCode).isEqualTo(2);
        assertThat(CliRun.run("qr", "render", "--text", "x").exitCode).isEqualTo(2);
        assertThat(CliRun.run("qr", "render", "--png", dir.resolve("a.png").toString()).exitCode).isEqualTo(2);
        assertThat(CliRun.run("qr", "decode").exitCode).isEqualTo(2);
        assertThat(CliRun.run("qr", "jws").exitCode).isEqualTo(2);
    }

    @Test
    void render_textTooLarge_exitOne() {
        CliRun r = CliRun.run("qr", "render", "--text", "x".repeat(5000), "--png", dir.resolve("big.png").toString());
        assertThat(r.exitCode).isEqualTo(1);
    }
}
