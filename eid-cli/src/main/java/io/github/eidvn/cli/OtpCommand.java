package io.github.eidvn.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Callable;

import io.github.eidvn.core.account.otp.Hotp;
import io.github.eidvn.core.account.otp.OtpAlgorithm;
import io.github.eidvn.core.account.otp.Totp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eid otp}: one-time password codes (RFC 4226 HOTP, RFC 6238 TOTP), e.g. to check an authenticator set-up.
 */
@Command(name = "otp",
        mixinStandardHelpOptions = true,
        description = {"Tạo mã OTP (HOTP/TOTP).", "Print one-time password codes (HOTP/TOTP)."},
        subcommands = {OtpCommand.HotpCommand.class, OtpCommand.TotpCommand.class})
public final class OtpCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Thiếu lệnh con / missing subcommand: hotp, totp");
    }

    static byte[] secret(CommandLine.Model.CommandSpec spec, String hex) {
        try {
            byte[] b = HexFormat.of().parseHex(hex.strip());
            if (b.length == 0 || b.length > 128) {
                throw new IllegalArgumentException("length");
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--secret-hex: cần 1..128 byte dạng hex / must be 1..128 bytes of hex");
        }
    }

    static void checkDigits(CommandLine.Model.CommandSpec spec, int digits) {
        if (digits < 6 || digits > 8) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--digits: 6..8");
        }
    }

    /** {@code eid otp hotp --secret-hex H --counter N [--digits 6] [--alg SHA1]}. */
    @Command(name = "hotp", mixinStandardHelpOptions = true,
            description = {"In mã HOTP (RFC 4226).", "Print a HOTP code (RFC 4226)."})
    static final class HotpCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--secret-hex", required = true, description = "Khóa bí mật (hex) / shared secret in hex")
        String secretHex;

        @Option(names = "--counter", required = true, description = "Bộ đếm / counter (0 or more)")
        long counter;

        @Option(names = "--digits", defaultValue = "6", description = "Số chữ số / digits, 6..8 (default 6)")
        int digits;

        @Option(names = "--alg", defaultValue = "SHA1", description = "SHA1, SHA256 or SHA512 (default SHA1)")
        OtpAlgorithm alg;

        @Override
        public Integer call() {
            checkDigits(spec, digits);
            if (counter < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--counter must not be negative");
            }
            spec.commandLine().getOut().println(Hotp.of(alg, digits).generate(secret(spec, secretHex), counter));
            return 0;
        }
    }

    /** {@code eid otp totp --secret-hex H --time EPOCH_SECONDS [--digits 8] [--alg SHA1] [--step 30]}. */
    @Command(name = "totp", mixinStandardHelpOptions = true,
            description = {"In mã TOTP (RFC 6238).", "Print a TOTP code (RFC 6238)."})
    static final class TotpCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--secret-hex", required = true, description = "Khóa bí mật (hex) / shared secret in hex")
        String secretHex;

        @Option(names = "--time", description = "Thời điểm (giây Unix) / Unix time in seconds (default: now)")
        Long time;

        @Option(names = "--digits", defaultValue = "8",
                description = "Số chữ số / digits, 6..8 (default 8, as the RFC 6238 test values)")
        int digits;

        @Option(names = "--alg", defaultValue = "SHA1", description = "SHA1, SHA256 or SHA512 (default SHA1)")
        OtpAlgorithm alg;

        @Option(names = "--step", defaultValue = "30", description = "Bước thời gian (giây) / time step s (default 30)")
        int step;

        @Override
        public Integer call() {
            checkDigits(spec, digits);
            if (step < 1 || step > 300) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--step: 1..300");
            }
            if (time != null && time < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--time must not be negative");
            }
            Instant at = time == null ? Instant.now() : Instant.ofEpochSecond(time);
            spec.commandLine().getOut()
                    .println(Totp.of(alg, digits, Duration.ofSeconds(step)).generate(secret(spec, secretHex), at));
            return 0;
        }
    }
}
