package io.github.eidvn.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;

import io.github.eidvn.account.otp.Hotp;
import io.github.eidvn.account.otp.OtpAlgorithm;
import io.github.eidvn.account.otp.OtpSecret;
import io.github.eidvn.account.otp.Totp;
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

    /** The shared secret: hex of {@value OtpSecret#MIN_BYTES}..{@value OtpSecret#MAX_BYTES} bytes, as the library. */
    static OtpSecret secret(CommandLine.Model.CommandSpec spec, String hex) {
        byte[] b = null;
        try {
            b = HexFormat.of().parseHex(hex.strip());
            return OtpSecret.ofBytes(b);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--secret-hex: cần " + OtpSecret.MIN_BYTES + ".." + OtpSecret.MAX_BYTES + " byte dạng hex / must be "
                            + OtpSecret.MIN_BYTES + ".." + OtpSecret.MAX_BYTES + " bytes of hex (RFC 4226 §4: at least"
                            + " 128 bits)");
        } finally {
            if (b != null) {
                Arrays.fill(b, (byte) 0);
            }
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
            if (time != null && (time < 0 || time > Instant.MAX.getEpochSecond())) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--time: cần 0.." + Instant.MAX.getEpochSecond() + " giây Unix / must be 0.."
                                + Instant.MAX.getEpochSecond() + " Unix seconds");
            }
            Instant at = time == null ? Instant.now() : Instant.ofEpochSecond(time);
            spec.commandLine().getOut()
                    .println(Totp.of(alg, digits, Duration.ofSeconds(step)).generate(secret(spec, secretHex), at));
            return 0;
        }
    }
}
