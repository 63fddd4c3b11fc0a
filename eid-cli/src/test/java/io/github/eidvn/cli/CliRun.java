package io.github.eidvn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

/** Runs the {@code eid} command in-process with captured stdout/stderr. */
final class CliRun {

    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EidCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            String trimmed = out.strip();
            if (trimmed.contains("\n")) {
                throw new AssertionError("more than one line on stdout: " + out);
            }
            return new ObjectMapper().readTree(trimmed);
        } catch (java.io.IOException e) {
            throw new AssertionError("stdout is not JSON: " + out, e);
        }
    }
}
