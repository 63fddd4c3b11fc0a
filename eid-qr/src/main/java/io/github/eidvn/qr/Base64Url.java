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
        if (bytes == null || !encode(bytes).equals(s)) {
            return null;
        }
        return bytes;
    }
}
