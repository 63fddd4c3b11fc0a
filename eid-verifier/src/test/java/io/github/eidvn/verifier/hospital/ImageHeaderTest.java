package io.github.eidvn.verifier.hospital;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Reading the raster size from a PNG's IHDR or a JPEG's start-of-frame marker, as ISO/IEC 15948 (PNG) and ITU-T T.81
 * (JPEG, B.1.1) lay them out: the decode budget of {@link CheckInRequests} relies on it.
 */
class ImageHeaderTest {

    /** SOI, then the given bytes. */
    private static byte[] jpeg(int... rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        for (int b : rest) {
            out.write(b);
        }
        return out.toByteArray();
    }

    /** A baseline SOF0 segment: precision 8, 16 rows, 32 columns, three components (the payload's first bytes). */
    private static final int[] SOF0 = {0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03};

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    @Test
    void png_magicAloneIsAPng_shorterOrOtherBytesAreNot() {
        byte[] magic = Arrays.copyOf(CheckInRequestsTest.pngHeader(1, 1, 8, 0), 8);
        assertThat(ImageHeader.isPng(magic)).isTrue();
        assertThat(ImageHeader.isPng(Arrays.copyOf(magic, 7))).isFalse();
        byte[] other = magic.clone();
        other[7] = 0;
        assertThat(ImageHeader.isPng(other)).isFalse();
        assertThat(ImageHeader.isJpeg(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isTrue();
        assertThat(ImageHeader.isJpeg(new byte[] {(byte) 0xFF, (byte) 0xD8})).isFalse();
    }

    @Test
    void png_headerOf33Bytes_read_shorterOrAnotherFirstChunk_empty() {
        byte[] full = CheckInRequestsTest.pngHeader(7, 9, 8, 6);
        assertThat(ImageHeader.png(Arrays.copyOf(full, 33))).hasValue(new ImageHeader(7, 9, 32));
        assertThat(ImageHeader.png(Arrays.copyOf(full, 32))).isEmpty();
        for (int at = 12; at < 16; at++) {
            byte[] renamed = full.clone();
            renamed[at] = 'X';
            assertThat(ImageHeader.png(renamed)).as("chunk type byte %d", at).isEmpty();
        }
    }

    @Test
    void png_everyColourType_channelsTimesDepth_atLeastEightBitsEach() {
        assertThat(ImageHeader.png(CheckInRequestsTest.pngHeader(2, 3, 1, 0))).hasValue(new ImageHeader(2, 3, 8));
        assertThat(ImageHeader.png(CheckInRequestsTest.pngHeader(2, 3, 16, 0))).hasValue(new ImageHeader(2, 3, 16));
        assertThat(ImageHeader.png(CheckInRequestsTest.pngHeader(2, 3, 16, 2))).hasValue(new ImageHeader(2, 3, 48));
        assertThat(ImageHeader.png(CheckInRequestsTest.pngHeader(2, 3, 8, 3))).hasValue(new ImageHeader(2, 3, 8));
        assertThat(ImageHeader.png(CheckInRequestsTest.pngHeader(2, 3, 8, 4))).hasValue(new ImageHeader(2, 3, 16));
        assertThat(ImageHeader.png(CheckInRequestsTest.pngHeader(2, 3, 16, 6))).hasValue(new ImageHeader(2, 3, 64));
        assertThat(ImageHeader.png(CheckInRequestsTest.pngHeader(2, 3, 8, 5))).isEmpty();
        assertThat(ImageHeader.png(CheckInRequestsTest.pngHeader(2, 3, 8, 1))).isEmpty();
    }

    @Test
    void png_dimensionsAreUnsigned32BitBigEndian() {
        assertThat(ImageHeader.png(CheckInRequestsTest.pngHeader(0x01020304, 0x7A0B0C0D, 8, 0)))
                .hasValue(new ImageHeader(0x01020304L, 0x7A0B0C0DL, 8));
        assertThat(ImageHeader.png(CheckInRequestsTest.pngHeader(0x80000001, 0xFFFFFFFF, 8, 0)))
                .hasValue(new ImageHeader(0x80000001L, 0xFFFFFFFFL, 8));
    }

    @Test
    void jpeg_firstStartOfFrame_precisionHeightWidthComponents() {
        assertThat(ImageHeader.jpeg(jpeg(SOF0))).hasValue(new ImageHeader(32, 16, 24));
        int[] twelveBitGrey = {0xFF, 0xC1, 0x00, 0x0B, 0x0C, 0x01, 0x02, 0x03, 0x04, 0x01};
        assertThat(ImageHeader.jpeg(jpeg(twelveBitGrey))).hasValue(new ImageHeader(0x0304, 0x0102, 36));
        int[] cmyk = {0xFF, 0xC2, 0x00, 0x14, 0x08, 0x00, 0x10, 0x00, 0x20, 0x04};
        assertThat(ImageHeader.jpeg(jpeg(cmyk))).hasValue(new ImageHeader(32, 16, 32));
    }

    @Test
    void jpeg_frameMarkersC0ToCF_butNotC4C8Cc() {
        for (int m : new int[] {0xC0, 0xC3, 0xC5, 0xCB, 0xCD, 0xCF}) {
            int[] sof = SOF0.clone();
            sof[1] = m;
            assertThat(ImageHeader.jpeg(jpeg(sof))).as("marker %x", m).hasValue(new ImageHeader(32, 16, 24));
        }
        for (int m : new int[] {0xC4, 0xC8, 0xCC, 0xBF, 0xD9, 0xE0}) {
            // a segment of that marker with a frame-like payload, then the real frame: the second one counts
            int[] notFrame = {0xFF, m, 0x00, 0x08, 0x10, 0x7F, 0x7F, 0x7F, 0x7F, 0x09};
            assertThat(ImageHeader.jpeg(jpeg(concat(notFrame, SOF0)))).as("marker %x", m)
                    .hasValue(new ImageHeader(32, 16, 24));
        }
    }

    @Test
    void jpeg_standaloneMarkersAndFillBytes_skipped() {
        for (int m : new int[] {0xD8, 0xD0, 0xD3, 0xD7, 0x01}) {
            assertThat(ImageHeader.jpeg(jpeg(concat(new int[] {0xFF, m}, SOF0)))).as("marker %x", m)
                    .hasValue(new ImageHeader(32, 16, 24));
        }
        assertThat(ImageHeader.jpeg(jpeg(concat(new int[] {0xFF, 0xFF, 0xFF}, SOF0))))
                .hasValue(new ImageHeader(32, 16, 24));
    }

    @Test
    void jpeg_segmentsSkippedByTheirTwoByteLength() {
        int[] app = new int[2 + 0x0104];
        app[0] = 0xFF;
        app[1] = 0xE1;
        app[2] = 0x01;
        app[3] = 0x04;
        Arrays.fill(app, 4, app.length, 0xFF); // a payload that looks like fill bytes must not be read as markers
        app[app.length - 1] = 0x00;
        assertThat(ImageHeader.jpeg(jpeg(concat(app, SOF0)))).hasValue(new ImageHeader(32, 16, 24));
        int[] empty = {0xFF, 0xE0, 0x00, 0x02};
        assertThat(ImageHeader.jpeg(jpeg(concat(empty, SOF0)))).hasValue(new ImageHeader(32, 16, 24));
        int[] tooShort = {0xFF, 0xE0, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
        assertThat(ImageHeader.jpeg(jpeg(concat(tooShort, SOF0)))).isEmpty();
    }

    @Test
    void jpeg_notAMarkerWhereOneIsDue_orNotAJpeg_orCutShort_empty() {
        int[] app0 = {0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00};
        assertThat(ImageHeader.jpeg(jpeg(concat(app0, new int[] {0x00}, SOF0)))).isEmpty();
        byte[] noSoi = jpeg(SOF0);
        noSoi[0] = 0x00;
        assertThat(ImageHeader.jpeg(noSoi)).isEmpty();
        byte[] whole = jpeg(SOF0);
        assertThat(ImageHeader.jpeg(whole)).isPresent();
        assertThat(ImageHeader.jpeg(Arrays.copyOf(whole, whole.length - 1))).isEmpty();
        assertThat(ImageHeader.jpeg(jpeg(0xFF, 0xD9))).isEqualTo(Optional.empty());
    }
}
