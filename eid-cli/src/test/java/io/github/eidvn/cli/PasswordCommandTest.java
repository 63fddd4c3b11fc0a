package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PasswordCommandTest {

    private static JsonNode json(CliRun r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void check_goodPassword_ok_exit0() throws Exception {
        CliRun r = CliRun.withStdin("Sen#Hong7Lua\n", "password", "check", "--policy", "vneid");
        assertThat(r.exit()).isZero();
        assertThat(json(r).get("ok").asBoolean()).isTrue();
        assertThat(json(r).get("failures")).isEmpty();
    }

    @Test
    void check_listsEveryFailure_exit1_neverEchoesPassword() throws Exception {
        CliRun r = CliRun.withStdin("matkhau\r\n", "password", "check", "--policy", "portal");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode j = json(r);
        assertThat(j.get("ok").asBoolean()).isFalse();
        assertThat(j.get("failures").findValuesAsText("rule")).containsExactlyInAnyOrder("TOO_SHORT",
                "MISSING_UPPERCASE", "MISSING_DIGIT", "MISSING_SPECIAL", "COMMON_PASSWORD", "TOO_GUESSABLE");
        assertThat(j.get("failures").get(0).get("vi").asText()).startsWith("Mật khẩu");
        assertThat(r.out()).doesNotContain("matkhau");
    }

    @Test
    void check_nistWithPersonalData() throws Exception {
        CliRun r = CliRun.withStdin("ngay sinh cua toi 05/03/1990", "password", "check", "--policy", "nist",
                "--birth-date", "1990-03-05");
        assertThat(json(r).get("failures").findValuesAsText("rule")).containsExactly("CONTAINS_BIRTH_DATE");
        CliRun second = CliRun.withStdin("kq7#vx2!", "password", "check", "--policy", "nist", "--second-factor");
        assertThat(second.exit()).isZero();
    }

    @Test
    void check_badPolicyOrDate_exit2() {
        assertThat(CliRun.withStdin("x", "password", "check", "--policy", "weak").exit()).isEqualTo(2);
        assertThat(CliRun.withStdin("x", "password", "check", "--birth-date", "05/03/1990").exit()).isEqualTo(2);
    }

    @Test
    void hash_thenVerify() {
        CliRun h = CliRun.withStdin("Mật khẩu 2026!\n", "password", "hash", "--memory-kib", "64", "--iterations", "1");
        assertThat(h.exit()).isZero();
        String phc = h.out().strip();
        assertThat(phc).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(CliRun.withStdin("Mật khẩu 2026!\n", "password", "verify", "--hash", phc).exit()).isZero();
        assertThat(CliRun.withStdin("Mật khẩu 2027!\n", "password", "verify", "--hash", phc).exit()).isEqualTo(1);
        CliRun bad = CliRun.withStdin("x", "password", "verify", "--hash", "$argon2id$v=19$m=99999999,t=1,p=1$AAAAAAAAAAA$"
                + "AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("PARAMETERS_OUT_OF_BOUNDS");
    }

    @Test
    void hash_defaultParameters() {
        assertThat(CliRun.withStdin("pw", "password", "hash").out()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void stdin_invalidUtf8_usageError_neverALossyPassword() {
        byte[] ff = "Sen#Hong7Lua\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] fe = "Sen#Hong7Lua\u00fe".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (byte[] in : new byte[][] {ff, fe}) {
            for (String[] cmd : new String[][] {{"password", "hash", "--memory-kib", "64", "--iterations", "1"},
                {"password", "check"}, {"password", "verify", "--hash", "$argon2id$v=19$m=64,t=1,p=1$AAAAAAAAAAA$"
                        + "AAAAAAAAAAAAAAAAAAAAAA"}}) {
                CliRun r = CliRun.withStdinBytes(in, cmd);
                assertThat(r.exit()).as(String.join(" ", cmd)).isEqualTo(2);
                assertThat(r.err()).contains("not valid UTF-8").doesNotContain("Exception");
            }
        }
        // a truncated sequence (first byte of "ệ" only) is refused too
        byte[] truncated = {'S', 'e', 'n', '#', 'H', 'o', 'n', 'g', '7', (byte) 0xE1};
        assertThat(CliRun.withStdinBytes(truncated, "password", "check").exit()).isEqualTo(2);
    }

    @Test
    void usageErrors_exit2() {
        assertThat(CliRun.withStdin("", "password", "hash").exit()).as("empty stdin").isEqualTo(2);
        assertThat(CliRun.withStdin("x", "password", "verify").exit()).as("missing --hash").isEqualTo(2);
        assertThat(CliRun.withStdin("x", "password", "hash", "--iterations", "0").exit()).isEqualTo(2);
        assertThat(CliRun.withStdin("x", "password").exit()).isEqualTo(2);
        assertThat(CliRun.withStdin("x".repeat(20000), "password", "hash").exit()).isEqualTo(2);
    }
}
