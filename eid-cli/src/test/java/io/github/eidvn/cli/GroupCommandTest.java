package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GroupCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "assert | issue",
        "audit | verify",
        "bhyt | parse",
        "chip | verify, read",
        "id | parse",
        "keys | generate",
        "ledger | list, export",
        "mrz | parse",
        "otp | hotp, totp",
        "party | init, purposes",
        "password | check, hash, verify",
        "qr | render, decode, jws",
        "request | create, verify"
    })
    void groupWithoutSubcommand_usageErrorNamingItsSubcommands(String group, String subcommands) {
        CliRun r = CliRun.run(group);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Thiếu lệnh con / missing subcommand: " + subcommands);
    }

    @ParameterizedTest
    @ValueSource(strings = {"otp hotp", "otp totp", "password check", "ledger list", "request create", "party init",
        "qr decode", "verify", "audit verify"})
    void everyCommand_inheritsHelpAndVersion(String command) {
        CliRun help = CliRun.run(args(command, "--help"));
        CliRun version = CliRun.run(args(command, "--version"));

        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: eid " + command);
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("eid ").contains("ES256 engine: ");
    }

    @Test
    void helpCommand_showsASubcommandsUsage() {
        CliRun r = CliRun.run("help", "otp");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: eid otp").contains("hotp", "totp");
    }

    private static String[] args(String command, String option) {
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.add(option);
        return args.toArray(new String[0]);
    }
}
