package io.github.eidvn.core.keys;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;

import io.github.eidvn.core.internal.Es256PrivateKey;
import io.github.eidvn.core.internal.KeyStoreEntry;
import io.github.eidvn.core.internal.SecretJwk;

/**
 * An ES256 (ECDSA P-256 with SHA-256) signing key pair with its RFC 7638 key id.
 *
 * <p>The key id ({@link #kid()}) is always the RFC 7638 SHA-256 JWK thumbprint of the public key, base64url
 * encoded (43 characters). Immutable and thread-safe.
 *
 * <p><b>Security:</b> this object holds a private key. {@link #toString()} shows the key id only;
 * {@link #privateJwkJson()} is the one place the secret leaves the object (the explicit adapter point for storing
 * the key in a vault or HSM import); {@link #signEs256(byte[])} signs whatever it is given, so hand a
 * {@code SigningKey} only to code that may issue assertions.
 *
 * <p><b>Keys in an HSM or a key store:</b> {@link #fromKeyStore(KeyStore, String, char[])} and
 * {@link #fromPrivateKey(PrivateKey, ECPublicKey, Provider)} wrap a JCA {@link PrivateKey} that never leaves its
 * provider (for example a PKCS#11 token through the JDK's SunPKCS11 provider): every signature is made by the
 * provider, and such a key is not {@link #exportable()}.
 * <pre>{@code
 * Provider p11 = Security.getProvider("SunPKCS11").configure("/etc/eid/pkcs11.cfg");
 * KeyStore token = KeyStore.getInstance("PKCS11", p11);
 * token.load(null, pin);
 * SigningKey key = SigningKey.fromKeyStore(token, "issuer-2026", null);
 * }</pre>
 */
public final class SigningKey {

    /** The only algorithm this key signs with. */
    public static final String ALGORITHM = "ES256";

    private final ECKey jwk;
    private final String kid;
    /** The private scalar prepared for fast signing (generator precomputation shared JVM-wide). */
    private final Es256PrivateKey es256;
    /** The provider holding the private key when it is not in this object (HSM, key store), else null. */
    private final String providerName;

    private SigningKey(ECKey privateJwk) {
        this.kid = thumbprintOf(privateJwk);
        this.jwk = sigJwk(privateJwk, kid);
        try {
            this.es256 = Es256PrivateKey.of(privateJwk.getD().decodeToBigInteger());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the private part (d) is not a valid P-256 scalar");
        }
        this.providerName = null;
    }

    private SigningKey(ECKey publicJwk, Es256PrivateKey es256, String providerName) {
        this.kid = thumbprintOf(publicJwk);
        this.jwk = sigJwk(publicJwk, kid);
        this.es256 = es256;
        this.providerName = providerName;
    }

    /**
     * Generates a fresh P-256 key pair with the platform's strong {@link SecureRandom}.
     *
     * @return the new key
     */
    public static SigningKey generate() {
        return new SigningKey(SecretJwk.generate(new ECKeyGenerator(Curve.P_256), "P-256"));
    }

    /**
     * Imports a private key from a private EC P-256 JWK in JSON.
     *
     * <p>The JWK must have {@code kty} EC, {@code crv} P-256, {@code x}, {@code y} and {@code d}; {@code alg}, when
     * present, must be ES256 and {@code use}, when present, {@code sig}; a {@code kid}, when present, must equal the
     * RFC 7638 thumbprint. The private part is checked to match the public point.
     *
     * <p><b>Security:</b> the argument holds a secret; the exception messages never repeat it.
     *
     * @param json the private JWK JSON
     * @return the key
     * @throws IllegalArgumentException when the JSON is not such a key
     */
    public static SigningKey fromPrivateJwkJson(String json) {
        return fromPrivateJwk(SecretJwk.parse(json));
    }

