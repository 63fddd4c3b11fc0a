package io.github.eidvn.spring.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;

import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.verifier.sharing.PartyDecryptionKey;

/**
 * Private keys named in properties: {@code file:} (a private JWK) or {@code pkcs11:<alias>} (a token key). Used by the
 * starter's auto-configurations; not an API of its own.
 */
public final class EidKeys {

    private EidKeys() {
    }

    /**
     * The party's decryption key.
     *
     * @param reference {@code file:/path} or {@code pkcs11:<alias>}
     * @param pkcs11 the token settings, for {@code pkcs11:}
     * @return the key
     * @throws IllegalStateException when the reference cannot be used (the message never holds a secret)
     */
    static PartyDecryptionKey decryptionKey(String reference, EidProperties.Pkcs11 pkcs11) {
        if (reference.startsWith("pkcs11:")) {
            String alias = reference.substring("pkcs11:".length());
            return PartyDecryptionKey.fromKeyStore(token(pkcs11), alias, null);
        }
        if (reference.startsWith("file:")) {
            Path file = Path.of(URI.create(reference));
            try {
                return PartyDecryptionKey.fromPrivateJwkJson(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read eid.sharing.decryption-key " + file, e);
            }
        }
        throw new IllegalStateException("eid.sharing.decryption-key must be file:/path/key.jwk or pkcs11:<alias> "
                + "/ khóa giải mã phải là file: hoặc pkcs11:");
    }

    /**
     * A signing key (ES256).
     *
     * @param reference {@code file:/path} (a private P-256 JWK) or {@code pkcs11:<alias>}
     * @param pkcs11 the token settings, for {@code pkcs11:}
     * @param property the property that named it, for messages
     * @return the key
     * @throws IllegalStateException when the reference cannot be used (the message never holds a secret)
     */
    public static SigningKey signingKey(String reference, EidProperties.Pkcs11 pkcs11, String property) {
        if (reference != null && reference.startsWith("pkcs11:")) {
            return SigningKey.fromKeyStore(token(pkcs11), reference.substring("pkcs11:".length()), null);
        }
        if (reference != null && reference.startsWith("file:")) {
            Path file = Path.of(URI.create(reference));
            try {
                return SigningKey.fromPrivateJwkJson(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + property + " " + file, e);
            }
        }
        throw new IllegalStateException(property + " must be file:/path/key.jwk or pkcs11:<alias> "
                + "/ khóa ký phải là file: hoặc pkcs11:");
    }

    /** The PKCS#11 token of {@code eid.pkcs11.*}, logged in, through a SunPKCS11 provider configured for it. */
    static KeyStore token(EidProperties.Pkcs11 pkcs11) {
        if (pkcs11.config() == null || pkcs11.pin() == null) {
            throw new IllegalStateException("a pkcs11: key needs eid.pkcs11.config and eid.pkcs11.pin");
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("this JVM has no SunPKCS11 provider");
        }
        Provider provider = base.configure(pkcs11.config().toString());
        try {
            KeyStore ks = KeyStore.getInstance("PKCS11", provider);
            ks.load(null, pkcs11.pin().toCharArray());
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot open the PKCS#11 token of " + pkcs11.config() + ": "
                    + e.getClass().getSimpleName());
        }
    }
}
