package io.github.eidvn.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eidvn.core.identity.HealthInsuranceNumber;
import io.github.eidvn.core.identity.PersonalNumber;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    private static final String VALID_NUMBER = "001099012345";

    @Test
    void success_givesItsValueThroughEveryAccessor() {
        Outcome<PersonalNumber, PersonalNumber.Reason> outcome = PersonalNumber.parse(VALID_NUMBER);

        assertThat(outcome.isSuccess()).isTrue();
        assertThat(outcome.toOptional()).map(PersonalNumber::value).contains(VALID_NUMBER);
        assertThat(outcome.orElseThrow().value()).isEqualTo(VALID_NUMBER);
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void failure_givesItsReasonAndNoValue() {
        Outcome<PersonalNumber, PersonalNumber.Reason> outcome = PersonalNumber.parse("12345");

        assertThat(outcome.isSuccess()).isFalse();
        assertThat(outcome.toOptional()).isEmpty();
        assertThat(outcome.refusal()).map(Refusal::reason).contains(PersonalNumber.Reason.WRONG_LENGTH);
        assertThat(outcome.refusal().orElseThrow().detail()).contains("12");
    }

    @Test
    void orElseThrow_onFailure_namesTheTypeReasonAndDetail() {
        assertThatThrownBy(() -> PersonalNumber.parse("").orElseThrow())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid personal number: EMPTY: no number given");
        assertThatThrownBy(() -> HealthInsuranceNumber.parse("").orElseThrow())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid health-insurance number: EMPTY: ");
    }

    @Test
    void refusalMessage_followsTheLocaleLanguage() {
        Refusal<PersonalNumber.Reason> refusal = PersonalNumber.parse("").refusal().orElseThrow();

        assertThat(refusal.message(Locale.forLanguageTag("vi-VN"))).isEqualTo(PersonalNumber.Reason.EMPTY.vietnamese());
        assertThat(refusal.message(Locale.ENGLISH)).isEqualTo(PersonalNumber.Reason.EMPTY.english());
        assertThat(refusal.message(Locale.FRENCH)).isEqualTo(PersonalNumber.Reason.EMPTY.english());
        assertThat(PersonalNumber.Reason.EMPTY.bothLanguages())
                .isEqualTo(PersonalNumber.Reason.EMPTY.vietnamese() + " / " + PersonalNumber.Reason.EMPTY.english());
    }

    @Test
    void equalInputs_giveEqualOutcomes() {
        assertThat(PersonalNumber.parse(VALID_NUMBER)).isEqualTo(PersonalNumber.parse(VALID_NUMBER))
                .hasSameHashCodeAs(PersonalNumber.parse(VALID_NUMBER));
        assertThat(PersonalNumber.parse("12345")).isEqualTo(PersonalNumber.parse("12345"))
                .isNotEqualTo(PersonalNumber.parse("1234"));
    }

    @Test
    void anObjectThatIsNeitherVariant_isAProgrammerError() {
        Outcome<String, PersonalNumber.Reason> neither = new Outcome<>() { };

        assertThat(neither.isSuccess()).isFalse();
        assertThat(neither.toOptional()).isEmpty();
        assertThat(neither.refusal()).isEmpty();
        assertThatThrownBy(neither::orElseThrow).isInstanceOf(IllegalStateException.class);
    }
}
