package io.github.eidvn.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eidvn.core.identity.PersonalNumber.ParseOptions;
import io.github.eidvn.core.identity.PersonalNumber.ParseResult;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PersonalNumberProperties {

    private static final ParseOptions JUNE_2026 = ParseOptions.builder().clock(TestClocks.june2026()).build();

    /** Valid numbers: a province from the table, a birth year 1900-2026 with either sex, six random digits. */
    @Provide
    Arbitrary<String> validNumbers() {
        Arbitrary<Province> province = Arbitraries.of(Province.class);
        Arbitrary<Integer> year = Arbitraries.integers().between(1900, 2026);
        Arbitrary<Sex> sex = Arbitraries.of(Sex.class);
        Arbitrary<String> serial = Arbitraries.strings().numeric().ofLength(6);
        return Combinators.combine(province, year, sex, serial).as((p, y, s, n) -> {
            int g = (y / 100 - 19) * 2 + (s == Sex.FEMALE ? 1 : 0);
            return p.code() + g + String.format("%02d", y % 100) + n;
        });
    }

    @Property(tries = 500)
    void everyValidNumber_parsesAndPrintsBackIdentically(@ForAll("validNumbers") String number) {
        ParseResult r = PersonalNumber.parse(number, JUNE_2026);
        assertThat(r.isValid()).as(number).isTrue();
        PersonalNumber n = r.orElseThrow();
        assertThat(n.value()).isEqualTo(number);
        assertThat(n.provinceCode() + n.centuryCode() + String.format("%02d", n.birthYear() % 100) + n.serial())
                .isEqualTo(number);
        assertThat(PersonalNumber.parse(n.value(), JUNE_2026)).isEqualTo(r);
    }

    @Property(tries = 500)
    void changingAnyOfTheFirstSixDigits_isRejectedOrChangesProvinceSexOrYear(
            @ForAll("validNumbers") String number,
            @ForAll @IntRange(min = 0, max = 5) int position,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        PersonalNumber original = PersonalNumber.parse(number, JUNE_2026).orElseThrow();
        char[] digits = number.toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + delta) % 10);
        ParseResult changed = PersonalNumber.parse(new String(digits), JUNE_2026);
        if (changed.isValid()) {
            PersonalNumber c = changed.orElseThrow();
            assertThat(c.province().equals(original.province()) && c.sex() == original.sex()
                    && c.birthYear() == original.birthYear()).as(new String(digits)).isFalse();
        }
    }

    @Property(tries = 500)
    void arbitraryText_neverThrows(@ForAll String text) {
        ParseResult r = PersonalNumber.parse(text, JUNE_2026);
        assertThat(r).isNotNull();
    }

    @Property(tries = 300)
    void twelveCharacterStringsOfAsciiDigitsAndOthers_neverThrow(
            @ForAll("twelveChars") String text) {
        assertThat(PersonalNumber.parse(text, JUNE_2026)).isNotNull();
    }

    @Provide
    Arbitrary<String> twelveChars() {
        return Arbitraries.strings().withCharRange('0', '9').withChars('\uFF10', '\u0660', 'a', ' ').ofLength(12);
    }
}
