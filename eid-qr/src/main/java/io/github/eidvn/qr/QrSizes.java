package io.github.eidvn.qr;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * Size figures for QR texts: the smallest QR version that holds a text, and the other encodings of a compact JWS
 * that the signed digits container is compared with (benchmarks, README). Nothing here is needed to read or write
 * eID QR codes.
 */
public final class QrSizes {

    private static final String BASE45_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private QrSizes() {
    }

    /**
     * The smallest QR version (1..40) that holds {@code text} at {@code level}, using ZXing's encoder with minimal
     * segmentation (so digit runs use numeric mode even after a byte-mode prefix such as {@code shc:/}).
     *
     * @param text the QR text
     * @param level error correction level
     * @return the version, or empty when the text does not fit version 40
     * @throws NullPointerException when an argument is null
     */
    public static OptionalInt version(String text, QrErrorCorrection level) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(level, "level");
        try {
            return OptionalInt.of(encode(text, level).getVersion().getVersionNumber());
        } catch (WriterException e) {
            return OptionalInt.empty();
        }
    }

    /** Encodes with the hints this module always uses (minimal segmentation, UTF-8 with ECI for non-ASCII text). */
    static QRCode encode(String text, QrErrorCorrection level) throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.QR_COMPACT, Boolean.TRUE);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        return Encoder.encode(text, level.zxing(), hints);
    }

    /**
     * The length in bytes of the binary container that {@link SignedQrText#encode} would write for a JWS.
     *
     * @param compactJws a compact JWS as {@link SignedQrText#encode} accepts it
     * @return the container length in bytes (before the decimal writing)
     * @throws IllegalArgumentException as {@link SignedQrText#encode}
     */
    public static int containerLength(String compactJws) {
        return SignedQrText.pack(compactJws).length;
    }

    /**
     * The SMART Health Card numeric QR text of a compact JWS (single chunk): {@code shc:/} and two digits per
     * character, {@code ord(c) - 45}.
     *
     * @param compactJws a compact JWS (characters {@code -} to {@code z} only)
     * @return the {@code shc:/} text
     * @throws IllegalArgumentException when a character is outside {@code -}..{@code z}
     */
    public static String smartHealthCardNumeric(String compactJws) {
        Objects.requireNonNull(compactJws, "compactJws");
        StringBuilder sb = new StringBuilder(5 + 2 * compactJws.length()).append("shc:/");
        for (int i = 0; i < compactJws.length(); i++) {
            int v = compactJws.charAt(i) - 45;
            if (v < 0 || v > 77) {
                throw new IllegalArgumentException("character at index " + i + " cannot be SHC-encoded");
            }
            sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
        }
        return sb.toString();
    }

    /**
     * Base45 (RFC 9285) of the signed QR container of a JWS, the alphanumeric-mode alternative to the decimal text
     * (it contains space, {@code $ % * + - . / :}, which keyboard-wedge scanners and input methods may alter).
     *
     * @param compactJws a compact JWS as {@link SignedQrText#encode} accepts it
     * @return the base45 text of the container bytes
     */
    public static String base45Container(String compactJws) {
        return base45(SignedQrText.pack(compactJws));
    }

    /**
     * Base45 encoding (RFC 9285 §4).
     *
     * @param bytes the bytes
     * @return the base45 text
     */
    public static String base45(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        StringBuilder sb = new StringBuilder((bytes.length + 1) / 2 * 3);
        int i = 0;
        for (; i + 1 < bytes.length; i += 2) {
            int n = (bytes[i] & 0xFF) * 256 + (bytes[i + 1] & 0xFF);
            sb.append(BASE45_ALPHABET.charAt(n % 45)).append(BASE45_ALPHABET.charAt(n / 45 % 45))
                    .append(BASE45_ALPHABET.charAt(n / 2025));
        }
        if (i < bytes.length) {
            int n = bytes[i] & 0xFF;
            sb.append(BASE45_ALPHABET.charAt(n % 45)).append(BASE45_ALPHABET.charAt(n / 45));
        }
        return sb.toString();
    }
}
