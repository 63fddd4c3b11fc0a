package io.github.eidvn.core.identity;

import io.github.eidvn.core.result.BilingualText;

import java.util.Locale;
import java.util.Optional;

/**
 * Sex as recorded in the population registry and encoded in the personal identification number.
 */
public enum Sex implements BilingualText {
    /** Nam. */
    MALE("male", "Nam", "Male"),
    /** Nữ. */
    FEMALE("female", "Nữ", "Female");

    private final String oidcValue;
    private final String vietnamese;
    private final String english;

    Sex(String oidcValue, String vietnamese, String english) {
        this.oidcValue = oidcValue;
        this.vietnamese = vietnamese;
        this.english = english;
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
     * The Vietnamese word as printed on the card.
     *
     * @return {@code "Nam"} or {@code "Nữ"}
     */
    @Override
    public String vietnamese() {
        return vietnamese;
    }

    /**
     * The English word.
     *
     * @return {@code "Male"} or {@code "Female"}
     */
    @Override
    public String english() {
        return english;
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
            if (s.oidcValue.equals(t) || s.vietnamese.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
