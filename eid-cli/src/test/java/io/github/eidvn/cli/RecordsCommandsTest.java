package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.postgres.AuditLog;
import io.github.eidvn.postgres.EidDatabase;
import io.github.eidvn.postgres.PostgresConsentRecords;
import io.github.eidvn.postgres.testing.TestDatabases;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.ReceiptFactory;

/** {@code eid audit verify}, {@code eid ledger list} and {@code eid ledger export} on a real PostgreSQL. */
class RecordsCommandsTest {

    @Test
    void ledgerListAndAuditVerify_onRecordedConsents_thenBrokenAfterTampering(@TempDir Path dir) throws Exception {
        String url = TestDatabases.freshUrl();
        KeyRing issuer = KeyRing.generate();
        String reference;
        String receiptId;
        try (EidDatabase db = EidDatabase.open(url)) {
            CitizenReferences refs = CitizenReferences.of(ConsentFixtures.secret());
            PersonalNumber citizen = PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER);
            ConsentLedger ledger = ConsentLedger.builder().records(PostgresConsentRecords.of(db)).references(refs)
                    .build();
            ConsentReceiptIssuer.Issued issued = new ReceiptFactory(Clock.systemUTC(), refs, issuer)
                    .grant(citizen, Duration.ofDays(30));
            ledger.record(citizen, issued);
            ledger.withdraw(citizen, issued.receipt().id());
            reference = ledger.reference(citizen);
            receiptId = issued.receipt().id();
            AuditLog.of(db, Clock.systemUTC()).checkpoint(issuer).orElseThrow();
        }
        CliRun byCitizen = CliRun.run("ledger", "list", "--jdbc", url, "--citizen", reference);
        assertThat(byCitizen.exit()).as(byCitizen.err()).isZero();
        JsonNode list = byCitizen.json();
        assertThat(list.get("count").asInt()).isEqualTo(1);
        assertThat(list.get("receipts").get(0).get("receipt_id").asText()).isEqualTo(receiptId);
        assertThat(list.get("receipts").get(0).get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(list.get("receipts").get(0).get("receipt").get("jti").asText()).isEqualTo(receiptId);
        assertThat(byCitizen.out()).doesNotContain(ConsentFixtures.CITIZEN_NUMBER);
        // a personal number given by mistake: usage error, not an empty answer
        CliRun byNumber = CliRun.run("ledger", "list", "--jdbc", url, "--citizen", ConsentFixtures.CITIZEN_NUMBER);
        assertThat(byNumber.exit()).isEqualTo(2);
        assertThat(byNumber.err()).contains("not the personal number");

        // the citizen's Nghị định 13 export: the receipt and the history of its consent
        CliRun export = CliRun.run("ledger", "export", "--jdbc", url, "--citizen", reference);
        assertThat(export.exit()).as(export.err()).isZero();
        JsonNode answer = export.json();
        assertThat(answer.get("legal_basis").asText()).isEqualTo("Nghị định 13/2023/NĐ-CP");
        assertThat(answer.get("consents").get(0).get("receipt_id").asText()).isEqualTo(receiptId);
        assertThat(answer.get("consents").get(0).get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(answer.get("history")).extracting(e -> e.get("event").asText())
                .containsExactly("consent.granted", "consent.withdrawn");
        assertThat(export.out()).doesNotContain(ConsentFixtures.CITIZEN_NUMBER);
        CliRun nobody = CliRun.run("ledger", "export", "--jdbc", url, "--citizen", "A".repeat(43));
        assertThat(nobody.exit()).isZero();
        assertThat(nobody.json().get("consents")).isEmpty();
        assertThat(CliRun.run("ledger", "export", "--jdbc", url).exit()).isEqualTo(2);
        assertThat(CliRun.run("ledger", "export", "--jdbc", url, "--citizen", ConsentFixtures.CITIZEN_NUMBER).exit())
                .isEqualTo(2);

        assertThat(CliRun.run("ledger", "list", "--jdbc", url, "--party", "vcb-bank").json().get("count").asInt())
                .isEqualTo(1);
        assertThat(CliRun.run("ledger", "list", "--jdbc", url, "--party", "other").json().get("count").asInt())
                .isZero();
        assertThat(CliRun.run("ledger", "list", "--jdbc", url).exit()).isEqualTo(2);
        assertThat(CliRun.run("ledger", "list", "--jdbc", url, "--party", "a", "--citizen", "b").exit())
                .isEqualTo(2);

        Path jwks = Files.writeString(dir.resolve("issuer.jwks"), issuer.publicJwksJson());
        CliRun intact = CliRun.run("audit", "verify", "--jdbc", url, "--jwks", jwks.toString());
        assertThat(intact.exit()).as(intact.err()).isZero();
        assertThat(intact.out().trim()).isEqualTo(
                "{\"ok\":true,\"entries\":2,\"checkpoints\":1,\"first_broken\":null}");
        CliRun linksOnly = CliRun.run("audit", "verify", "--jdbc", url);
        assertThat(linksOnly.exit()).isZero();
        assertThat(linksOnly.err()).contains("not checked");

        try (EidDatabase db = EidDatabase.open(url); Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE eid_audit_event DISABLE TRIGGER eid_audit_event_append_only");
            st.execute("DELETE FROM eid_audit_event WHERE seq = 1");
        }
        CliRun broken = CliRun.run("audit", "verify", "--jdbc", url, "--jwks", jwks.toString());
        assertThat(broken.exit()).isEqualTo(1);
        JsonNode report = broken.json();
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("entries").asInt()).isEqualTo(1);
        assertThat(report.get("first_broken").get("seq").asInt()).isEqualTo(1);
        assertThat(report.get("first_broken").get("kind").asText()).isEqualTo("DELETED");
    }

    @Test
    void auditVerify_unreachableDatabase_usageErrorWithoutTheUrl() {
        CliRun r = CliRun.run("audit", "verify", "--jdbc",
                "jdbc:postgresql://127.0.0.1:1/eid?user=u&password=s3cr3t&connectTimeout=2");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("database unavailable").doesNotContain("s3cr3t");
        assertThat(CliRun.run("audit", "verify", "--jdbc", "mysql://x").exit()).isEqualTo(2);
    }
}
