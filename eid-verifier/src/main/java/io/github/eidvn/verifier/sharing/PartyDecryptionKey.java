package io.github.eidvn.verifier.sharing;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Objects;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.github.eidvn.core.consent.PartyEncryptionKey;
import io.github.eidvn.core.internal.KeyStoreEntry;
import io.github.eidvn.core.internal.SecretJwk;

/**
 * A relying party's private decryption key: the only key that opens deliveries sealed to its
 * {@link PartyEncryptionKey}.
 *
 * <p>Accepted keys: EC P-256 ({@code ECDH-ES+A256KW}) or RSA of at least 2048 bits ({@code RSA-OAEP-256}); a
 * {@code use}, when present, must be {@code enc}. On import the key is checked by encrypting and decrypting a probe,
 * so a private part that does not match its public part is refused.
 *
 * <p><b>Keys in an HSM or a key store:</b> {@link #fromKeyStore(KeyStore, String, char[])} and
 * {@link #fromPrivateKey(PrivateKey, PublicKey, Provider)} wrap a JCA {@link PrivateKey} that never leaves its
 * provider (for example a PKCS#11 token through SunPKCS11): {@code ECDH-ES+A256KW} runs its key agreement inside the
 * provider, {@code RSA-OAEP-256} its RSA decryption where the provider offers OAEP with SHA-256 (the JDK's
 * SunPKCS11 does not; a PKCS#12 entry does). Such a key is not {@link #exportable()}. For ECDH a PKCS#11 token key
 * needs {@code CKA_DERIVE}, and the derived per-message secret must be readable (JOSE's Concat KDF runs in Java), e.g.
 * in the SunPKCS11 configuration:
 * <pre>
 * attributes(*, CKO_PRIVATE_KEY, CKK_EC) = { CKA_DERIVE = true }
 * attributes(*, CKO_SECRET_KEY, CKK_GENERIC_SECRET) = { CKA_SENSITIVE = false CKA_EXTRACTABLE = true }
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Security:</b> holds a private key (or, for a provider key, a handle to it). {@link #toString()} shows the key id only; {@link #privateJwkJson()} is
 * the one explicit export point (for protected storage); exception messages never repeat the input.
 */
public final class PartyDecryptionKey {

    private final JWK jwk;
    private final PartyEncryptionKey publicKey;
    /** The private key held by {@link #provider} (HSM, key store), or null when {@link #jwk} holds it. */
    private final PrivateKey providerKey;
    private final Provider provider;

    private PartyDecryptionKey(JWK publicJwk, PrivateKey providerKey, Provider provider) {
        this.publicKey = PartyEncryptionKey.fromJwkJson(publicJwk.toPublicJWK().toJSONString());
        this.jwk = publicJwk.toPublicJWK();
        this.providerKey = providerKey;
        this.provider = provider;
        checkPair();
    }

    private PartyDecryptionKey(JWK privateJwk) {
        this.providerKey = null;
        this.provider = null;
        this.publicKey = PartyEncryptionKey.fromJwkJson(privateJwk.toPublicJWK().toJSONString());
        if (privateJwk instanceof ECKey) {
            this.jwk = new ECKey.Builder((ECKey) privateJwk).keyID(publicKey.kid()).keyUse(KeyUse.ENCRYPTION)
                    .algorithm(JWEAlgorithm.ECDH_ES_A256KW).keyOperations(null).build();
        } else {
            this.jwk = new RSAKey.Builder((RSAKey) privateJwk).keyID(publicKey.kid()).keyUse(KeyUse.ENCRYPTION)
                    .algorithm(JWEAlgorithm.RSA_OAEP_256).keyOperations(null).build();
        }
        checkPair();
    }

    /**
     * Generates an EC P-256 key.
     *
     * @return the key
     */
    public static PartyDecryptionKey generateEc() {
        return new PartyDecryptionKey(SecretJwk.generate(new ECKeyGenerator(Curve.P_256), "P-256"));
    }

