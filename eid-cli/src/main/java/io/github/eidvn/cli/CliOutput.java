package io.github.eidvn.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;

/**
 * How a command ends: the result on stdout (one JSON object or one line), a bilingual note on stderr, and the exit
 * code (0 done or valid, 1 refused or invalid; usage errors, exit 2, are {@link CliFiles#usage} exceptions).
 */
final class CliOutput {

    private CliOutput() {
    }

    /**
     * Prints the JSON object on stdout and the note on stderr.
     *
     * @return {@code exitCode}
     */
    static int json(CommandLine.Model.CommandSpec spec, ObjectNode json, String note, int exitCode) {
        Json.print(spec.commandLine().getOut(), json);
        return note(spec, note, exitCode);
    }

    /**
     * Prints {@code {"valid":false,"reason":…,"detail":…}} on stdout and the reason's message on stderr.
     *
     * @return 1
     */
    static int invalid(CommandLine.Model.CommandSpec spec, String reason, String detail, String vi, String en) {
        ObjectNode json = Json.object();
        json.put("valid", false);
        json.put("reason", reason);
        json.put("detail", detail);
        return json(spec, json, vi + " / " + en, 1);
    }

    /**
     * Prints one line on stdout (a QR text, a JWE, a code) and the note on stderr.
     *
     * @return 0
     */
    static int line(CommandLine.Model.CommandSpec spec, String line, String note) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(line);
        out.flush();
        return note(spec, note, 0);
    }

    /**
     * Prints one line on stdout, nothing on stderr.
     *
     * @return 0
     */
    static int line(CommandLine.Model.CommandSpec spec, String line) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(line);
        out.flush();
        return 0;
    }

    /**
     * Prints why the command failed on stderr, nothing on stdout.
     *
     * @return 1
     */
    static int fail(CommandLine.Model.CommandSpec spec, String message) {
        return note(spec, message, 1);
    }

    private static int note(CommandLine.Model.CommandSpec spec, String note, int exitCode) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(note);
        err.flush();
        return exitCode;
    }
}