    static SigningKey fromPrivateJwk(JWK parsed) {
        if (!(parsed instanceof ECKey)) {
            throw new IllegalArgumentException("not an EC key: " + parsed.getKeyType());
        }
        ECKey ec = (ECKey) parsed;
        if (!Curve.P_256.equals(ec.getCurve())) {
            throw new IllegalArgumentException("not a P-256 key: " + ec.getCurve());
        }
        if (!ec.isPrivate()) {
            throw new IllegalArgumentException("the JWK has no private part (d)");
        }
        if (ec.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(ec.getAlgorithm())) {
            throw new IllegalArgumentException("the JWK alg is not ES256: " + ec.getAlgorithm());
        }
        if (ec.getKeyUse() != null && !KeyUse.SIGNATURE.equals(ec.getKeyUse())) {
            throw new IllegalArgumentException("the JWK use is not sig");
        }
        String thumbprint = thumbprintOf(ec);
        if (ec.getKeyID() != null && !ec.getKeyID().equals(thumbprint)) {
            throw new IllegalArgumentException("the JWK kid is not its RFC 7638 thumbprint " + thumbprint);
        }
        SigningKey key = new SigningKey(ec);
        key.checkPairMatches();
        return key;
    }

    /** The JWK with its thumbprint as {@code kid}, {@code use} sig, {@code alg} ES256 and no {@code key_ops}. */
    private static ECKey sigJwk(ECKey jwk, String kid) {
        return new ECKey.Builder(jwk).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .keyOperations(null).build();
    }

