package io.github.eidvn.core.internal;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * A P-256 public key prepared for fast ES256 verification: the point is decoded and validated once by Bouncy
 * Castle, on the optimised {@code secp256r1} curve of {@code CustomNamedCurves}. Verification then runs on the
 * native engine ({@link NativeEs256}: AWS-LC through the Amazon Corretto Crypto Provider, holding the point in a
 * prepared native key) when it works in this JVM, else on Bouncy Castle with the same {@code ECPublicKeyParameters}
 * object every time, so its precomputation for the point (its comb table) is made once and kept with the point.
 *
 * <p>Keep one instance per trusted key (e.g. in {@code TrustedKey}); building one per verification would redo the
 * preparation.
 *
 * <p>Immutable and thread-safe (a new verifier per call).
 *
 * <p><b>Security:</b> at construction the key must be a point of P-256: coordinates in [0, p-1], on the curve, not
 * the point at infinity ({@link IllegalArgumentException} otherwise). {@link #verify} refuses a signature unless
 * it is exactly 64 bytes and both r and s are in [1, n-1] (checked explicitly before any arithmetic), then either engine runs
 * standard ECDSA verification (SEC 1 §4.1.4) over SHA-256 of the given bytes: u1·G + u2·Q must not be the point at
 * infinity and its x coordinate must be r modulo n. As with the JDK provider behind Nimbus's
 * {@code ECDSAVerifier}, a high-S signature (s &gt; n/2) that is otherwise valid is accepted here: ECDSA signatures
 * are malleable, so eid's own token profiles refuse the high-S form in their verifiers ({@code core.jose.EidProfile};
 * eid's signers emit low S only), while outside tokens (RFC 7515 A.3) still verify; eid never uses a signature as an
 * identifier (replay detection uses the signed {@code iss} + {@code jti}).
 * Verification handles public data only, so it needs no constant-time arithmetic.
 */
public final class Es256PublicKey {

    private final ECPublicKeyParameters params;
    /** The same point for the native engine ({@link NativeEs256}), or null when Bouncy Castle verifies. */
    private final PublicKey nativeKey;

    private Es256PublicKey(ECPublicKeyParameters validated) {
        this.params = validated;
        this.nativeKey = NativeEs256.publicKey(validated.getQ().getAffineXCoord().toBigInteger(),
                validated.getQ().getAffineYCoord().toBigInteger());
    }

    /**
     * Prepares a JCA P-256 public key.
     *
     * @param key the key; its parameters must be P-256
     * @return the prepared key
     * @throws IllegalArgumentException when the key is not a valid P-256 point
     */
    public static Es256PublicKey of(ECPublicKey key) {
        Objects.requireNonNull(key, "key");
        if (!Es256.isP256(key.getParams())) {
            throw new IllegalArgumentException("not a P-256 key");
        }
        return of(key.getW().getAffineX(), key.getW().getAffineY());
    }

    /**
     * Prepares a P-256 public key from its affine coordinates.
     *
     * @param x the x coordinate
     * @param y the y coordinate
     * @return the prepared key
     * @throws IllegalArgumentException when (x, y) is not a point of P-256
     */
    public static Es256PublicKey of(BigInteger x, BigInteger y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        ECPoint q;
        try {
            // fromBigInteger refuses values outside [0, p-1]; validatePoint refuses points off the curve
            q = Es256.DOMAIN.getCurve().validatePoint(x, y);
            // checks again: finite, normalised, on the curve, in the prime-order group
            return new Es256PublicKey(new ECPublicKeyParameters(q, Es256.DOMAIN));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("not a valid P-256 public point");
        }
    }

    /**
     * Verifies an ES256 signature.
     *
     * @param data the signed bytes (for a JWS, the ASCII signing input {@code header.payload} exactly as given)
     * @param signature the JWS signature: R || S, 64 bytes
     * @return whether the signature is valid for {@code data} under this key; false for any malformed signature
     * @throws NullPointerException when an argument is null
     */
    public boolean verify(byte[] data, byte[] signature) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(signature, "signature");
        if (signature.length != Es256.SIGNATURE_LENGTH) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        if (!Es256.inScalarRange(r) || !Es256.inScalarRange(s)) {
            return false;
        }
        if (nativeKey != null) {
            return NativeEs256.verify(nativeKey, data, r, s);
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, params); // the same point object every time: Bouncy Castle caches its precomputation
        return verifier.verifySignature(Es256.sha256(data), r, s);
    }

    /** @return the affine x coordinate */
    public BigInteger x() {
        return params.getQ().getAffineXCoord().toBigInteger();
    }

    /** @return the affine y coordinate */
    public BigInteger y() {
        return params.getQ().getAffineYCoord().toBigInteger();
    }

    @Override
    public String toString() {
        return "Es256PublicKey";
    }
}
