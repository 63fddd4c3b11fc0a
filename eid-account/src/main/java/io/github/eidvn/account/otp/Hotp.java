package io.github.eidvn.account.otp;

import java.security.GeneralSecurityException;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HOTP (RFC 4226) parameters and code generation: HMAC over the 8-byte big-endian counter, dynamic truncation,
 * 6–8 decimal digits.
 */
public final class Hotp {

    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final OtpAlgorithm algorithm;
    private final int digits;

    private Hotp(OtpAlgorithm algorithm, int digits) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6..8");
        }
        this.digits = digits;
    }

    /**
     * HOTP parameters.
     *
     * @param algorithm the HMAC
     * @param digits 6..8
     * @return the parameters
     */
    public static Hotp of(OtpAlgorithm algorithm, int digits) {
        return new Hotp(algorithm, digits);
    }

    /** @return SHA-1, 6 digits (RFC 4226) */
    public static Hotp defaults() {
        return new Hotp(OtpAlgorithm.SHA1, 6);
    }

    /**
     * The code for a counter.
     *
     * @param secret the shared secret
     * @param counter the moving factor (treated as unsigned 64-bit)
     * @return the code, leading zeros kept
     */
    public String generate(OtpSecret secret, long counter) {
        return code(secret.raw(), counter, digits, algorithm);
    }

    /**
     * The code for a counter from raw key bytes of any length (for conformance vectors and the CLI).
     *
     * @param key the HMAC key
     * @param counter the moving factor
     * @return the code
     */
    public String generate(byte[] key, long counter) {
        return code(key.clone(), counter, digits, algorithm);
    }

    /** @return the HMAC */
    public OtpAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the number of digits */
    public int digits() {
        return digits;
    }

    /**
     * The RFC 4226 computation on raw key bytes (any length: the RFC 6238 test vectors use 20-, 32- and 64-byte keys).
     *
     * @param key the HMAC key
     * @param counter the moving factor
     * @param digits 6..8
     * @param algorithm the HMAC
     * @return the code
     */
    static String code(byte[] key, long counter, int digits, OtpAlgorithm algorithm) {
        byte[] msg = new byte[8];
        for (int i = 7; i >= 0; i--) {
            msg[i] = (byte) counter;
            counter >>>= 8;
        }
        byte[] h;
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(key, algorithm.jcaName()));
            h = mac.doFinal(msg);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.jcaName() + " unavailable", e);
        }
        int offset = h[h.length - 1] & 0x0F;
        int bin = ((h[offset] & 0x7F) << 24) | ((h[offset + 1] & 0xFF) << 16) | ((h[offset + 2] & 0xFF) << 8)
                | (h[offset + 3] & 0xFF);
        int otp = bin % POW10[digits];
        StringBuilder sb = new StringBuilder(digits);
        String s = Integer.toString(otp);
        for (int i = s.length(); i < digits; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hotp h && h.algorithm == algorithm && h.digits == digits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, digits);
    }

    @Override
    public String toString() {
        return "Hotp[" + algorithm + ", " + digits + " digits]";
    }
}
