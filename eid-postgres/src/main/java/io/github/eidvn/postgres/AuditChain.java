package io.github.eidvn.postgres;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.github.eidvn.core.keys.TrustStore;

/**
 * The audit's hash chain: its canonical encoding, and the check that walks it.
 *
 * <h2>Canonical encoding (version 1)</h2>
 * Each row of {@code eid_audit_event} stores {@code prev_hash} (the previous row's {@code hash}; 32 zero bytes for
 * the first row) and
 * <pre>
 * hash = SHA-256( "eid-audit-v1"            12 ASCII bytes
 *               || prev_hash                 32 bytes
 *               || F(occurred_at) || F(event_type) || F(subject) || F(receipt_id) || F(party_id) || F(detail) )
 * F(s) = 4-byte big-endian length of UTF-8(s) || UTF-8(s)
 * occurred_at as text: UTC, exactly six fraction digits, e.g. "2026-12-04T14:00:00.123456Z"
 * </pre>
 * The sequence number is not hashed: the chain of {@code prev_hash} values fixes the order, so a deleted, inserted
 * or moved row breaks a link whatever numbers the rows carry.
 *
 * <h2>Checkpoints</h2>
 * {@link AuditLog#checkpoint} signs the head with the issuer's ES256 key: a compact JWS, header
 * {@code {"alg":"ES256","typ":"eid-audit-checkpoint+jwt","kid":...}}, payload
 * {@code {"seq":N,"head":"<base64url of row N's hash>","iat":<epoch seconds>}}. Anyone with write access can
 * recompute an unkeyed chain; nobody without the issuer's key can re-sign its head, so a tail rewritten by a
 * superuser no longer matches the last checkpoint (keep the latest checkpoint outside the database too and pass it
 * to {@link #verify(DataSource, TrustStore, String)}).
 *
 * <p>Thread-safe (no state).
 */
public final class AuditChain {

    /** The {@code typ} of a checkpoint JWS. */
    public static final String CHECKPOINT_TYPE = "eid-audit-checkpoint+jwt";

    static final byte[] GENESIS = new byte[32];
    private static final byte[] DOMAIN = "eid-audit-v1".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /** How the chain is broken. */
    public enum BreakKind {
        /** A sequence number is missing: the row was deleted. */
        DELETED,
        /** The row is not part of the chain: the next row links to the row before it. */
        INSERTED,
        /** The row's content no longer hashes to its stored hash. */
        CHANGED,
        /** The row does not link to the row before it: a row between them was deleted, or the previous row was
         *  changed and re-hashed. */
        UNLINKED,
        /** The chain ends before a signed checkpoint: its tail was deleted. */
        TRUNCATED,
        /** The row at a signed checkpoint does not have the signed head hash: the chain was rewritten. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature does not verify with the issuer's keys, or it is malformed. */
        BAD_CHECKPOINT
    }

    /**
     * The first break.
     *
     * @param seq the sequence number where the chain is broken
     * @param kind how
     * @param detail a sentence for people
     */
    public record Break(long seq, BreakKind kind, String detail) {
        /** @throws NullPointerException when kind or detail is null */
        public Break {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The result of a walk.
     *
     * @param entries the rows walked
     * @param checkpoints the signed checkpoints checked
     * @param firstBroken the first break, by sequence number; empty when intact
     */
    public record Report(long entries, int checkpoints, Optional<Break> firstBroken) {
        /** @throws NullPointerException when firstBroken is null */
        public Report {
            Objects.requireNonNull(firstBroken, "firstBroken");
        }

        /** @return true when the chain and every checkpoint are intact */
        public boolean ok() {
            return firstBroken.isEmpty();
        }

        /**
         * The report as the CLI prints it.
         *
         * @return {@code {"ok":...,"entries":N,"checkpoints":N,"first_broken":null|{"seq":N,"kind":"...","detail":"..."}}}
         */
        public String toJson() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", ok());
            out.put("entries", entries);
            out.put("checkpoints", checkpoints);
            out.put("first_broken", firstBroken.map(b -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seq", b.seq());
                m.put("kind", b.kind().name());
                m.put("detail", b.detail());
                return (Object) m;
            }).orElse(null));
            return Json.write(out);
        }
    }

    /**
     * The hash of one row (see the class comment).
     *
     * @param prevHash the previous row's hash (32 bytes)
     * @param event the row's content
     * @return 32 bytes
     */
    public static byte[] hash(byte[] prevHash, AuditEvent event) {
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(event, "event");
        if (prevHash.length != 32) {
            throw new IllegalArgumentException("a hash is 32 bytes");
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
        sha.update(DOMAIN);
        sha.update(prevHash);
        for (String field : new String[] {TIME.format(event.at()), event.type(), event.subject(), event.receiptId(),
            event.partyId(), event.detail()}) {
            byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(4).putInt(utf8.length).array());
            sha.update(utf8);
        }
        return sha.digest();
    }

    /**
     * Walks the chain and the checkpoints stored with it.
     *
     * @param dataSource the database
     * @param issuerKeys the keys checkpoints must be signed with
     * @return the report
     * @throws io.github.eidvn.core.spi.StateStoreException when the database cannot be read
     */
    public static Report verify(DataSource dataSource, TrustStore issuerKeys) {
        return verify(dataSource, issuerKeys, null);
    }

