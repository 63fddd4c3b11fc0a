package io.github.eidvn.core.internal;

import java.math.BigInteger;
import java.util.Objects;

import org.bouncycastle.util.BigIntegers;

/**
 * A P-256 private key prepared for fast ES256 signing: ECDSA exactly as Bouncy Castle's {@code ECDSASigner} with
 * {@code HMacDSAKCalculator} computes it (the same bytes for the same key and message), with the nonce from
 * {@link Rfc6979} on the JDK's HMAC and k·G by {@link P256.FixedBase} instead of Bouncy Castle's comb.
 *
 * <p>Signatures are deterministic (RFC 6979: k from HMAC-SHA-256 over the key and the message hash), so signing
 * needs no random source and the same bytes signed twice give the same signature. They are ordinary ECDSA
 * signatures: any ES256 verifier accepts them.
 *
 * <p>Immutable and thread-safe (a new Bouncy Castle signer per call).
 *
 * <p><b>Security (side channels):</b> k comes from RFC 6979 ({@link Rfc6979}, the JDK's HMAC-SHA-256); k·G is
 * computed by {@link P256.FixedBase}: 64 fixed windows, each a look-up that reads every table entry through masks
 * and an always-computed mixed addition chosen by masks, so no branch and no memory address depends on k (the
 * field arithmetic is Bouncy Castle's P-256 arithmetic, as in Bouncy Castle's own constant-time comb, whose
 * correction steps branch on carries). k<sup>-1</sup> mod n uses Bouncy Castle's constant-time inversion. The last
 * step, s = k<sup>-1</sup>(e + d·r) mod n, uses {@link BigInteger}, as Bouncy Castle's {@code ECDSASigner} does;
 * its running time can depend on the operands' lengths in 32-bit words, i.e. only on whether a value has 32 or
 * more leading zero bits (probability about 2<sup>-32</sup>). The private scalar never appears in
 * {@link #toString()} or in exception messages.
 */
public final class Es256PrivateKey {

    private final BigInteger d;

    private Es256PrivateKey(BigInteger d) {
        this.d = d;
    }

    /**
     * Prepares a private scalar.
     *
     * @param d the private scalar
     * @return the prepared key
     * @throws IllegalArgumentException when d is not in [1, n-1] (the message does not repeat it)
     */
    public static Es256PrivateKey of(BigInteger d) {
        Objects.requireNonNull(d, "d");
        if (!Es256.inScalarRange(d)) {
            throw new IllegalArgumentException("not a valid P-256 private scalar");
        }
        return new Es256PrivateKey(d);
    }

    /**
     * Signs with ECDSA P-256 over SHA-256 of {@code data}.
     *
     * @param data the bytes to sign (for a JWS, the ASCII signing input)
     * @return the JWS ES256 signature: R || S, 64 bytes
     */
    public byte[] sign(byte[] data) {
        Objects.requireNonNull(data, "data");
        byte[] hash = Es256.sha256(data);
        BigInteger n = Es256.N;
        BigInteger e = new BigInteger(1, hash); // SHA-256 and n both have 256 bits: e is the whole hash
        Rfc6979 kCalculator = new Rfc6979(d, hash);
        BigInteger r;
        BigInteger s;
        do { // SEC 1, 4.1.3, as Bouncy Castle's ECDSASigner.generateSignature
            BigInteger k;
            do {
                k = kCalculator.next();
                r = P256.FixedBase.multiplyX(k).mod(n);
            } while (r.signum() == 0);
            s = BigIntegers.modOddInverse(n, k).multiply(e.add(d.multiply(r))).mod(n);
        } while (s.signum() == 0);
        byte[] out = new byte[Es256.SIGNATURE_LENGTH];
        BigIntegers.asUnsignedByteArray(r, out, 0, 32);
        BigIntegers.asUnsignedByteArray(s, out, 32, 32);
        return out;
    }

    /** @return a constant text; never the key */
    @Override
    public String toString() {
        return "Es256PrivateKey";
    }
}
