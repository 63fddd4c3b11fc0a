package io.github.eidvn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.eidvn.account.password.PasswordCheckResult;
import io.github.eidvn.account.password.PasswordContext;
import io.github.eidvn.account.password.PasswordFailure;
import io.github.eidvn.account.password.PasswordHasher;
import io.github.eidvn.account.password.PasswordPolicy;
import io.github.eidvn.account.password.PasswordVerification;
import io.github.eidvn.account.password.PwnedPasswordsClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eid password}: check a password against a policy, hash it with Argon2id, verify it against a PHC string. The
 * password is read from standard input (one trailing newline removed), never from the command line.
 */
@Command(name = "password",
        description = {"Kiểm tra, băm và xác minh mật khẩu (mật khẩu đọc từ stdin).",
            "Check, hash and verify passwords (password read from stdin)."},
        subcommands = {PasswordCommand.Check.class, PasswordCommand.Hash.class, PasswordCommand.Verify.class})
public final class PasswordCommand extends GroupCommand {

    private static final int MAX_INPUT = PasswordHasher.MAX_PASSWORD_CHARS * 4 + 2;


    /** Reads the password: all of stdin as strict UTF-8 (invalid bytes are a usage error), without one trailing LF or CRLF. */
    static String readPassword(CommandLine.Model.CommandSpec spec, InputStream in) {
        byte[] b;
        try {
            b = in.readNBytes(MAX_INPUT + 1);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read stdin: " + e.getMessage());
        }
        if (b.length > MAX_INPUT) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Mật khẩu quá dài / password too long");
        }
        String s;
        try {
            s = CliFiles.utf8(b, "stdin");
        } catch (CharacterCodingException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Mật khẩu trên stdin không phải UTF-8 hợp lệ / the password on stdin is not valid UTF-8");
        }
        if (s.endsWith("\r\n")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** {@code eid password check --policy vneid|portal|nist}: prints {@code {"ok":..,"failures":[..]}}. */
    @Command(name = "check",
            description = {"Kiểm tra mật khẩu theo chính sách; in JSON. Mã thoát 0 đạt, 1 không đạt.",
                "Check a password against a policy; prints JSON. Exit 0 when accepted, 1 when not."})
    static final class Check extends CliCommand {

        @Option(names = "--policy", defaultValue = "vneid", description = "vneid, portal or nist (default vneid)")
        String policy;

        @Option(names = "--personal-number", description = "Số định danh (để từ chối mật khẩu chứa nó)")
        String personalNumber;

        @Option(names = "--phone", description = "Số điện thoại / phone number the password must not contain")
        String phone;

        @Option(names = "--birth-date", description = "Ngày sinh yyyy-MM-dd / birth date the password must not contain")
        String birthDate;

        @Option(names = "--second-factor", description = "Có yếu tố thứ hai (NIST: 8 ký tự là đủ) / a second factor "
                + "is used")
        boolean secondFactor;

        @Option(names = "--check-breached", description = "Tra cứu Have I Been Pwned (k-anonymity) / look the password "
                + "up in Have I Been Pwned (off by default)")
        boolean checkBreached;

        @Option(names = "--hibp-url", description = "Địa chỉ API / range API base URL (default "
                + PwnedPasswordsClient.DEFAULT_BASE_URL + ")")
        String hibpUrl;

        @Override
        public Integer call() throws IOException {
            PasswordPolicy p = switch (policy.toLowerCase(Locale.ROOT)) {
                case "vneid" -> PasswordPolicy.vneid();
                case "portal" -> PasswordPolicy.publicServicePortal();
                case "nist" -> PasswordPolicy.nist();
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--policy: vneid, portal or nist");
            };
            if (checkBreached || hibpUrl != null) {
                PwnedPasswordsClient.Builder b = PwnedPasswordsClient.builder();
                if (hibpUrl != null) {
                    b.baseUrl(hibpUrl);
                }
                p = p.withBreachedPasswordCheck(b.build());
            }
            PasswordContext.Builder ctx = PasswordContext.builder().secondFactor(secondFactor);
            if (personalNumber != null) {
                ctx.personalNumber(personalNumber);
            }
            if (phone != null) {
                ctx.phoneNumber(phone);
            }
            if (birthDate != null) {
                try {
                    ctx.birthDate(LocalDate.parse(birthDate));
                } catch (DateTimeParseException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--birth-date: yyyy-MM-dd");
                }
            }
            String password = readPassword(spec, System.in);
            PasswordCheckResult r = p.check(password, ctx.build());
            ObjectMapper om = new ObjectMapper();
            ObjectNode out = om.createObjectNode();
            out.put("ok", r.ok());
            ArrayNode failures = out.putArray("failures");
            for (PasswordFailure f : r.failures()) {
                failures.addObject().put("rule", f.rule().name()).put("vi", f.vietnamese()).put("en", f.english());
            }
            spec.commandLine().getOut().println(om.writeValueAsString(out));
            return r.ok() ? 0 : 1;
        }
    }

    /** {@code eid password hash}: prints the Argon2id PHC string. */
    @Command(name = "hash",
            description = {"Băm mật khẩu bằng Argon2id; in chuỗi PHC.", "Hash a password with Argon2id; prints the PHC "
                + "string."})
    static final class Hash extends CliCommand {

        @Option(names = "--memory-kib", defaultValue = "" + PasswordHasher.DEFAULT_MEMORY_KIB,
                description = "m, KiB (default 19456)")
        int memoryKiB;

        @Option(names = "--iterations", defaultValue = "" + PasswordHasher.DEFAULT_ITERATIONS,
                description = "t (default 2)")
        int iterations;

        @Option(names = "--parallelism", defaultValue = "" + PasswordHasher.DEFAULT_PARALLELISM,
                description = "p (default 1)")
        int parallelism;

        @Override
        public Integer call() {
            PasswordHasher h;
            try {
                h = PasswordHasher.builder().memoryKiB(memoryKiB).iterations(iterations).parallelism(parallelism)
                        .build();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            String password = readPassword(spec, System.in);
            if (password.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Không có mật khẩu trên stdin / no password on stdin");
            }
            spec.commandLine().getOut().println(h.hash(password));
            return 0;
        }
    }

    /** {@code eid password verify --hash PHC}: exit 0 when the password matches, 1 when not. */
    @Command(name = "verify",
            description = {"Xác minh mật khẩu với chuỗi PHC. Mã thoát 0 khớp, 1 không khớp.",
                "Verify a password against a PHC string. Exit 0 on match, 1 otherwise."})
    static final class Verify extends CliCommand {

        @Option(names = "--hash", required = true, description = "Chuỗi PHC Argon2id / the Argon2id PHC string")
        String hash;

        @Override
        public Integer call() {
            String password = readPassword(spec, System.in);
            PasswordVerification v = PasswordHasher.argon2id().verify(password, hash);
            if (v instanceof PasswordVerification.Match m) {
                spec.commandLine().getOut().println(m.needsRehash() ? "match (rehash recommended)" : "match");
                return 0;
            }
            if (v instanceof PasswordVerification.Unusable u) {
                spec.commandLine().getErr().println("Chuỗi băm không dùng được / unusable hash: " + u.reason() + " ("
                        + u.detail() + ")");
            } else {
                spec.commandLine().getOut().println("mismatch");
            }
            return 1;
        }
    }
}
