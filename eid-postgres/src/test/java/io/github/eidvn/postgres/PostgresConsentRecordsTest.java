package io.github.eidvn.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
}
