package io.github.eidvn.verifier.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PublicKey;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.Curve;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.SoftHsm;

/** A bank's decryption key generated inside a SoftHSM2 token (SunPKCS11) opens sealed deliveries and stays there. */
class PartyDecryptionKeyHsmTest {

    private static final Set<CitizenField> FIELDS = EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME,
            CitizenField.BIRTHDATE);

    private static SoftHsm hsm;

    @BeforeAll
    static void token() throws Exception {
        hsm = SoftHsm.token();
    }

    private static JWK publicJwk(PublicKey key) {
        return key instanceof ECPublicKey ? new ECKey.Builder(Curve.P_256, (ECPublicKey) key).build()
                : new RSAKey.Builder((RSAPublicKey) key).build();
    }

    /** Seals a delivery to {@code key}'s party and opens it with the bank's opener. */
    private static OpenResult sealAndOpen(PartyDecryptionKey key) {
        ConsentFixtures.Party bank = ConsentFixtures.party("vcb-bank", "bank-ekyc", publicJwk(key.publicKey()
                .publicKey()));
        SharingWorld w = new SharingWorld(bank, key);
        ConsentReceiptIssuer.Issued issued = w.consent("bank-ekyc", FIELDS, FIELDS);
        String jwe = w.seal(issued, ConsentFixtures.claims());
        return w.opener().receiptStatus(w.ledger).anyLevel().build().open(jwe, issued.receipt().requestNonce());
    }

    @Test
    void fromKeyStore_tokenEcKey_opensSealedDeliveryWithEcdhInsideTheToken() throws Exception {
        String alias = "enc-" + UUID.randomUUID().toString().substring(0, 8);
        hsm.generateEc(alias);
        PartyDecryptionKey key = PartyDecryptionKey.fromKeyStore(hsm.keyStore(), alias, null);

        OpenResult r = sealAndOpen(key);

        assertThat(r).isInstanceOf(Opened.class);
        assertThat(((Opened) r).claims().fields()).isEqualTo(FIELDS);
        assertThat(key.publicKey().jweAlgorithm()).isEqualTo("ECDH-ES+A256KW");
    }

    @Test
    void fromKeyStore_tokenEcKey_isNotExtractable() throws Exception {
        String alias = "enc-" + UUID.randomUUID().toString().substring(0, 8);
        hsm.generateEc(alias);
        KeyStore ks = hsm.keyStore();
        PartyDecryptionKey key = PartyDecryptionKey.fromKeyStore(ks, alias, null);

        assertThat(hsm.privateKeyAccess(alias)).contains("sensitive").contains("never extractable");
        assertThat(ks.getKey(alias, null).getEncoded()).isNull();
        assertThat(key.exportable()).isFalse();
        assertThatThrownBy(key::privateJwkJson).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stays inside its provider");
        assertThat(key.toString()).contains(key.kid()).contains("SunPKCS11");
    }

    @Test
    void fromKeyStore_tokenRsaKeyWithoutOaepInTheProvider_refusedWithReason() throws Exception {
        // the JDK's SunPKCS11 offers RSA with PKCS#1 v1.5 and no padding, not OAEP: the key cannot open
        // RSA-OAEP-256 deliveries there, and import says so instead of failing at the first delivery
        String alias = "rsa-" + UUID.randomUUID().toString().substring(0, 8);
        hsm.generateRsa(alias, 2048);
        KeyStore ks = hsm.keyStore();

        assertThatThrownBy(() -> PartyDecryptionKey.fromKeyStore(ks, alias, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RSA-OAEP-256")
                .hasMessageContaining("SunPKCS11");
    }

    @Test
    void fromKeyStore_pkcs12RsaEntry_opensRsaOaep256Delivery(@TempDir Path dir) throws Exception {
        Path p12 = dir.resolve("bank.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", p12.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "bank-enc", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=bank", "-validity", "30")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        PartyDecryptionKey key = PartyDecryptionKey.fromKeyStore(ks, "bank-enc", "changeit".toCharArray());

        assertThat(key.publicKey().jweAlgorithm()).isEqualTo("RSA-OAEP-256");
        assertThat(sealAndOpen(key)).isInstanceOf(Opened.class);
    }

    @Test
    void fromKeyStore_wrongPassword_refusedWithoutRepeatingIt(@TempDir Path dir) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        assertThatThrownBy(() -> PartyDecryptionKey.fromKeyStore(ks, "absent", "hunter2".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no private key")
                .hasMessageNotContaining("hunter2");
    }
}
