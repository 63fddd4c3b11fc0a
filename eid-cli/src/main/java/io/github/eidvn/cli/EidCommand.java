package io.github.eidvn.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code eid} integrator tool. Output for machines (JSON) goes to stdout in UTF-8, messages for people to stderr.
 *
 * <p>Exit codes: 0 success / valid, 1 invalid or rejected input, 2 usage error.
 */
@Command(name = "eid",
        // every subcommand inherits --help, --version and the version provider
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = EidCommand.Version.class,
        description = {
            "eid: công cụ tích hợp định danh điện tử (Đề án 06).",
            "eid: integrator tool for Vietnam's electronic identity (Đề án 06)."
        },
        subcommands = {CommandLine.HelpCommand.class,
            IdCommand.class, BhytCommand.class,
            KeysCommand.class, AssertCommand.class, QrCommand.class, VerifyCommand.class,
            PartyCommand.class, RequestCommand.class, SealCommand.class, OpenCommand.class,
            OtpCommand.class, PasswordCommand.class,
            PurposesCommand.class, MrzCommand.class, ChipCommand.class, AuditCommand.class, LedgerCommand.class})
public final class EidCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Prints the usage when no subcommand is given. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "Thiếu lệnh / missing command");
    }

    /**
     * Builds the command line with UTF-8 writers, so Vietnamese text reaches the terminal intact.
     *
     * @return the configured command line
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EidCommand());
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return cl;
    }

    /**
     * Entry point.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EidCommand.class.getPackage().getImplementationVersion();
            return new String[] {"eid " + (v == null ? "development build" : v),
                "ES256 engine: " + io.github.eidvn.core.keys.Es256Engine.describe()};
        }
    }
}
