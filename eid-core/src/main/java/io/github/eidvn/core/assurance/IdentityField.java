package io.github.eidvn.core.assurance;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

/**
 * The identity fields compared with the population registry during proofing.
 */
public enum IdentityField implements HasBilingualText {
    /** Số định danh cá nhân. */
    PERSONAL_NUMBER("số định danh cá nhân", "personal identification number"),
    /** Họ, chữ đệm và tên. */
    FULL_NAME("họ và tên", "full name"),
    /** Ngày sinh. */
    BIRTH_DATE("ngày sinh", "date of birth"),
    /** Giới tính. */
    SEX("giới tính", "sex");

    private final Bilingual text;

    IdentityField(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

    @Override
    public Bilingual text() {
        return text;
    }
}
