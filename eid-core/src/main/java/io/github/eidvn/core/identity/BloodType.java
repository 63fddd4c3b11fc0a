package io.github.eidvn.core.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * ABO blood group (nhóm máu), recorded on request under the Law on Identification 2023.
 */
public enum BloodType {
    /** Group A. */
    A,
    /** Group B. */
    B,
    /** Group AB. */
    AB,
    /** Group O. */
    O;

    /**
     * Reads {@code A}, {@code B}, {@code AB} or {@code O} (any case, surrounding spaces ignored).
     *
     * @param text the text, may be null
     * @return the group, or empty for anything else
     */
    public static Optional<BloodType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (BloodType b : values()) {
            if (b.name().equals(t)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
