package io.github.eidvn.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

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

/** {@code eid ledger list}: the consent receipts kept in PostgreSQL, by citizen reference or by party. */
@Command(name = "ledger",
        mixinStandardHelpOptions = true,
        versionProvider = EidCommand.Version.class,
        description = {"Sổ biên nhận đồng ý trong PostgreSQL.", "The consent receipts kept in PostgreSQL."},
        subcommands = {LedgerCommand.ListReceipts.class})
public final class LedgerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Thiếu lệnh con / missing subcommand: list");
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
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {
                "Liệt kê biên nhận còn lưu giữ, cũ trước mới sau, kèm trạng thái hiện tại.",
                "Lists the kept receipts, oldest first, with their state now.",
                "Prints {\"count\":N,\"receipts\":[{\"receipt_id\",\"party_id\",\"purpose\",\"status\",\"granted_at\","
                        + "\"expires_at\",\"withdrawn_at\",\"receipt\":{claims},\"receipt_jws\"}]}."
            })
    static final class ListReceipts implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

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
                records = selector.citizen != null ? receipts.listByOwner(selector.citizen, now)
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
}
