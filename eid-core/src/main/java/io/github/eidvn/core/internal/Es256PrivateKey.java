package io.github.eidvn.core.internal;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.Objects;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * A P-256 private key prepared for ES256 signing, once per key, by one of two engines (see {@link NativeEs256}):
 * the native one (AWS-LC through the Amazon Corretto Crypto Provider) when it works in this JVM, else Bouncy
 * Castle's lightweight API: {@code ECDSASigner} with {@code HMacDSAKCalculator} (deterministic RFC 6979 nonces) on
 * the optimised {@code secp256r1} curve of {@code CustomNamedCurves}, whose k·G uses a shared precomputed comb.
 *
 * <p>Either way the result is an ordinary ECDSA signature, R || S, normalised to low S (s &lt;= n/2): any ES256
 * verifier accepts it. With Bouncy
 * Castle the same bytes signed twice give the same signature; the native engine uses hedged random nonces.
 *
 * <p>Immutable and thread-safe (a new signer per call; the key objects are immutable).
 *
 * <p><b>Security (side channels):</b> both engines sign in constant time (AWS-LC's P-256 code; Bouncy Castle's
 * fixed-point comb reads its table in constant time and inverts k in constant time); no elliptic-curve arithmetic
 * is written in this project. The private scalar never appears in {@link #toString()} or in exception messages.
 */
public final class Es256PrivateKey {

    private final ECPrivateKeyParameters params;
    /** The same scalar for the native engine ({@link NativeEs256}), or null when Bouncy Castle signs. */
    private final PrivateKey nativeKey;
    /** Whether {@link #nativeKey} is held by another provider ({@link #ofProviderKey}), e.g. an HSM. */
    private final boolean providerKey;
    /** The provider that holds a {@link #providerKey} key, or null to let JCA pick it. */
    private final Provider provider;

    private Es256PrivateKey(BigInteger d) {
        this.params = new ECPrivateKeyParameters(d, Es256.DOMAIN);
        this.nativeKey = NativeEs256.privateKey(d);
        this.providerKey = false;
        this.provider = null;
    }

    private Es256PrivateKey(PrivateKey key, Provider provider) {
        this.params = null;
        this.nativeKey = key;
        this.providerKey = true;
        this.provider = provider;
    }

    /**
     * A P-256 private key that stays inside its JCA provider (a PKCS#11 token through SunPKCS11, a key store entry):
     * every signature is made by that provider, and its DER result goes through the same conversion to R || S as
     * the native engine's.
     *
     * @param key the private key (its algorithm must be EC; the caller checks it is P-256 and matches its public key)
     * @param provider the provider that holds the key, or null to let JCA pick the first provider that accepts it
     * @return the key
     */
    public static Es256PrivateKey ofProviderKey(PrivateKey key, Provider provider) {
        Objects.requireNonNull(key, "key");
        if (!"EC".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("not an EC private key: " + key.getAlgorithm());
        }
        return new Es256PrivateKey(key, provider);
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
     * @return the JWS ES256 signature: R || S, 64 bytes, always in low-S form (s &lt;= n/2) on both engines, so
     *     one signed input has one signature text per nonce and eid's verifiers can refuse the high-S twin
     */
    public byte[] sign(byte[] data) {
        Objects.requireNonNull(data, "data");
        if (nativeKey != null) {
            return Es256.toLowS(providerKey ? NativeEs256.signWith(nativeKey, provider, data)
                    : NativeEs256.sign(nativeKey, data));
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, params);
        BigInteger[] rs = signer.generateSignature(Es256.sha256(data));
        byte[] out = new byte[Es256.SIGNATURE_LENGTH];
        BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
        BigIntegers.asUnsignedByteArray(rs[1], out, 32, 32);
        return Es256.toLowS(out);
    }

    /** @return a constant text; never the key */
    @Override
    public String toString() {
        return "Es256PrivateKey";
    }
}
