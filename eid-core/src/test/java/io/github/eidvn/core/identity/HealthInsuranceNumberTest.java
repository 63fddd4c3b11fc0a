package io.github.eidvn.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eidvn.core.identity.HealthInsuranceNumber.Form;
import io.github.eidvn.core.identity.HealthInsuranceNumber.ParseResult;
import io.github.eidvn.core.identity.HealthInsuranceNumber.Reason;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HealthInsuranceNumberTest {

    private static Reason reasonOf(ParseResult r) {
        assertThat(r).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) r).reason();
    }

    @Test
    void parse_cardCode_splitsIntoParts() {
        HealthInsuranceNumber n = HealthInsuranceNumber.parse("DN4797912345678").orElseThrow();
        assertThat(n.form()).isEqualTo(Form.CARD_CODE);
        assertThat(n.beneficiaryGroup()).contains("DN");
        assertThat(n.benefitLevel()).contains(BenefitLevel.LEVEL_4);
        assertThat(n.coveragePercent()).contains(80);
        assertThat(n.provinceCode()).contains("79");
        assertThat(n.province()).contains(Province.HO_CHI_MINH);
        assertThat(n.socialInsuranceNumber()).isEqualTo("7912345678");
        assertThat(n.value()).isEqualTo("DN4797912345678");
    }

    @Test
    void parse_cardCodeWithProvinceOutsideTable_validWithoutProvince() {
        HealthInsuranceNumber n = HealthInsuranceNumber.parse("QN5970123456789").orElseThrow();
        assertThat(n.provinceCode()).contains("97");
        assertThat(n.province()).isEmpty();
        assertThat(n.benefitLevel()).contains(BenefitLevel.LEVEL_5);
    }

    @Test
    void parse_tenDigitSocialInsuranceNumber_alone() {
        HealthInsuranceNumber n = HealthInsuranceNumber.parse("0123456789").orElseThrow();
        assertThat(n.form()).isEqualTo(Form.SOCIAL_INSURANCE_NUMBER);
        assertThat(n.socialInsuranceNumber()).isEqualTo("0123456789");
        assertThat(n.beneficiaryGroup()).isEmpty();
        assertThat(n.benefitLevel()).isEmpty();
        assertThat(n.coveragePercent()).isEmpty();
        assertThat(n.provinceCode()).isEmpty();
        assertThat(n.province()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1, 100", "2, 100", "3, 95", "4, 80", "5, 100"})
    void benefitLevel_mapsToCoverage(int level, int percent) {
        HealthInsuranceNumber n = HealthInsuranceNumber.of("HT" + level + "010100000001");
        assertThat(n.benefitLevel().orElseThrow().code()).isEqualTo(level);
        assertThat(n.coveragePercent()).contains(percent);
        assertThat(BenefitLevel.ofCode(level).orElseThrow().coveragePercent()).isEqualTo(percent);
    }

    @Test
    void benefitLevel_descriptionsInBothLanguages() {
        assertThat(BenefitLevel.LEVEL_1.vietnamese()).contains("không giới hạn");
        assertThat(BenefitLevel.LEVEL_1.english()).contains("without a cap");
        assertThat(BenefitLevel.ofCode(0)).isEmpty();
        assertThat(BenefitLevel.ofCode(6)).isEmpty();
    }

    @Test
    void parse_nullOrEmpty_rejectedWithEmpty() {
        assertThat(reasonOf(HealthInsuranceNumber.parse(null))).isEqualTo(Reason.EMPTY);
        assertThat(reasonOf(HealthInsuranceNumber.parse(""))).isEqualTo(Reason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DN479791234567", "DN47979123456789", "012345678", "01234567890", "x"})
    void parse_otherLengths_rejectedWithWrongLength(String s) {
        assertThat(reasonOf(HealthInsuranceNumber.parse(s))).isEqualTo(Reason.WRONG_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dn4797912345678", "D14797912345678", "ĐN4797912345678", "\uFF24N4797912345678",
        "1N4797912345678"})
    void parse_groupNotTwoUpperCaseLetters_rejectedWithInvalidGroup(String s) {
        assertThat(reasonOf(HealthInsuranceNumber.parse(s))).isEqualTo(Reason.INVALID_GROUP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DN0797912345678", "DN6797912345678", "DN9797912345678", "DNX797912345678"})
    void parse_benefitLevelNotOneToFive_rejectedWithInvalidBenefitLevel(String s) {
        assertThat(reasonOf(HealthInsuranceNumber.parse(s))).isEqualTo(Reason.INVALID_BENEFIT_LEVEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DN47A7912345678", "DN479791234567O", "DN479791234\uFF15678", "012345678A",
        "\u0660123456789"})
    void parse_nonDigitsInNumericPart_rejectedWithNotDigits(String s) {
        assertThat(reasonOf(HealthInsuranceNumber.parse(s))).isEqualTo(Reason.NOT_DIGITS);
    }

    @Test
    void toString_masksSocialInsuranceNumber() {
        assertThat(HealthInsuranceNumber.of("DN4797912345678").toString()).isEqualTo("DN479*******678");
        assertThat(HealthInsuranceNumber.of("0123456789").toString()).isEqualTo("*******789");
    }

    @Test
    void of_invalid_throws() {
        assertThatThrownBy(() -> HealthInsuranceNumber.of("bad")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasons_haveBothLanguages() {
        for (Reason r : Reason.values()) {
            assertThat(r.message(Locale.forLanguageTag("vi"))).isEqualTo(r.vietnamese()).isNotBlank();
            assertThat(r.message(Locale.US)).isEqualTo(r.english()).isNotBlank();
        }
    }
}
