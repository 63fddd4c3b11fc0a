package io.github.eidvn.cli;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.eidvn.core.consent.ConsentRecord;
import io.github.eidvn.core.spi.StateStoreException;
import io.github.eidvn.postgres.EidDatabase;
import io.github.eidvn.postgres.PostgresConsentRecords;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eid ledger list}: the consent receipts kept in PostgreSQL, by citizen reference or by party;
 * {@code eid ledger export}: a citizen's Nghị định 13 answer, the receipts and the audit history of their consents.
 */
@Command(name = "ledger",
        description = {"Sổ biên nhận đồng ý trong PostgreSQL.", "The consent receipts kept in PostgreSQL."},
        subcommands = {LedgerCommand.ListReceipts.class, LedgerCommand.Export.class})
public final class LedgerCommand extends GroupCommand {

    /** A ledger reference is what {@code ConsentLedger.reference} gives: 43 base64url characters. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** @return the reference, or a usage error (e.g. for a personal number given by mistake) */
    static String reference(CommandLine.Model.CommandSpec spec, String given) {
        if (!REFERENCE.matcher(given).matches()) {
            throw CliFiles.usage(spec, "--citizen là mã tham chiếu sổ (43 ký tự base64url), không phải số định danh",
                    "--citizen is the ledger reference (43 base64url characters), not the personal number");
        }
        return given;
    }

    /** Exactly one of the two selectors. */
    static final class Selector {
        @Option(names = "--citizen", required = true, paramLabel = "REF",
                description = "Mã tham chiếu sổ của công dân (không phải số định danh) / the citizen's ledger "
                        + "reference (ConsentLedger.reference), never the personal number")
        String citizen;

        @Option(names = "--party", required = true, paramLabel = "ID", description = "Mã đơn vị / party id")
        String party;
    }

    /** {@code eid ledger list --jdbc URL (--citizen REF | --party ID)}. */
    @Command(name = "list",
            description = {
                "Liệt kê biên nhận còn lưu giữ, cũ trước mới sau, kèm trạng thái hiện tại.",
                "Lists the kept receipts, oldest first, with their state now.",
                "Prints {\"count\":N,\"receipts\":[{\"receipt_id\",\"party_id\",\"purpose\",\"status\",\"granted_at\","
                        + "\"expires_at\",\"withdrawn_at\",\"receipt\":{claims},\"receipt_jws\"}]}."
            })
    static final class ListReceipts extends CliCommand {

        @Option(names = "--jdbc", required = true, paramLabel = "URL",
                description = "jdbc:postgresql://host:5432/db?user=...")
        String jdbc;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Selector selector;

        @Override
        public Integer call() throws Exception {
            Instant now = Instant.now();
            List<ConsentRecord> records;
            try (EidDatabase db = Databases.open(spec, jdbc)) {
                PostgresConsentRecords receipts = PostgresConsentRecords.of(db);
                records = selector.citizen != null ? receipts.listByOwner(reference(spec, selector.citizen), now)
                        : receipts.listByParty(selector.party, now);
            } catch (StateStoreException e) {
                throw Databases.unavailable(spec, e);
            }
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode out = Json.object();
            out.put("count", records.size());
            ArrayNode list = out.putArray("receipts");
            for (ConsentRecord r : records) {
                ObjectNode o = list.addObject();
                o.put("receipt_id", r.receiptId());
                o.put("party_id", r.partyId());
                o.put("purpose", r.purposeCode());
                o.put("status", r.statusFor(r.partyId(), now).name());
                o.put("granted_at", r.grantedAt().toString());
                o.put("expires_at", r.expiresAt().toString());
                o.put("withdrawn_at", r.withdrawnAt().map(Instant::toString).orElse(null));
                o.set("receipt", mapper.readTree(r.claimsJson()));
                o.put("receipt_jws", r.compactJws());
            }
            Json.print(spec.commandLine().getOut(), out);
            return 0;
        }
    }

    /** {@code eid ledger export --jdbc URL --citizen REF}. */
    @Command(name = "export",
            description = {
                "Trả lời yêu cầu của công dân theo Nghị định 13/2023/NĐ-CP: các biên nhận còn lưu giữ và lịch sử ai "
                        + "đã xin, được cấp, mở dữ liệu, bị từ chối, khi nào rút lại; không có số định danh, không có "
                        + "dữ liệu của công dân khác.",
                "A citizen's request under Decree 13/2023/ND-CP: the kept receipts and the history of who asked, was "
                        + "granted, opened the data, was refused, and when it was withdrawn; no personal number, "
                        + "nothing about other citizens.",
                "Prints {\"legal_basis\",\"generated_at\",\"citizen_reference\",\"consents\":[{\"receipt_id\","
                        + "\"party_id\",\"purpose\",\"status\",\"granted_at\",\"expires_at\",\"withdrawn_at\","
                        + "\"receipt\":{claims},\"receipt_jws\"}],\"history\":[{\"seq\",\"at\",\"event\","
                        + "\"party_id\",\"receipt_id\",\"detail\"}]}; exit 0 (also when nothing is kept for the "
                        + "reference), 2 usage or database error."
            })
    static final class Export extends CliCommand {

        @Option(names = "--jdbc", required = true, paramLabel = "URL",
                description = "jdbc:postgresql://host:5432/db?user=...")
        String jdbc;

        @Option(names = "--citizen", required = true, paramLabel = "REF",
                description = "Mã tham chiếu sổ của công dân (không phải số định danh) / the citizen's ledger "
                        + "reference (ConsentLedger.reference), never the personal number")
        String citizen;

        @Override
        public Integer call() throws Exception {
            String reference = reference(spec, citizen);
            String export;
            try (EidDatabase db = Databases.open(spec, jdbc)) {
                export = PostgresConsentRecords.of(db).export(reference, Instant.now());
            } catch (StateStoreException e) {
                throw Databases.unavailable(spec, e);
            }
            Json.print(spec.commandLine().getOut(), (ObjectNode) new ObjectMapper().readTree(export));
            return 0;
        }
    }
}
