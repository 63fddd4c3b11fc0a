package io.github.eidvn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ReceiptState;
import io.github.eidvn.core.consent.ReceiptStatus;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.postgres.AuditChain;
import io.github.eidvn.postgres.AuditLog;
import io.github.eidvn.postgres.AuditSecurityEventListener;
import io.github.eidvn.postgres.EidDatabase;
import io.github.eidvn.postgres.PostgresConsentRecords;
import io.github.eidvn.postgres.testing.TestDatabases;

/** The README's "Records" sample, run as a test on a real PostgreSQL; the README holds the marked region verbatim. */
class RecordsReadmeTest {

    @Test
    void readmeRecordsSample_runs() throws Exception {
        String jdbcUrl = TestDatabases.freshUrl();
        CitizenReferences references = CitizenReferences.generate();
        KeyRing issuerKeys = KeyRing.generate();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        String report;
        ReceiptStatus forTheOpener;
        try {
            // RECORDS-BEGIN
            try (EidDatabase db = EidDatabase.open(jdbcUrl)) {           // creates the schema on an empty database
                ConsentLedger ledger = ConsentLedger.builder().records(PostgresConsentRecords.of(db))
                        .references(references).build();               // record, list, withdraw, check, export
                forTheOpener = ledger.openings();                       // each opening decided once, and audited
                AuditLog audit = AuditLog.of(db, Clock.systemUTC());
                SecurityAudit accounts = SecurityAudit.of(Clock.systemUTC(), new AuditSecurityEventListener(audit));
                audit.scheduleCheckpoints(scheduler, Duration.ofMinutes(10), issuerKeys); // signs the head
                accounts.record(SecurityEventType.LOGIN_FAILED, "079303012345", null, "203.0.113.7", "bad_password");
                report = AuditChain.verify(db.dataSource(), TrustStore.of(issuerKeys)).toJson(); // {"ok":true,...
            }
            // RECORDS-END
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(report).isEqualTo("{\"ok\":true,\"entries\":1,\"checkpoints\":0,\"first_broken\":null}");
        assertThat(forTheOpener.check("AAAAAAAAAAAAAAAAAAAAAA", "vcb-bank", java.time.Instant.now()).status())
                .isEqualTo(ReceiptState.Status.UNAVAILABLE); // the database is closed: fail closed
    }

    @Test
    void readme_holdsTheRecordsSampleVerbatim() throws IOException {
        ReadmeSamples.assertReadmeHolds("RecordsReadmeTest.java", "            // RECORDS-BEGIN",
                "            // RECORDS-END");
    }
}
