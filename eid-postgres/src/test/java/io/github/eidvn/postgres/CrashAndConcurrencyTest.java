package io.github.eidvn.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.LedgerEntry;
import io.github.eidvn.core.consent.ReceiptState;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.ReceiptFactory;
import io.github.eidvn.postgres.testing.TestDatabases;

/** Durability across a killed client process, and withdrawals racing openings, on a real PostgreSQL. */
class CrashAndConcurrencyTest {

    @Test
    void recorderKilledWithSigkill_everyAcknowledgedReceiptIsThereWhole_andTheChainIsIntact() throws Exception {
        String url = TestDatabases.freshUrl();
        EidDatabase.open(url).close(); // the schema exists before the child starts
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ReceiptRecorderMain.class.getName(), url).redirectErrorStream(true).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (acknowledged.size() < 150 && System.nanoTime() < deadline && (line = in.readLine()) != null) {
                if (line.startsWith("recorded ")) {
                    acknowledged.add(line.substring("recorded ".length()));
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no pool close, mid-transaction
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(150);
        try (EidDatabase db = EidDatabase.open(url); Connection c = db.dataSource().getConnection()) {
            Set<String> stored = new HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT r.receipt_id, r.receipt_claims, r.receipt_jws, (SELECT count(*) FROM eid_audit_event a "
                            + "WHERE a.receipt_id = r.receipt_id AND a.event_type = 'consent.granted') "
                            + "FROM eid_consent_receipt r")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                    // whole: the claims name the receipt, the signed form has three parts, the grant is audited
                    assertThat(rs.getString(2)).contains("\"jti\":\"" + rs.getString(1) + "\"");
                    assertThat(rs.getString(3).split("\\.")).hasSize(3);
                    assertThat(rs.getLong(4)).isEqualTo(1);
                }
            }
            // every receipt whose record returned is there (the ones printed after the last read, or committed
            // just before the kill, are there too, and whole)
            assertThat(stored).containsAll(acknowledged);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM eid_audit_event WHERE event_type = 'consent.granted'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(stored.size());
            }
            AuditChain.Report report = AuditChain.verify(db.dataSource(), TrustStore.of(KeyRing.generate()));
            assertThat(report.ok()).isTrue();
        }
    }

    @Test
    void withdrawRacingOpenings_decidedOnce_openingsBeforeTheWithdrawalInTheAuditAndNoneAfter() throws Exception {
        CitizenReferences refs = CitizenReferences.of(ConsentFixtures.secret());
        ReceiptFactory receipts = new ReceiptFactory(Clock.systemUTC(), refs);
        PersonalNumber citizen = PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER);
        int rounds = 12;
        int openers = 3;
        try (EidDatabase db = TestDatabases.fresh()) {
            ConsentLedger ledger = ConsentLedger.builder().records(PostgresConsentRecords.of(db)).references(refs)
                    .build();
            ExecutorService pool = Executors.newFixedThreadPool(openers + 1);
            try {
                for (int round = 0; round < rounds; round++) {
                    ConsentReceiptIssuer.Issued issued = receipts.grant(citizen, Duration.ofDays(30));
                    assertThat(ledger.record(citizen, issued)).isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
                    String id = issued.receipt().id();
                    CountDownLatch start = new CountDownLatch(1);
                    AtomicInteger active = new AtomicInteger();
                    AtomicInteger withdrawn = new AtomicInteger();
                    List<Future<?>> futures = new ArrayList<>();
                    for (int t = 0; t < openers; t++) {
                        futures.add(pool.submit(() -> {
                            start.await();
                            for (int i = 0; i < 8; i++) {
                                ReceiptState.Status s = ledger.openings().check(id, "vcb-bank", Instant.now())
                                        .status();
                                assertThat(s).isIn(ReceiptState.Status.ACTIVE, ReceiptState.Status.WITHDRAWN);
                                (s == ReceiptState.Status.ACTIVE ? active : withdrawn).incrementAndGet();
                            }
                            return null;
                        }));
                    }
                    Future<ConsentLedger.WithdrawOutcome> w = pool.submit(() -> {
                        start.await();
                        return ledger.withdraw(citizen, id);
                    });
                    start.countDown();
                    assertThat(w.get(60, TimeUnit.SECONDS)).isEqualTo(ConsentLedger.WithdrawOutcome.WITHDRAWN);
                    for (Future<?> f : futures) {
                        f.get(60, TimeUnit.SECONDS);
                    }
                    assertThat(ledger.openings().check(id, "vcb-bank", Instant.now()).status())
                            .isEqualTo(ReceiptState.Status.WITHDRAWN);
                    withdrawn.incrementAndGet();
                    // the audit tells the same story, in one order: opened* withdrawn refused*
                    List<String> story = new ArrayList<>();
                    try (Connection c = db.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                            "SELECT event_type, detail FROM eid_audit_event WHERE receipt_id = ? ORDER BY seq")) {
                        st.setString(1, id);
                        try (ResultSet rs = st.executeQuery()) {
                            while (rs.next()) {
                                story.add(rs.getString(1) + (rs.getString(2).isEmpty() ? "" : ":" + rs.getString(2)));
                            }
                        }
                    }
                    assertThat(story.get(0)).isEqualTo("consent.granted:purpose=bank-ekyc");
                    List<String> expected = new ArrayList<>();
                    expected.add("consent.granted:purpose=bank-ekyc");
                    for (int i = 0; i < active.get(); i++) {
                        expected.add("consent.opened");
                    }
                    expected.add("consent.withdrawn");
                    for (int i = 0; i < withdrawn.get(); i++) {
                        expected.add("consent.refused:receipt_withdrawn");
                    }
                    assertThat(story).containsExactlyElementsOf(expected);
                    LedgerEntry entry = ledger.list(citizen).get(0);
                    assertThat(entry.withdrawnAt()).isPresent();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(AuditChain.verify(db.dataSource(), TrustStore.of(KeyRing.generate())).ok()).isTrue();
        }
    }
}
