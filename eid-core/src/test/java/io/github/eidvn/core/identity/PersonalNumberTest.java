package io.github.eidvn.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eidvn.core.identity.PersonalNumber.ParseOptions;
import io.github.eidvn.core.identity.PersonalNumber.ParseResult;
import io.github.eidvn.core.identity.PersonalNumber.Reason;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PersonalNumberTest {

    private static final ParseOptions JUNE_2026 = ParseOptions.builder().clock(TestClocks.june2026()).build();

    private static ParseResult parse(String s) {
        return PersonalNumber.parse(s, JUNE_2026);
    }

    private static Reason reasonOf(ParseResult r) {
        assertThat(r).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) r).reason();
    }

    @Test
    void parse_validNumber_exposesProvinceSexAndBirthYear() {
        ParseResult r = parse("079303012345");
        assertThat(r.isValid()).isTrue();
        PersonalNumber n = r.orElseThrow();
        assertThat(n.value()).isEqualTo("079303012345");
        assertThat(n.provinceCode()).isEqualTo("079");
        assertThat(n.province()).contains(Province.HO_CHI_MINH);
        assertThat(n.centuryCode()).isEqualTo(3);
        assertThat(n.sex()).isEqualTo(Sex.FEMALE);
        assertThat(n.birthYear()).isEqualTo(2003);
        assertThat(n.serial()).isEqualTo("012345");
    }

    @ParameterizedTest
    @CsvSource({
        "001085000001, MALE, 1985",
        "001185000001, FEMALE, 1985",
        "001099000001, MALE, 1999",
        "001200000001, MALE, 2000",
        "001326000001, FEMALE, 2026",
        "001000000001, MALE, 1900",
        "096199000001, FEMALE, 1999",
    })
    void parse_centuryAndSexDigit_decodedPerThongTu07(String number, Sex sex, int year) {
        PersonalNumber n = parse(number).orElseThrow();
        assertThat(n.sex()).isEqualTo(sex);
        assertThat(n.birthYear()).isEqualTo(year);
    }

    @Test
    void parse_null_rejectedWithEmpty() {
        assertThat(reasonOf(parse(null))).isEqualTo(Reason.EMPTY);
        assertThat(reasonOf(PersonalNumber.parse(null))).isEqualTo(Reason.EMPTY);
    }

    @Test
    void parse_empty_rejectedWithEmpty() {
        assertThat(reasonOf(parse(""))).isEqualTo(Reason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"07930301234", "0793030123456", "0", "079303"})
    void parse_elevenOrThirteenDigits_rejectedWithWrongLength(String s) {
        assertThat(reasonOf(parse(s))).isEqualTo(Reason.WRONG_LENGTH);
    }

    @Test
    void parse_oversizedInput_rejectedWithWrongLengthWithoutScanning() {
        ParseResult r = parse("x".repeat(1_000_000));
        assertThat(reasonOf(r)).isEqualTo(Reason.WRONG_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "07930301234a", "O79303012345", "079-03012345", " 79303012345", "07930301234 ", "079303012345\n",
        "\uFF10\uFF17\uFF19\uFF13\uFF10\uFF13\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15", // full-width digits
        "\u0660\u0667\u0669\u0663\u0660\u0663\u0660\u0661\u0662\u0663\u0664\u0665", // Arabic-Indic digits
        "\u06F0\u06F7\u06F9\u06F3\u06F0\u06F3\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5", // extended Arabic-Indic
        "\u0966\u096D\u096F\u0969\u0966\u0969\u0966\u0967\u0968\u0969\u096A\u096B", // Devanagari
        "07930301234\uFF15", "\uD835\uDFCE79303012345", "abc"
    })
    void parse_lettersOrNonAsciiDigits_rejectedWithNotDigits(String s) {
        assertThat(reasonOf(parse(s))).isEqualTo(Reason.NOT_DIGITS);
    }

    @Test
    void parse_fullWidthDigit_detailNamesPositionAndCodePoint() {
        ParseResult r = parse("07930301234\uFF15");
        assertThat(((ParseResult.Invalid) r).detail()).contains("character 12").contains("U+FF15")
                .contains("non-ASCII digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000303012345", "003303012345", "005303012345", "039303012345", "097303012345",
        "999303012345"})
    void parse_codeNotInProvinceTable_rejectedWithUnknownProvince(String s) {
        assertThat(reasonOf(parse(s))).isEqualTo(Reason.UNKNOWN_PROVINCE);
    }

    @Test
    void parse_codeOutsideTable_allowedByOption_hasNoProvince() {
        ParseOptions allow = ParseOptions.builder().allowCodesOutsideProvinceTable()
                .clock(TestClocks.june2026()).build();
        PersonalNumber n = PersonalNumber.parse("003303012345", allow).orElseThrow();
        assertThat(n.province()).isEmpty();
        assertThat(n.provinceCode()).isEqualTo("003");
        assertThat(n.birthYear()).isEqualTo(2003);
        assertThat(PersonalNumber.parse("079303012345", allow).orElseThrow().province())
                .contains(Province.HO_CHI_MINH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"079403012345", "079503012345", "079699012345", "079900012345"})
    void parse_centuryNotBegun_rejectedWithInvalidCenturyCode(String s) {
        assertThat(reasonOf(parse(s))).isEqualTo(Reason.INVALID_CENTURY_CODE);
    }

    @Test
    void parse_centuryDigitLaterBegun_acceptedWithLaterClock() {
        ParseOptions in2150 = ParseOptions.builder().clock(TestClocks.at(LocalDate.of(2150, 1, 1))).build();
        PersonalNumber n = PersonalNumber.parse("079503012345", in2150).orElseThrow();
        assertThat(n.birthYear()).isEqualTo(2103);
        assertThat(n.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void parse_yearAfterCurrentYear_rejectedWithBirthYearInFuture() {
        assertThat(reasonOf(parse("079227012345"))).isEqualTo(Reason.BIRTH_YEAR_IN_FUTURE);
        assertThat(parse("079226012345").isValid()).isTrue();
    }

    @Test
    void parse_birthDateOfAnotherYear_rejectedWithBirthYearMismatch() {
        ParseOptions opts = ParseOptions.builder().clock(TestClocks.june2026())
                .expectedBirthDate(LocalDate.of(2004, 1, 1)).build();
        ParseResult r = PersonalNumber.parse("079303012345", opts);
        assertThat(reasonOf(r)).isEqualTo(Reason.BIRTH_YEAR_MISMATCH);
        assertThat(((ParseResult.Invalid) r).detail()).contains("2003").contains("2004");
    }

    @Test
    void parse_birthDateOfSameYearInOtherCentury_rejectedWithBirthYearMismatch() {
        ParseOptions opts = ParseOptions.builder().clock(TestClocks.june2026())
                .expectedBirthDate(LocalDate.of(1903, 5, 5)).build();
        assertThat(reasonOf(PersonalNumber.parse("079303012345", opts))).isEqualTo(Reason.BIRTH_YEAR_MISMATCH);
    }

    @Test
    void parse_otherSex_rejectedWithSexMismatch() {
        ParseOptions opts = ParseOptions.builder().clock(TestClocks.june2026()).expectedSex(Sex.MALE).build();
        assertThat(reasonOf(PersonalNumber.parse("079303012345", opts))).isEqualTo(Reason.SEX_MISMATCH);
    }

    @Test
    void parse_consistentBirthDateAndSex_valid() {
        ParseOptions opts = ParseOptions.builder().clock(TestClocks.june2026())
                .expectedBirthDate(LocalDate.of(2003, 12, 31)).expectedSex(Sex.FEMALE).build();
        assertThat(PersonalNumber.parse("079303012345", opts).isValid()).isTrue();
    }

    @Test
    void parseOptions_settingTwice_throwsIllegalState() {
        assertThatThrownBy(() -> ParseOptions.builder().allowCodesOutsideProvinceTable()
                .allowCodesOutsideProvinceTable()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ParseOptions.builder().expectedSex(Sex.MALE).expectedSex(Sex.MALE))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ParseOptions.builder().clock(TestClocks.june2026()).clock(TestClocks.june2026()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PersonalNumber.parse("079303012345", null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void toString_isMasked_value_isClear() {
        PersonalNumber n = PersonalNumber.of("079303012345");
        assertThat(n.toString()).isEqualTo("079******345").doesNotContain("303012");
        assertThat(n.masked()).isEqualTo("079******345");
    }

    @Test
    void of_invalid_throwsIllegalArgumentWithoutEchoingInput() {
        assertThatThrownBy(() -> PersonalNumber.of("003303012345"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UNKNOWN_PROVINCE")
                .hasMessageNotContaining("003303012345");
    }

    @Test
    void equality_isByValue() {
        assertThat(PersonalNumber.of("079303012345")).isEqualTo(PersonalNumber.of("079303012345"))
                .hasSameHashCodeAs(PersonalNumber.of("079303012345"))
                .isNotEqualTo(PersonalNumber.of("079303012346"));
    }

    @Test
    void reasons_haveVietnameseAndEnglishMessages() {
        for (Reason r : Reason.values()) {
            assertThat(r.vietnamese()).isNotBlank().isNotEqualTo(r.english());
            assertThat(r.english()).isNotBlank();
            assertThat(r.message(Locale.forLanguageTag("vi-VN"))).isEqualTo(r.vietnamese());
            assertThat(r.message(Locale.ENGLISH)).isEqualTo(r.english());
        }
    }
}
