package io.github.eidvn.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

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
        description = {"Tạo mã OTP (HOTP/TOTP).", "Print one-time password codes (HOTP/TOTP)."},
        subcommands = {OtpCommand.HotpCommand.class, OtpCommand.TotpCommand.class})
public final class OtpCommand extends GroupCommand {

    /** The options both codes share: the secret and the hash algorithm. */
    static final class KeyOptions {
        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--secret-hex", required = true, description = "Khóa bí mật (hex) / shared secret in hex")
        String secretHex;

        @Option(names = "--alg", defaultValue = "SHA1", description = "SHA1, SHA256 or SHA512 (default SHA1)")
        OtpAlgorithm alg;

        /**
         * The shared secret: hex of {@value OtpSecret#MIN_BYTES}..{@value OtpSecret#MAX_BYTES} bytes, as the library.
         */
        OtpSecret secret() {
            byte[] b = null;
            try {
                b = HexFormat.of().parseHex(secretHex.strip());
                return OtpSecret.ofBytes(b);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--secret-hex: cần " + OtpSecret.MIN_BYTES + ".." + OtpSecret.MAX_BYTES + " byte dạng hex"
                                + " / must be " + OtpSecret.MIN_BYTES + ".." + OtpSecret.MAX_BYTES + " bytes of hex"
                                + " (RFC 4226 §4: at least 128 bits)");
            } finally {
                if (b != null) {
                    Arrays.fill(b, (byte) 0);
                }
            }
        }
    }

    static void checkDigits(CommandLine.Model.CommandSpec spec, int digits) {
        if (digits < 6 || digits > 8) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--digits: 6..8");
        }
    }

    /** {@code eid otp hotp --secret-hex H --counter N [--digits 6] [--alg SHA1]}. */
    @Command(name = "hotp",
            description = {"In mã HOTP (RFC 4226).", "Print a HOTP code (RFC 4226)."})
    static final class HotpCommand extends CliCommand {

        @CommandLine.Mixin
        KeyOptions key;

        @Option(names = "--counter", required = true, description = "Bộ đếm / counter (0 or more)")
        long counter;

        @Option(names = "--digits", defaultValue = "6", description = "Số chữ số / digits, 6..8 (default 6)")
        int digits;

        @Override
        public Integer call() {
            checkDigits(spec, digits);
            if (counter < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--counter must not be negative");
            }
            spec.commandLine().getOut().println(Hotp.of(key.alg, digits).generate(key.secret(), counter));
            return 0;
        }
    }

    /** {@code eid otp totp --secret-hex H --time EPOCH_SECONDS [--digits 8] [--alg SHA1] [--step 30]}. */
    @Command(name = "totp",
            description = {"In mã TOTP (RFC 6238).", "Print a TOTP code (RFC 6238)."})
    static final class TotpCommand extends CliCommand {

        @CommandLine.Mixin
        KeyOptions key;

        @Option(names = "--time", description = "Thời điểm (giây Unix) / Unix time in seconds (default: now)")
        Long time;

        @Option(names = "--digits", defaultValue = "8",
                description = "Số chữ số / digits, 6..8 (default 8, as the RFC 6238 test values)")
        int digits;

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
                    .println(Totp.of(key.alg, digits, Duration.ofSeconds(step)).generate(key.secret(), at));
            return 0;
        }
    }
}
