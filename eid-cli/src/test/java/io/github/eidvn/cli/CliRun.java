package io.github.eidvn.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

/** Runs the {@code eid} command in-process with captured stdout/stderr and, optionally, a given stdin. */
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
        return withStdin("", args);
    }

    /** Runs with {@code stdin} as standard input; synchronized because {@link System#setIn} is global. */
    static CliRun withStdin(String stdin, String... args) {
        return withStdinBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs with raw bytes as standard input (e.g. invalid UTF-8). */
    static synchronized CliRun withStdinBytes(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EidCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin));
        try {
            int code = cl.execute(args);
            return new CliRun(code, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    int exit() {
        return exitCode;
    }

    String out() {
        return out;
    }

    String err() {
        return err;
    }

    /** Standard output parsed as exactly one JSON value on one line. */
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
