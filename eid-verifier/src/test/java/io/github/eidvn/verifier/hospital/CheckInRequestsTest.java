package io.github.eidvn.verifier.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.hospital.CheckInDecision.Status;
import io.github.eidvn.verifier.hospital.CheckInRequests.Input;
import io.github.eidvn.verifier.hospital.CheckInRequests.Result;

class CheckInRequestsTest {

    private static final String DUC = "001088001234||Trần Văn Đức|12041988|Nam|Số 5 Lê Lợi, Hà Nội|01062021";

    private final CheckInRequests requests = CheckInRequests.builder().checkIn(HospitalCheckIn.builder()
            .verifier(AssertionVerifier.builder().trustStore(TrustStore.fromJwks(KeyRing.generate().publicJwksJson()))
                    .clock(AssertionFixtures.clock()).expectedAudience("79024").expectedPurpose("bhyt-checkin")
                    .requiredLevel(AssuranceLevel.LEVEL_2).build())
            .lookup(SandboxInsuranceLookup.fromJson(HealthInsuranceLookupContract.CARDS))
            .clock(AssertionFixtures.clock()).build()).clock(AssertionFixtures.clock()).build();

    @Test
    void contentTypes_textUtf8AndTwoImageTypes_onlyThose() {
        assertThat(Input.ofContentType("text/plain")).hasValue(Input.TEXT);
        assertThat(Input.ofContentType("TEXT/PLAIN; Charset=\"UTF-8\"")).hasValue(Input.TEXT);
        assertThat(Input.ofContentType(" image/PNG ; q=1")).hasValue(Input.PNG);
        assertThat(Input.ofContentType("image/jpeg")).hasValue(Input.JPEG);
        for (String t : new String[] {null, "", "application/json", "image/gif", "text/plain; charset=iso-8859-1",
            "multipart/form-data; boundary=x", ";", ";;", " ; ", ";charset=utf-8"}) {
            assertThat(Input.ofContentType(t)).as(t).isEqualTo(Optional.empty());
        }
        assertThat(requests.unsupportedType().reasonCode()).hasValue("MALFORMED");
    }

    @Test
    void text_decided_badUtf8Malformed_overLimitTooLarge() {
        CheckInRequests.Answer a = requests.check(Input.TEXT, DUC.getBytes(StandardCharsets.UTF_8));
        assertThat(a.result()).isEqualTo(Result.DECIDED);
        assertThat(a.decision().status()).isEqualTo(Status.VALID_IDENTITY_UNVERIFIED);
        assertThat(requests.check(Input.TEXT, new byte[] {(byte) 0xC3, 0x28}).decision().reasonCode())
                .hasValue("MALFORMED");
        CheckInRequests.Answer big = requests.check(Input.TEXT, "9".repeat(8001).getBytes(StandardCharsets.UTF_8));
        assertThat(big.result()).isEqualTo(Result.TOO_LARGE);
        assertThat(big.decision().reasonCode()).hasValue("TOO_LARGE");
        assertThat(requests.tooLarge(Input.PNG).decision().reasonCode()).hasValue("IMAGE_TOO_LARGE");
    }

