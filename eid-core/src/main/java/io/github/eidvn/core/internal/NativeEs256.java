package io.github.eidvn.core.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional native ES256 engine: the Amazon Corretto Crypto Provider (ACCP, AWS-LC's P-256 code behind JCA)
 * when it is on the class path, loads its native library on this platform and passes a cross-check against Bouncy
 * Castle; otherwise absent, and {@link Es256PublicKey} and {@link Es256PrivateKey} use Bouncy Castle alone.
 *
 * <p>The engine is chosen once per JVM. System property {@value #PROPERTY} set to {@code bouncycastle} keeps the
 * pure-Java engine even when ACCP is present; {@code native} makes the absence of a working ACCP an error at first
 * use instead of a silent fallback; anything else (or unset) means "native when it works".
 *
 * <p><b>Security:</b> whichever engine runs, eid checks the things a verifier owes itself before the engine sees
 * the signature: public points are decoded and validated by Bouncy Castle (on the curve, in the group, coordinates
 * below p), and r and s must lie in [1, n-1]. The native engine then gets a strict DER encoding made here. AWS-LC
 * signs in constant time with hedged random nonces (private key, message and fresh randomness), so native
 * signatures are not the deterministic RFC 6979 ones of the Bouncy Castle engine; both verify everywhere.
 */
public final class NativeEs256 {

    /** The system property that selects the engine: {@code auto} (default), {@code native} or {@code bouncycastle}. */
    public static final String PROPERTY = "io.github.eidvn.es256";
    /** The JCA name of the provider this engine uses. */
    static final String PROVIDER_NAME = "AmazonCorrettoCryptoProvider";
    private static final String ALGORITHM = "SHA256withECDSA";
    private static final Logger LOG = LoggerFactory.getLogger(NativeEs256.class);

    private static final Provider PROVIDER;
    /** One verifier and one signer object per thread (each use starts with initVerify / initSign). */
    private static final ThreadLocal<Signature> VERIFIER = ThreadLocal.withInitial(NativeEs256::newSignature);
    private static final ThreadLocal<Signature> SIGNER = ThreadLocal.withInitial(NativeEs256::newSignature);
    private static final ECParameterSpec P256;
    private static final String UNAVAILABLE_BECAUSE;

    static {
        String mode = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        Provider provider = null;
        ECParameterSpec spec = null;
        String why = null;
        if ("bouncycastle".equals(mode)) {
            why = PROPERTY + "=bouncycastle";
        } else {
            try {
                provider = find();
                if (provider == null) {
                    why = PROVIDER_NAME + " is not on the class path";
                } else {
                    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
                    params.init(new ECGenParameterSpec("secp256r1"));
                    spec = params.getParameterSpec(ECParameterSpec.class);
                    why = crossCheck(provider, spec);
                }
            } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
                why = PROVIDER_NAME + " failed to load: " + e.getClass().getSimpleName();
            }
            if (why != null) {
                provider = null;
                spec = null;
            }
        }
        PROVIDER = provider;
        P256 = spec;
        UNAVAILABLE_BECAUSE = why;
        if (provider != null) {
            LOG.debug("ES256 engine: {} ({})", provider.getName(), provider.getInfo());
        } else {
            LOG.debug("ES256 engine: Bouncy Castle ({})", why);
        }
    }

    private NativeEs256() {
    }

    /**
     * Whether the native engine is in use in this JVM.
     *
     * @return true when ES256 keys use ACCP
     * @throws IllegalStateException when {@value #PROPERTY} is {@code native} and ACCP does not work here
     */
    public static boolean active() {
        if (PROVIDER == null && "native".equals(System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(PROPERTY + "=native but the native ES256 engine is unavailable: "
                    + UNAVAILABLE_BECAUSE);
        }
        return PROVIDER != null;
    }

    /**
     * A one-line description of the ES256 engine in use, for diagnostics ({@code eid version}, benchmark reports).
     *
     * @return e.g. "AmazonCorrettoCryptoProvider 2.5.0 (AWS-LC ...)" or "Bouncy Castle (reason)"
     */
    public static String describe() {
        return PROVIDER != null ? PROVIDER.getInfo() : "Bouncy Castle lightweight API (" + UNAVAILABLE_BECAUSE + ")";
    }

    /** The JCA public key for a point Bouncy Castle has already validated, or null without the native engine. */
    static PublicKey publicKey(BigInteger x, BigInteger y) {
        if (PROVIDER == null) {
            return null;
        }
        try {
            return KeyFactory.getInstance("EC", PROVIDER).generatePublic(
                    new ECPublicKeySpec(new ECPoint(x, y), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the native engine refused a valid P-256 point");
        }
    }

    /** The JCA private key for a scalar already checked to lie in [1, n-1], or null without the native engine. */
    static PrivateKey privateKey(BigInteger d) {
        if (PROVIDER == null) {
            return null;
        }
        try {
            return KeyFactory.getInstance("EC", PROVIDER).generatePrivate(new ECPrivateKeySpec(d, P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the native engine refused a valid P-256 scalar");
        }
    }

    /** Verifies (r, s), both already in [1, n-1], over {@code data}; any engine error counts as "does not verify". */
    static boolean verify(PublicKey key, byte[] data, BigInteger r, BigInteger s) {
        try {
            Signature v = VERIFIER.get();
            v.initVerify(key);
            v.update(data);
            return v.verify(der(r, s));
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Signs {@code data}; the result is R || S, 32 bytes each. */
    static byte[] sign(PrivateKey key, byte[] data) {
        byte[] der;
        try {
            Signature signer = SIGNER.get();
            signer.initSign(key);
            signer.update(data);
            der = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("native ES256 signing failed: " + e.getClass().getSimpleName());
        }
        byte[] raw = rawFromDer(der);
        if (raw == null) {
            throw new IllegalStateException("native ES256 signing returned an unexpected encoding");
        }
        return raw;
    }

    /**
     * Signs {@code data} with a key held by another JCA provider (a PKCS#11 token through SunPKCS11, a key store
     * entry): the provider returns DER, and the result is R || S, 32 bytes each, through the same strict DER check as
     * the native engine's signatures.
     *
     * @param key the private key, which may never leave its provider
     * @param provider the provider that holds the key, or null to let JCA pick the first provider that accepts it
     * @param data the bytes to sign
     * @return R || S
     * @throws IllegalStateException when the provider fails or returns anything but a strict DER P-256 signature
     */
    static byte[] signWith(PrivateKey key, Provider provider, byte[] data) {
        byte[] der;
        try {
            Signature signer = provider == null ? Signature.getInstance(ALGORITHM)
                    : Signature.getInstance(ALGORITHM, provider);
            signer.initSign(key);
            signer.update(data);
            der = signer.sign();
        } catch (GeneralSecurityException | java.security.ProviderException e) {
            throw new IllegalStateException("ES256 signing by provider "
                    + (provider == null ? "(default)" : provider.getName()) + " failed: "
                    + e.getClass().getSimpleName());
        }
        byte[] raw = rawFromDer(der);
        if (raw == null) {
            throw new IllegalStateException("the provider's ES256 signature is not a strict DER P-256 signature");
        }
        return raw;
    }

    private static Signature newSignature() {
        try {
            return Signature.getInstance(ALGORITHM, PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the native engine has no " + ALGORITHM);
        }
    }

    /** DER {@code SEQUENCE { INTEGER r, INTEGER s }} for r, s in [1, n-1] (so every length fits one byte). */
    static byte[] der(BigInteger r, BigInteger s) {
        byte[] rb = r.toByteArray(); // minimal two's complement: a leading 0x00 exactly when the top bit is set
        byte[] sb = s.toByteArray();
        byte[] out = new byte[6 + rb.length + sb.length];
        out[0] = 0x30;
        out[1] = (byte) (4 + rb.length + sb.length);
        out[2] = 0x02;
        out[3] = (byte) rb.length;
        System.arraycopy(rb, 0, out, 4, rb.length);
        out[4 + rb.length] = 0x02;
        out[5 + rb.length] = (byte) sb.length;
        System.arraycopy(sb, 0, out, 6 + rb.length, sb.length);
        return out;
    }

    /** R || S from a strict DER ECDSA signature with r and s in [1, n-1], or null for anything else. */
    static byte[] rawFromDer(byte[] der) {
        if (der.length < 8 || der[0] != 0x30 || (der[1] & 0xff) != der.length - 2) {
            return null;
        }
        byte[] out = new byte[Es256.SIGNATURE_LENGTH];
        int at = 2;
        for (int i = 0; i < 2; i++) {
            if (at + 2 > der.length || der[at] != 0x02) {
                return null;
            }
            int len = der[at + 1] & 0xff;
            int start = at + 2;
            if (len == 0 || len > 33 || start + len > der.length) {
                return null;
            }
            BigInteger v = new BigInteger(1, Arrays.copyOfRange(der, start, start + len));
            boolean minimal = len == 1 || der[start] != 0 || (der[start + 1] & 0x80) != 0;
            if (!minimal || (der[start] & 0x80) != 0 || !Es256.inScalarRange(v)) {
                return null;
            }
            byte[] fixed = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, v);
            System.arraycopy(fixed, 0, out, 32 * i, 32);
            at = start + len;
        }
        return at == der.length ? out : null;
    }

    private static Provider find() {
        Iterator<Provider> it = ServiceLoader.load(Provider.class, NativeEs256.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return null;
                }
                Provider p = it.next();
                if (PROVIDER_NAME.equals(p.getName())) {
                    return p;
                }
            } catch (ServiceConfigurationError e) {
                // a provider that cannot be instantiated here: skip it
            }
        }
    }

    /**
     * Checks the native engine against Bouncy Castle before trusting it: a native signature verifies with Bouncy
     * Castle, a Bouncy Castle signature verifies natively, and a changed message does not.
     *
     * @return null when all agree, else the reason to stay on Bouncy Castle
     */
    private static String crossCheck(Provider provider, ECParameterSpec spec) throws GeneralSecurityException {
        BigInteger d = new BigInteger(1, Es256.sha256("eid native ES256 cross-check".getBytes(StandardCharsets.US_ASCII)))
                .mod(Es256.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        org.bouncycastle.math.ec.ECPoint q = Es256.DOMAIN.getG().multiply(d).normalize();
        BigInteger x = q.getAffineXCoord().toBigInteger();
        BigInteger y = q.getAffineYCoord().toBigInteger();
        byte[] message = "eid".getBytes(StandardCharsets.US_ASCII);
        byte[] other = "eiD".getBytes(StandardCharsets.US_ASCII);
        KeyFactory kf = KeyFactory.getInstance("EC", provider);
        PrivateKey priv = kf.generatePrivate(new ECPrivateKeySpec(d, spec));
        PublicKey pub = kf.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));

        Signature signer = Signature.getInstance(ALGORITHM, provider);
        signer.initSign(priv);
        signer.update(message);
        byte[] raw = rawFromDer(signer.sign());
        if (raw == null) {
            return "the native signature is not strict DER";
        }
        ECDSASigner bc = new ECDSASigner();
        bc.init(false, new ECPublicKeyParameters(q, Es256.DOMAIN));
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64));
        if (!bc.verifySignature(Es256.sha256(message), r, s)) {
            return "Bouncy Castle does not verify the native signature";
        }
        ECDSASigner bcSigner = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        bcSigner.init(true, new ECPrivateKeyParameters(d, Es256.DOMAIN));
        BigInteger[] rs = bcSigner.generateSignature(Es256.sha256(message));
        Signature v = Signature.getInstance(ALGORITHM, provider);
        v.initVerify(pub);
        v.update(message);
        if (!v.verify(der(rs[0], rs[1]))) {
            return "the native engine does not verify a Bouncy Castle signature";
        }
        v.initVerify(pub);
        v.update(other);
        try {
            if (v.verify(der(rs[0], rs[1]))) {
                return "the native engine verifies a signature over another message";
            }
        } catch (SignatureException e) {
            return "the native engine failed on a wrong signature";
        }
        return null;
    }
}
