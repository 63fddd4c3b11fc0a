package io.github.eidvn.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 (names): the two tone-mark placements of Vietnamese ("Hoà"/"Hòa", "Thuỷ"/"Thủy", "Khoẻ"/"Khỏe"; both in
 * registries) are one name in every mode, while "Hà", "Hạ" and "Ha" stay different names outside search. Issue 13:
 * bidi controls and other invisible format characters are refused in names.
 */
class ToneMarkAndInvisibleCharacterTest {

    @ParameterizedTest
    @EnumSource(NameComparison.class)
    void bothToneMarkPlacements_matchInEveryMode(NameComparison mode) {
        assertThat(mode.matches("Nguyễn Thị Hoà", "Nguyễn Thị Hòa")).isTrue();
        assertThat(mode.matches("Lê Thị Thuỷ", "Lê Thị Thủy")).isTrue();
        assertThat(mode.matches("Trần Văn Khoẻ", "Trần Văn Khỏe")).isTrue();
        assertThat(mode.matches("HOÀ", "HÒA")).isTrue();
        assertThat(mode.matches("Hoạ", Normalizer.normalize("Họa", Normalizer.Form.NFD))).isTrue();
        assertThat(PersonName.of("Thuỷ").matches(PersonName.of("Thủy"), mode)).isTrue();
    }

    @Test
    void placementNormalisation_leavesOtherSyllablesAlone() {
        assertThat(NameComparison.normalizeToneMarks("Hoà Thuỷ Khoẻ")).isEqualTo("Hòa Thủy Khỏe");
        // closed syllables and qu+y are written one way only
        assertThat(NameComparison.normalizeToneMarks("Hoàng Tuyết Quý Quỳnh Toán"))
                .isEqualTo("Hoàng Tuyết Quý Quỳnh Toán");
        assertThat(NameComparison.normalizeToneMarks("Hòa")).isEqualTo("Hòa");
        assertThat(NameComparison.EXACT.matches("Hoàng", "Hòang")).isFalse();
        assertThat(NameComparison.EXACT.matches("Quý", "Qúy")).isFalse();
    }

    @Test
    void displayKeepsWhatWasGiven() {
        assertThat(PersonName.of("Nguyễn Thị Hoà").value()).isEqualTo("Nguyễn Thị Hoà");
        assertThat(PersonName.of("Nguyễn Thị Hòa").value()).isEqualTo("Nguyễn Thị Hòa");
    }

    @Test
    void differentTonesOrNone_areDifferentNames_exceptForSearch() {
        for (NameComparison identity : new NameComparison[] {NameComparison.EXACT, NameComparison.CASE_INSENSITIVE}) {
            assertThat(identity.matches("Hà", "Hạ")).isFalse();
            assertThat(identity.matches("Hà", "Ha")).isFalse();
            assertThat(identity.matches("Hạ", "Ha")).isFalse();
        }
        assertThat(NameComparison.DIACRITIC_INSENSITIVE.matches("Hà", "Hạ")).isTrue();
        assertThat(NameComparison.CASE_INSENSITIVE.matches("Hà", "HÀ")).isTrue();
    }

    /** Issue 13: U+202A-U+202E, U+2066-U+2069 and other control and format characters are refused in names. */
    @ParameterizedTest
    @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200B", "\u200C", "\u200D", "\u200E", "\u2060", "\uFEFF", "\u00AD", "\u0007", "\u009B", "\uD800"})
    void invisibleOrControlCharacterInAName_refused(String bad) {
        assertThat(PersonName.parse("Nguyễn" + bad + " Văn An")).isEmpty();
        assertThat(PersonName.parse("Nguyễn Văn An" + bad)).isEmpty();
    }

    @Test
    void lettersOutsideVietnamese_stillAccepted() {
        assertThat(PersonName.parse("Ksor H'Blơi")).isPresent();
        assertThat(PersonName.parse("𠀀 Nôm")).isPresent(); // a supplementary-plane letter is not a format character
    }
}
