package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.SettableClock;

/**
 * The limits of granting a receipt and of the ledger that keeps it: validity bounds, the request's own expiry, the
 * per-citizen bound, expiry at the exact second, and the builders' configure-once rules.
 */
class ConsentReceiptAndLedgerLimitsTest {

    private static final Set<CitizenField> ASKED = EnumSet.of(CitizenField.NAME, CitizenField.BIRTHDATE);
    private static final PersonalNumber CITIZEN = PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER);

    private SettableClock clock;
    private ConsentFixtures.Party bank;
    private CitizenReferences refs;
    private KeyRing keys;
    private ConsentReceiptIssuer receipts;
    private ConsentRequestSigner signer;
    private ConsentRequestVerifier verifier;
    private InMemoryStateStore store;

    @BeforeEach
    void setUp() {
        clock = SettableClock.at(AssertionFixtures.NOW);
        bank = ConsentFixtures.bank();
        refs = CitizenReferences.of(ConsentFixtures.secret());
        keys = KeyRing.generate();
        receipts = ConsentReceiptIssuer.builder().issuer(ConsentFixtures.ISSUER).keyRing(keys).references(refs)
                .clock(clock).build();
        signer = ConsentRequestSigner.builder().partyId("vcb-bank").signingKey(bank.signingKey())
                .audience(ConsentFixtures.ISSUER).clock(clock).build();
        verifier = ConsentRequestVerifier.builder().registry(ConsentFixtures.registry(bank))
                .audience(ConsentFixtures.ISSUER).clock(clock).build();
        store = InMemoryStateStore.create(clock);
    }

    private VerifiedRequest verified() {
        return (VerifiedRequest) verifier.verify(signer.request("bank-ekyc", ASKED).sign().compactJws());
    }

    @Test
    void grant_validityOfExactlyOneMinuteOrTheMaximum_accepted_outsideRefused() {
        VerifiedRequest v = verified();
        ConsentReceipt oneMinute = receipts.grant(v, CITIZEN, ASKED, Duration.ofMinutes(1)).receipt();
        assertThat(Duration.between(oneMinute.grantedAt(), oneMinute.expiresAt())).isEqualTo(Duration.ofMinutes(1));
        ConsentReceipt longest = receipts.grant(v, CITIZEN, ASKED, ConsentReceiptIssuer.DEFAULT_MAX_VALIDITY)
                .receipt();
        assertThat(Duration.between(longest.grantedAt(), longest.expiresAt()))
                .isEqualTo(ConsentReceiptIssuer.DEFAULT_MAX_VALIDITY);
        assertThatThrownBy(() -> receipts.grant(v, CITIZEN, ASKED, Duration.ofSeconds(59)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> receipts.grant(v, CITIZEN, ASKED,
                ConsentReceiptIssuer.DEFAULT_MAX_VALIDITY.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grant_noFieldsOrUnrequestedField_refused() {
        VerifiedRequest v = verified();
        assertThatThrownBy(() -> receipts.grant(v, CITIZEN, Set.of(), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> receipts.grant(v, CITIZEN, EnumSet.of(CitizenField.NAME, CitizenField.GENDER),
                Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gender");
    }

    @Test
    void grant_atTheRequestsExpiry_refused_oneSecondBefore_granted() {
        VerifiedRequest v = verified();
        Instant exp = v.request().expiresAt();
        clock.set(exp.minusSeconds(1));
        assertThat(receipts.grant(v, CITIZEN, ASKED, Duration.ofDays(1)).receipt().grantedAt())
                .isEqualTo(exp.minusSeconds(1));
        clock.set(exp);
        assertThatThrownBy(() -> receipts.grant(v, CITIZEN, ASKED, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grant_customMaxValidity_bindsTheGrant() {
        ConsentReceiptIssuer shortLived = ConsentReceiptIssuer.builder().issuer(ConsentFixtures.ISSUER).keyRing(keys)
                .references(refs).clock(clock).maxValidity(Duration.ofMinutes(1)).build();
        VerifiedRequest v = verified();
        assertThat(shortLived.grant(v, CITIZEN, ASKED, Duration.ofMinutes(1)).receipt().issuer())
                .isEqualTo(ConsentFixtures.ISSUER);
        assertThatThrownBy(() -> shortLived.grant(v, CITIZEN, ASKED, Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(shortLived.issuer()).isEqualTo(ConsentFixtures.ISSUER);
        assertThat(shortLived.toString()).contains(ConsentFixtures.ISSUER).contains(keys.current().kid())
                .contains("PT1M");
    }

    @Test
    void issuerBuilder_eachOptionOnce_requiredOptions_boundedValues() {
        ConsentReceiptIssuer.Builder b = ConsentReceiptIssuer.builder();
        assertThatThrownBy(() -> b.issuer("has space")).isInstanceOf(IllegalArgumentException.class);
        b.issuer(ConsentFixtures.ISSUER);
        assertThatThrownBy(() -> b.issuer(ConsentFixtures.ISSUER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        b.keyRing(keys);
        assertThatThrownBy(() -> b.keyRing(keys)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        b.references(refs);
        assertThatThrownBy(() -> b.references(refs)).isInstanceOf(IllegalStateException.class);
        b.clock(clock);
        assertThatThrownBy(() -> b.clock(clock)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.maxValidity(Duration.ofSeconds(59))).isInstanceOf(IllegalArgumentException.class);
        b.maxValidity(Duration.ofMinutes(1));
        assertThatThrownBy(() -> b.maxValidity(Duration.ofMinutes(2))).isInstanceOf(IllegalStateException.class);
        assertThat(b.build()).isNotNull();
        assertThatThrownBy(() -> ConsentReceiptIssuer.builder().keyRing(keys).references(refs).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ledger_checkAtTheExactExpiry_expired_oneSecondBefore_active() {
        ConsentLedger ledger = ConsentLedger.builder().store(store).references(refs).clock(clock).build();
        ConsentReceiptIssuer.Issued issued = receipts.grant(verified(), CITIZEN, ASKED, Duration.ofDays(1));
        ledger.record(CITIZEN, issued);
        Instant exp = issued.receipt().expiresAt();
        String id = issued.receipt().id();
        assertThat(ledger.check(id, "vcb-bank", exp.minusSeconds(1)).status()).isEqualTo(ReceiptState.Status.ACTIVE);
        assertThat(ledger.check(id, "vcb-bank", exp).status()).isEqualTo(ReceiptState.Status.EXPIRED);
        assertThat(ledger.check(id, "vcb-bank", exp).expiresAt()).contains(exp);
        assertThat(ledger.check(id, null, exp).status()).isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.check(null, "vcb-bank", exp).status()).isEqualTo(ReceiptState.Status.UNKNOWN);
    }

    @Test
    void ledger_withdrawAtTheExactExpiry_expired_oneSecondBefore_withdrawn() {
        ConsentLedger ledger = ConsentLedger.builder().store(store).references(refs).clock(clock).build();
        ConsentReceiptIssuer.Issued a = receipts.grant(verified(), CITIZEN, ASKED, Duration.ofDays(1));
        ConsentReceiptIssuer.Issued b = receipts.grant(verified(), CITIZEN, ASKED, Duration.ofDays(1));
        ledger.record(CITIZEN, a);
        ledger.record(CITIZEN, b);
        clock.set(a.receipt().expiresAt().minusSeconds(1));
        assertThat(ledger.withdraw(CITIZEN, a.receipt().id())).isEqualTo(ConsentLedger.WithdrawOutcome.WITHDRAWN);
        clock.set(b.receipt().expiresAt());
        assertThat(ledger.withdraw(CITIZEN, b.receipt().id())).isEqualTo(ConsentLedger.WithdrawOutcome.EXPIRED);
    }

    @Test
    void ledger_exactlyMaxPerCitizen_allRecorded_oneMore_limitReached() {
        ConsentLedger ledger = ConsentLedger.builder().store(store).references(refs).clock(clock).maxPerCitizen(2)
                .build();
        assertThat(ledger.record(CITIZEN, receipts.grant(verified(), CITIZEN, ASKED, Duration.ofDays(1))))
                .isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        assertThat(ledger.record(CITIZEN, receipts.grant(verified(), CITIZEN, ASKED, Duration.ofDays(1))))
                .isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        ConsentReceiptIssuer.Issued third = receipts.grant(verified(), CITIZEN, ASKED, Duration.ofDays(1));
        assertThat(ledger.record(CITIZEN, third)).isEqualTo(ConsentLedger.RecordOutcome.CITIZEN_LIMIT_REACHED);
        assertThat(ledger.check(third.receipt().id(), "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
    }

    @Test
    void ledger_recordKeptForTheRetentionAfterExpiry_thenGone() {
        ConsentLedger ledger = ConsentLedger.builder().store(store).references(refs).clock(clock)
                .retention(Duration.ofDays(2)).prefix("test:").build();
        ConsentReceiptIssuer.Issued issued = receipts.grant(verified(), CITIZEN, ASKED, Duration.ofDays(1));
        ledger.record(CITIZEN, issued);
        assertThat(store.liveKeys()).anyMatch(k -> k.startsWith("test:r:"));
        clock.set(issued.receipt().expiresAt().plus(Duration.ofDays(2)).minusSeconds(1));
        assertThat(ledger.check(issued.receipt().id(), "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.EXPIRED);
        clock.set(issued.receipt().expiresAt().plus(Duration.ofDays(2)));
        assertThat(ledger.check(issued.receipt().id(), "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.toString()).contains("test:").contains("PT48H");
    }

    @Test
    void ledgerBuilder_eachOptionOnce_requiredOptions_boundedValues() {
        ConsentLedger.Builder b = ConsentLedger.builder();
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        b.store(store);
        assertThatThrownBy(() -> b.store(store)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        b.references(refs);
        assertThatThrownBy(() -> b.references(refs)).isInstanceOf(IllegalStateException.class);
        b.clock(clock);
        assertThatThrownBy(() -> b.clock(clock)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.maxPerCitizen(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxPerCitizen(4097)).isInstanceOf(IllegalArgumentException.class);
        b.maxPerCitizen(4096);
        assertThatThrownBy(() -> b.maxPerCitizen(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.retention(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        b.retention(Duration.ZERO);
        assertThatThrownBy(() -> b.retention(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.prefix("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.prefix("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.prefix("p".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        b.prefix("p".repeat(64));
        assertThatThrownBy(() -> b.prefix("q")).isInstanceOf(IllegalStateException.class);
        assertThat(b.build().toString()).contains("maxPerCitizen=4096");
    }
}
