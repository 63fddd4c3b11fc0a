package io.github.eidvn.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.Encoder;

class QrRendererTest {

    private static final String LEGACY =
            "001099012345|123456789|Nguyễn Văn An|01021990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15062021";

    private static String found(QrScanResult r) {
        assertThat(r).as("%s", r).isInstanceOf(QrScanResult.Found.class);
        return ((QrScanResult.Found) r).text();
    }

    @Test
    void png_signedDigits_decodesBackExactlyAtThePredictedVersionInNumericMode() throws Exception {
        for (int payload : new int[] {100, 255, 330}) {
            String text = SignedQrText.encode(JwsFixtures.realistic(21, payload));
            QrRenderer renderer = QrRenderer.builder().moduleSize(4).build();
            byte[] png = renderer.png(text);
            assertThat(found(QrImageDecoder.decode(png))).isEqualTo(text);
            int predicted = QrSizes.version(text, QrErrorCorrection.M).getAsInt();
            assertThat(renderer.version(text)).isEqualTo(predicted);
            // ZXing's plain encoder, which uses one mode for the whole text, picks numeric and the same version
            Map<EncodeHintType, Object> noHints = new EnumMap<>(EncodeHintType.class);
            assertThat(Encoder.chooseMode(text)).isEqualTo(Mode.NUMERIC);
            assertThat(Encoder.encode(text, ErrorCorrectionLevel.M, noHints).getVersion().getVersionNumber())
                    .isEqualTo(predicted);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            int modules = 17 + 4 * predicted;
            assertThat(img.getWidth()).isEqualTo((modules + 8) * 4).isEqualTo(img.getHeight());
        }
    }

    @Test
    void image_quietZoneOfFourModulesIsWhite_andFinderPatternStartsAfterIt() {
        BufferedImage img = QrRenderer.builder().moduleSize(3).build().image("HELLO");
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                boolean inQuiet = x < 12 || y < 12 || x >= img.getWidth() - 12 || y >= img.getHeight() - 12;
                if (inQuiet) {
                    assertThat(img.getRGB(x, y) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(img.getRGB(12, 12) & 0xFFFFFF).isZero(); // finder pattern corner
    }

    @Test
    void png_vietnameseText_roundTripsAsUtf8() {
        byte[] png = QrRenderer.defaults().png(LEGACY);
        assertThat(found(QrImageDecoder.decode(png))).isEqualTo(LEGACY);
    }

    @Test
    void errorCorrection_higherLevelNeedsAHigherVersion() {
        String text = SignedQrText.encode(JwsFixtures.realistic(22, 200));
        int m = QrRenderer.defaults().version(text);
        int h = QrRenderer.builder().errorCorrection(QrErrorCorrection.H).build().version(text);
        assertThat(h).isGreaterThan(m);
        assertThat(h).isEqualTo(QrSizes.version(text, QrErrorCorrection.H).getAsInt());
        byte[] png = QrRenderer.builder().errorCorrection(QrErrorCorrection.H).moduleSize(3).build().png(text);
        assertThat(found(QrImageDecoder.decode(png))).isEqualTo(text);
    }

    @Test
    void svg_pathRasterisedAgain_decodesToTheSameText() {
        String text = SignedQrText.encode(JwsFixtures.realistic(23, 150));
        QrRenderer renderer = QrRenderer.builder().moduleSize(5).quietZone(6).build();
        String svg = renderer.svg(text);
        int version = renderer.version(text);
        int units = 17 + 4 * version + 12;
        assertThat(svg).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("viewBox=\"0 0 " + units + " " + units + "\"")
                .contains("width=\"" + units * 5 + "\"").endsWith("</svg>\n");
        BufferedImage img = rasterise(svg, units, 4);
        assertThat(found(QrImageDecoder.decode(img))).isEqualTo(text);
        // and the SVG holds the same modules as the PNG renderer draws
        BufferedImage png = QrRenderer.builder().moduleSize(1).quietZone(6).build().image(text);
        BufferedImage fromSvg = rasterise(svg, units, 1);
        for (int y = 0; y < units; y++) {
            for (int x = 0; x < units; x++) {
                assertThat(fromSvg.getRGB(x, y)).isEqualTo(png.getRGB(x, y));
            }
        }
    }

    /** Draws the "M x y h n v1 h-n z" runs of our SVG path. */
    private static BufferedImage rasterise(String svg, int units, int scale) {
        BufferedImage img = new BufferedImage(units * scale, units * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, 0xFFFFFF);
            }
        }
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(svg);
        int runs = 0;
        while (m.find()) {
            runs++;
            int x0 = Integer.parseInt(m.group(1));
            int y0 = Integer.parseInt(m.group(2));
            int n = Integer.parseInt(m.group(3));
            for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
                for (int x = x0 * scale; x < (x0 + n) * scale; x++) {
                    img.setRGB(x, y, 0);
                }
            }
        }
        assertThat(runs).isGreaterThan(0);
        return img;
    }

    @Test
    void builder_optionsSetOnce_andValidated() {
        assertThatThrownBy(() -> QrRenderer.builder().moduleSize(2).moduleSize(3))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> QrRenderer.builder().quietZone(4).quietZone(5))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> QrRenderer.builder().errorCorrection(QrErrorCorrection.L)
                .errorCorrection(QrErrorCorrection.M)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> QrRenderer.builder().moduleSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrRenderer.builder().quietZone(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrRenderer.builder().errorCorrection(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void render_textTooLongForVersion40_throwsIllegalArgument() {
        String tooLong = "a".repeat(3000);
        assertThatThrownBy(() -> QrRenderer.defaults().png(tooLong)).isInstanceOf(IllegalArgumentException.class);
        assertThat(QrSizes.version(tooLong, QrErrorCorrection.M)).isEmpty();
        assertThatThrownBy(() -> QrRenderer.defaults().svg(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void png_isAValidOneBitPng() throws IOException {
        byte[] png = QrRenderer.defaults().png("841000");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getColorModel().getPixelSize()).isEqualTo(1);
    }
}
