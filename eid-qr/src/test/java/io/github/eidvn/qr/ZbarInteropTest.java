package io.github.eidvn.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outside oracle: the PNGs this module renders are read back by ZBar ({@code zbarimg --raw -q}, Debian zbar-tools),
 * an independent QR decoder. Skipped with a message when zbarimg is not installed, unless {@code CI=true}.
 */
class ZbarInteropTest {

    @TempDir
    Path dir;

    @Test
    void zbarimg_readsRenderedPngs_exactly() throws Exception {
        Path zbarimg = findZbarimg();
        String signed = SignedQrText.encode(JwsFixtures.realistic(41, 330));
        List<String> texts = List.of(
                "HELLO",
                "https://example.gov.vn/eid?x=1",
                signed,
                SignedQrText.encode(JwsFixtures.realistic(42, 1200)),
                QrSizes.smartHealthCardNumeric(JwsFixtures.realistic(43, 200)),
                "001099012345|123456789|Nguyễn Văn An|01021990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15062021");
        assertThat(QrSizes.version(signed, QrErrorCorrection.M)).hasValue(16);
        int i = 0;
        for (String text : texts) {
            Path png = dir.resolve("qr" + i++ + ".png");
            Files.write(png, QrRenderer.builder().moduleSize(4).build().png(text));
            assertThat(run(zbarimg, png)).as("zbarimg on %s", text).isEqualTo(text);
        }
    }

    private static String run(Path zbarimg, Path png) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(zbarimg.toString(), "--raw", "-q", png.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("zbarimg timed out");
        }
        assertThat(p.exitValue()).as("zbarimg exit code").isZero();
        String s = new String(out, StandardCharsets.UTF_8);
        assertThat(s).endsWith("\n");
        return s.substring(0, s.length() - 1);
    }

    private static Path findZbarimg() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : (path + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
            if (d.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(d, "zbarimg");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = "zbarimg not found (install Debian/Ubuntu package zbar-tools)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + "; CI=true requires it");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }
}
