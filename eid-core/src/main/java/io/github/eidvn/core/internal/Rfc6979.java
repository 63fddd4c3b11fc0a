package io.github.eidvn.core.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.util.BigIntegers;

/**
 * RFC 6979 §3.2 deterministic nonces for ECDSA on P-256 with HMAC-SHA-256, on the JDK's HMAC (SHA-256 in
 * hardware where the CPU has it): the same k values as Bouncy Castle's {@code HMacDSAKCalculator} with
 * {@code SHA256Digest}. One instance per signature; not thread-safe.
 *
 * <p><b>Security:</b> the private scalar and the HMAC key K are secrets; the private scalar's bytes are cleared
 * after use, and nothing here is logged or printed.
 */
final class Rfc6979 {

    private static final String HMAC = "HmacSHA256";
    private static final byte[] ZERO = {0};
    private static final byte[] ONE = {1};

    private final Mac mac;
    private byte[] k = new byte[32];
    private byte[] v = new byte[32];

    /**
     * Step 3.2 a-g: the initial K and V for a private scalar and a message hash.
     *
     * @param d the private scalar in [1, n-1]
     * @param hash the 32-byte SHA-256 hash of the message
     */
    Rfc6979(BigInteger d, byte[] hash) {
        try {
            mac = Mac.getInstance(HMAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
        byte[] x = BigIntegers.asUnsignedByteArray(32, d);
        // bits2octets(h1): bits2int (no shift: 256 bits), then mod n by one subtraction
        BigInteger m = new BigInteger(1, hash);
        if (m.compareTo(Es256.N) >= 0) {
            m = m.subtract(Es256.N);
        }
        byte[] h = BigIntegers.asUnsignedByteArray(32, m);
        Arrays.fill(v, (byte) 1);
        k = hmac(k, v, ZERO, x, h);
        v = hmac(k, v);
        k = hmac(k, v, ONE, x, h);
        v = hmac(k, v);
        Arrays.fill(x, (byte) 0);
    }

    /**
     * Step 3.2 h: the next candidate k in [1, n-1] (for P-256 and SHA-256 one HMAC per candidate).
     *
     * @return k
     */
    BigInteger next() {
        while (true) {
            v = hmac(k, v);
            BigInteger candidate = new BigInteger(1, v);
            if (candidate.signum() > 0 && candidate.compareTo(Es256.N) < 0) {
                return candidate;
            }
            k = hmac(k, v, ZERO);
            v = hmac(k, v);
        }
    }

    private byte[] hmac(byte[] key, byte[]... parts) {
        try {
            mac.init(new SecretKeySpec(key, HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 key refused", e);
        }
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }
}
