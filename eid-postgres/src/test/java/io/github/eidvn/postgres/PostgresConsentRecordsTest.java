package io.github.eidvn.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.postgres.testing.TestDatabases;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.ReceiptFactory;
import io.github.eidvn.testing.SettableClock;

/** What the PostgreSQL storage adds to the ledger contract: listing by party, purge, the audit of refusals. */
class PostgresConsentRecordsTest {

    private static final PersonalNumber CITIZEN = PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER);

    private final SettableClock clock = SettableClock.at(AssertionFixtures.NOW);
    private final CitizenReferences refs = CitizenReferences.of(ConsentFixtures.secret());
    private final ReceiptFactory receipts = new ReceiptFactory(clock, refs);
    private EidDatabase db;
    private PostgresConsentRecords records;

    @BeforeEach
    void setUp() {
        db = TestDatabases.fresh();
        records = PostgresConsentRecords.of(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void listByParty_purge_andTheAuditOfARefusedGrant() throws Exception {
        ConsentLedger ledger = ConsentLedger.builder().records(records).references(refs).clock(clock)
                .maxPerCitizen(2).retention(Duration.ofDays(1)).build();
        ConsentReceiptIssuer.Issued shortOne = receipts.grant(CITIZEN, Duration.ofDays(1));
        ConsentReceiptIssuer.Issued longOne = receipts.grant(CITIZEN, Duration.ofDays(30));
        assertThat(ledger.record(CITIZEN, shortOne)).isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        assertThat(ledger.record(CITIZEN, longOne)).isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        assertThat(ledger.record(CITIZEN, receipts.grant(CITIZEN, Duration.ofDays(30))))
                .isEqualTo(ConsentLedger.RecordOutcome.CITIZEN_LIMIT_REACHED);
        assertThat(records.listByParty("vcb-bank", clock.instant())).extracting(r -> r.receiptId())
                .containsExactly(shortOne.receipt().id(), longOne.receipt().id());
        assertThat(records.listByParty("other-bank", clock.instant())).isEmpty();

        assertThat(records.purge(clock.instant())).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(records.purge(clock.instant())).isEqualTo(1);
        assertThat(records.listByOwner(ledger.reference(CITIZEN), clock.instant())).extracting(r -> r.receiptId())
                .containsExactly(longOne.receipt().id());

        List<String> audited = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT event_type, detail, subject FROM eid_audit_event ORDER BY seq")) {
            while (rs.next()) {
                audited.add(rs.getString(1) + ":" + rs.getString(2));
                assertThat(rs.getString(3)).isEqualTo(ledger.reference(CITIZEN));
            }
        }
        assertThat(audited).containsExactly("consent.granted:purpose=bank-ekyc", "consent.granted:purpose=bank-ekyc",
                "consent.refused:citizen_limit_reached");
    }

    @Test
    void export_givesTheCitizensReceiptsAndTheHistoryOfWhoOpenedThem_withoutOtherCitizens() throws Exception {
        ConsentLedger ledger = ConsentLedger.builder().records(records).references(refs).clock(clock).build();
        PersonalNumber other = PersonalNumber.of("001099012346");
        String ref = ledger.reference(CITIZEN);
        AuditLog audit = AuditLog.of(db, clock);
        audit.append(AuditEvent.consent(AuditEvent.Consent.REQUESTED, clock.instant(), ref, "", "vcb-bank",
                "purpose=bank-ekyc"));
        ConsentReceiptIssuer.Issued mine = receipts.grant(CITIZEN, Duration.ofDays(30));
        ConsentReceiptIssuer.Issued theirs = receipts.grant(other, Duration.ofDays(30));
        ledger.record(CITIZEN, mine);
        ledger.record(other, theirs);
        String id = mine.receipt().id();
        clock.advance(Duration.ofMinutes(1));
        ledger.open(id, "vcb-bank", clock.instant());                  // the bank opens the citizen's data
        ledger.open(id, "other-bank", clock.instant());                // another party tries: refused
        ledger.open(theirs.receipt().id(), "vcb-bank", clock.instant()); // another citizen's data: not in the export
        audit.append(AuditEvent.account(SecurityAudit.loggingOnly(clock).record(SecurityEventType.LOGIN_FAILED,
                ConsentFixtures.CITIZEN_NUMBER, null, "203.0.113.7", "bad_password"))); // not consent history
        clock.advance(Duration.ofMinutes(1));
        ledger.withdraw(CITIZEN, id);
        ledger.open(id, "vcb-bank", clock.instant());

        String json = records.export(ref, clock.instant());

        JsonNode export = new ObjectMapper().readTree(json);
        assertThat(export.get("legal_basis").asText()).isEqualTo("Nghị định 13/2023/NĐ-CP");
        assertThat(export.get("citizen_reference").asText()).isEqualTo(ref);
        assertThat(export.get("consents")).hasSize(1);
        JsonNode consent = export.get("consents").get(0);
        assertThat(consent.get("receipt_id").asText()).isEqualTo(id);
        assertThat(consent.get("party_id").asText()).isEqualTo("vcb-bank");
        assertThat(consent.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(consent.get("withdrawn_at").asText()).isEqualTo(clock.instant().toString());
        assertThat(consent.get("receipt_jws").asText()).isEqualTo(mine.compactJws());
        // the same receipt fields as the ledger's own export
        JsonNode core = new ObjectMapper().readTree(ledger.export(CITIZEN)).get("consents").get(0);
        for (String field : List.of("receipt_id", "status", "withdrawn_at", "receipt", "receipt_jws")) {
            assertThat(consent.get(field)).as(field).isEqualTo(core.get(field));
        }

        List<String> history = new ArrayList<>();
        for (JsonNode e : export.get("history")) {
            history.add(e.get("event").asText() + " " + e.get("party_id").asText() + " " + e.get("receipt_id")
                    .asText() + (e.get("detail").asText().isEmpty() ? "" : " " + e.get("detail").asText()));
        }
        assertThat(history).containsExactly(
                "consent.requested vcb-bank  purpose=bank-ekyc",
                "consent.granted vcb-bank " + id + " purpose=bank-ekyc",
                "consent.opened vcb-bank " + id,
                "consent.refused other-bank " + id + " receipt_unknown",
                "consent.withdrawn vcb-bank " + id,
                "consent.refused vcb-bank " + id + " receipt_withdrawn");
        JsonNode opened = export.get("history").get(2);
        assertThat(opened.get("at").asText()).isEqualTo(AuditChain.format(AssertionFixtures.NOW.plusSeconds(60)));
        assertThat(opened.get("seq").asLong()).isPositive();
        assertThat(json).doesNotContain(ConsentFixtures.CITIZEN_NUMBER, other.value(), ledger.reference(other),
                theirs.receipt().id(), "account.");
    }

    @Test
    void export_unknownReference_isAnEmptyAnswer_andABadReferenceIsRefused() throws Exception {
        JsonNode export = new ObjectMapper().readTree(records.export("nobody", clock.instant()));
        assertThat(export.get("consents")).isEmpty();
        assertThat(export.get("history")).isEmpty();
        assertThatThrownBy(() -> records.export("", clock.instant())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> records.export("x".repeat(129), clock.instant()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
