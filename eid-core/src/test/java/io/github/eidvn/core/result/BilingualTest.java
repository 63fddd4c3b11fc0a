package io.github.eidvn.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eidvn.core.identity.PersonalNumber;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class BilingualTest {

    @Test
    void create_blankOrNullText_rejected() {
        assertThatThrownBy(() -> new Bilingual(null, "No number.")).isInstanceOf(NullPointerException.class)
                .hasMessage("vietnamese");
        assertThatThrownBy(() -> new Bilingual("Chưa nhập số.", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("english");
        assertThatThrownBy(() -> new Bilingual(" ", "No number.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bilingual("Chưa nhập số.", "\t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void create_sameTextInBothLanguages_rejected() {
        assertThatThrownBy(() -> new Bilingual("OK", "OK")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ");
    }

    @Test
    void bilingual_isAValueShowingBothLanguages() {
        Bilingual text = new Bilingual("Chưa nhập số.", "No number.");

        assertThat(text).isEqualTo(new Bilingual("Chưa nhập số.", "No number."));
        assertThat(text.message(Locale.forLanguageTag("vi-VN"))).isEqualTo("Chưa nhập số.");
        assertThat(text.message(Locale.UK)).isEqualTo("No number.");
        assertThat(text).hasToString("Chưa nhập số. / No number.");
    }

    @Test
    void hasBilingualText_enumAnswersFromItsHeldText() {
        PersonalNumber.Reason reason = PersonalNumber.Reason.EMPTY;

        assertThat(reason).isInstanceOf(HasBilingualText.class);
        assertThat(reason.vietnamese()).isEqualTo(reason.text().vietnamese())
                .isEqualTo("Chưa nhập số định danh cá nhân.");
        assertThat(reason.english()).isEqualTo(reason.text().english())
                .isEqualTo("No personal identification number was given.");
    }
}
