package io.github.eidvn.verifier.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.testing.ConsentFixtures;

/** The sealed-package side of the verifier policy: low-S, lifetime cap, issuer bound to its key, explicit choices. */
class SharedDataOpenerPolicyTest {

    private static final BigInteger N = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private SharingWorld w;
    private String nonce;
    private String jwe;

    @BeforeEach
    void setUp() {
        w = new SharingWorld();
        ConsentReceiptIssuer.Issued issued = w.consent("bank-ekyc", EnumSet.of(CitizenField.NAME),
                EnumSet.of(CitizenField.NAME));
        nonce = issued.receipt().requestNonce();
        jwe = w.seal(issued, ConsentFixtures.claims());
    }

    private static OpenReason reason(OpenResult r) {
        assertThat(r).isInstanceOf(OpenRejected.class);
        return ((OpenRejected) r).reason();
    }

    private String inner() throws Exception {
        JWEObject o = JWEObject.parse(jwe);
        o.decrypt(w.bankKey.decrypter());
        return o.getPayload().toString();
    }

    private String encrypt(String inner) throws Exception {
        JWEObject o = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                .contentType("JWT").keyID(w.bankKey.kid()).build(), new Payload(inner));
        o.encrypt(new ECDHEncrypter((ECPublicKey) w.bank.party().encryptionKey().publicKey()));
        return o.serialize();
    }

    private String resealed(Consumer<Map<String, Object>> change) throws Exception {
        ConsentFixtures.Parts p = ConsentFixtures.open(inner());
        change.accept(p.claims());
        return encrypt(ConsentFixtures.signRaw(w.ring.current(), p.header(), p.claims()));
    }

    @Test
    void highSTwinOfTheIssuerSignature_rejectedNonCanonical() throws Exception {
        String[] parts = inner().split("\\.");
        byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        assertThat(s).isLessThanOrEqualTo(N.shiftRight(1)); // the sealer signs low-S
        byte[] high = N.subtract(s).toByteArray();
        byte[] twin = sig.clone();
        Arrays.fill(twin, 32, 64, (byte) 0);
        int len = Math.min(32, high.length);
        System.arraycopy(high, high.length - len, twin, 64 - len, len);
        String malleated = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(twin);
        SharedDataOpener opener = w.opener().receiptStatus(w.ledger).anyLevel().build();
        assertThat(reason(opener.open(encrypt(malleated), nonce))).isEqualTo(OpenReason.NON_CANONICAL_SIGNATURE);
        assertThat(opener.open(jwe, nonce)).isInstanceOf(Opened.class);
    }

    @Test
    void packageValidForTenYears_rejectedLifetimeTooLong() throws Exception {
        String tenYears = resealed(c -> c.put("exp", ((Number) c.get("iat")).longValue() + 10L * 365 * 86_400));
        SharedDataOpener opener = w.opener().receiptStatus(w.ledger).anyLevel().build();
        assertThat(reason(opener.open(tenYears, nonce))).isEqualTo(OpenReason.LIFETIME_TOO_LONG);
    }

    @Test
    void loweredCap_refusesALongerPackage_andCannotBeRaised() throws Exception {
        String halfHour = resealed(c -> c.put("exp", ((Number) c.get("iat")).longValue() + 1_800));
        SharedDataOpener strict = w.opener().receiptStatus(w.ledger).anyLevel().maxLifetime(Duration.ofMinutes(10))
                .build();
        assertThat(reason(strict.open(halfHour, nonce))).isEqualTo(OpenReason.LIFETIME_TOO_LONG);
        assertThat(w.opener().receiptStatus(w.ledger).anyLevel().build().open(halfHour, nonce))
                .isInstanceOf(Opened.class);
        assertThatThrownBy(() -> SharedDataOpener.builder().maxLifetime(Duration.ofHours(1).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_withoutExpectedIssuerOrLevelChoice_fails() {
        SharedDataOpener.Builder noIssuer = SharedDataOpener.builder().decryptionKey(w.bankKey)
                .partyId(w.bank.party().id()).trustStore(TrustStore.of(w.ring)).withoutReceiptStatus().anyLevel();
        assertThatThrownBy(noIssuer::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expectedIssuer");
        SharedDataOpener.Builder noLevel = w.opener().withoutReceiptStatus();
        assertThatThrownBy(noLevel::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("anyLevel");
        assertThatThrownBy(() -> SharedDataOpener.builder().expectedIssuers(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedDataOpener.builder().anyLevel().requiredLevel(
                io.github.eidvn.core.assurance.AssuranceLevel.LEVEL_2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void issuerNotAmongTheExpected_rejectedWrongIssuer_oneOfSeveral_opens() {
        SharedDataOpener other = SharedDataOpener.builder().decryptionKey(w.bankKey).partyId(w.bank.party().id())
                .trustStore(TrustStore.of(w.ring)).expectedIssuers(List.of("https://a.example.vn",
                        "https://b.example.vn")).clock(w.clock).receiptStatus(w.ledger).anyLevel().build();
        assertThat(reason(other.open(jwe, nonce))).isEqualTo(OpenReason.WRONG_ISSUER);
        SharedDataOpener several = SharedDataOpener.builder().decryptionKey(w.bankKey).partyId(w.bank.party().id())
                .trustStore(TrustStore.of(w.ring)).expectedIssuers(List.of("https://a.example.vn",
                        ConsentFixtures.ISSUER)).clock(w.clock).receiptStatus(w.ledger).anyLevel().build();
        assertThat(several.open(jwe, nonce)).isInstanceOf(Opened.class);
    }

    @Test
    void keyOfAnotherTrustedIssuer_claimingTheExpectedIssuer_rejectedWrongIssuer() throws Exception {
        KeyRing other = KeyRing.generate();
        ConsentFixtures.Parts p = ConsentFixtures.open(inner());
        p.header().put("kid", other.current().kid());
        String forged = encrypt(ConsentFixtures.signRaw(other.current(), p.header(), p.claims()));
        TrustStore perIssuer = TrustStore.builder().issuer(ConsentFixtures.ISSUER, TrustStore.of(w.ring))
                .issuer("https://other.example.vn", TrustStore.of(other)).build();
        SharedDataOpener opener = SharedDataOpener.builder().decryptionKey(w.bankKey).partyId(w.bank.party().id())
                .trustStore(perIssuer).expectedIssuers(perIssuer.issuers()).clock(w.clock).receiptStatus(w.ledger)
                .anyLevel().build();
        assertThat(reason(opener.open(forged, nonce))).isEqualTo(OpenReason.WRONG_ISSUER);
        assertThat(opener.open(jwe, nonce)).isInstanceOf(Opened.class);
    }

    @Test
    void level2PackageWithoutALevel2Method_rejectedLevelWithoutMethod() throws Exception {
        SharedDataOpener opener = w.opener().receiptStatus(w.ledger).anyLevel().build();
        String noAmr = resealed(c -> c.remove("amr"));
        assertThat(reason(opener.open(noAmr, nonce))).isEqualTo(OpenReason.LEVEL_WITHOUT_METHOD);
        String pwdAndChip = resealed(c -> c.put("amr", List.of("pwd", "sc")));
        assertThat(reason(opener.open(pwdAndChip, nonce))).isEqualTo(OpenReason.LEVEL_WITHOUT_METHOD);
        String fingerprint = resealed(c -> c.put("amr", List.of("sc", "fpt")));
        assertThat(opener.open(fingerprint, nonce)).isInstanceOf(Opened.class);
    }

    @Test
    void sealRequest_level2WithoutALevel2Method_refusedWhenBuilt() {
        ConsentReceiptIssuer.Issued issued = w.consent("bank-ekyc", EnumSet.of(CitizenField.NAME),
                EnumSet.of(CitizenField.NAME));
        assertThatThrownBy(() -> io.github.eidvn.core.sharing.SealRequest.forReceipt(issued.receipt(),
                w.bank.party().encryptionKey()).claims(ConsentFixtures.claims())
                .level(io.github.eidvn.core.assurance.AssuranceLevel.LEVEL_2).methods("pwd").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("level-2 method");
        assertThatThrownBy(() -> io.github.eidvn.core.sharing.SealRequest.forReceipt(issued.receipt(),
                w.bank.party().encryptionKey()).claims(ConsentFixtures.claims()).methods("face").build())
                .isInstanceOf(IllegalStateException.class);
    }
}