    /**
     * Generates an RSA key.
     *
     * @param bits the modulus size, at least 2048
     * @return the key
     */
    public static PartyDecryptionKey generateRsa(int bits) {
        if (bits < PartyEncryptionKey.MIN_RSA_BITS) {
            throw new IllegalArgumentException("RSA keys need at least " + PartyEncryptionKey.MIN_RSA_BITS + " bits");
        }
        return new PartyDecryptionKey(SecretJwk.generate(new RSAKeyGenerator(bits), "RSA"));
    }

    /**
     * Imports a private JWK (JSON).
     *
     * <p><b>Security:</b> the argument holds a secret; exception messages never repeat it.
     *
     * @param json the private JWK JSON (EC P-256 or RSA of 2048+ bits)
     * @return the key
     * @throws IllegalArgumentException when the JSON is not such a key, or its parts do not match
     */
    public static PartyDecryptionKey fromPrivateJwkJson(String json) {
        JWK parsed = SecretJwk.parse(json);
        if (!parsed.isPrivate()) {
            throw new IllegalArgumentException("the JWK has no private part");
        }
        if (!(parsed instanceof ECKey) && !(parsed instanceof RSAKey)) {
            throw new IllegalArgumentException("decryption keys must be EC P-256 or RSA, not " + parsed.getKeyType());
        }
        if (parsed instanceof RSAKey && ((RSAKey) parsed).getPrivateExponent() == null
                && ((RSAKey) parsed).getFirstPrimeFactor() == null) {
            throw new IllegalArgumentException("the RSA JWK has no private exponent");
        }
        return new PartyDecryptionKey(parsed);
    }

