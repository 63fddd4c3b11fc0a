package io.github.eidvn.cli;

import picocli.CommandLine;

/**
 * A command that only groups subcommands ({@code eid qr}, {@code eid otp}, …): run without one, it is a usage error
 * (exit 2) naming them, in the order they are declared.
 */
abstract class GroupCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: usage error. */
    @Override
    public final void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Thiếu lệnh con / missing subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }
}
