package io.github.eidvn.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ExternalTools;
import io.github.eidvn.testing.SoftHsm;

/** ES256 keys generated inside a SoftHSM2 token and used through SunPKCS11: they sign and never leave it. */
class SigningKeyHsmTest {

    private static SoftHsm hsm;

    @BeforeAll
    static void token() throws Exception {
        hsm = SoftHsm.token();
    }

    private static String newEcKey() throws Exception {
        String alias = "sig-" + UUID.randomUUID().toString().substring(0, 8);
        hsm.generateEc(alias);
        return alias;
    }

    @Test
    void fromKeyStore_tokenKey_signsAssertionThatNimbusAndOpensslVerify(@TempDir Path dir) throws Exception {
        String alias = newEcKey();
        SigningKey key = SigningKey.fromKeyStore(hsm.keyStore(), alias, null);
        AssertionIssuer issuer = AssertionFixtures.issuer(KeyRing.of(key, List.of()), AssertionFixtures.clock());

        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());

        SignedJWT parsed = SignedJWT.parse(jwt);
        assertThat(parsed.getHeader().getKeyID()).isEqualTo(key.kid());
        assertThat(parsed.verify(new ECDSAVerifier(key.publicKey()))).isTrue();
        assertThat(ExternalTools.opensslVerifyEs256(dir, jwt, key.publicKey())).isEqualTo("Verified OK");
        assertThat(TrustStore.of(KeyRing.of(key, List.of())).candidates(key.kid())).hasSize(1);
    }

    @Test
    void fromKeyStore_tokenKey_isNotExtractable() throws Exception {
        String alias = newEcKey();
        KeyStore ks = hsm.keyStore();
        PrivateKey handle = (PrivateKey) ks.getKey(alias, null);
        SigningKey key = SigningKey.fromKeyStore(ks, alias, null);

        assertThat(hsm.privateKeyAccess(alias)).contains("sensitive").contains("never extractable").contains("local");
        assertThat(handle.getEncoded()).isNull();
        // asking the token for the private value (CKA_VALUE) through the provider is refused
        assertThatThrownBy(() -> KeyFactory.getInstance("EC", hsm.provider()).getKeySpec(handle,
                ECPrivateKeySpec.class)).isInstanceOf(GeneralSecurityException.class);
        assertThat(key.exportable()).isFalse();
        assertThatThrownBy(key::privateJwkJson).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stays inside its provider");
        assertThatThrownBy(() -> KeyRing.of(key, List.of()).privateJwksJson())
                .isInstanceOf(IllegalStateException.class);
        assertThat(key.publicJwkJson()).doesNotContain("\"d\"");
        assertThat(key.toString()).contains(key.kid()).contains("SunPKCS11");
    }

    @Test
    void fromPrivateKey_tokenKeyWithAnotherKeysPublicPart_refused() throws Exception {
        String a = newEcKey();
        String b = newEcKey();
        KeyStore ks = hsm.keyStore();
        PrivateKey privateA = (PrivateKey) ks.getKey(a, null);
        ECPublicKey publicB = (ECPublicKey) ks.getCertificate(b).getPublicKey();

        assertThatThrownBy(() -> SigningKey.fromPrivateKey(privateA, publicB, hsm.provider()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }

    @Test
    void fromKeyStore_unknownAliasOrRsaKey_refusedWithReason() throws Exception {
        String rsa = "rsa-" + UUID.randomUUID().toString().substring(0, 8);
        hsm.generateRsa(rsa, 2048);
        KeyStore ks = hsm.keyStore();

        assertThatThrownBy(() -> SigningKey.fromKeyStore(ks, "no-such-alias", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no private key");
        assertThatThrownBy(() -> SigningKey.fromKeyStore(ks, rsa, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an EC key");
    }

    @Test
    void rotate_fromTokenKeyToJwkKey_ringKeepsBothAndExportRefused() throws Exception {
        String alias = newEcKey();
        SigningKey token = SigningKey.fromKeyStore(hsm.keyStore(), alias, null);
        KeyRing ring = KeyRing.of(token, List.of()).rotate();

        assertThat(ring.previous()).containsExactly(token);
        assertThat(TrustStore.fromJwks(ring.publicJwksJson()).keys()).hasSize(2);
        assertThatThrownBy(ring::privateJwksJson).isInstanceOf(IllegalStateException.class);
    }
}
