package io.github.eidvn.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.testing.SettableClock;
import io.github.eidvn.postgres.testing.TestDatabases;

/** The audit chain against a real PostgreSQL: the trigger, and each kind of tampering an administrator could do. */
class AuditChainTest {

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-12-04T08:00:00.123456789Z"));
    private final KeyRing issuer = KeyRing.generate();
    private EidDatabase db;
    private AuditLog audit;

    @BeforeEach
    void setUp() {
        db = TestDatabases.fresh();
        audit = AuditLog.of(db, clock);
        SecurityAudit accounts = SecurityAudit.of(clock, new AuditSecurityEventListener(audit));
        for (int i = 0; i < 10; i++) {
            audit.append(AuditEvent.consent(AuditEvent.Consent.GRANTED, clock.instant(), "ref-" + i,
                    "receipt000000000" + i, "vcb-bank", "purpose=bank-ekyc"));
            accounts.record(SecurityEventType.LOGIN_FAILED, "079303012345", "dev-1", "203.0.113.7", "wrong_password");
            clock.advance(java.time.Duration.ofSeconds(1));
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private AuditChain.Report verify() {
        return AuditChain.verify(db.dataSource(), TrustStore.of(issuer));
    }

    private static void assertFirstBreak(AuditChain.Report r, long seq, AuditChain.BreakKind kind) {
        assertThat(r.ok()).isFalse();
        AuditChain.Break b = r.firstBroken().orElseThrow();
        assertThat(b.seq()).as("seq of the first break").isEqualTo(seq);
        assertThat(b.kind()).as("kind of the first break").isEqualTo(kind);
    }

    private void asAdministrator(String... sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE eid_audit_event DISABLE TRIGGER eid_audit_event_append_only");
            for (String s : sql) {
                st.execute(s);
            }
            st.execute("ALTER TABLE eid_audit_event ENABLE TRIGGER eid_audit_event_append_only");
        }
    }

    @Test
    void verify_intactChain_okWithEveryEntry() {
        AuditChain.Report r = verify();
        assertThat(r.ok()).isTrue();
        assertThat(r.entries()).isEqualTo(20);
        assertThat(r.toJson()).isEqualTo("{\"ok\":true,\"entries\":20,\"checkpoints\":0,\"first_broken\":null}");
    }

    @Test
    void accountEvents_areRecordedMaskedWithoutThePersonalNumber() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT subject, detail FROM eid_audit_event "
                        + "WHERE event_type = 'account.login_failed' ORDER BY seq LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("079*******45");
            assertThat(rs.getString(2)).isEqualTo("device=dev-1 source=203.0.113.7 detail=wrong_password");
        }
    }

    @Test
    void trigger_refusesUpdateDeleteAndTruncate() {
        for (String sql : List.of("UPDATE eid_audit_event SET detail = 'x' WHERE seq = 3",
                "DELETE FROM eid_audit_event WHERE seq = 3", "TRUNCATE eid_audit_event",
                "TRUNCATE eid_audit_checkpoint")) {
            assertThatThrownBy(() -> {
                try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                    st.execute(sql);
                }
            }).as(sql).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        audit.checkpoint(issuer).orElseThrow();
        assertThatThrownBy(() -> {
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("UPDATE eid_audit_checkpoint SET checkpoint_jws = 'x'");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void applicationRole_cannotChangeTheAuditNorDisableItsTrigger() throws SQLException {
        String role = "eid_app_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        String url;
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'app-test'");
            st.execute("GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO " + role);
            st.execute("GRANT UPDATE, DELETE ON eid_audit_event TO " + role); // even granted, the trigger refuses
            url = c.getMetaData().getURL();
        }
        String appUrl = url + (url.contains("?") ? "&" : "?") + "user=" + role + "&password=app-test";
        try (Connection app = java.sql.DriverManager.getConnection(appUrl); Statement st = app.createStatement()) {
            assertThatThrownBy(() -> st.execute("UPDATE eid_audit_event SET detail = 'x' WHERE seq = 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.execute("DELETE FROM eid_audit_event WHERE seq = 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.execute(
                    "ALTER TABLE eid_audit_event DISABLE TRIGGER eid_audit_event_append_only"))
                    .hasMessageContaining("owner");
        }
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void verify_deletedRow_reportedAtItsSequenceNumber() throws SQLException {
        asAdministrator("DELETE FROM eid_audit_event WHERE seq = 7");
        AuditChain.Report r = verify();
        assertFirstBreak(r, 7, AuditChain.BreakKind.DELETED);
        assertThat(r.toJson()).startsWith("{\"ok\":false,\"entries\":19,").contains("\"seq\":7,\"kind\":\"DELETED\"");
    }

    @Test
    void verify_changedRow_reportedAsChanged() throws SQLException {
        asAdministrator("UPDATE eid_audit_event SET party_id = 'other-bank' WHERE seq = 5");
        assertFirstBreak(verify(), 5, AuditChain.BreakKind.CHANGED);
    }

    @Test
    void verify_changedAndRehashedRow_reportedWhereTheLinkBreaks() throws SQLException {
        byte[] prev = hashOf(4);
        AuditEvent forged = new AuditEvent("consent.withdrawn", clock.instant(), "ref-2", "receipt0000000002",
                "vcb-bank", "");
        asAdministrator(update(5, forged, prev));
        assertFirstBreak(verify(), 6, AuditChain.BreakKind.UNLINKED);
    }

    @Test
    void verify_insertedRow_reportedAsInserted() throws SQLException {
        byte[] prev = hashOf(4);
        AuditEvent forged = new AuditEvent("consent.granted", clock.instant(), "ref-x", "receipt000000000x",
                "vcb-bank", "purpose=bank-ekyc");
        // make room after row 4 (moving the rows up, highest first) and insert a well-hashed row linked to row 4
        List<String> sql = new ArrayList<>();
        for (long s = 20; s >= 5; s--) {
            sql.add("UPDATE eid_audit_event SET seq = " + (s + 1) + " WHERE seq = " + s);
        }
        sql.add(insert(5, forged, prev));
        asAdministrator(sql.toArray(new String[0]));
        AuditChain.Report r = verify();
        assertThat(r.entries()).isEqualTo(21);
        assertFirstBreak(r, 5, AuditChain.BreakKind.INSERTED);
    }

    @Test
    void verify_tailRewrittenBySuperuser_caughtByTheSignedCheckpoint() throws SQLException {
        String checkpoint = audit.checkpoint(issuer).orElseThrow();
        audit.append(AuditEvent.consent(AuditEvent.Consent.OPENED, clock.instant(), "ref-1", "receipt0000000001",
                "vcb-bank", ""));
        // a superuser rewrites rows 8.. with a consistent chain: every link and hash checks out
        List<String> sql = new ArrayList<>();
        sql.add("DELETE FROM eid_audit_event WHERE seq >= 8");
        byte[] prev = hashOf(7);
        for (long s = 8; s <= 21; s++) {
            AuditEvent e = new AuditEvent("account.login_succeeded", clock.instant(), "*********345", "", "",
                    "device=- source=- detail=-");
            sql.add(insert(s, e, prev));
            prev = AuditChain.hash(prev, e);
        }
        asAdministrator(sql.toArray(new String[0]));
        AuditChain.Report r = verify();
        assertThat(r.entries()).isEqualTo(21);
        assertFirstBreak(r, 20, AuditChain.BreakKind.CHECKPOINT_MISMATCH);
        // ... and when the checkpoints are deleted too, the one kept outside the database still catches it
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE eid_audit_checkpoint DISABLE TRIGGER eid_audit_checkpoint_append_only");
            st.execute("DELETE FROM eid_audit_checkpoint");
        }
        assertThat(verify().ok()).isTrue();
        AuditChain.Report withKept = AuditChain.verify(db.dataSource(), TrustStore.of(issuer), checkpoint);
        assertThat(withKept.firstBroken().orElseThrow().kind()).isEqualTo(AuditChain.BreakKind.CHECKPOINT_MISMATCH);
    }

    @Test
    void verify_truncatedTail_caughtByTheCheckpoint() throws SQLException {
        audit.checkpoint(issuer).orElseThrow();
        asAdministrator("DELETE FROM eid_audit_event WHERE seq >= 15");
        assertFirstBreak(verify(), 15, AuditChain.BreakKind.TRUNCATED);
    }

    @Test
    void verify_checkpointSignedByAnotherKey_badCheckpoint() {
        audit.checkpoint(KeyRing.generate()).orElseThrow();
        AuditChain.Break b = verify().firstBroken().orElseThrow();
        assertThat(b.kind()).isEqualTo(AuditChain.BreakKind.BAD_CHECKPOINT);
        assertThat(AuditChain.verify(db.dataSource(), TrustStore.of(issuer), "not.a.jws").ok()).isFalse();
    }

    @Test
    void scheduledCheckpoints_signTheHeadPeriodically() throws Exception {
        java.util.concurrent.ScheduledExecutorService ex = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        try {
            audit.scheduleCheckpoints(ex, java.time.Duration.ofSeconds(1), issuer);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (verify().checkpoints() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            ex.shutdownNow();
        }
        AuditChain.Report r = verify();
        assertThat(r.checkpoints()).isPositive();
        assertThat(r.ok()).isTrue();
    }

    @Test
    void hash_matchesAnIndependentImplementation_python3Hashlib(@TempDir Path dir) throws Exception {
        // rows exported as text; python3's hashlib recomputes every hash from the documented encoding
        StringBuilder rows = new StringBuilder();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT occurred_at, event_type, subject, receipt_id, party_id, "
                        + "detail, prev_hash, hash FROM eid_audit_event ORDER BY seq")) {
            while (rs.next()) {
                Instant at = rs.getObject(1, OffsetDateTime.class).toInstant();
                rows.append(at.getEpochSecond()).append('\t').append(at.getNano() / 1000);
                for (int i = 2; i <= 6; i++) {
                    rows.append('\t').append(HexFormat.of().formatHex(rs.getString(i).getBytes(StandardCharsets.UTF_8)));
                }
                rows.append('\t').append(HexFormat.of().formatHex(rs.getBytes(7)));
                rows.append('\t').append(HexFormat.of().formatHex(rs.getBytes(8))).append('\n');
            }
        }
        Path data = Files.writeString(dir.resolve("rows.tsv"), rows);
        Path script = Files.writeString(dir.resolve("chain.py"), String.join("\n",
                "import hashlib, struct, sys, datetime",
                "prev = bytes(32)",
                "n = 0",
                "for line in open(sys.argv[1]):",
                "    sec, micro, *f = line.rstrip('\\n').split('\\t')",
                "    t = datetime.datetime.fromtimestamp(int(sec), datetime.timezone.utc)",
                "    at = t.strftime('%Y-%m-%dT%H:%M:%S') + '.%06dZ' % int(micro)",
                "    fields = [at.encode()] + [bytes.fromhex(x) for x in f[:5]]",
                "    stored_prev, stored = bytes.fromhex(f[5]), bytes.fromhex(f[6])",
                "    assert stored_prev == prev, n",
                "    h = hashlib.sha256(b'eid-audit-v1' + prev)",
                "    for x in fields:",
                "        h.update(struct.pack('>I', len(x)) + x)",
                "    assert h.digest() == stored, n",
                "    prev = stored",
                "    n += 1",
                "print(n)", ""));
        Process p = new ProcessBuilder("python3", script.toString(), data.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("20");
        assertThat(p.exitValue()).isZero();
    }

    private byte[] hashOf(long seq) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement("SELECT hash FROM eid_audit_event WHERE seq = ?")) {
            st.setLong(1, seq);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private static String insert(long seq, AuditEvent e, byte[] prev) {
        return "INSERT INTO eid_audit_event VALUES (" + seq + ", '" + e.at() + "', '" + e.type() + "', '"
                + e.subject() + "', '" + e.receiptId() + "', '" + e.partyId() + "', '" + e.detail() + "', '\\x"
                + HexFormat.of().formatHex(prev) + "', '\\x" + HexFormat.of().formatHex(AuditChain.hash(prev, e))
                + "')";
    }

    private static String update(long seq, AuditEvent e, byte[] prev) {
        return "UPDATE eid_audit_event SET occurred_at = '" + e.at() + "', event_type = '" + e.type()
                + "', subject = '" + e.subject() + "', receipt_id = '" + e.receiptId() + "', party_id = '"
                + e.partyId() + "', detail = '" + e.detail() + "', hash = '\\x"
                + HexFormat.of().formatHex(AuditChain.hash(prev, e)) + "' WHERE seq = " + seq;
    }
}
