package io.github.eidvn.cli;

import java.nio.file.Path;

import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.spi.StateStoreException;
import io.github.eidvn.postgres.AuditChain;
import io.github.eidvn.postgres.EidDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eid audit verify}: walks the security audit's hash chain and its signed checkpoints in PostgreSQL. */
@Command(name = "audit",
        description = {"Nhật ký an ninh trong PostgreSQL: kiểm tra chuỗi băm.",
            "The security audit in PostgreSQL: verify its hash chain."},
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand extends GroupCommand {

    /** {@code eid audit verify --jdbc URL [--jwks FILE] [--checkpoint FILE]}. */
    @Command(name = "verify",
            description = {
                "Duyệt chuỗi băm của eid_audit_event và các điểm kiểm tra đã ký; báo chỗ hỏng đầu tiên.",
                "Walks the hash chain of eid_audit_event and the signed checkpoints; reports the first break.",
                "Prints {\"ok\":true|false,\"entries\":N,\"checkpoints\":N,\"first_broken\":null|{...}}; exit 0 intact, "
                        + "1 broken, 2 usage or database error. Without --jwks only links and hashes are "
                        + "checked (a consistently rewritten tail needs the checkpoints)."
            })
    static final class Verify extends CliCommand {

        @Option(names = "--jdbc", required = true, paramLabel = "URL",
                description = "jdbc:postgresql://host:5432/db?user=...")
        String jdbc;

        @Option(names = "--jwks", paramLabel = "ISSUER_JWKS",
                description = "Khóa công khai của bên phát hành / the issuer's public JWKS (checks checkpoints)")
        Path issuerJwks;

        @Option(names = "--checkpoint", paramLabel = "FILE",
                description = "Điểm kiểm tra lưu ngoài CSDL / a checkpoint JWS kept outside the database")
        Path checkpoint;

        @Override
        public Integer call() throws Exception {
            if (checkpoint != null && issuerJwks == null) {
                throw CliFiles.usage(spec, "--checkpoint cần --jwks", "--checkpoint needs --jwks");
            }
            TrustStore keys = null;
            if (issuerJwks != null) {
                try {
                    keys = TrustStore.fromJwks(CliFiles.read(spec, issuerJwks, "issuer JWKS"));
                } catch (IllegalArgumentException e) {
                    throw CliFiles.usage(spec, "JWKS không hợp lệ", e.getMessage());
                }
            }
            String external = checkpoint == null ? null : CliFiles.read(spec, checkpoint, "checkpoint").trim();
            AuditChain.Report report;
            try (EidDatabase db = Databases.open(spec, jdbc)) {
                report = keys == null ? AuditChain.verifyLinksOnly(db.dataSource())
                        : AuditChain.verify(db.dataSource(), keys, external);
            } catch (StateStoreException e) {
                throw Databases.unavailable(spec, e);
            }
            spec.commandLine().getOut().println(report.toJson());
            spec.commandLine().getOut().flush();
            if (keys == null) {
                spec.commandLine().getErr().println("Chưa kiểm tra điểm kiểm tra đã ký (thiếu --jwks) / "
                        + "signed checkpoints not checked (no --jwks)");
            }
            return report.ok() ? 0 : 1;
        }
    }
}
