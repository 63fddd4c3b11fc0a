package io.github.eidvn.core.identity;

import static io.github.eidvn.core.internal.Once.once;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A citizen's record as held in the national population database (Cơ sở dữ liệu quốc gia về dân cư): an immutable
 * value built with {@link #builder()}.
 *
 * <p>{@code personalNumber}, {@code fullName}, {@code birthDate} and {@code sex} are required; every other field is
 * optional and read through an {@link Optional} getter. Free-text fields are normalised like names (NFC, white space
 * folded) and must not be blank. The profile does not check that the number's encoded birth year and sex agree with
 * {@code birthDate} and {@code sex}: the registry is the authority, and identity proofing compares declared data with
 * it.
 *
 * <p><b>Privacy.</b> {@link #toString()} shows the masked number and which fields are present, never their values.
 * Instances are thread-safe; equality covers every field.
 */
public final class CitizenProfile {

    /** Every field in a fixed order: the four required ones, then the optional ones. Filled by {@link #field}. */
    private static final List<Field<?>> FIELDS = new ArrayList<>();
    /** How many fields are required: the first ones of {@link #FIELDS}. */
    private static final int REQUIRED = 4;

    private static final Field<PersonalNumber> PERSONAL_NUMBER = plain("personalNumber", PersonalNumber.class);
    private static final Field<PersonName> FULL_NAME = plain("fullName", PersonName.class);
    private static final Field<LocalDate> BIRTH_DATE = plain("birthDate", LocalDate.class);
    private static final Field<Sex> SEX = plain("sex", Sex.class);
    private static final Field<String> PLACE_OF_BIRTH_REGISTRATION = text("placeOfBirthRegistration");
    private static final Field<String> HOMETOWN = text("hometown");
    private static final Field<String> ETHNICITY = text("ethnicity");
    private static final Field<String> RELIGION = text("religion");
    private static final Field<String> NATIONALITY = text("nationality");
    private static final Field<MaritalStatus> MARITAL_STATUS = plain("maritalStatus", MaritalStatus.class);
    private static final Field<String> PERMANENT_RESIDENCE = text("permanentResidence");
    private static final Field<String> TEMPORARY_RESIDENCE = text("temporaryResidence");
    private static final Field<String> CURRENT_RESIDENCE = text("currentResidence");
    private static final Field<BloodType> BLOOD_TYPE = plain("bloodType", BloodType.class);
    private static final Field<RelatedPerson> FATHER = plain("father", RelatedPerson.class);
    private static final Field<RelatedPerson> MOTHER = plain("mother", RelatedPerson.class);
    private static final Field<RelatedPerson> SPOUSE = plain("spouse", RelatedPerson.class);
    private static final Field<RelatedPerson> LEGAL_REPRESENTATIVE = plain("legalRepresentative", RelatedPerson.class);
    private static final Field<RelatedPerson> HOUSEHOLD_HEAD = plain("householdHead", RelatedPerson.class);
    private static final Field<String> RELATIONSHIP_TO_HOUSEHOLD_HEAD = text("relationshipToHouseholdHead");
    private static final Field<String> PHONE_NUMBER = field("phoneNumber", String.class, ProfileText::phone);
    private static final Field<String> EMAIL = field("email", String.class, ProfileText::email);
    private static final Field<LocalDate> CARD_ISSUE_DATE = plain("cardIssueDate", LocalDate.class);

    /** The values by {@link Field#index}; null for an absent optional field. */
    private final Object[] values;

    private CitizenProfile(Builder b) {
        this.values = b.values.clone();
        for (Field<?> f : FIELDS.subList(0, REQUIRED)) {
            if (values[f.index] == null) {
                throw new IllegalStateException(f.name + " is required");
            }
        }
        LocalDate cardIssueDate = get(CARD_ISSUE_DATE);
        if (cardIssueDate != null && cardIssueDate.isBefore(get(BIRTH_DATE))) {
            throw new IllegalStateException("cardIssueDate is before birthDate");
        }
    }

    private static <T> Field<T> field(String name, Class<T> type, UnaryOperator<T> check) {
        Field<T> f = new Field<>(FIELDS.size(), name, type, check);
        FIELDS.add(f);
        return f;
    }

    private static <T> Field<T> plain(String name, Class<T> type) {
        return field(name, type, UnaryOperator.identity());
    }

    private static Field<String> text(String name) {
        return field(name, String.class, value -> ProfileText.text(value, name));
    }

    private <T> T get(Field<T> field) {
        return field.type.cast(values[field.index]);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the personal identification number (số định danh cá nhân) */
    public PersonalNumber personalNumber() {
        return get(PERSONAL_NUMBER);
    }

    /** @return the full name (họ, chữ đệm và tên) */
    public PersonName fullName() {
        return get(FULL_NAME);
    }

    /** @return the date of birth (ngày, tháng, năm sinh) */
    public LocalDate birthDate() {
        return get(BIRTH_DATE);
    }

    /** @return the sex (giới tính) */
    public Sex sex() {
        return get(SEX);
    }

    /** @return the place of birth registration (nơi đăng ký khai sinh), if recorded */
    public Optional<String> placeOfBirthRegistration() {
        return Optional.ofNullable(get(PLACE_OF_BIRTH_REGISTRATION));
    }

    /** @return the hometown (quê quán), if recorded */
    public Optional<String> hometown() {
        return Optional.ofNullable(get(HOMETOWN));
    }

    /** @return the ethnic group (dân tộc), e.g. "Kinh", if recorded */
    public Optional<String> ethnicity() {
        return Optional.ofNullable(get(ETHNICITY));
    }

    /** @return the religion (tôn giáo), e.g. "Không", if recorded */
    public Optional<String> religion() {
        return Optional.ofNullable(get(RELIGION));
    }

    /** @return the nationality (quốc tịch), e.g. "Việt Nam", if recorded */
    public Optional<String> nationality() {
        return Optional.ofNullable(get(NATIONALITY));
    }

    /** @return the marital status (tình trạng hôn nhân), if recorded */
    public Optional<MaritalStatus> maritalStatus() {
        return Optional.ofNullable(get(MARITAL_STATUS));
    }

    /** @return the permanent residence (nơi thường trú), if recorded */
    public Optional<String> permanentResidence() {
        return Optional.ofNullable(get(PERMANENT_RESIDENCE));
    }

    /** @return the temporary residence (nơi tạm trú), if recorded */
    public Optional<String> temporaryResidence() {
        return Optional.ofNullable(get(TEMPORARY_RESIDENCE));
    }

    /** @return the current residence (nơi ở hiện tại), if recorded */
    public Optional<String> currentResidence() {
        return Optional.ofNullable(get(CURRENT_RESIDENCE));
    }

    /** @return the ABO blood group (nhóm máu), if recorded */
    public Optional<BloodType> bloodType() {
        return Optional.ofNullable(get(BLOOD_TYPE));
    }

    /** @return the father (cha), if recorded */
    public Optional<RelatedPerson> father() {
        return Optional.ofNullable(get(FATHER));
    }

    /** @return the mother (mẹ), if recorded */
    public Optional<RelatedPerson> mother() {
        return Optional.ofNullable(get(MOTHER));
    }

    /** @return the spouse (vợ hoặc chồng), if recorded */
    public Optional<RelatedPerson> spouse() {
        return Optional.ofNullable(get(SPOUSE));
    }

    /** @return the legal representative or guardian (người đại diện hợp pháp / người giám hộ), if recorded */
    public Optional<RelatedPerson> legalRepresentative() {
        return Optional.ofNullable(get(LEGAL_REPRESENTATIVE));
    }

    /** @return the head of the household (chủ hộ), if recorded */
    public Optional<RelatedPerson> householdHead() {
        return Optional.ofNullable(get(HOUSEHOLD_HEAD));
    }

    /** @return the relationship to the household head (quan hệ với chủ hộ), e.g. "Con", if recorded */
    public Optional<String> relationshipToHouseholdHead() {
        return Optional.ofNullable(get(RELATIONSHIP_TO_HOUSEHOLD_HEAD));
    }

    /** @return the mobile phone number (số thuê bao di động), digits with an optional leading '+', if recorded */
    public Optional<String> phoneNumber() {
        return Optional.ofNullable(get(PHONE_NUMBER));
    }

    /** @return the e-mail address (thư điện tử), if recorded */
    public Optional<String> email() {
        return Optional.ofNullable(get(EMAIL));
    }

    /**
     * @return the issue date of the current chip ID card (ngày cấp thẻ căn cước), see {@link CardValidity}, if recorded
     */
    public Optional<LocalDate> cardIssueDate() {
        return Optional.ofNullable(get(CARD_ISSUE_DATE));
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CitizenProfile && Arrays.equals(values, ((CitizenProfile) o).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** @return the masked number and the names of the optional fields present; no personal data in clear */
    @Override
    public String toString() {
        List<String> present = new ArrayList<>();
        for (Field<?> f : FIELDS.subList(REQUIRED, FIELDS.size())) {
            if (values[f.index] != null) {
                present.add(f.name);
            }
        }
        return "CitizenProfile[number=" + personalNumber().masked() + ", present=" + present + "]";
    }

    /**
     * One field of the profile, declared once: its position, its name (for messages), its type and the check that
     * normalises a value given to the builder.
     *
     * @param <T> the value type
     */
    private static final class Field<T> {
        private final int index;
        private final String name;
        private final Class<T> type;
        private final UnaryOperator<T> check;

        Field(int index, String name, Class<T> type, UnaryOperator<T> check) {
            this.index = index;
            this.name = name;
            this.type = type;
            this.check = check;
        }
    }

    /**
     * Builder. Each field may be set once ({@link IllegalStateException} on a second call); null arguments throw
     * {@link NullPointerException}; blank text or a malformed phone number / e-mail address throws
     * {@link IllegalArgumentException}. {@link #build()} throws {@link IllegalStateException} when a required field is
     * missing or the card issue date is before the birth date.
     */
    public static final class Builder {

        private final Object[] values = new Object[FIELDS.size()];

        private Builder() {
        }

        /** Checks and normalises a value, then sets it if the field is still unset. */
        private <T> Builder set(Field<T> field, T value) {
            T checked = field.check.apply(Objects.requireNonNull(value, field.name));
            values[field.index] = once(values[field.index], checked, field.name);
            return this;
        }

        /**
         * Sets the personal identification number (số định danh cá nhân).
         *
         * @param personalNumber the value
         * @return this builder
         */
        public Builder personalNumber(PersonalNumber personalNumber) {
            return set(PERSONAL_NUMBER, personalNumber);
        }

        /**
         * Sets the full name (họ, chữ đệm và tên).
         *
         * @param fullName the value
         * @return this builder
         */
        public Builder fullName(PersonName fullName) {
            return set(FULL_NAME, fullName);
        }

        /**
         * Sets the date of birth (ngày, tháng, năm sinh).
         *
         * @param birthDate the value
         * @return this builder
         */
        public Builder birthDate(LocalDate birthDate) {
            return set(BIRTH_DATE, birthDate);
        }

        /**
         * Sets the sex (giới tính).
         *
         * @param sex the value
         * @return this builder
         */
        public Builder sex(Sex sex) {
            return set(SEX, sex);
        }

        /**
         * Sets the place of birth registration (nơi đăng ký khai sinh).
         *
         * @param placeOfBirthRegistration the value
         * @return this builder
         */
        public Builder placeOfBirthRegistration(String placeOfBirthRegistration) {
            return set(PLACE_OF_BIRTH_REGISTRATION, placeOfBirthRegistration);
        }

        /**
         * Sets the hometown (quê quán).
         *
         * @param hometown the value
         * @return this builder
         */
        public Builder hometown(String hometown) {
            return set(HOMETOWN, hometown);
        }

        /**
         * Sets the ethnic group (dân tộc), e.g. "Kinh".
         *
         * @param ethnicity the value
         * @return this builder
         */
        public Builder ethnicity(String ethnicity) {
            return set(ETHNICITY, ethnicity);
        }

        /**
         * Sets the religion (tôn giáo), e.g. "Không".
         *
         * @param religion the value
         * @return this builder
         */
        public Builder religion(String religion) {
            return set(RELIGION, religion);
        }

        /**
         * Sets the nationality (quốc tịch), e.g. "Việt Nam".
         *
         * @param nationality the value
         * @return this builder
         */
        public Builder nationality(String nationality) {
            return set(NATIONALITY, nationality);
        }

        /**
         * Sets the marital status (tình trạng hôn nhân).
         *
         * @param maritalStatus the value
         * @return this builder
         */
        public Builder maritalStatus(MaritalStatus maritalStatus) {
            return set(MARITAL_STATUS, maritalStatus);
        }

        /**
         * Sets the permanent residence (nơi thường trú).
         *
         * @param permanentResidence the value
         * @return this builder
         */
        public Builder permanentResidence(String permanentResidence) {
            return set(PERMANENT_RESIDENCE, permanentResidence);
        }

        /**
         * Sets the temporary residence (nơi tạm trú).
         *
         * @param temporaryResidence the value
         * @return this builder
         */
        public Builder temporaryResidence(String temporaryResidence) {
            return set(TEMPORARY_RESIDENCE, temporaryResidence);
        }

        /**
         * Sets the current residence (nơi ở hiện tại).
         *
         * @param currentResidence the value
         * @return this builder
         */
        public Builder currentResidence(String currentResidence) {
            return set(CURRENT_RESIDENCE, currentResidence);
        }

        /**
         * Sets the ABO blood group (nhóm máu).
         *
         * @param bloodType the value
         * @return this builder
         */
        public Builder bloodType(BloodType bloodType) {
            return set(BLOOD_TYPE, bloodType);
        }

        /**
         * Sets the father (cha).
         *
         * @param father the value
         * @return this builder
         */
        public Builder father(RelatedPerson father) {
            return set(FATHER, father);
        }

        /**
         * Sets the mother (mẹ).
         *
         * @param mother the value
         * @return this builder
         */
        public Builder mother(RelatedPerson mother) {
            return set(MOTHER, mother);
        }

        /**
         * Sets the spouse (vợ hoặc chồng).
         *
         * @param spouse the value
         * @return this builder
         */
        public Builder spouse(RelatedPerson spouse) {
            return set(SPOUSE, spouse);
        }

        /**
         * Sets the legal representative or guardian (người đại diện hợp pháp / người giám hộ).
         *
         * @param legalRepresentative the value
         * @return this builder
         */
        public Builder legalRepresentative(RelatedPerson legalRepresentative) {
            return set(LEGAL_REPRESENTATIVE, legalRepresentative);
        }

        /**
         * Sets the head of the household (chủ hộ).
         *
         * @param householdHead the value
         * @return this builder
         */
        public Builder householdHead(RelatedPerson householdHead) {
            return set(HOUSEHOLD_HEAD, householdHead);
        }

        /**
         * Sets the relationship to the household head (quan hệ với chủ hộ), e.g. "Con".
         *
         * @param relationshipToHouseholdHead the value
         * @return this builder
         */
        public Builder relationshipToHouseholdHead(String relationshipToHouseholdHead) {
            return set(RELATIONSHIP_TO_HOUSEHOLD_HEAD, relationshipToHouseholdHead);
        }

        /**
         * Sets the mobile phone number (số thuê bao di động), digits with an optional leading '+'.
         *
         * @param phoneNumber the value
         * @return this builder
         */
        public Builder phoneNumber(String phoneNumber) {
            return set(PHONE_NUMBER, phoneNumber);
        }

        /**
         * Sets the e-mail address (thư điện tử).
         *
         * @param email the value
         * @return this builder
         */
        public Builder email(String email) {
            return set(EMAIL, email);
        }

        /**
         * Sets the issue date of the current chip ID card (ngày cấp thẻ căn cước), see {@link CardValidity}.
         *
         * @param cardIssueDate the value
         * @return this builder
         */
        public Builder cardIssueDate(LocalDate cardIssueDate) {
            return set(CARD_ISSUE_DATE, cardIssueDate);
        }

        /**
         * Sets the full name from text.
         *
         * @param fullName the name, normalised by {@link PersonName#of(String)}
         * @return this builder
         */
        public Builder fullName(String fullName) {
            return fullName(PersonName.of(fullName));
        }

        /**
         * Builds the profile.
         *
         * @return the profile
         * @throws IllegalStateException if a required field is missing or the card issue date precedes the birth date
         */
        public CitizenProfile build() {
            return new CitizenProfile(this);
        }
    }
}
