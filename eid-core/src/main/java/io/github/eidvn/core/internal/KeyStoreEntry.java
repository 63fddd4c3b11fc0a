package io.github.eidvn.core.internal;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.util.Objects;

/**
 * A private-key entry of a JCA {@link KeyStore} (a PKCS#11 token, a PKCS#12 file): the private key (for a token,
 * a handle that never holds the secret) and the public key of its certificate.
 *
 * @param privateKey the private key
 * @param publicKey the public key from the entry's certificate
 */
public record KeyStoreEntry(PrivateKey privateKey, PublicKey publicKey) {

    /** Checks the components. */
    public KeyStoreEntry {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /**
     * Reads an entry.
     *
     * <p><b>Security:</b> the password is used only to reach the entry and never appears in messages.
     *
     * @param keyStore a loaded key store
     * @param alias the entry's alias
     * @param password the entry's password, or null (PKCS#11 tokens are unlocked when the key store is loaded)
     * @return the entry
     * @throws IllegalArgumentException when there is no private key with a certificate under the alias, or it cannot
     *     be read with the password
     */
    public static KeyStoreEntry read(KeyStore keyStore, String alias, char[] password) {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(alias, "alias");
        try {
            Key k = keyStore.getKey(alias, password);
            if (!(k instanceof PrivateKey)) {
                throw new IllegalArgumentException("no private key under alias " + alias);
            }
            Certificate cert = keyStore.getCertificate(alias);
            if (cert == null) {
                throw new IllegalArgumentException("the entry " + alias + " has no certificate (its public key)");
            }
            return new KeyStoreEntry((PrivateKey) k, cert.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the entry " + alias + ": " + e.getClass().getSimpleName());
        }
    }

    /** @return the algorithms and the provider's key class only */
    @Override
    public String toString() {
        return "KeyStoreEntry[" + privateKey.getAlgorithm() + ", " + publicKey.getAlgorithm() + "]";
    }
}
