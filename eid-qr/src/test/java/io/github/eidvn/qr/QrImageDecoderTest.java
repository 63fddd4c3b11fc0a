package io.github.eidvn.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.eidvn.testing.Vectors;

class QrImageDecoderTest {

    private static QrScanResult.Reason failure(QrScanResult r) {
        assertThat(r).as("%s", r).isInstanceOf(QrScanResult.Failed.class);
        return ((QrScanResult.Failed) r).reason();
    }

    private static String found(QrScanResult r) {
        assertThat(r).as("%s", r).isInstanceOf(QrScanResult.Found.class);
        return ((QrScanResult.Found) r).text();
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    private static BufferedImage rgb(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01"})
    void decode_smartHealthCardPng_givesExactlyTheNumericText(String n) throws IOException {
        byte[] png = Files.readAllBytes(Vectors.path("smart-health-cards", "example-" + n + "-g-qr-code-0.png"));
        String numeric = Files.readString(Vectors.path("smart-health-cards",
                "example-" + n + "-f-qr-code-numeric-value-0.txt"), StandardCharsets.US_ASCII);
        assertThat(found(QrImageDecoder.decode(png))).isEqualTo(numeric);
    }

    @Test
    void decode_jpegPhotoLikeCopy_readsTheSignedText() throws IOException {
        String text = SignedQrText.encode(JwsFixtures.realistic(31, 300));
        BufferedImage img = rgb(QrRenderer.builder().moduleSize(4).build().image(text));
        assertThat(found(QrImageDecoder.decode(encode(img, "jpeg")))).isEqualTo(text);
        assertThat(found(QrImageDecoder.decode(encode(img, "bmp")))).isEqualTo(text);
        assertThat(found(QrImageDecoder.decode(encode(img, "gif")))).isEqualTo(text);
    }

    @Test
    void decode_invertedMirroredAndRotatedCodes_areRead() {
        String text = SignedQrText.encode(JwsFixtures.realistic(32, 120));
        BufferedImage img = QrRenderer.builder().moduleSize(3).build().image(text);
        int w = img.getWidth();
        BufferedImage inverted = new BufferedImage(w, w, BufferedImage.TYPE_INT_RGB);
        BufferedImage mirrored = new BufferedImage(w, w, BufferedImage.TYPE_INT_RGB);
        BufferedImage rotated = new BufferedImage(w, w, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                int v = img.getRGB(x, y) & 0xFFFFFF;
                inverted.setRGB(x, y, v ^ 0xFFFFFF);
                mirrored.setRGB(w - 1 - x, y, v);
                rotated.setRGB(w - 1 - y, x, v);
            }
        }
        assertThat(found(QrImageDecoder.decode(inverted))).isEqualTo(text);
        assertThat(found(QrImageDecoder.decode(mirrored))).isEqualTo(text);
        assertThat(found(QrImageDecoder.decode(rotated))).isEqualTo(text);
    }

    @Test
    void decode_sixteenBitGrayPng_isRead() throws IOException {
        String text = SignedQrText.encode(JwsFixtures.realistic(36, 80));
        BufferedImage src = QrRenderer.builder().moduleSize(3).build().image(text);
        BufferedImage gray16 = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
        Graphics2D g = gray16.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        assertThat(found(QrImageDecoder.decode(gray16))).isEqualTo(text);
        assertThat(found(QrImageDecoder.decode(encode(gray16, "png")))).isEqualTo(text);
    }

    @Test
    void decode_imagesWithoutACode_notFound() throws IOException {
        BufferedImage white = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        BufferedImage noise = new BufferedImage(400, 400, BufferedImage.TYPE_BYTE_GRAY);
        Random r = new Random(33);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                noise.setRGB(x, y, r.nextBoolean() ? 0xFFFFFF : 0);
                if (x < 300 && y < 200) {
                    white.setRGB(x, y, 0xFFFFFF);
                }
            }
        }
        assertThat(failure(QrImageDecoder.decode(white))).isEqualTo(QrScanResult.Reason.NOT_FOUND);
        assertThat(failure(QrImageDecoder.decode(encode(noise, "png")))).isEqualTo(QrScanResult.Reason.NOT_FOUND);
        assertThat(failure(QrImageDecoder.decode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB))))
                .isEqualTo(QrScanResult.Reason.NOT_FOUND);
    }

    @Test
    void decode_garbageBytes_unreadableImage_neverThrows() throws IOException {
        byte[] png = QrRenderer.defaults().png("HELLO");
        byte[] jpeg = encode(rgb(QrRenderer.defaults().image("HELLO")), "jpeg");
        Random r = new Random(34);
        byte[][] garbage = {
            new byte[0],
            "hello world".getBytes(StandardCharsets.UTF_8),
            JwsFixtures.random(r, 5000),
            Arrays.copyOf(png, 8), // PNG signature only
            Arrays.copyOf(png, png.length / 2), // truncated PNG
            Arrays.copyOf(png, 33), // signature and IHDR only
            Arrays.copyOf(jpeg, 20),
            Arrays.copyOf(jpeg, jpeg.length / 3),
            {'G', 'I', 'F', '8', '9', 'a', 1, 2, 3},
            {'B', 'M', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {'I', 'I', 42, 0, 8, 0, 0, 0}, // TIFF: not accepted
        };
        for (byte[] g : garbage) {
            QrScanResult result = QrImageDecoder.decode(g);
            assertThat(result).isInstanceOf(QrScanResult.Failed.class);
        }
        assertThat(failure(QrImageDecoder.decode("hello".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(QrScanResult.Reason.UNREADABLE_IMAGE);
        for (int i = 0; i < 200; i++) {
            byte[] mutated = png.clone();
            for (int k = 0; k < 1 + r.nextInt(8); k++) {
                mutated[8 + r.nextInt(mutated.length - 8)] = (byte) r.nextInt(256);
            }
            QrScanResult result = QrImageDecoder.decode(mutated);
            if (result instanceof QrScanResult.Found) {
                assertThat(((QrScanResult.Found) result).text()).isEqualTo("HELLO");
            }
        }
        assertThatThrownBy(() -> QrImageDecoder.decode((byte[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> QrImageDecoder.decode((BufferedImage) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void decode_pngDeclaringHugeDimensions_refusedFromTheHeader() throws IOException {
        byte[] bomb = pngHeaderOnly(100_000, 100_000);
        long before = usedMemory();
        assertThat(failure(QrImageDecoder.decode(bomb))).isEqualTo(QrScanResult.Reason.IMAGE_TOO_LARGE);
        assertThat(usedMemory() - before).isLessThan(200L * 1024 * 1024);
        assertThat(failure(QrImageDecoder.decode(pngHeaderOnly(7000, 6000))))
                .isEqualTo(QrScanResult.Reason.IMAGE_TOO_LARGE);
        assertThat(failure(QrImageDecoder.decode(jpegHeaderOnly(65_000, 65_000))))
                .isEqualTo(QrScanResult.Reason.IMAGE_TOO_LARGE);
    }

    @Test
    void decode_oversizedInputs_refused() {
        assertThat(failure(QrImageDecoder.decode(new byte[QrImageDecoder.MAX_INPUT_BYTES + 1])))
                .isEqualTo(QrScanResult.Reason.IMAGE_TOO_LARGE);
        BufferedImage huge = new BufferedImage(8000, 5001, BufferedImage.TYPE_BYTE_BINARY);
        assertThat(failure(QrImageDecoder.decode(huge))).isEqualTo(QrScanResult.Reason.IMAGE_TOO_LARGE);
    }

    @Test
    void decode_largePngAbove12Megapixels_isSubsampledAndStillRead() throws IOException {
        String text = SignedQrText.encode(JwsFixtures.realistic(35, 100));
        BufferedImage qr = QrRenderer.builder().moduleSize(12).build().image(text);
        BufferedImage big = new BufferedImage(4100, 3000, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = big.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 4100, 3000);
        g.drawImage(qr, 1500, 1000, null);
        g.dispose();
        assertThat(found(QrImageDecoder.decode(encode(big, "png")))).isEqualTo(text);
        assertThat(found(QrImageDecoder.decode(big))).isEqualTo(text);
    }

    @Test
    void reasons_haveEnglishAndVietnameseMessages() {
        for (QrScanResult.Reason r : QrScanResult.Reason.values()) {
            assertThat(r.english()).isNotBlank();
            assertThat(r.vietnamese()).isNotBlank().isNotEqualTo(r.english());
        }
    }

    private static long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A PNG with a valid IHDR for the given size, an empty IDAT and IEND: a decompression bomb's header. */
    static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit gray
        chunk(d, "IHDR", ihdr.toByteArray());
        chunk(d, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(d, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream d, String type, byte[] data) throws IOException {
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /** A real small JPEG whose SOF0 header is patched to declare the given size. */
    static byte[] jpegHeaderOnly(int width, int height) throws IOException {
        BufferedImage small = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        byte[] jpeg = encode(small, "jpeg");
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new AssertionError("no SOF0 marker");
    }
}
