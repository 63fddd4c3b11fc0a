package io.github.eidvn.core.assurance;

import io.github.eidvn.core.result.BilingualText;

/**
 * The identity fields compared with the population registry during proofing.
 */
public enum IdentityField implements BilingualText {
    /** Số định danh cá nhân. */
    PERSONAL_NUMBER("số định danh cá nhân", "personal identification number"),
    /** Họ, chữ đệm và tên. */
    FULL_NAME("họ và tên", "full name"),
    /** Ngày sinh. */
    BIRTH_DATE("ngày sinh", "date of birth"),
    /** Giới tính. */
    SEX("giới tính", "sex");

    private final String vietnamese;
    private final String english;

    IdentityField(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** @return the field name in Vietnamese */
    @Override
    public String vietnamese() {
        return vietnamese;
    }

    /** @return the field name in English */
    @Override
    public String english() {
        return english;
    }
}
