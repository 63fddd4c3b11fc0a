package io.github.eidvn.core.identity;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

/**
 * Marital status (tình trạng hôn nhân) as recorded in the population registry.
 */
public enum MaritalStatus implements HasBilingualText {
    /** Chưa kết hôn. */
    NOT_MARRIED("Chưa kết hôn", "Not married"),
    /** Đã kết hôn. */
    MARRIED("Đã kết hôn", "Married"),
    /** Đã ly hôn. */
    DIVORCED("Đã ly hôn", "Divorced"),
    /** Góa (vợ hoặc chồng đã chết). */
    WIDOWED("Góa", "Widowed");

    private final Bilingual text;

    MaritalStatus(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

    @Override
    public Bilingual text() {
        return text;
    }
}