    /**
     * Walks the links and hashes of the chain only, without the issuer's keys: finds deleted, inserted and changed
     * rows, but not a tail rewritten consistently (that needs the checkpoints, {@link #verify(DataSource,
     * TrustStore)}).
     *
     * @param dataSource the database
     * @return the report, with {@code checkpoints} 0
     * @throws io.github.eidvn.core.spi.StateStoreException when the database cannot be read
     */
    public static Report verifyLinksOnly(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return Tx.run(dataSource, c -> walk(c, null, null));
    }

    /**
     * Walks the chain, the checkpoints stored with it and one kept elsewhere (the last one published, so that a
     * superuser who also deleted checkpoints from the database is caught).
     *
     * @param dataSource the database
     * @param issuerKeys the keys checkpoints must be signed with
     * @param externalCheckpointJws a checkpoint JWS kept outside the database, or null
     * @return the report
     * @throws io.github.eidvn.core.spi.StateStoreException when the database cannot be read
     */
    public static Report verify(DataSource dataSource, TrustStore issuerKeys, String externalCheckpointJws) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(issuerKeys, "issuerKeys");
        return Tx.run(dataSource, c -> walk(c, issuerKeys, externalCheckpointJws));
    }

    private static Report walk(Connection c, TrustStore keys, String external) throws java.sql.SQLException {
        c.setReadOnly(true);
        try (PreparedStatement st = c.prepareStatement("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")) {
            st.execute();
        }
        Break first = null;
        // checkpoints: seq -> signed head
        TreeMap<Long, byte[]> signed = new TreeMap<>();
        int checkpoints = 0;
        if (keys != null) {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT seq, head_hash, checkpoint_jws FROM eid_audit_checkpoint ORDER BY seq");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    checkpoints++;
                    long seq = rs.getLong(1);
                    Optional<Checkpoint> cp = Checkpoint.verify(rs.getString(3), keys);
                    if (cp.isEmpty() || cp.get().seq() != seq || !Arrays.equals(cp.get().head(), rs.getBytes(2))) {
                        first = earliest(first, new Break(seq, BreakKind.BAD_CHECKPOINT,
                                "the checkpoint at " + seq + " is not validly signed by the issuer"));
                    } else {
                        signed.put(seq, cp.get().head());
                    }
                }
            }
        }
        if (external != null) {
            checkpoints++;
            Optional<Checkpoint> cp = Checkpoint.verify(external, keys);
            if (cp.isEmpty()) {
                first = earliest(first, new Break(0, BreakKind.BAD_CHECKPOINT,
                        "the given checkpoint is not validly signed by the issuer"));
            } else {
                byte[] stored = signed.putIfAbsent(cp.get().seq(), cp.get().head());
                if (stored != null && !Arrays.equals(stored, cp.get().head())) {
                    first = earliest(first, new Break(cp.get().seq(), BreakKind.CHECKPOINT_MISMATCH,
                            "the given checkpoint and the stored one at " + cp.get().seq() + " differ"));
                }
            }
        }
        long entries = 0;
        long expected = 1;
        byte[] prev = GENESIS;
        byte[] prevPrev = null;
        Break chainBreak = null;
        try (PreparedStatement st = c.prepareStatement("SELECT seq, occurred_at, event_type, subject, receipt_id, "
                + "party_id, detail, prev_hash, hash FROM eid_audit_event ORDER BY seq")) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    entries++;
                    long seq = rs.getLong(1);
                    if (chainBreak != null) {
                        continue;
                    }
                    AuditEvent e = new AuditEvent(rs.getString(3), Tx.instant(rs.getObject(2,
                            java.time.OffsetDateTime.class)), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7));
                    byte[] prevHash = rs.getBytes(8);
                    byte[] hash = rs.getBytes(9);
                    if (seq != expected) {
                        chainBreak = new Break(expected, BreakKind.DELETED, seq - expected == 1 ? "row " + expected
                                + " is missing" : "rows " + expected + " to " + (seq - 1) + " are missing");
                    } else if (!Arrays.equals(hash(prevHash, e), hash)) {
                        chainBreak = new Break(seq, BreakKind.CHANGED, "row " + seq + " does not hash to its stored hash");
                    } else if (!Arrays.equals(prevHash, prev)) {
                        chainBreak = prevPrev != null && Arrays.equals(prevHash, prevPrev)
                                ? new Break(seq - 1, BreakKind.INSERTED, "row " + (seq - 1) + " is not in the chain: "
                                        + "row " + seq + " links to row " + (seq - 2))
                                : new Break(seq, BreakKind.UNLINKED, "row " + seq + " does not link to row " + (seq - 1)
                                        + ": a row between them was deleted, or row " + (seq - 1) + " was changed");
                    } else {
                        byte[] head = signed.get(seq);
                        if (head != null && !Arrays.equals(head, hash)) {
                            chainBreak = new Break(seq, BreakKind.CHECKPOINT_MISMATCH, "row " + seq
                                    + " is not the one the issuer signed: the chain was rewritten");
                        }
                    }
                    prevPrev = prev;
                    prev = hash;
                    expected = seq + 1;
                }
            }
        }
        first = earliest(first, chainBreak);
        if (!signed.isEmpty() && signed.lastKey() >= expected && chainBreak == null) {
            first = earliest(first, new Break(expected, BreakKind.TRUNCATED, "the chain ends at " + (expected - 1)
                    + " but the issuer signed a checkpoint at " + signed.lastKey()));
        }
        return new Report(entries, checkpoints, Optional.ofNullable(first));
    }

    private static Break earliest(Break a, Break b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.seq() < a.seq() ? b : a;
    }

    static String format(Instant t) {
        return TIME.format(t);
    }
}
