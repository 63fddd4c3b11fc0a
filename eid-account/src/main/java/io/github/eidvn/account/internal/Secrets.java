package io.github.eidvn.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Random codes, tokens and (keyed) hashes used by the account services. */
public final class Secrets {

    /** Minimum server key length for keyed code hashes, in bytes. */
    public static final int MIN_SERVER_KEY_BYTES = 32;

    /** The prototype {@link #sha256} clones (never updated itself), or null when SHA-256 cannot be looked up. */
    private static final MessageDigest SHA256 = prototype();

    /** Base64url without padding (an encoder is immutable and thread-safe: made once, not per call). */
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    private static MessageDigest prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /**
     * A uniformly random decimal code (rejection-free: {@link SecureRandom#nextInt(int)} is unbiased).
     *
     * @param random the source
     * @param digits number of digits, 1..9
     * @return the code with leading zeros kept
     */
    public static String randomDigits(SecureRandom random, int digits) {
        int bound = 1;
        for (int i = 0; i < digits; i++) {
            bound *= 10;
        }
        return String.format("%0" + digits + "d", random.nextInt(bound));
    }

    /**
     * Random bytes.
     *
     * @param random the source
     * @param n how many
     * @return the bytes
     */
    public static byte[] randomBytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /**
     * Base64url without padding.
     *
     * @param b bytes
     * @return the text
     */
    public static String b64url(byte[] b) {
        return B64URL.encodeToString(b);
    }

    /**
     * SHA-256.
     *
     * @param b input
     * @return the digest
     */
    public static byte[] sha256(byte[] b) {
        return sha256Digest().digest(b);
    }

    /** A fresh SHA-256 digest: a clone of a prototype when the provider allows it (no provider look-up per call). */
    private static MessageDigest sha256Digest() {
        if (SHA256 != null) {
            try {
                return (MessageDigest) SHA256.clone();
            } catch (CloneNotSupportedException e) {
                // fall through to a look-up
            }
        }
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Base64url of the SHA-256 of a UTF-8 string: a fixed-length key component that reveals nothing of the input.
     *
     * @param s the input
     * @return 43 characters
     */
    public static String hashId(String s) {
        return b64url(sha256(s.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * HMAC-SHA256 over length-prefixed parts (so part boundaries cannot be shifted).
     *
     * @param key the server key
     * @param parts the parts, UTF-8
     * @return the 32-byte tag
     */
    public static byte[] hmac(byte[] key, String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (String p : parts) {
                byte[] b = p.getBytes(StandardCharsets.UTF_8);
                mac.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8),
                    (byte) b.length});
                mac.update(b);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Checks and copies a server key.
     *
     * @param key the key
     * @return a copy
     * @throws IllegalArgumentException when shorter than {@link #MIN_SERVER_KEY_BYTES}
     */
    public static byte[] serverKey(byte[] key) {
        if (key.length < MIN_SERVER_KEY_BYTES) {
            throw new IllegalArgumentException("server key must have at least " + MIN_SERVER_KEY_BYTES + " bytes");
        }
        return key.clone();
    }

    /**
     * Constant-time equality.
     *
     * @param a first
     * @param b second
     * @return true when equal
     */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
