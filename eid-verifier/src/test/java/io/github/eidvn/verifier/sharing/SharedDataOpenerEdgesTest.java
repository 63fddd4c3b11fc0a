package io.github.eidvn.verifier.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.sharing.SharingFormat;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.verifier.InMemoryReplayGuard;

/**
 * The edges of {@link SharedDataOpener}: the expected purpose and issuer, the replay guard choices, the size and
 * shape limits of a compact JWE, and the configure-once builder.
 */
class SharedDataOpenerEdgesTest {

    private static final Set<CitizenField> FIELDS = EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME);

    private SharingWorld w;
    private ConsentReceiptIssuer.Issued issued;
    private String nonce;
    private String jwe;

    @BeforeEach
    void setUp() {
        w = new SharingWorld();
        issued = w.consent("bank-ekyc", FIELDS, FIELDS);
        nonce = issued.receipt().requestNonce();
        jwe = w.seal(issued, ConsentFixtures.claims());
    }

    private static OpenReason reason(OpenResult r) {
        assertThat(r).isInstanceOf(OpenRejected.class);
        return ((OpenRejected) r).reason();
    }

    @Test
    void expectedPurpose_matching_opened_other_wrongPurpose() {
        assertThat(w.opener().receiptStatus(w.ledger).expectedPurpose("bank-ekyc").anyLevel().build().open(jwe, nonce))
                .isInstanceOf(Opened.class);
        assertThat(reason(w.opener().receiptStatus(w.ledger).expectedPurpose("ewallet-link").anyLevel().build()
                .open(jwe, nonce))).isEqualTo(OpenReason.WRONG_PURPOSE);
    }

    @Test
    void requiredLevel_satisfiedByTheDeliveredLevel() {
        assertThat(w.opener().receiptStatus(w.ledger).requiredLevel(AssuranceLevel.LEVEL_1).build().open(jwe, nonce))
                .isInstanceOf(Opened.class);
    }

    @Test
    void expectedIssuer_other_rejected() {
        SharedDataOpener o = SharedDataOpener.builder().decryptionKey(w.bankKey).partyId(w.bank.party().id())
                .trustStore(TrustStore.of(w.ring)).expectedIssuer("https://other.example.vn").clock(w.clock)
                .receiptStatus(w.ledger).anyLevel().build();
        assertThat(o.open(jwe, nonce)).isInstanceOf(OpenRejected.class);
    }

    @Test
    void withoutReplayGuard_opensTwice_sharedGuard_refusesTheSecond() {
        SharedDataOpener noGuard = w.opener().receiptStatus(w.ledger).withoutReplayGuard().anyLevel().build();
        assertThat(noGuard.open(jwe, nonce)).isInstanceOf(Opened.class);
        assertThat(noGuard.open(jwe, nonce)).isInstanceOf(Opened.class);
        InMemoryReplayGuard guard = InMemoryReplayGuard.withCapacity(10);
        SharedDataOpener a = w.opener().receiptStatus(w.ledger).replayGuard(guard).anyLevel().build();
        SharedDataOpener b = w.opener().receiptStatus(w.ledger).replayGuard(guard).anyLevel().build();
        assertThat(a.open(jwe, nonce)).isInstanceOf(Opened.class);
        assertThat(reason(b.open(jwe, nonce))).isEqualTo(OpenReason.REPLAYED);
    }

    @Test
    void withoutReceiptStatus_opensWithoutAskingTheLedger() {
        SharedDataOpener o = w.opener().withoutReceiptStatus().anyLevel().build();
        assertThat(o.open(jwe, nonce)).isInstanceOf(Opened.class);
    }

    @Test
    void compactJwe_sizeAndShapeLimits() {
        SharedDataOpener o = w.opener().receiptStatus(w.ledger).anyLevel().build();
        String exactly = "e30.." + "A".repeat(SharingFormat.MAX_JWE_CHARS - 9) + ".A.A";
        assertThat(exactly).hasSize(SharingFormat.MAX_JWE_CHARS);
        assertThat(reason(o.open(exactly, nonce))).isNotEqualTo(OpenReason.TOO_LARGE);
        assertThat(reason(o.open(exactly + "A", nonce))).isEqualTo(OpenReason.TOO_LARGE);
        String[] p = jwe.split("\\.", -1);
        assertThat(reason(o.open(p[0] + "." + p[1] + "." + p[2] + "." + p[3], nonce))).isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(o.open(jwe + ".x", nonce))).isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(o.open("." + p[1] + "." + p[2] + "." + p[3] + "." + p[4], nonce)))
                .isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(o.open(p[0] + "." + p[1] + ".." + p[3] + "." + p[4], nonce)))
                .isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(o.open(p[0] + "." + p[1] + "." + p[2] + "." + p[3] + ".", nonce)))
                .isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(o.open(p[0] + "." + p[1] + "." + p[2] + ".*." + p[4], nonce)))
                .isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(o.open("", nonce))).isEqualTo(OpenReason.MALFORMED);
        assertThat(reason(o.open(null, nonce))).isEqualTo(OpenReason.MALFORMED);
    }

    @Test
    void builder_eachOptionOnce_requiredParts() {
        SharedDataOpener.Builder b = SharedDataOpener.builder();
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        b.decryptionKey(w.bankKey);
        assertThatThrownBy(() -> b.decryptionKey(w.bankKey)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.partyId("")).isInstanceOf(IllegalArgumentException.class);
        b.partyId(w.bank.party().id());
        assertThatThrownBy(() -> b.partyId("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        b.trustStore(TrustStore.of(w.ring));
        assertThatThrownBy(() -> b.trustStore(TrustStore.of(w.ring))).isInstanceOf(IllegalStateException.class);
        b.expectedIssuer(ConsentFixtures.ISSUER);
        assertThatThrownBy(() -> b.expectedIssuer(ConsentFixtures.ISSUER)).isInstanceOf(IllegalStateException.class);
        b.receiptStatus(w.ledger);
        assertThatThrownBy(() -> b.receiptStatus(w.ledger)).isInstanceOf(IllegalStateException.class);
        b.replayGuard(InMemoryReplayGuard.withCapacity(5));
        assertThatThrownBy(() -> b.replayGuard(InMemoryReplayGuard.withCapacity(5)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.withoutReplayGuard().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::withoutReplayGuard).isInstanceOf(IllegalStateException.class);
        b.clock(w.clock);
        assertThatThrownBy(() -> b.clock(w.clock)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.clockSkew(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        b.clockSkew(SharedDataOpener.MAX_CLOCK_SKEW);
        assertThatThrownBy(() -> b.clockSkew(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        b.requiredLevel(AssuranceLevel.LEVEL_2);
        assertThatThrownBy(() -> b.requiredLevel(AssuranceLevel.LEVEL_1)).isInstanceOf(IllegalStateException.class);
        b.expectedPurpose("bank-ekyc");
        assertThatThrownBy(() -> b.expectedPurpose("bank-ekyc")).isInstanceOf(IllegalStateException.class);
        SharedDataOpener.Builder c = w.opener().withoutReceiptStatus().anyLevel();
        assertThatThrownBy(c::withoutReceiptStatus).isInstanceOf(IllegalStateException.class);
        assertThat(c.build().toString()).contains(w.bank.party().id()).contains("receiptStatus=false");
    }
}