    @Test
    void images_pngAndJpegOfAChipCardQr_decodedAndLookedUp_wrongMagicUnreadable() throws IOException {
        byte[] png = QrRenderer.defaults().png(DUC);
        assertThat(requests.check(Input.PNG, png).decision().status()).isEqualTo(Status.VALID_IDENTITY_UNVERIFIED);
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(png));
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(img, 0, 0, null);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(rgb, "jpeg", jpeg);
        assertThat(requests.check(Input.JPEG, jpeg.toByteArray()).decision().status())
                .isEqualTo(Status.VALID_IDENTITY_UNVERIFIED);
        assertThat(requests.check(Input.PNG, jpeg.toByteArray()).decision().reasonCode())
                .hasValue("UNREADABLE_IMAGE");
        assertThat(requests.check(Input.JPEG, png).decision().reasonCode()).hasValue("UNREADABLE_IMAGE");
    }

    @Test
    void decodeBudget_sixteenBitRgbaOverAFewMegapixels_refusedFromTheHeaderBeforeDecoding() {
        // only a header: decoding would fail as UNREADABLE_IMAGE, so IMAGE_TOO_LARGE proves it was not decoded
        CheckInRequests.Answer rgba16 = requests.check(Input.PNG, pngHeader(3000, 3000, 16, 6));
        assertThat(rgba16.decision().reasonCode()).hasValue("IMAGE_TOO_LARGE");
        assertThat(rgba16.decision().detail()).contains("3000x3000", "64 bits per pixel");
        assertThat(requests.check(Input.PNG, pngHeader(2000, 2000, 16, 6)).decision().reasonCode())
                .hasValue("UNREADABLE_IMAGE"); // 4 MP x 8 bytes = 32 MB: within the budget, decoded (and broken)
        assertThat(requests.check(Input.PNG, pngHeader(6000, 6000, 8, 0)).decision().reasonCode())
                .hasValue("UNREADABLE_IMAGE"); // 36 MP grey at 8 bits: within the budget
        assertThat(requests.check(Input.JPEG, jpegHeader(5000, 4000, 3)).decision().reasonCode())
                .hasValue("IMAGE_TOO_LARGE"); // 20 MP x 3 bytes
        assertThat(ImageHeader.png(pngHeader(7, 9, 8, 2))).hasValue(new ImageHeader(7, 9, 24));
        assertThat(ImageHeader.png(pngHeader(7, 9, 4, 3))).hasValue(new ImageHeader(7, 9, 8));
        assertThat(ImageHeader.jpeg(jpegHeader(640, 480, 1))).hasValue(new ImageHeader(640, 480, 24));
    }

    @Test
    void realSixteenBitRgbaPng_headerReadAsWritten() throws IOException {
        BufferedImage deep = new BufferedImage(new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), true, false,
                java.awt.Transparency.TRANSLUCENT, java.awt.image.DataBuffer.TYPE_USHORT),
                java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_USHORT, 40, 30, 4,
                        null), false, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(deep, "png", out)).isTrue();
        assertThat(ImageHeader.png(out.toByteArray())).hasValue(new ImageHeader(40, 30, 64));
    }

    static byte[] pngHeader(int width, int height, int depth, int colourType) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height).put((byte) depth)
                .put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + 17 + 4 + 16);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return b.array();
    }

    static byte[] jpegHeader(int width, int height, int components) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 0, 0});
        b.put(new byte[] {(byte) 0xFF, (byte) 0xC0}).putShort((short) (8 + 3 * components)).put((byte) 8)
                .putShort((short) height).putShort((short) width).put((byte) components);
        return b.array();
    }

    @Test
    void builder_checkInRequired_optionsChecked() {
        assertThatThrownBy(() -> CheckInRequests.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CheckInRequests.builder().parallelImages(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> requests.check(null, new byte[0])).isInstanceOf(NullPointerException.class);
    }
    @Test
    void bodyLimits_includeTheirEnds() {
        byte[] notUtf8 = new byte[CheckInRequests.MAX_TEXT_BYTES];
        java.util.Arrays.fill(notUtf8, (byte) 0xFF);
        CheckInRequests.Answer atByteLimit = requests.check(Input.TEXT, notUtf8);
        assertThat(atByteLimit.result()).isEqualTo(Result.DECIDED);
        assertThat(atByteLimit.decision().reasonCode()).hasValue("MALFORMED");
        assertThat(requests.check(Input.TEXT, java.util.Arrays.copyOf(notUtf8, notUtf8.length + 1)).result())
                .isEqualTo(Result.TOO_LARGE);
        CheckInRequests.Answer atCharLimit = requests.check(Input.TEXT,
                "1".repeat(CheckInRequests.MAX_TEXT_CHARS).getBytes(StandardCharsets.UTF_8));
        assertThat(atCharLimit.result()).isEqualTo(Result.DECIDED);
        assertThat(atCharLimit.decision().reasonCode()).isNotEqualTo(Optional.of("TOO_LARGE"));
    }

    @Test
    void decodeBudget_exactlyFortyEightMebibytes_decoded_oneColumnMore_refused() {
        // 3072 x 2048 RGBA pixels at 16 bits = 6 Mpx x 8 bytes = 48 MiB
        assertThat(requests.check(Input.PNG, pngHeader(3072, 2048, 16, 6)).decision().reasonCode())
                .hasValue("UNREADABLE_IMAGE");
        CheckInDecision over = requests.check(Input.PNG, pngHeader(3073, 2048, 16, 6)).decision();
        assertThat(over.reasonCode()).hasValue("IMAGE_TOO_LARGE");
        assertThat(over.detail()).contains("decode budget");
    }

    @Test
    void wrongMagic_detailNamesTheDeclaredType() {
        byte[] png = QrRenderer.defaults().png(DUC);
        assertThat(requests.check(Input.JPEG, png).decision().detail()).contains("not a JPEG");
        assertThat(requests.check(Input.PNG, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}).decision().detail())
                .contains("not a PNG");
    }

    @Test
    void oneDecodingSlot_isGivenBackAfterEachImage() {
        CheckInRequests oneSlot = CheckInRequests.builder().checkIn(HospitalCheckIn.builder()
                .verifier(AssertionVerifier.builder().trustStore(TrustStore.fromJwks(KeyRing.generate()
                        .publicJwksJson())).expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel()
                        .build()).build()).parallelImages(1).imageWait(java.time.Duration.ZERO).build();
        byte[] png = QrRenderer.defaults().png(DUC);
        for (int i = 0; i < 3; i++) {
            assertThat(oneSlot.check(Input.PNG, png).result()).as("image %d", i).isEqualTo(Result.DECIDED);
        }
        assertThat(oneSlot.parallelImages()).isEqualTo(1);
        assertThat(oneSlot.toString()).contains("1 images at once");
    }

    @Test
    void interruptedWhileWaitingForASlot_busy_interruptKept() {
        byte[] png = QrRenderer.defaults().png(DUC);
        Thread.currentThread().interrupt();
        CheckInRequests.Answer a;
        boolean stillInterrupted;
        try {
            a = requests.check(Input.PNG, png);
        } finally {
            stillInterrupted = Thread.interrupted();
        }
        assertThat(stillInterrupted).isTrue();
        assertThat(a.result()).isEqualTo(Result.BUSY);
        assertThat(a.decision().reasonCode()).hasValue("CHECK_UNAVAILABLE");
        assertThat(a.decision().english()).isNotBlank();
        assertThat(requests.check(Input.PNG, png).result()).isEqualTo(Result.DECIDED);
    }

    @Test
    void withoutAClock_refusalsAreDatedTodayInVietnam() {
        CheckInRequests noClock = CheckInRequests.builder().checkIn(HospitalCheckIn.builder()
                .verifier(AssertionVerifier.builder().trustStore(TrustStore.fromJwks(KeyRing.generate()
                        .publicJwksJson())).expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel()
                        .build()).build()).build();
        java.time.LocalDate before = java.time.LocalDate.now(HospitalCheckIn.VIETNAM);
        java.time.LocalDate on = noClock.tooLarge(Input.TEXT).decision().checkedOn();
        assertThat(on).isBetween(before, java.time.LocalDate.now(HospitalCheckIn.VIETNAM));
        assertThat(noClock.parallelImages()).isEqualTo(CheckInRequests.DEFAULT_PARALLEL_IMAGES);
    }

    @Test
    void builder_eachOptionOnce_boundsIncluded() {
        CheckInRequests.builder().parallelImages(1);
        CheckInRequests.builder().parallelImages(16);
        assertThatThrownBy(() -> CheckInRequests.builder().parallelImages(17))
                .isInstanceOf(IllegalArgumentException.class);
        CheckInRequests.builder().imageWait(java.time.Duration.ZERO);
        CheckInRequests.builder().imageWait(java.time.Duration.ofMinutes(1));
        assertThatThrownBy(() -> CheckInRequests.builder().imageWait(java.time.Duration.ofMinutes(1).plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckInRequests.builder().imageWait(java.time.Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        CheckInRequests.Builder b = CheckInRequests.builder().checkIn(HospitalCheckIn.builder()
                .verifier(AssertionVerifier.builder().trustStore(TrustStore.fromJwks(KeyRing.generate()
                        .publicJwksJson())).expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel()
                        .build()).build())
                .clock(AssertionFixtures.clock()).zone(java.time.ZoneOffset.UTC).parallelImages(3)
                .imageWait(java.time.Duration.ofSeconds(1));
        assertThatThrownBy(() -> b.checkIn(HospitalCheckIn.builder().verifier(AssertionVerifier.builder()
                .trustStore(TrustStore.fromJwks(KeyRing.generate().publicJwksJson())).anyLevel().build()).build()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.clock(AssertionFixtures.clock())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.zone(java.time.ZoneOffset.UTC)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.parallelImages(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.imageWait(java.time.Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        assertThat(b.build().parallelImages()).isEqualTo(3);
    }
}
