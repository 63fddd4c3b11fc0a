package io.github.eidvn.verifier.sharing;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.crypto.impl.ECDH;
import com.nimbusds.jose.crypto.utils.ECChecks;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;

/**
 * Nimbus's {@code ECDH-ES} decryption with the key agreement run by the provider that holds the private key (a
 * PKCS#11 token) and everything after it (Concat KDF, AES key unwrap, AES-GCM) by the JVM's default providers.
 *
 * <p>Nimbus's own {@link ECDHDecrypter} sends the key agreement and the AES key unwrap to one "key encryption"
 * provider, and a token provider such as SunPKCS11 need not offer {@code AESWrap}. The steps and checks are
 * Nimbus's: critical header parameters, the ephemeral key on P-256, then {@code decryptWithZ}.
 *
 * <p><b>Security:</b> the private key never leaves its provider; the per-message shared secret Z does (as in every
 * JOSE ECDH-ES implementation, the KDF runs outside the token).
 */
final class ProviderEcdhDecrypter extends ECDHDecrypter {

    private final PrivateKey key;
    private final Provider provider;
    private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();

    ProviderEcdhDecrypter(PrivateKey key, Provider provider) throws JOSEException {
        super(key, null, Curve.P_256);
        this.key = key;
        this.provider = provider;
    }

    /*
     * decryptWithZ without the size argument: deprecated in Nimbus 10 (where it applies the default limit on the
     * decompressed plaintext, 1,000,000 bytes) and the only form in Nimbus 9.37, which Spring Security 6.5's OAuth2
     * modules bring into Spring Boot 3.5 apps: this class runs on both.
     */
    @SuppressWarnings("deprecation")
    @Override
    public byte[] decrypt(JWEHeader header, Base64URL encryptedKey, Base64URL iv, Base64URL cipherText,
            Base64URL authTag, byte[] aad) throws JOSEException {
        critPolicy.ensureHeaderPasses(header);
        if (!(header.getEphemeralPublicKey() instanceof ECKey)) {
            throw new JOSEException("Missing ephemeral public EC key \"epk\" JWE header parameter");
        }
        ECPublicKey epk = ((ECKey) header.getEphemeralPublicKey()).toECPublicKey();
        if (!ECChecks.isPointOnCurve(epk, Curve.P_256.toECParameterSpec())) {
            throw new JOSEException("Invalid ephemeral public EC key: Point(s) not on the expected curve");
        }
        SecretKey z = ECDH.deriveSharedSecret(epk, key, provider);
        return decryptWithZ(header, aad, z, encryptedKey, iv, cipherText, authTag);
    }
}
