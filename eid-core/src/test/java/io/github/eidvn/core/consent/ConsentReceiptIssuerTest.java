package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;

import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.SettableClock;

class ConsentReceiptIssuerTest {

    private static final Set<CitizenField> ASKED = EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME,
            CitizenField.BIRTHDATE, CitizenField.PHONE_NUMBER);
    private static final PersonalNumber CITIZEN = PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER);

    private SettableClock clock;
    private ConsentFixtures.Party bank;
    private KeyRing ring;
    private CitizenReferences refs;
    private ConsentReceiptIssuer receipts;
    private VerifiedRequest verified;

    @BeforeEach
    void setUp() {
        clock = SettableClock.at(AssertionFixtures.NOW);
        bank = ConsentFixtures.bank();
        ring = KeyRing.generate();
        refs = CitizenReferences.of(ConsentFixtures.secret());
        receipts = ConsentReceiptIssuer.builder().issuer(ConsentFixtures.ISSUER).keyRing(ring).references(refs)
                .clock(clock).build();
        verified = verify(bank);
    }

    private VerifiedRequest verify(ConsentFixtures.Party party) {
        String jws = ConsentRequestSigner.builder().partyId(party.party().id()).signingKey(party.signingKey())
                .audience(ConsentFixtures.ISSUER).clock(clock).build()
                .request("bank-ekyc", ASKED).purposeText("Mở tài khoản").sign().compactJws();
        return (VerifiedRequest) ConsentRequestVerifier.builder().registry(ConsentFixtures.registry(party))
                .audience(ConsentFixtures.ISSUER).clock(clock).build().verify(jws);
    }

    @Test
    void grant_partOfTheRequest_receiptHoldsTheNd13Items() {
        ConsentReceiptIssuer.Issued issued = receipts.grant(verified, CITIZEN,
                EnumSet.of(CitizenField.NAME, CitizenField.BIRTHDATE), Duration.ofDays(90));
        ConsentReceipt r = issued.receipt();
        assertThat(r.id()).matches("[A-Za-z0-9_-]{22}");
        assertThat(r.partyId()).isEqualTo("vcb-bank");
        assertThat(r.partyNameVi()).isEqualTo("Đơn vị vcb-bank");
        assertThat(r.partyContact()).isEqualTo("dpo@vcb-bank.example.vn");
        assertThat(r.purposeCode()).isEqualTo("bank-ekyc");
        assertThat(r.purposeText()).contains("Mở tài khoản");
        assertThat(r.fields()).containsExactly(CitizenField.NAME, CitizenField.BIRTHDATE);
        assertThat(r.grantedAt()).isEqualTo(AssertionFixtures.NOW);
        assertThat(r.expiresAt()).isEqualTo(AssertionFixtures.NOW.plus(Duration.ofDays(90)));
        assertThat(r.requestNonce()).isEqualTo(verified.request().nonce());
        assertThat(String.join("\n", r.describe())).contains("Đơn vị vcb-bank", "Họ, chữ đệm và tên",
                "Date of birth", "rút lại", "withdraw", "Nghị định 13/2023/NĐ-CP", "dpo@vcb-bank.example.vn");
    }

    @Test
    void receipt_namesTheCitizenByAPairwiseReferenceOnly() {
        ConsentReceiptIssuer.Issued issued = receipts.grant(verified, CITIZEN, ASKED, Duration.ofDays(1));
        assertThat(issued.receipt().citizenRef()).isEqualTo(refs.forParty("vcb-bank", CITIZEN)).hasSize(43);
        assertThat(issued.compactJws()).doesNotContain(ConsentFixtures.CITIZEN_NUMBER);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(issued.compactJws().split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(payload).doesNotContain(ConsentFixtures.CITIZEN_NUMBER);
        assertThat(refs.forParty("other-bank", CITIZEN)).isNotEqualTo(issued.receipt().citizenRef());
        assertThat(CitizenReferences.of(ConsentFixtures.secret()).forParty("vcb-bank", CITIZEN))
                .isNotEqualTo(issued.receipt().citizenRef());
        assertThat(refs.toString()).doesNotContain("secret=");
    }

    @Test
    void pairwiseReference_isHmacSha256OfPartyIdThenNumber() throws Exception {
        byte[] secret = ConsentFixtures.secret();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        byte[] expected = mac.doFinal(("vcb-bank" + ConsentFixtures.CITIZEN_NUMBER).getBytes(StandardCharsets.UTF_8));
        assertThat(CitizenReferences.of(secret).forParty("vcb-bank", CITIZEN))
                .isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
    }

    @Test
    void signedReceipt_verifiesWithTheIssuerKeyAndIsTypedAsAReceipt() throws Exception {
        ConsentReceiptIssuer.Issued issued = receipts.grant(verified, CITIZEN, ASKED, Duration.ofDays(1));
        JWSObject jws = JWSObject.parse(issued.compactJws());
        assertThat(jws.verify(new ECDSAVerifier(ring.current().publicKey()))).isTrue();
        assertThat(jws.getHeader().getType().toString()).isEqualTo("vneid-receipt+jwt");
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        assertThat(claims).containsEntry("jti", issued.receipt().id()).containsEntry("aud", "vcb-bank")
                .containsEntry("legal_basis", "Nghị định 13/2023/NĐ-CP").containsKeys("controller", "purpose",
                        "fields", "rights", "iat", "exp", "sub");
    }

    @Test
    void grant_fieldNotRequested_refused() {
        assertThatThrownBy(() -> receipts.grant(verified, CITIZEN, EnumSet.of(CitizenField.NAME,
                CitizenField.EMAIL), Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email");
        assertThatThrownBy(() -> receipts.grant(verified, CITIZEN, List.of(), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grant_validityOutOfRangeOrRequestExpired_refused() {
        assertThatThrownBy(() -> receipts.grant(verified, CITIZEN, ASKED, Duration.ofDays(400)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> receipts.grant(verified, CITIZEN, ASKED, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
        clock.advance(Duration.ofMinutes(6));
        assertThatThrownBy(() -> receipts.grant(verified, CITIZEN, ASKED, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expired");
    }

    @Test
    void builder_optionSetTwice_throws() {
        assertThatThrownBy(() -> ConsentReceiptIssuer.builder().issuer("a").issuer("b"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ConsentReceiptIssuer.builder().issuer("a").build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CitizenReferences.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
