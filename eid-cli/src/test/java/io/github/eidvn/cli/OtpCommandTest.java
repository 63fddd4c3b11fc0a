package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OtpCommandTest {

    private static final String SEED20 = "3132333435363738393031323334353637383930";
    private static final String SEED32 = SEED20 + "313233343536373839303132";

    @Test
    void hotp_rfc4226Counters() {
        assertThat(CliRun.withStdin("", "otp", "hotp", "--secret-hex", SEED20, "--counter", "0").out().strip())
                .isEqualTo("755224");
        assertThat(CliRun.withStdin("", "otp", "hotp", "--secret-hex", SEED20, "--counter", "9").out().strip())
                .isEqualTo("520489");
        assertThat(CliRun.withStdin("", "otp", "hotp", "--secret-hex", SEED20, "--counter", "1", "--digits", "8").out()
                .strip()).hasSize(8).endsWith("287082");
    }

    @Test
    void totp_rfc6238Times_defaultEightDigits() {
        CliRun r = CliRun.withStdin("", "otp", "totp", "--secret-hex", SEED20, "--time", "59");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("94287082");
        assertThat(CliRun.withStdin("", "otp", "totp", "--secret-hex", SEED32, "--time", "20000000000", "--alg", "SHA256")
                .out().strip()).isEqualTo("77737706");
        assertThat(CliRun.withStdin("", "otp", "totp", "--secret-hex", SEED20, "--time", "1111111109", "--digits", "6")
                .out().strip()).isEqualTo("081804");
        assertThat(CliRun.withStdin("", "otp", "totp", "--secret-hex", SEED20, "--time", "89", "--step", "60").out()
                .strip()).isEqualTo("94287082");
    }

    @Test
    void usageErrors_exit2() {
        assertThat(CliRun.withStdin("", "otp", "hotp", "--secret-hex", "zz", "--counter", "0").exit()).isEqualTo(2);
        assertThat(CliRun.withStdin("", "otp", "hotp", "--secret-hex", SEED20).exit()).isEqualTo(2);
        assertThat(CliRun.withStdin("", "otp", "hotp", "--secret-hex", SEED20, "--counter", "0", "--digits", "9").exit())
                .isEqualTo(2);
        assertThat(CliRun.withStdin("", "otp", "totp", "--secret-hex", SEED20, "--alg", "MD5").exit()).isEqualTo(2);
        assertThat(CliRun.withStdin("", "otp").exit()).isEqualTo(2);
    }

    @Test
    void secretShorterThanTheLibraryMinimum_usageError() {
        String fifteen = SEED20.substring(0, 30);
        CliRun r = CliRun.withStdin("", "otp", "hotp", "--secret-hex", fifteen, "--counter", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("16..128");
        assertThat(CliRun.withStdin("", "otp", "totp", "--secret-hex", "31", "--time", "59").exit()).isEqualTo(2);
        assertThat(CliRun.withStdin("", "otp", "hotp", "--secret-hex", SEED20.substring(0, 32), "--counter", "0")
                .exit()).isZero();
    }

    @Test
    void timeBeyondInstantRange_usageError_noStackTrace() {
        for (String t : new String[] {"31556889864403200", String.valueOf(Long.MAX_VALUE), "-1"}) {
            CliRun r = CliRun.withStdin("", "otp", "totp", "--secret-hex", SEED20, "--time", t);
            assertThat(r.exit()).as(t).isEqualTo(2);
            assertThat(r.err()).as(t).contains("--time").doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(CliRun.withStdin("", "otp", "totp", "--secret-hex", SEED20, "--time", "31556889864403199").exit())
                .isZero();
    }
}
