package io.github.eidvn.verifier.hospital;

import java.util.Optional;

/**
 * The dimensions and sample layout of a PNG or JPEG, read from its header without decoding, to bound the raster an
 * image would decode to.
 */
record ImageHeader(long width, long height, int bitsPerPixel) {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** @return the raster size in bytes the image decodes to, at least one byte per pixel */
    long rasterBytes() {
        return width * height * Math.max(1, (bitsPerPixel + 7) / 8);
    }

    static boolean isPng(byte[] b) {
        if (b.length < PNG_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < PNG_MAGIC.length; i++) {
            if (b[i] != PNG_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isJpeg(byte[] b) {
        return b.length >= 3 && b[0] == (byte) 0xFF && b[1] == (byte) 0xD8 && b[2] == (byte) 0xFF;
    }

    /** The IHDR chunk (always first): width, height, bit depth, colour type. Empty when it is not there. */
    static Optional<ImageHeader> png(byte[] b) {
        if (!isPng(b) || b.length < 33 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            return Optional.empty();
        }
        long w = u32(b, 16);
        long h = u32(b, 20);
        int depth = b[24] & 0xFF;
        int channels;
        switch (b[25] & 0xFF) {
            case 0: // grey
                channels = 1;
                break;
            case 3: // palette: one index of at most 8 bits per pixel
                channels = 1;
                depth = 8;
                break;
            case 2:
                channels = 3;
                break;
            case 4:
                channels = 2;
                break;
            case 6:
                channels = 4;
                break;
            default:
                return Optional.empty();
        }
        return Optional.of(new ImageHeader(w, h, channels * Math.max(8, depth)));
    }

    /** The first start-of-frame marker: precision, height, width, components. Empty when none is found. */
    static Optional<ImageHeader> jpeg(byte[] b) {
        if (!isJpeg(b)) {
            return Optional.empty();
        }
        int i = 2;
        while (i + 9 < b.length) {
            if (b[i] != (byte) 0xFF) {
                return Optional.empty();
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                i += 2;
                continue;
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                int precision = b[i + 4] & 0xFF;
                long h = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                long w = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
                int components = b[i + 9] & 0xFF;
                // decoders expand to at least three 8-bit channels (or four for CMYK)
                return Optional.of(new ImageHeader(w, h, Math.max(3, components) * Math.max(8, precision)));
            }
            if (length < 2) {
                return Optional.empty();
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }
}
