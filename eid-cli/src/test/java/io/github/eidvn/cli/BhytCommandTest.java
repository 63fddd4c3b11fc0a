package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BhytCommandTest {

    @Test
    void parse_cardCode_printsPartsAndExitsZero() {
        CliRun r = CliRun.run("bhyt", "parse", "DN4797912345678");
        assertThat(r.exitCode).isZero();
        assertThat(r.out.strip()).isEqualTo("{\"valid\":true,\"number\":\"DN4797912345678\",\"form\":\"card_code\","
                + "\"group\":\"DN\",\"benefitLevel\":4,\"baseCoveragePercent\":80,\"coveragePercent\":80,"
                + "\"province\":{\"code\":\"79\",\"name\":\"Hồ Chí Minh\"},\"socialInsuranceNumber\":\"7912345678\"}");
        assertThat(r.err).contains("Mức hưởng cơ bản 80%", "Base rate 80%");
    }

    @Test
    void parse_tenDigits_nullCardFields() {
        CliRun r = CliRun.run("bhyt", "parse", "7912345678");
        assertThat(r.exitCode).isZero();
        JsonNode j = r.json();
        assertThat(j.get("form").asText()).isEqualTo("social_insurance_number");
        assertThat(j.get("group").isNull()).isTrue();
        assertThat(j.get("benefitLevel").isNull()).isTrue();
        assertThat(j.get("baseCoveragePercent").isNull()).isTrue();
        assertThat(j.get("coveragePercent").isNull()).isTrue();
        assertThat(j.get("province").isNull()).isTrue();
        assertThat(j.get("socialInsuranceNumber").asText()).isEqualTo("7912345678");
    }

    @Test
    void parse_benefitLevelOutOfRange_exitOne() {
        CliRun r = CliRun.run("bhyt", "parse", "DN6797912345678");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.json().get("valid").asBoolean()).isFalse();
        assertThat(r.json().get("reason").asText()).isEqualTo("INVALID_BENEFIT_LEVEL");
        assertThat(r.err).contains("Mức hưởng").contains("benefit level");
    }

    @Test
    void parse_lowerCaseGroup_exitOne() {
        CliRun r = CliRun.run("bhyt", "parse", "dn4797912345678");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.json().get("reason").asText()).isEqualTo("INVALID_GROUP");
    }

    @Test
    void usageErrors_exitTwo() {
        assertThat(CliRun.run("bhyt", "parse").exitCode).isEqualTo(2);
        assertThat(CliRun.run("bhyt").exitCode).isEqualTo(2);
        assertThat(CliRun.run("bhyt", "parse", "a", "b").exitCode).isEqualTo(2);
    }

    @Test
    void help_exitZero() {
        assertThat(CliRun.run("bhyt", "--help").exitCode).isZero();
        assertThat(CliRun.run("bhyt", "parse", "--help").out).contains("Usage:");
    }
}
