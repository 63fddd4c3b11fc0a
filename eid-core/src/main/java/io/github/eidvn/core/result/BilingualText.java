package io.github.eidvn.core.result;

import java.util.Locale;
import java.util.Objects;

/**
 * A text for people in Vietnamese and English: every reason, refusal and label enum of eid implements it, so a
 * desk page, a CLI or a log shows any of them the same way.
 *
 * <p>An enum adopts it through {@link HasBilingualText}: one {@link Bilingual} field built from two constructor
 * arguments and one accessor; {@link #vietnamese()}, {@link #english()} and {@link #message(Locale)} come for free.
 * Both texts are complete sentences or labels, never blank and never the same.
 */
public interface BilingualText {

    /** @return the text in Vietnamese */
    String vietnamese();

    /** @return the text in English */
    String english();

    /**
     * The text for a locale.
     *
     * @param locale the reader's locale
     * @return {@link #vietnamese()} for language {@code vi}, {@link #english()} for any other language
     * @throws NullPointerException if {@code locale} is null
     */
    default String message(Locale locale) {
        return "vi".equals(Objects.requireNonNull(locale, "locale").getLanguage()) ? vietnamese() : english();
    }

    /** @return both texts as {@code "vietnamese / english"}, e.g. for a CLI that does not know the reader's language */
    default String bothLanguages() {
        return vietnamese() + " / " + english();
    }
}
