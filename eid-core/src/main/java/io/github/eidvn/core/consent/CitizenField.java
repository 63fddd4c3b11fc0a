package io.github.eidvn.core.consent;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The citizen data a relying party may ask for, by claim name, with Vietnamese and English labels for the consent
 * screen.
 *
 * <p>Claim names follow OpenID Connect where a standard name exists ({@code name}, {@code birthdate},
 * {@code gender}, {@code address}, {@code phone_number}, {@code email}); the others name the fields of the national
 * population database that {@link io.github.eidvn.core.identity.CitizenProfile} holds, in the same snake_case
 * style, plus {@code health_insurance} and {@code old_id_number} (the old CMND number). The JSON shape of each value is described by
 * {@link io.github.eidvn.core.sharing.SharedClaims}.
 */
public enum CitizenField implements HasBilingualText {
    /** Số định danh cá nhân (12 digits). */
    PERSONAL_NUMBER("personal_number", "Số định danh cá nhân", "Personal identification number"),
    /** Họ, chữ đệm và tên. */
    NAME("name", "Họ, chữ đệm và tên", "Full name"),
    /** Ngày sinh. */
    BIRTHDATE("birthdate", "Ngày, tháng, năm sinh", "Date of birth"),
    /** Giới tính ({@code male} / {@code female}). */
    GENDER("gender", "Giới tính", "Sex"),
    /** Quốc tịch. */
    NATIONALITY("nationality", "Quốc tịch", "Nationality"),
    /** Dân tộc. */
    ETHNICITY("ethnicity", "Dân tộc", "Ethnic group"),
    /** Tôn giáo. */
    RELIGION("religion", "Tôn giáo", "Religion"),
    /** Quê quán. */
    HOMETOWN("hometown", "Quê quán", "Hometown"),
    /** Nơi đăng ký khai sinh. */
    PLACE_OF_BIRTH_REGISTRATION("place_of_birth_registration", "Nơi đăng ký khai sinh",
            "Place of birth registration"),
    /** Nơi thường trú. */
    PERMANENT_RESIDENCE("permanent_residence", "Nơi thường trú", "Permanent residence"),
    /** Nơi tạm trú. */
    TEMPORARY_RESIDENCE("temporary_residence", "Nơi tạm trú", "Temporary residence"),
    /** Nơi ở hiện tại. */
    CURRENT_RESIDENCE("current_residence", "Nơi ở hiện tại", "Current residence"),
    /** Địa chỉ liên hệ (OpenID Connect address object). */
    ADDRESS("address", "Địa chỉ", "Address"),
    /** Tình trạng hôn nhân. */
    MARITAL_STATUS("marital_status", "Tình trạng hôn nhân", "Marital status"),
    /** Nhóm máu. */
    BLOOD_TYPE("blood_type", "Nhóm máu", "Blood group"),
    /** Cha. */
    FATHER("father", "Họ tên, số định danh của cha", "Father (name, number)"),
    /** Mẹ. */
    MOTHER("mother", "Họ tên, số định danh của mẹ", "Mother (name, number)"),
    /** Vợ hoặc chồng. */
    SPOUSE("spouse", "Họ tên, số định danh của vợ/chồng", "Spouse (name, number)"),
    /** Người đại diện hợp pháp / người giám hộ. */
    LEGAL_REPRESENTATIVE("legal_representative", "Người đại diện hợp pháp", "Legal representative"),
    /** Chủ hộ. */
    HOUSEHOLD_HEAD("household_head", "Họ tên, số định danh của chủ hộ", "Head of household (name, number)"),
    /** Quan hệ với chủ hộ. */
    RELATIONSHIP_TO_HOUSEHOLD_HEAD("relationship_to_household_head", "Quan hệ với chủ hộ",
            "Relationship to the head of household"),
    /** Số điện thoại di động. */
    PHONE_NUMBER("phone_number", "Số điện thoại", "Phone number"),
    /** Thư điện tử. */
    EMAIL("email", "Thư điện tử", "E-mail"),
    /** Thẻ bảo hiểm y tế (số thẻ, hạn, mức hưởng, nơi KCB ban đầu). */
    HEALTH_INSURANCE("health_insurance", "Thẻ bảo hiểm y tế", "Health-insurance card"),
    /**
     * Số Chứng minh nhân dân cũ: the 9-digit CMND number, or the 12-digit number of the CMND cards issued before the
     * citizen ID card, which service 1 of Đề án 06 (Phụ lục 1: "Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ
     * Căn cước công dân") confirms. A string of 9 or 12 ASCII digits.
     */
    OLD_ID_NUMBER("old_id_number", "Số Chứng minh nhân dân cũ (9 hoặc 12 số)",
            "Old identity-card (CMND) number (9 or 12 digits)");

    private static final Map<String, CitizenField> BY_CLAIM = new LinkedHashMap<>();

    static {
        for (CitizenField f : values()) {
            BY_CLAIM.put(f.claimName, f);
        }
    }

    private final String claimName;
    private final Bilingual label;

    CitizenField(String claimName, String labelVi, String labelEn) {
        this.claimName = claimName;
        this.label = new Bilingual(labelVi, labelEn);
    }

    /** @return the claim name, e.g. {@code phone_number} */
    public String claimName() {
        return claimName;
    }

    /** @return the label shown to citizens, in Vietnamese and English */
    @Override
    public Bilingual text() {
        return label;
    }

    /**
     * The field with a claim name.
     *
     * @param claimName the claim name; null gives empty
     * @return the field, or empty for an unknown name
     */
    public static Optional<CitizenField> fromClaimName(String claimName) {
        return Optional.ofNullable(claimName == null ? null : BY_CLAIM.get(claimName));
    }

    /**
     * The fields with the given claim names.
     *
     * @param claimNames claim names, e.g. {@code ["name", "birthdate"]}
     * @return the fields, in declaration order
     * @throws IllegalArgumentException for an unknown or repeated name
     */
    public static Set<CitizenField> parseAll(Collection<String> claimNames) {
        Objects.requireNonNull(claimNames, "claimNames");
        Set<CitizenField> out = EnumSet.noneOf(CitizenField.class);
        for (String n : claimNames) {
            CitizenField f = fromClaimName(n).orElseThrow(
                    () -> new IllegalArgumentException("unknown citizen field: " + n));
            if (!out.add(f)) {
                throw new IllegalArgumentException("field named twice: " + n);
            }
        }
        return out;
    }

    /**
     * Parses a comma-separated list of claim names ({@code "name,birthdate"}), spaces around names ignored.
     *
     * @param commaSeparated the list
     * @return the fields, in declaration order
     * @throws IllegalArgumentException for an empty list, an unknown or repeated name
     */
    public static Set<CitizenField> parseList(String commaSeparated) {
        Objects.requireNonNull(commaSeparated, "commaSeparated");
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            names.add(part.strip());
        }
        Set<CitizenField> fields = parseAll(names);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("no fields");
        }
        return fields;
    }
}
