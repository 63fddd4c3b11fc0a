package io.github.eidvn.account.device;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECFieldFp;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.account.internal.Secrets;

/**
 * A device's public key: EC P-256 (secp256r1), as registered by the app (Android Keystore / iOS Secure Enclave key
 * created behind the fingerprint, face or passcode prompt).
 *
 * <p><b>Security.</b> Only P-256 keys whose point lies on the curve are accepted (no invalid-curve points, no other
 * curves). Signatures are ECDSA with SHA-256, DER-encoded (what the platforms produce) or raw {@code r||s} (64 bytes).
 */
public final class DevicePublicKey {

    private static final BigInteger P = new BigInteger(
            "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", 16);
    private static final BigInteger A = P.subtract(BigInteger.valueOf(3));
    private static final BigInteger B = new BigInteger(
            "5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B", 16);
    private static final BigInteger N = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final BigInteger GX = new BigInteger(
            "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296", 16);
    private static final BigInteger GY = new BigInteger(
            "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5", 16);
    private static final int MAX_SPKI = 256;

    private final ECPublicKey key;
    private final byte[] spki;

    private DevicePublicKey(ECPublicKey key) {
        this.key = key;
        this.spki = key.getEncoded();
    }

    /**
     * Parses an X.509 SubjectPublicKeyInfo (DER), as sent by the app.
     *
     * @param der the encoded key, may be null or garbage
     * @return the key, or empty when it is not a valid P-256 public key
     */
    public static Optional<DevicePublicKey> parse(byte[] der) {
        if (der == null || der.length == 0 || der.length > MAX_SPKI) {
            return Optional.empty();
        }
        try {
            PublicKey k = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (k instanceof ECPublicKey ec && isP256(ec)) {
                return Optional.of(new DevicePublicKey(ec));
            }
            return Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Wraps a JCA key.
     *
     * @param key a P-256 public key
     * @return the device key
     * @throws IllegalArgumentException when it is not a valid P-256 key
     */
    public static DevicePublicKey of(ECPublicKey key) {
        Objects.requireNonNull(key, "key");
        if (!isP256(key)) {
            throw new IllegalArgumentException("not a valid P-256 public key");
        }
        return new DevicePublicKey(key);
    }

    /** @return the X.509 SubjectPublicKeyInfo encoding (a copy) */
    public byte[] encoded() {
        return spki.clone();
    }

    /** @return a short stable id: Base64url of the SHA-256 of the encoding */
    public String thumbprint() {
        return Secrets.b64url(Secrets.sha256(spki));
    }

    /**
     * Verifies an ECDSA P-256 SHA-256 signature.
     *
     * @param message the signed bytes
     * @param signature DER or raw 64-byte {@code r||s}; may be null or garbage
     * @return true only for a valid signature
     */
    public boolean verify(byte[] message, byte[] signature) {
        Objects.requireNonNull(message, "message");
        if (signature == null || signature.length < 8 || signature.length > 80) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(signature.length == 64 ? "SHA256withECDSAinP1363Format"
                    : "SHA256withECDSA");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isP256(ECPublicKey k) {
        ECParameterSpec p = k.getParams();
        if (!(p.getCurve().getField() instanceof ECFieldFp f) || !f.getP().equals(P)
                || !p.getCurve().getA().equals(A) || !p.getCurve().getB().equals(B) || !p.getOrder().equals(N)
                || p.getCofactor() != 1 || !p.getGenerator().getAffineX().equals(GX)
                || !p.getGenerator().getAffineY().equals(GY)) {
            return false;
        }
        ECPoint w = k.getW();
        if (w.equals(ECPoint.POINT_INFINITY)) {
            return false;
        }
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        if (x.signum() < 0 || x.compareTo(P) >= 0 || y.signum() < 0 || y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger lhs = y.multiply(y).mod(P);
        BigInteger rhs = x.pow(3).add(A.multiply(x)).add(B).mod(P);
        return lhs.equals(rhs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DevicePublicKey d && Arrays.equals(d.spki, spki);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(spki);
    }

    @Override
    public String toString() {
        return "DevicePublicKey[P-256 " + thumbprint() + "]";
    }
}
