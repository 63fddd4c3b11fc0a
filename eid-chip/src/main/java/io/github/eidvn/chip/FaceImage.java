package io.github.eidvn.chip;

import java.util.Objects;

/**
 * The holder's portrait from DG2 (ISO/IEC 19794-5 facial record inside the biometric information template), for a
 * {@link io.github.eidvn.core.assurance.BiometricMatcher} that compares a live face with it.
 *
 * <p><b>Security.</b> Biometric data: {@link #toString()} shows the format and size only; {@link #bytes()} returns a
 * copy.
 */
public final class FaceImage {

    /** The image encodings Doc 9303 allows for the portrait. */
    public enum Format {
        /** JPEG (ISO/IEC 10918), starts {@code FF D8 FF}. */
        JPEG("image/jpeg"),
        /** JPEG 2000, as a JP2 file or a bare code stream. */
        JPEG_2000("image/jp2");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        /** @return the media type */
        public String mediaType() {
            return mediaType;
        }
    }

    private final byte[] bytes;
    private final Format format;

    FaceImage(byte[] bytes, Format format) {
        this.bytes = bytes.clone();
        this.format = Objects.requireNonNull(format, "format");
    }

    /** @return a copy of the encoded image */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the encoding */
    public Format format() {
        return format;
    }

    /** @return the size in bytes */
    public int size() {
        return bytes.length;
    }

    /** @return format and size only */
    @Override
    public String toString() {
        return "FaceImage[" + format + ", " + bytes.length + " bytes]";
    }
}
