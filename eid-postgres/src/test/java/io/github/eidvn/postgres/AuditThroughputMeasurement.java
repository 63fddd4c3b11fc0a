package io.github.eidvn.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A one-off measurement (not a test, not run by the build) of what one node sustains appending to the audit chain,
 * next to the same commits without the chain's database-wide lock. The method and the latest figures are in the
 * README ("Records", audit throughput).
 *
 * <p>It starts its own embedded PostgreSQL with durable commits ({@code fsync=on}, {@code synchronous_commit=on}; the
 * embedded server's test defaults are not durable), opens an {@link EidDatabase} (pool of 8) and, for 1, 2, 4 and 8
 * threads, runs for {@code seconds} (after a warm-up of the same length):
 * <ul>
 *   <li>{@code audit}: {@link AuditLog#append}, one event per transaction (what each grant, opening, withdrawal and
 *       account event adds);</li>
 *   <li>{@code free}: one INSERT of the same row into a table of the same shape with a {@code bigserial} key, one per
 *       transaction, without the advisory lock and without reading the head (what the same commits cost when they
 *       may overlap, so PostgreSQL can flush several in one WAL write).</li>
 * </ul>
 *
 * <p>Run from the repository root after {@code mvn -pl eid-postgres -am test-compile}:
 * {@code java -cp "$(cat eid-postgres/target/measure.cp):eid-postgres/target/classes:eid-postgres/target/test-classes"
 * io.github.eidvn.postgres.AuditThroughputMeasurement [seconds]} (the class path from
 * {@code mvn -pl eid-postgres dependency:build-classpath -Dmdep.outputFile=target/measure.cp}).
 */
public final class AuditThroughputMeasurement {

    private static final int[] THREADS = {1, 2, 4, 8};

    private AuditThroughputMeasurement() {
    }

    /**
     * Runs the measurement and prints one line per workload and thread count.
     *
     * @param args optional: seconds per measurement (default 10)
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start();
                EidDatabase db = EidDatabase.open(pg.getJdbcUrl("postgres", "postgres"))) {
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE bench_free (seq bigserial PRIMARY KEY, occurred_at timestamptz NOT NULL, "
                        + "event_type text NOT NULL, subject text NOT NULL, receipt_id text NOT NULL, "
                        + "party_id text NOT NULL, detail text NOT NULL, prev_hash bytea NOT NULL, "
                        + "hash bytea NOT NULL)");
                System.out.println("server: " + one(st, "SELECT version()") + "; fsync=" + one(st, "SHOW fsync")
                        + ", synchronous_commit=" + one(st, "SHOW synchronous_commit") + ", wal_sync_method="
                        + one(st, "SHOW wal_sync_method") + "; cores " + Runtime.getRuntime().availableProcessors());
            }
            AuditLog audit = AuditLog.of(db, Clock.systemUTC());
            byte[] hash = new byte[32];
            for (int threads : THREADS) {
                Workload chained = () -> audit.append(event());
                Workload free = () -> {
                    AuditEvent e = event();
                    try (Connection c = db.dataSource().getConnection()) {
                        c.setAutoCommit(false);
                        try (PreparedStatement st = c.prepareStatement("INSERT INTO bench_free (occurred_at, "
                                + "event_type, subject, receipt_id, party_id, detail, prev_hash, hash) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                            AuditLog.bindRow(st, 1, e, hash);
                            st.executeUpdate();
                        }
                        c.commit();
                    }
                };
                report("audit", threads, measure(chained, threads, seconds));
                report("free ", threads, measure(free, threads, seconds));
            }
            System.out.println("chain intact after the run: " + AuditChain.verifyLinksOnly(db.dataSource()).ok());
        }
    }

    private static AuditEvent event() {
        return AuditEvent.consent(AuditEvent.Consent.OPENED, Instant.now(),
                "q7Yc0cE3w8Vd6cJm2bqkWm3K1o8iZ9n4Xa2tR5sPp0E", "AbCdEfGhIjKlMnOpQrStUv", "vcb-bank", "");
    }

    @FunctionalInterface
    private interface Workload {
        void once() throws SQLException;
    }

    private static double measure(Workload w, int threads, int seconds) throws InterruptedException {
        run(w, threads, seconds); // warm-up
        return run(w, threads, seconds);
    }

    private static double run(Workload w, int threads, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder done = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        w.once();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    done.increment();
                }
            });
            workers.add(t);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : workers) {
            t.join();
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private static void report(String name, int threads, double perSecond) {
        System.out.println(String.format(Locale.ROOT, "%s threads=%d %,.0f commits/s", name, threads, perSecond));
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
