package io.github.eidvn.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ExternalTools;

/**
 * Outside oracle: the PNGs this module renders are read back by ZBar ({@code zbarimg --raw -q}, Debian zbar-tools),
 * an independent QR decoder. Skipped with a message when zbarimg is not installed, unless {@code CI=true}.
 */
class ZbarInteropTest {

    @TempDir
    Path dir;

    @Test
    void zbarimg_readsRenderedPngs_exactly() throws Exception {
        ExternalTools.requireZbarimg();
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
            assertThat(ExternalTools.zbarimg(png)).as("zbarimg on %s", text).isEqualTo(text);
        }
    }

    @Test
    void zbarimg_readsTheRealHospitalPresentation_atDefaultRendering() throws Exception {
        ExternalTools.requireZbarimg();
        KeyRing ring = KeyRing.generate();
        String jws = AssertionFixtures.issuer(ring, AssertionFixtures.clock())
                .issueForQr(AssertionFixtures.hospitalRequest());
        String text = SignedQrText.encode(jws);
        Path png = dir.resolve("hospital.png");
        Files.write(png, QrRenderer.defaults().png(text));
        String read = ExternalTools.zbarimg(png);
        assertThat(read).isEqualTo(text);
        assertThat(SignedQrText.decode(read)).isEqualTo(SignedQrText.decode(text));
        assertThat(((SignedQrText.Decoded) SignedQrText.decode(read)).compactJws()).isEqualTo(jws);
    }
}
