package io.github.eidvn.core.result;

import java.util.Objects;

/**
 * One text in Vietnamese and English, checked once: what a reason, refusal or label constant holds (see
 * {@link HasBilingualText}).
 *
 * <p>Immutable, with value equality.
 *
 * @param vietnamese the text in Vietnamese
 * @param english the text in English
 */
public record Bilingual(String vietnamese, String english) implements BilingualText {

    /**
     * Creates the value.
     *
     * @param vietnamese the text in Vietnamese, not blank
     * @param english the text in English, not blank and not the same as {@code vietnamese}
     * @throws NullPointerException if a text is null
     * @throws IllegalArgumentException if a text is blank, or both are the same
     */
    public Bilingual {
        Objects.requireNonNull(vietnamese, "vietnamese");
        Objects.requireNonNull(english, "english");
        if (vietnamese.isBlank() || english.isBlank()) {
            throw new IllegalArgumentException("a bilingual text must not be blank");
        }
        if (vietnamese.equals(english)) {
            throw new IllegalArgumentException("the Vietnamese and English texts must differ: " + english);
        }
    }

    /** @return {@link #bothLanguages()} */
    @Override
    public String toString() {
        return bothLanguages();
    }
}
