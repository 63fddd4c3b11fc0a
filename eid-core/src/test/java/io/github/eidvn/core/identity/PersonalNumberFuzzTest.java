package io.github.eidvn.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target: {@link PersonalNumber#parse(CharSequence)} on any text (a typed, scanned or OCR-read number). A
 * crash is any exception or an invariant broken: parse never throws, a valid number is 12 ASCII digits that
 * {@link PersonalNumber#of(String)} accepts again, and its masked form hides the serial. Without
 * {@code JAZZER_FUZZ=1} only the seeds in {@code PersonalNumberFuzzTestInputs/parse} run.
 */
class PersonalNumberFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        PersonalNumber.ParseResult r = PersonalNumber.parse(text);
        assertThat(r).isNotNull();
        if (r instanceof PersonalNumber.ParseResult.Valid valid) {
            PersonalNumber n = valid.number();
            assertThat(n.value()).matches("[0-9]{12}");
            assertThat(PersonalNumber.of(n.value())).isEqualTo(n);
            assertThat(n.masked()).doesNotContain(n.value());
            assertThat(n.toString()).doesNotContain(n.value());
        } else {
            PersonalNumber.ParseResult.Invalid invalid = (PersonalNumber.ParseResult.Invalid) r;
            assertThat(invalid.reason()).isNotNull();
            assertThat(invalid.reason().vietnamese()).isNotBlank();
        }
        PersonalNumber.parse(text, PersonalNumber.ParseOptions.builder().allowCodesOutsideProvinceTable().build());
    }
}
