package io.github.eidvn.core.internal;

import java.util.Base64;
import java.util.Objects;

/**
 * Strict unpadded base64url (RFC 7515 §2) for JOSE parts.
 *
 * <p><b>Security:</b> only the canonical encoding is accepted: no padding, no characters outside
 * {@code [A-Za-z0-9_-]}, and the unused low bits of the last character must be zero. Without that last rule two
 * different texts decode to the same bytes, so a changed character could leave a signed token valid.
 */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    /**
     * Encodes without padding.
     *
     * @param bytes the bytes
     * @return the base64url text
     */
    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(Objects.requireNonNull(bytes, "bytes"));
    }

    /**
     * Decodes canonical unpadded base64url.
     *
     * @param text the text
     * @return the bytes
     * @throws IllegalArgumentException when the text is not canonical unpadded base64url
     */
    public static byte[] decode(String text) {
        byte[] bytes = decodeIgnoringUnusedBits(text);
        if (!unusedBitsZero(text)) {
            throw new IllegalArgumentException("non-canonical base64url");
        }
        return bytes;
    }

    /**
     * Decodes unpadded base64url whose last character may carry non-zero unused bits (so two texts may give the same
     * bytes). Only for telling what a text is (e.g. "this looks like a compact JWS"); a signature check must use
     * {@link #decode}.
     *
     * @param text the text
     * @return the bytes
     * @throws IllegalArgumentException when the text is not unpadded base64url
     */
    public static byte[] decodeIgnoringUnusedBits(String text) {
        Objects.requireNonNull(text, "text");
        // the JDK's URL decoder refuses every character outside [A-Za-z0-9_-] and '=', and a length of 1 mod 4
        // without padding; so refusing '=' leaves exactly unpadded base64url (and its table lookup is fast)
        int padding = text.indexOf('=');
        if (padding >= 0) {
            throw new IllegalArgumentException("invalid base64url character at index " + padding);
        }
        try {
            return DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid base64url");
        }
    }

    /**
     * Whether {@link #decode} accepts the text: unpadded base64url in its one canonical form.
     *
     * @param text the text
     * @return true when canonical
     */
    public static boolean isCanonical(CharSequence text) {
        Objects.requireNonNull(text, "text");
        if (text.length() % 4 == 1) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (value(text.charAt(i)) < 0) {
                return false;
            }
        }
        return unusedBitsZero(text);
    }

    /**
     * Whether the unused low bits of the last character are zero (4 bits when the length is 2 mod 4, 2 bits when
     * it is 3 mod 4): for unpadded base64url text this is exactly "re-encoding the bytes gives the text back".
     */
    static boolean unusedBitsZero(CharSequence text) {
        int rest = text.length() % 4;
        if (rest < 2) {
            return true;
        }
        int mask = rest == 2 ? 0x0F : 0x03;
        return (value(text.charAt(text.length() - 1)) & mask) == 0;
    }

    /** The 6-bit value of a base64url character, or -1 for any other character. */
    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }
}
