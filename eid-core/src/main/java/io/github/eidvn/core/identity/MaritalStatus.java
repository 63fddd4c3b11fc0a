package io.github.eidvn.core.identity;

/**
 * Marital status (tình trạng hôn nhân) as recorded in the population registry.
 */
public enum MaritalStatus {
    /** Chưa kết hôn. */
    NOT_MARRIED("Chưa kết hôn"),
    /** Đã kết hôn. */
    MARRIED("Đã kết hôn"),
    /** Đã ly hôn. */
    DIVORCED("Đã ly hôn"),
    /** Góa (vợ hoặc chồng đã chết). */
    WIDOWED("Góa");

    private final String vietnamese;

    MaritalStatus(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** @return the Vietnamese label */
    public String vietnamese() {
        return vietnamese;
    }
}
