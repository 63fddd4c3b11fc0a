package io.github.eidvn.qr;

import java.util.Base64;

/** Base64url without padding (RFC 7515 §2), strict helpers. */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** True when every character is in the base64url alphabet (no padding) and the length is possible. */
    static boolean isAlphabet(CharSequence s) {
        if (s.length() % 4 == 1) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes unpadded base64url, tolerating non-zero unused trailing bits.
     *
     * @return the bytes, or null when {@code s} is not unpadded base64url
     */
    static byte[] decodeLenient(String s) {
        if (!isAlphabet(s)) {
            return null;
        }
        try {
            return DECODER.decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Decodes unpadded base64url that is in canonical form (re-encoding gives back exactly {@code s}).
     *
     * @return the bytes, or null when {@code s} is not canonical unpadded base64url
     */
    static byte[] decodeCanonical(String s) {
        byte[] bytes = decodeLenient(s);
        if (bytes == null || !unusedBitsZero(s)) {
            return null;
        }
        return bytes;
    }

    /**
     * Whether the unused low bits of the last character are zero (4 bits when the length is 2 mod 4, 2 bits when
     * it is 3 mod 4): for unpadded base64url text this is exactly "re-encoding the bytes gives the text back".
     */
    static boolean unusedBitsZero(String s) {
        int rest = s.length() % 4;
        if (rest < 2) {
            return true;
        }
        char c = s.charAt(s.length() - 1);
        int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26
                : c >= '0' && c <= '9' ? c - '0' + 52 : c == '-' ? 62 : 63;
        return (v & (rest == 2 ? 0x0F : 0x03)) == 0;
    }
}
