package io.github.eidvn.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PersonNameTest {

    /** Every Vietnamese vowel with every tone, by base letter, and đ. */
    private static final String[][] VOWELS = {
        {"a", "aàáảãạ"}, {"a", "ăằắẳẵặ"}, {"a", "âầấẩẫậ"},
        {"e", "eèéẻẽẹ"}, {"e", "êềếểễệ"},
        {"i", "iìíỉĩị"},
        {"o", "oòóỏõọ"}, {"o", "ôồốổỗộ"}, {"o", "ơờớởỡợ"},
        {"u", "uùúủũụ"}, {"u", "ưừứửữự"},
        {"y", "yỳýỷỹỵ"},
        {"d", "đ"},
    };

    @Test
    void vowelTable_coversTwelveVowelsTimesSixTonesAndDStroke() {
        int count = 0;
        for (String[] row : VOWELS) {
            count += row[1].codePointCount(0, row[1].length());
        }
        assertThat(count).isEqualTo(12 * 6 + 1);
    }

    @Test
    void diacriticInsensitive_everyVietnameseLetterBothCases_foldsToBaseLetter() {
        for (String[] row : VOWELS) {
            String base = row[0];
            row[1].codePoints().forEach(cp -> {
                String lower = new String(Character.toChars(cp));
                String upper = lower.toUpperCase(Locale.ROOT);
                assertThat(upper).as("upper of %s", lower).isNotEqualTo(lower);
                for (String letter : new String[] {lower, upper,
                    Normalizer.normalize(lower, Normalizer.Form.NFD),
                    Normalizer.normalize(upper, Normalizer.Form.NFD)}) {
                    assertThat(NameComparison.DIACRITIC_INSENSITIVE.key(letter)).as(letter)
                            .isEqualTo(base.toUpperCase(Locale.ROOT));
                    assertThat(NameComparison.DIACRITIC_INSENSITIVE.matches(letter, base)).isTrue();
                }
                // diacritics matter in the other modes (except for the plain base letter itself)
                if (!lower.equals(base)) {
                    assertThat(NameComparison.CASE_INSENSITIVE.matches(lower, base)).as(lower).isFalse();
                    assertThat(NameComparison.EXACT.matches(lower, base)).as(lower).isFalse();
                }
                assertThat(NameComparison.CASE_INSENSITIVE.matches(lower, upper)).as(lower).isTrue();
                assertThat(NameComparison.EXACT.matches(lower, upper)).as(lower).isFalse();
            });
        }
    }

    @Test
    void diacriticInsensitive_registryNameMatchesMrzStyleUpperAscii() {
        PersonName registry = PersonName.of("Nguyễn Văn Đức");
        PersonName legacy = PersonName.of("NGUYEN VAN DUC");
        assertThat(registry.matches(legacy, NameComparison.DIACRITIC_INSENSITIVE)).isTrue();
        assertThat(registry.matches(legacy, NameComparison.CASE_INSENSITIVE)).isFalse();
        assertThat(registry.matches(legacy, NameComparison.EXACT)).isFalse();
        assertThat(registry.withoutDiacritics()).isEqualTo("NGUYEN VAN DUC");
        assertThat(PersonName.of("Trần Thị Ngọc Ánh").withoutDiacritics()).isEqualTo("TRAN THI NGOC ANH");
        assertThat(PersonName.of("Phạm Thị Hương").matches(PersonName.of("PHAM THI HUONG"),
                NameComparison.DIACRITIC_INSENSITIVE)).isTrue();
    }

    @Test
    void diacriticInsensitive_differentNames_doNotMatch() {
        assertThat(NameComparison.DIACRITIC_INSENSITIVE.matches("Nguyễn Văn Đức", "Nguyễn Văn Được")).isFalse();
        assertThat(NameComparison.DIACRITIC_INSENSITIVE.matches("Lê Văn An", "Lê Văn Anh")).isFalse();
        assertThat(NameComparison.DIACRITIC_INSENSITIVE.matches("Lê Văn An", "Lê VănAn")).isFalse();
    }

    @Test
    void legacyEthLookAlike_foldsLikeDStroke() {
        assertThat(NameComparison.DIACRITIC_INSENSITIVE.matches("\u00D0\u1ee9c", "Đức")).isTrue();
        assertThat(NameComparison.DIACRITIC_INSENSITIVE.matches("\u00F0", "đ")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(NameComparison.class)
    void nfdInput_matchesItsNfcForm_inEveryMode(NameComparison mode) {
        String nfc = "Nguyễn Thị Ánh Tuyết Đặng Hữu Phước";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        assertThat(mode.matches(nfd, nfc)).isTrue();
        assertThat(PersonName.of(nfd)).isEqualTo(PersonName.of(nfc));
        assertThat(PersonName.of(nfd).value()).isEqualTo(nfc);
        assertThat(PersonName.of(nfd).matches(PersonName.of(nfc), mode)).isTrue();
    }

    @Test
    void whitespace_isFoldedAndTrimmed() {
        PersonName n = PersonName.of("  Nguyễn\t Văn\u00A0\u00A0Đức \u3000\n");
        assertThat(n.value()).isEqualTo("Nguyễn Văn Đức");
        assertThat(NameComparison.EXACT.matches("Nguyễn  Văn Đức", " Nguyễn Văn Đức")).isTrue();
    }

    @Test
    void parse_blankTooLongOrControl_isEmpty() {
        assertThat(PersonName.parse(null)).isEmpty();
        assertThat(PersonName.parse("")).isEmpty();
        assertThat(PersonName.parse(" \t\u00A0")).isEmpty();
        assertThat(PersonName.parse("A".repeat(PersonName.MAX_LENGTH + 1))).isEmpty();
        assertThat(PersonName.parse("A".repeat(PersonName.MAX_LENGTH))).isPresent();
        assertThat(PersonName.parse("Nguyễn\u0000Văn")).isEmpty();
        assertThat(PersonName.parse("x".repeat(10_000_000))).isEmpty();
        assertThatThrownBy(() -> PersonName.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonName.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toString_showsInitialsOnly() {
        PersonName n = PersonName.of("Nguyễn Văn Đức");
        assertThat(n.toString()).isEqualTo("N*** V*** Đ***").doesNotContain("guyễn");
    }
}
