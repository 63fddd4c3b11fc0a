package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class IdCommandTest {

    @Test
    void parse_validNumber_printsJsonAndExitsZero() {
        CliRun r = CliRun.run("id", "parse", "079303012345");
        assertThat(r.exitCode).isZero();
        assertThat(r.out.strip()).isEqualTo(
                "{\"valid\":true,\"number\":\"079303012345\",\"province\":{\"code\":\"079\",\"name\":\"Hồ Chí Minh\"},"
                        + "\"sex\":\"female\",\"birthYear\":2003}");
        assertThat(r.err).contains("hợp lệ");
    }

    @Test
    void parse_unknownProvince_printsReasonAndExitsOne() {
        CliRun r = CliRun.run("id", "parse", "003303012345");
        assertThat(r.exitCode).isEqualTo(1);
        JsonNode j = r.json();
        assertThat(j.get("valid").asBoolean()).isFalse();
        assertThat(j.get("reason").asText()).isEqualTo("UNKNOWN_PROVINCE");
        assertThat(j.get("detail").asText()).contains("003");
        assertThat(r.err).contains("Mã tỉnh").contains("province code");
    }

    @Test
    void parse_wrongLengthAndNonDigits_exitOne() {
        assertThat(CliRun.run("id", "parse", "07930301234").json().get("reason").asText()).isEqualTo("WRONG_LENGTH");
        CliRun r = CliRun.run("id", "parse", "０７９３０３０１２３４５");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.json().get("reason").asText()).isEqualTo("NOT_DIGITS");
    }

    @Test
    void parse_consistentBirthDateAndSex_valid() {
        CliRun r = CliRun.run("id", "parse", "079303012345", "--birthdate", "2003-07-09", "--sex", "female");
        assertThat(r.exitCode).isZero();
        assertThat(r.json().get("birthYear").asInt()).isEqualTo(2003);
    }

    @Test
    void parse_birthDateOfOtherYear_birthYearMismatchExitOne() {
        CliRun r = CliRun.run("id", "parse", "079303012345", "--birthdate", "2004-07-09");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.json().get("reason").asText()).isEqualTo("BIRTH_YEAR_MISMATCH");
    }

    @Test
    void parse_otherSex_sexMismatchExitOne() {
        CliRun r = CliRun.run("id", "parse", "079303012345", "--sex", "MALE");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.json().get("reason").asText()).isEqualTo("SEX_MISMATCH");
    }

    @Test
    void parse_allowOutsideTable_provinceNameNull() {
        CliRun r = CliRun.run("id", "parse", "003303012345", "--allow-codes-outside-province-table");
        assertThat(r.exitCode).isZero();
        assertThat(r.json().get("province").get("code").asText()).isEqualTo("003");
        assertThat(r.json().get("province").get("name").isNull()).isTrue();
    }

    @Test
    void usageErrors_exitTwo_nothingOnStdout() {
        for (String[] args : new String[][] {
            {"id", "parse"},
            {"id"},
            {"id", "parse", "079303012345", "--birthdate", "2003-02-30"},
            {"id", "parse", "079303012345", "--birthdate", "09/07/2003"},
            {"id", "parse", "079303012345", "--sex", "x"},
            {"id", "parse", "079303012345", "--unknown"},
            {"id", "parse", "079303012345", "extra"},
            {},
        }) {
            CliRun r = CliRun.run(args);
            assertThat(r.exitCode).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out).as(String.join(" ", args)).isEmpty();
            assertThat(r.err).isNotBlank();
        }
    }

    @Test
    void help_onEveryCommand_exitZero() {
        for (String[] args : new String[][] {{"--help"}, {"id", "--help"}, {"id", "parse", "--help"}}) {
            CliRun r = CliRun.run(args);
            assertThat(r.exitCode).isZero();
            assertThat(r.out).contains("Usage:");
        }
        assertThat(CliRun.run("id", "parse", "--help").out).contains("--birthdate").contains("--sex");
    }
}
