package io.github.eidvn.core.identity;

import io.github.eidvn.core.result.BilingualText;

/**
 * Marital status (tình trạng hôn nhân) as recorded in the population registry.
 */
public enum MaritalStatus implements BilingualText {
    /** Chưa kết hôn. */
    NOT_MARRIED("Chưa kết hôn", "Not married"),
    /** Đã kết hôn. */
    MARRIED("Đã kết hôn", "Married"),
    /** Đã ly hôn. */
    DIVORCED("Đã ly hôn", "Divorced"),
    /** Góa (vợ hoặc chồng đã chết). */
    WIDOWED("Góa", "Widowed");

    private final String vietnamese;
    private final String english;

    MaritalStatus(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** @return the Vietnamese label */
    @Override
    public String vietnamese() {
        return vietnamese;
    }

    /** @return the English label */
    @Override
    public String english() {
        return english;
    }
}