    /**
     * A key whose private part stays inside a JCA provider: a PKCS#11 token (SunPKCS11), a cloud HSM provider, or
     * any provider whose {@code SHA256withECDSA} signature accepts {@code privateKey}.
     *
     * <p>The pair is checked once here by signing a probe with the provider and verifying it with
     * {@code publicKey}, so a wrong pairing, a key of another curve or a provider that cannot sign fails now, not at
     * the first assertion.
     *
     * <p><b>Security:</b> the private key is never read; {@link #privateJwkJson()} refuses to export it.
     *
     * @param privateKey the EC P-256 private key (for a token key, a handle; its encoding may be unavailable)
     * @param publicKey its public key
     * @param provider the provider that holds the key, or null to let JCA pick the first registered provider that
     *     accepts it
     * @return the key
     * @throws IllegalArgumentException when the keys are not a P-256 pair the provider can sign with
     */
    public static SigningKey fromPrivateKey(PrivateKey privateKey, ECPublicKey publicKey, Provider provider) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!Curve.P_256.equals(Curve.forECParameterSpec(publicKey.getParams()))) {
            throw new IllegalArgumentException("not a P-256 public key");
        }
        ECKey publicJwk = new ECKey.Builder(Curve.P_256, publicKey).build();
        String name = provider != null ? provider.getName() : "JCA default for " + privateKey.getAlgorithm();
        SigningKey key = new SigningKey(publicJwk, Es256PrivateKey.ofProviderKey(privateKey, provider), name);
        try {
            key.checkPairMatches();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("the provider cannot sign ES256 with this key: " + e.getMessage());
        }
        return key;
    }

    /**
     * A key from a private-key entry of a JCA {@link KeyStore}: a PKCS#11 token ({@code KeyStore.getInstance(
     * "PKCS11", provider)}), whose key never leaves the token, or a PKCS#12 file. The public key comes from the
     * entry's certificate; signatures are made by the key store's provider when it offers {@code SHA256withECDSA},
     * else by the first registered provider that accepts the key.
     *
     * <p><b>Security:</b> the password is used only to reach the entry and never appears in messages.
     *
     * @param keyStore a loaded key store
     * @param alias the entry's alias
     * @param password the entry's password, or null (PKCS#11 tokens are unlocked when the key store is loaded)
     * @return the key
     * @throws IllegalArgumentException when the entry is missing, is not an EC P-256 private key with a
     *     certificate, cannot be read with the password, or cannot sign
     */
    public static SigningKey fromKeyStore(KeyStore keyStore, String alias, char[] password) {
        KeyStoreEntry entry = KeyStoreEntry.read(keyStore, alias, password);
        if (!(entry.publicKey() instanceof ECPublicKey)) {
            throw new IllegalArgumentException("the entry " + alias + " is not an EC key: "
                    + entry.publicKey().getAlgorithm());
        }
        return fromPrivateKey(entry.privateKey(), (ECPublicKey) entry.publicKey(),
                signingProvider(keyStore.getProvider()));
    }

    /** The key store's provider when it can sign ES256 itself (PKCS#11), else null (JCA picks one). */
    private static Provider signingProvider(Provider keyStoreProvider) {
        if (keyStoreProvider == null) {
            return null;
        }
        try {
            Signature.getInstance("SHA256withECDSA", keyStoreProvider);
            return keyStoreProvider;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * Whether {@link #privateJwkJson()} can export the private key: true for keys made from a JWK or generated
     * here, false for keys that stay inside a provider ({@link #fromKeyStore}, {@link #fromPrivateKey}).
     *
     * @return whether the private part is held by this object
     */
    public boolean exportable() {
        return providerName == null;
    }

    private void checkPairMatches() {
        byte[] probe = "eid key pair check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] sig = signEs256(probe);
        try {
            ECDSAVerifier verifier = new ECDSAVerifier(jwk.toECPublicKey());
            if (!verifier.verify(new JWSHeader(JWSAlgorithm.ES256), probe, Base64URL.encode(sig))) {
                throw new IllegalArgumentException("the private part does not match the public point (x, y)");
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the key cannot be used for ES256");
        }
    }

    /**
     * The key id: the RFC 7638 SHA-256 thumbprint of the public key, base64url (43 characters).
     *
     * @return the key id
     */
    public String kid() {
        return kid;
    }

    /**
     * The public key.
     *
     * @return the P-256 public key
     */
    public ECPublicKey publicKey() {
        try {
            return jwk.toECPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("invalid EC public key", e);
        }
    }

    /**
     * The public JWK in JSON, with {@code kid}, {@code use":"sig"} and {@code alg":"ES256"}; never the private part.
     *
     * @return the public JWK JSON
     */
    public String publicJwkJson() {
        return jwk.toPublicJWK().toJSONString();
    }

    /**
     * The private JWK in JSON (with {@code d}).
     *
     * <p><b>Security:</b> the result is the secret key. Write it only to protected storage; never log it.
     *
     * @return the private JWK JSON
     * @throws IllegalStateException when the key stays inside its provider (not {@link #exportable()})
     */
    public String privateJwkJson() {
        return privateJwk().toJSONString();
    }

    /**
     * Signs bytes with ECDSA P-256 SHA-256, as JWS ES256: the result is the 64-byte {@code R || S} value (RFC 7518
     * §3.4), not DER. Do not rely on two signatures of the same bytes being equal: with the native engine (AWS-LC
     * through the Amazon Corretto Crypto Provider, used when it is on the class path and works) nonces are hedged
     * random values; with the Bouncy Castle engine they are deterministic (RFC 6979).
     *
     * <p><b>Security:</b> a raw signing capability; see the class comment. Both engines sign in constant time
     * (internal {@code Es256PrivateKey}); system property {@code io.github.eidvn.es256=bouncycastle} keeps the
     * pure-Java engine.
     *
     * @param data the bytes to sign, e.g. a JWS signing input
     * @return the 64-byte signature
     */
    public byte[] signEs256(byte[] data) {
        Objects.requireNonNull(data, "data");
        return es256.sign(data);
    }

    JWK publicJwk() {
        return jwk.toPublicJWK();
    }

    JWK privateJwk() {
        if (providerName != null) {
            throw new IllegalStateException("the private key of " + kid + " stays inside its provider ("
                    + providerName + ") and cannot be exported");
        }
        return jwk;
    }

    /**
     * Two keys are equal when they have the same key id (the same public key).
     *
     * @param o the other object
     * @return whether the key ids are equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey && ((SigningKey) o).kid.equals(kid);
    }

    @Override
    public int hashCode() {
        return kid.hashCode();
    }

    /**
     * The key id only; never the private part.
     *
     * @return {@code SigningKey[ES256, kid=...]}, with {@code , provider=...} for a key held by a provider
     */
    @Override
    public String toString() {
        return "SigningKey[ES256, kid=" + kid + (providerName == null ? "" : ", provider=" + providerName) + "]";
    }

    static String thumbprintOf(JWK key) {
        try {
            return key.computeThumbprint("SHA-256").toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