    /**
     * A key whose private part stays inside a JCA provider: a PKCS#11 token (SunPKCS11), a cloud HSM provider, or
     * any provider that can run ECDH ({@code KeyAgreement "ECDH"}) or RSA-OAEP-256 with {@code privateKey}.
     *
     * <p>The pair is checked once here by sealing a probe to {@code publicKey} and opening it with the provider, so a
     * wrong pairing or a provider that cannot decrypt fails now, not at the first delivery.
     *
     * <p><b>Security:</b> the private key is never read; {@link #privateJwkJson()} refuses to export it.
     *
     * @param privateKey the EC P-256 or RSA private key (for a token key, a handle)
     * @param publicKey its public key (EC P-256, or RSA of at least 2048 bits)
     * @param provider the provider that holds the key, or null to let JCA pick the first registered provider that
     *     accepts it
     * @return the key
     * @throws IllegalArgumentException when the keys are not such a pair, or the provider cannot decrypt with them
     */
    public static PartyDecryptionKey fromPrivateKey(PrivateKey privateKey, PublicKey publicKey, Provider provider) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        JWK publicJwk;
        if (publicKey instanceof ECPublicKey && "EC".equals(privateKey.getAlgorithm())) {
            Curve curve = Curve.forECParameterSpec(((ECPublicKey) publicKey).getParams());
            if (!Curve.P_256.equals(curve)) {
                throw new IllegalArgumentException("EC decryption keys must be P-256");
            }
            publicJwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey).build();
        } else if (publicKey instanceof RSAPublicKey && "RSA".equals(privateKey.getAlgorithm())) {
            publicJwk = new RSAKey.Builder((RSAPublicKey) publicKey).build();
        } else {
            throw new IllegalArgumentException("decryption keys must be an EC P-256 or an RSA pair, not "
                    + privateKey.getAlgorithm() + " with " + publicKey.getAlgorithm());
        }
        return new PartyDecryptionKey(publicJwk, privateKey, provider);
    }

    /**
     * A key from a private-key entry of a JCA {@link KeyStore}: a PKCS#11 token ({@code KeyStore.getInstance(
     * "PKCS11", provider)}), whose key never leaves the token, or a PKCS#12 file. The public key comes from the
     * entry's certificate; decryption runs in the key store's provider when it offers the operation the key needs,
     * else in the first registered provider that accepts the key.
     *
     * <p><b>Security:</b> the password is used only to reach the entry and never appears in messages.
     *
     * @param keyStore a loaded key store
     * @param alias the entry's alias
     * @param password the entry's password, or null (PKCS#11 tokens are unlocked when the key store is loaded)
     * @return the key
     * @throws IllegalArgumentException when the entry is missing, is not an EC P-256 or RSA private key with a
     *     certificate, cannot be read with the password, or the provider cannot decrypt with it
     */
    public static PartyDecryptionKey fromKeyStore(KeyStore keyStore, String alias, char[] password) {
        KeyStoreEntry entry = KeyStoreEntry.read(keyStore, alias, password);
        return fromPrivateKey(entry.privateKey(), entry.publicKey(),
                decryptionProvider(keyStore.getProvider(), entry.privateKey()));
    }

    /** The key store's provider when it offers the operation the key needs (PKCS#11), else null (JCA picks). */
    private static Provider decryptionProvider(Provider keyStoreProvider, PrivateKey key) {
        if (keyStoreProvider == null) {
            return null;
        }
        boolean ec = "EC".equals(key.getAlgorithm());
        boolean offers = ec ? keyStoreProvider.getService("KeyAgreement", "ECDH") != null
                : keyStoreProvider.getService("Cipher", "RSA") != null;
        return offers ? keyStoreProvider : null;
    }

    /**
     * Whether {@link #privateJwkJson()} can export the private key: true for keys made from a JWK or generated
     * here, false for keys that stay inside a provider ({@link #fromKeyStore}, {@link #fromPrivateKey}).
     *
     * @return whether the private part is held by this object
     */
    public boolean exportable() {
        return providerKey == null;
    }

    private void checkPair() {
        byte[] probe = "eid decryption key pair check".getBytes(StandardCharsets.US_ASCII);
        try {
            JWEObject jwe = new JWEObject(new JWEHeader(algorithm(), EncryptionMethod.A256GCM), new Payload(probe));
            jwe.encrypt(jwk instanceof ECKey ? new ECDHEncrypter(((ECKey) jwk).toECPublicKey())
                    : new RSAEncrypter(((RSAKey) jwk).toRSAPublicKey()));
            JWEObject back = JWEObject.parse(jwe.serialize());
            back.decrypt(decrypter());
            if (!Arrays.equals(probe, back.getPayload().toBytes())) {
                throw new IllegalArgumentException("the private part does not match the public part");
            }
        } catch (JOSEException | ParseException | RuntimeException e) {
            if (providerKey != null) {
                throw new IllegalArgumentException("the provider " + providerName()
                        + " cannot open a probe sealed to this key (" + algorithm() + "): "
                        + e.getClass().getSimpleName());
            }
            throw new IllegalArgumentException("the private part does not match the public part");
        }
    }

    private String providerName() {
        return provider != null ? provider.getName() : "(JCA default)";
    }

    JWEAlgorithm algorithm() {
        return jwk instanceof ECKey ? JWEAlgorithm.ECDH_ES_A256KW : JWEAlgorithm.RSA_OAEP_256;
    }

    JWEDecrypter decrypter() throws JOSEException {
        if (providerKey != null) {
            if (jwk instanceof ECKey) {
                return new ProviderEcdhDecrypter(providerKey, provider);
            }
            RSADecrypter rsa = new RSADecrypter(providerKey);
            rsa.getJCAContext().setKeyEncryptionProvider(provider);
            return rsa;
        }
        if (jwk instanceof ECKey) {
            return new ECDHDecrypter((ECKey) jwk);
        }
        return new RSADecrypter((RSAKey) jwk);
    }

    /** @return the RFC 7638 thumbprint of the public part (the JWE {@code kid} deliveries carry) */
    public String kid() {
        return publicKey.kid();
    }

    /** @return the public part: register it as the party's encryption key */
    public PartyEncryptionKey publicKey() {
        return publicKey;
    }

    /**
     * The private JWK (JSON).
     *
     * <p><b>Security:</b> the result is the secret key; write it only to protected storage.
     *
     * @return the private JWK JSON
     * @throws IllegalStateException when the key stays inside its provider (not {@link #exportable()})
     */
    public String privateJwkJson() {
        if (providerKey != null) {
            throw new IllegalStateException("the private key of " + kid() + " stays inside its provider ("
                    + providerName() + ") and cannot be exported");
        }
        return jwk.toJSONString();
    }

    @Override
    public String toString() {
        return "PartyDecryptionKey[" + publicKey.jweAlgorithm() + ", kid=" + kid()
                + (providerKey == null ? "" : ", provider=" + providerName()) + "]";
    }
}
