package io.github.eidvn.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target: {@link HealthInsuranceNumber#parse(CharSequence)} (the BHYT card code or social-insurance number)
 * on any text. A crash is any exception or a broken invariant: a valid number parses again to an equal value and
 * its masked and {@code toString} forms do not reveal it.
 */
class HealthInsuranceNumberFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        HealthInsuranceNumber.ParseResult r = HealthInsuranceNumber.parse(text);
        assertThat(r).isNotNull();
        if (r instanceof HealthInsuranceNumber.ParseResult.Valid valid) {
            HealthInsuranceNumber n = valid.number();
            assertThat(HealthInsuranceNumber.of(n.value())).isEqualTo(n);
            assertThat(n.masked()).doesNotContain(n.value());
            assertThat(n.toString()).doesNotContain(n.value());
            n.benefitLevel();
            n.province();
            n.coveragePercent();
            assertThat(n.socialInsuranceNumber()).matches("[0-9]{10}");
        } else {
            assertThat(((HealthInsuranceNumber.ParseResult.Invalid) r).reason()).isNotNull();
        }
    }
}
