package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.SettableClock;

/** What a receipt says and equals: every part named, the optional purpose text, and the ledger's state values. */
class ConsentReceiptValuesTest {

    private static final Set<CitizenField> ASKED = EnumSet.of(CitizenField.NAME, CitizenField.BIRTHDATE);

    private final SettableClock clock = SettableClock.at(AssertionFixtures.NOW);
    private final ConsentFixtures.Party bank = ConsentFixtures.bank();
    private final ConsentReceiptIssuer receipts = ConsentReceiptIssuer.builder().issuer(ConsentFixtures.ISSUER)
            .keyRing(KeyRing.generate()).references(CitizenReferences.of(ConsentFixtures.secret())).clock(clock)
            .build();
    private final ConsentRequestSigner signer = ConsentRequestSigner.builder().partyId("vcb-bank")
            .signingKey(bank.signingKey()).audience(ConsentFixtures.ISSUER).clock(clock).build();
    private final ConsentRequestVerifier verifier = ConsentRequestVerifier.builder()
            .registry(ConsentFixtures.registry(bank)).audience(ConsentFixtures.ISSUER).clock(clock).build();

    private ConsentReceipt grant(String purposeText) {
        ConsentRequestSigner.Draft d = signer.request("bank-ekyc", ASKED);
        if (purposeText != null) {
            d.purposeText(purposeText);
        }
        VerifiedRequest v = (VerifiedRequest) verifier.verify(d.sign().compactJws());
        return receipts.grant(v, PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER), ASKED, Duration.ofDays(30))
                .receipt();
    }

    @Test
    void receipt_namesEveryPart() {
        ConsentReceipt r = grant("Mở tài khoản");
        assertThat(r.issuer()).isEqualTo(ConsentFixtures.ISSUER);
        assertThat(r.partyNameVi()).isEqualTo("Đơn vị vcb-bank");
        assertThat(r.partyNameEn()).isEqualTo("Organisation vcb-bank");
        assertThat(r.purposeNameVi()).isNotBlank();
        assertThat(r.purposeNameEn()).isNotBlank().isNotEqualTo(r.purposeNameVi());
        assertThat(r.purposeText()).contains("Mở tài khoản");
        assertThat(r.describe()).anyMatch(l -> l.contains(" — Mở tài khoản"));
        assertThat(r.toClaims().toString()).contains("Mở tài khoản");
        assertThat(r.toString()).contains(r.id()).contains("vcb-bank").contains("bank-ekyc")
                .doesNotContain(r.citizenRef());
    }

    @Test
    void receiptWithoutPurposeText_saysNothingExtra() {
        ConsentReceipt r = grant(null);
        assertThat(r.purposeText()).isEmpty();
        assertThat(r.describe()).noneMatch(l -> l.contains(" — "));
        assertThat(r.toClaims().toString()).doesNotContain("text");
    }

    @Test
    void receipts_equalByContent() {
        ConsentReceipt a = grant(null);
        ConsentReceipt copy = ConsentReceipt.fromClaims(a.toClaims());
        assertThat(copy).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a).isNotEqualTo(grant(null)).isNotEqualTo(a.id());
    }

    @Test
    void receiptState_values() {
        Instant t = AssertionFixtures.NOW;
        assertThatThrownBy(() -> ReceiptState.active(Set.of(), "bank-ekyc", t))
                .isInstanceOf(IllegalArgumentException.class);
        ReceiptState active = ReceiptState.active(ASKED, "bank-ekyc", t);
        assertThat(active.expiresAt()).contains(t);
        assertThat(active.toString()).isEqualTo("ReceiptState[ACTIVE, bank-ekyc, " + RelyingParty.names(ASKED) + "]");
        assertThat(ReceiptState.withdrawn(t).toString()).isEqualTo("ReceiptState[WITHDRAWN]");
        assertThat(ReceiptState.expired(t).expiresAt()).contains(t);
        assertThat(ReceiptState.unknown().expiresAt()).isEmpty();
    }
}
