package io.github.eidvn.core.identity;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

import java.util.Locale;
import java.util.Optional;

/**
 * Sex as recorded in the population registry and encoded in the personal identification number.
 */
public enum Sex implements HasBilingualText {
    /** Nam. */
    MALE("male", "Nam", "Male"),
    /** Nữ. */
    FEMALE("female", "Nữ", "Female");

    private final String oidcValue;
    private final Bilingual text;

    Sex(String oidcValue, String vietnamese, String english) {
        this.oidcValue = oidcValue;
        this.text = new Bilingual(vietnamese, english);
    }

    /**
     * The OpenID Connect {@code gender} claim value.
     *
     * @return {@code "male"} or {@code "female"}
     */
    public String oidcValue() {
        return oidcValue;
    }

    /**
     * The word in Vietnamese as printed on the card ({@code "Nam"} or {@code "Nữ"}) and in English
     * ({@code "Male"} or {@code "Female"}).
     *
     * @return both words
     */
    @Override
    public Bilingual text() {
        return text;
    }

    /**
     * Reads {@code male}/{@code female} (any case, surrounding ASCII spaces ignored) and the Vietnamese
     * {@code Nam}/{@code Nữ}.
     *
     * @param text the text, may be null
     * @return the sex, or empty for anything else
     */
    public static Optional<Sex> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = PersonName.normalize(text).toLowerCase(Locale.ROOT);
        for (Sex s : values()) {
            if (s.oidcValue.equals(t) || s.vietnamese().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
