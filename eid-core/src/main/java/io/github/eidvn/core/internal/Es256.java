package io.github.eidvn.core.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/**
 * Constants and helpers shared by {@link Es256PublicKey}, {@link Es256PrivateKey} and {@link NativeEs256}: NIST
 * P-256 as Bouncy Castle's optimised curve ({@code CustomNamedCurves} {@code secp256r1}), which decodes and
 * validates every public point whichever engine then verifies.
 */
public final class Es256 {

    /** Length of a JWS ES256 signature: R and S, 32 bytes each, big-endian (RFC 7518 §3.4). */
    public static final int SIGNATURE_LENGTH = 64;

    /** P-256 with the optimised curve implementation. */
    static final ECDomainParameters DOMAIN;
    /** The group order n. */
    static final BigInteger N;

    static {
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        DOMAIN = new ECDomainParameters(p256.getCurve(), p256.getG(), p256.getN(), p256.getH(), p256.getSeed());
        N = DOMAIN.getN();
    }

    private Es256() {
    }

    /** SHA-256 of the input (the JDK's implementation, intrinsified where the CPU has SHA instructions). */
    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** n / 2 (rounded down): the largest low S. */
    static final BigInteger HALF_N = N.shiftRight(1);

    /**
     * Whether a 64-byte JWS ES256 signature has a low S (s &lt;= n/2), the one of the two valid forms (s and n - s)
     * that eid's issuers emit.
     *
     * @param signature R || S
     * @return whether the signature is 64 bytes and its s is in [1, n/2]
     */
    public static boolean isLowS(byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        return s.signum() > 0 && s.compareTo(HALF_N) <= 0;
    }

    /**
     * The low-S form of a valid signature: s replaced by n - s when s &gt; n/2 (the same signature in the sense of
     * ECDSA verification, RFC 7518 R || S encoding kept).
     *
     * @param signature R || S, 64 bytes, s in [1, n-1]
     * @return the same array when s is already low, else a new array with n - s
     */
    static byte[] toLowS(byte[] signature) {
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        if (s.compareTo(HALF_N) <= 0) {
            return signature;
        }
        byte[] out = signature.clone();
        org.bouncycastle.util.BigIntegers.asUnsignedByteArray(N.subtract(s), out, 32, 32);
        return out;
    }

    /** Whether {@code v} is in [1, n-1]. */
    static boolean inScalarRange(BigInteger v) {
        return v.signum() > 0 && v.compareTo(N) < 0;
    }

    /**
     * Whether JCA EC parameters are exactly P-256 (field prime, a, b, generator, order, cofactor).
     *
     * @param params the parameters of a JCA key
     * @return whether they describe P-256
     */
    static boolean isP256(ECParameterSpec params) {
        if (params == null || !(params.getCurve().getField() instanceof ECFieldFp)) {
            return false;
        }
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        return p.equals(DOMAIN.getCurve().getField().getCharacteristic())
                && params.getCurve().getA().equals(DOMAIN.getCurve().getA().toBigInteger())
                && params.getCurve().getB().equals(DOMAIN.getCurve().getB().toBigInteger())
                && params.getGenerator().getAffineX().equals(DOMAIN.getG().getAffineXCoord().toBigInteger())
                && params.getGenerator().getAffineY().equals(DOMAIN.getG().getAffineYCoord().toBigInteger())
                && params.getOrder().equals(N)
                && params.getCofactor() == 1;
    }
}
