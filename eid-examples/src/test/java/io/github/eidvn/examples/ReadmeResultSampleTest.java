package io.github.eidvn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eidvn.core.identity.PersonalNumber;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The README's sample of the shared result shape, run as a test; the README holds the marked region verbatim. */
class ReadmeResultSampleTest {

    @Test
    void readmeSample_readsAGoodNumberAndShowsTheReasonForABadOne() {
        String typed = "07930301234";
        List<String> shown = new ArrayList<>();
        // RESULT-BEGIN
        PersonalNumber number = PersonalNumber.parse("079303012345").orElseThrow();
        PersonalNumber.parse(typed).refusal().ifPresent(r -> shown.add(r.message(Locale.forLanguageTag("vi"))));
        // RESULT-END
        assertThat(number.birthYear()).isEqualTo(2003);
        assertThat(shown).containsExactly(PersonalNumber.Reason.WRONG_LENGTH.vietnamese());
    }

    @Test
    void readme_holdsTheSampleVerbatim() throws IOException {
        ReadmeSamples.assertReadmeHolds("ReadmeResultSampleTest.java", "        // RESULT-BEGIN",
                "        // RESULT-END");
    }
}
