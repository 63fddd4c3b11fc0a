package io.github.eidvn.account.otp;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * A HOTP/TOTP shared secret (at least 128 bits, RFC 4226 R6).
 *
 * <p><b>Security.</b> {@link #toString()} never shows the secret; only {@link #bytes()} and {@link #toBase32()}
 * reveal it, for provisioning and encrypted storage.
 */
public final class OtpSecret {

    /** Minimum length in bytes. */
    public static final int MIN_BYTES = 16;
    /** Maximum length in bytes. */
    public static final int MAX_BYTES = 128;

    private final byte[] secret;

    private OtpSecret(byte[] secret) {
        this.secret = secret;
    }

    /**
     * A fresh random secret.
     *
     * @param random the source
     * @param lengthBytes 16..128 (20 for SHA-1, 32 for SHA-256, 64 for SHA-512 are usual)
     * @return the secret
     */
    public static OtpSecret random(SecureRandom random, int lengthBytes) {
        Objects.requireNonNull(random, "random");
        checkLength(lengthBytes);
        byte[] b = new byte[lengthBytes];
        random.nextBytes(b);
        return new OtpSecret(b);
    }

    /**
     * A secret from raw bytes.
     *
     * @param bytes 16..128 bytes (copied)
     * @return the secret
     * @throws IllegalArgumentException for another length
     */
    public static OtpSecret ofBytes(byte[] bytes) {
        checkLength(bytes.length);
        return new OtpSecret(bytes.clone());
    }

    /**
     * A secret from Base32 (case-insensitive, optional padding and spaces), as typed from an authenticator set-up.
     *
     * @param base32 the text
     * @return the secret, or empty when not Base32 or of a bad length
     */
    public static Optional<OtpSecret> fromBase32(String base32) {
        if (base32 == null || base32.length() > 2 * MAX_BYTES * 8 / 5) {
            return Optional.empty();
        }
        return Base32.decode(base32).filter(b -> b.length >= MIN_BYTES && b.length <= MAX_BYTES)
                .map(OtpSecret::new);
    }

    /** @return a copy of the secret bytes */
    public byte[] bytes() {
        return secret.clone();
    }

    /** @return the secret in Base32 without padding (for {@code otpauth://} URIs) */
    public String toBase32() {
        return Base32.encode(secret);
    }

    /** @return the length in bytes */
    public int length() {
        return secret.length;
    }

    byte[] raw() {
        return secret;
    }

    private static void checkLength(int n) {
        if (n < MIN_BYTES || n > MAX_BYTES) {
            throw new IllegalArgumentException("OTP secret must be " + MIN_BYTES + ".." + MAX_BYTES + " bytes");
        }
    }

    @Override
    public String toString() {
        return "OtpSecret[" + secret.length + " bytes, redacted]";
    }
}
