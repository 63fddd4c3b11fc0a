package io.github.eidvn.core.identity;

import static io.github.eidvn.core.internal.Once.once;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /** The names of the optional fields, in the order of {@link #values()}. */
    private static final List<String> OPTIONAL = List.of("placeOfBirthRegistration", "hometown", "ethnicity",
            "religion", "nationality", "maritalStatus", "permanentResidence", "temporaryResidence", "currentResidence",
            "bloodType", "father", "mother", "spouse", "legalRepresentative", "householdHead",
            "relationshipToHouseholdHead", "phoneNumber", "email", "cardIssueDate");

    private final PersonalNumber personalNumber;
    private final PersonName fullName;
    private final LocalDate birthDate;
    private final Sex sex;
    private final String placeOfBirthRegistration;
    private final String hometown;
    private final String ethnicity;
    private final String religion;
    private final String nationality;
    private final MaritalStatus maritalStatus;
    private final String permanentResidence;
    private final String temporaryResidence;
    private final String currentResidence;
    private final BloodType bloodType;
    private final RelatedPerson father;
    private final RelatedPerson mother;
    private final RelatedPerson spouse;
    private final RelatedPerson legalRepresentative;
    private final RelatedPerson householdHead;
    private final String relationshipToHouseholdHead;
    private final String phoneNumber;
    private final String email;
    private final LocalDate cardIssueDate;

    private CitizenProfile(Builder b) {
        this.personalNumber = require(b.personalNumber, "personalNumber");
        this.fullName = require(b.fullName, "fullName");
        this.birthDate = require(b.birthDate, "birthDate");
        this.sex = require(b.sex, "sex");
        this.placeOfBirthRegistration = b.placeOfBirthRegistration;
        this.hometown = b.hometown;
        this.ethnicity = b.ethnicity;
        this.religion = b.religion;
        this.nationality = b.nationality;
        this.maritalStatus = b.maritalStatus;
        this.permanentResidence = b.permanentResidence;
        this.temporaryResidence = b.temporaryResidence;
        this.currentResidence = b.currentResidence;
        this.bloodType = b.bloodType;
        this.father = b.father;
        this.mother = b.mother;
        this.spouse = b.spouse;
        this.legalRepresentative = b.legalRepresentative;
        this.householdHead = b.householdHead;
        this.relationshipToHouseholdHead = b.relationshipToHouseholdHead;
        this.phoneNumber = b.phoneNumber;
        this.email = b.email;
        this.cardIssueDate = b.cardIssueDate;
        if (cardIssueDate != null && cardIssueDate.isBefore(birthDate)) {
            throw new IllegalStateException("cardIssueDate is before birthDate");
        }
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalStateException(name + " is required");
        }
        return value;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the personal identification number (số định danh cá nhân) */
    public PersonalNumber personalNumber() {
        return personalNumber;
    }

    /** @return the full name (họ, chữ đệm và tên) */
    public PersonName fullName() {
        return fullName;
    }

    /** @return the date of birth (ngày, tháng, năm sinh) */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** @return the sex (giới tính) */
    public Sex sex() {
        return sex;
    }

    /** @return the place of birth registration (nơi đăng ký khai sinh), if recorded */
    public Optional<String> placeOfBirthRegistration() {
        return Optional.ofNullable(placeOfBirthRegistration);
    }

    /** @return the hometown (quê quán), if recorded */
    public Optional<String> hometown() {
        return Optional.ofNullable(hometown);
    }

    /** @return the ethnic group (dân tộc), e.g. "Kinh", if recorded */
    public Optional<String> ethnicity() {
        return Optional.ofNullable(ethnicity);
    }

    /** @return the religion (tôn giáo), e.g. "Không", if recorded */
    public Optional<String> religion() {
        return Optional.ofNullable(religion);
    }

    /** @return the nationality (quốc tịch), e.g. "Việt Nam", if recorded */
    public Optional<String> nationality() {
        return Optional.ofNullable(nationality);
    }

    /** @return the marital status (tình trạng hôn nhân), if recorded */
    public Optional<MaritalStatus> maritalStatus() {
        return Optional.ofNullable(maritalStatus);
    }

    /** @return the permanent residence (nơi thường trú), if recorded */
    public Optional<String> permanentResidence() {
        return Optional.ofNullable(permanentResidence);
    }

    /** @return the temporary residence (nơi tạm trú), if recorded */
    public Optional<String> temporaryResidence() {
        return Optional.ofNullable(temporaryResidence);
    }

    /** @return the current residence (nơi ở hiện tại), if recorded */
    public Optional<String> currentResidence() {
        return Optional.ofNullable(currentResidence);
    }

    /** @return the ABO blood group (nhóm máu), if recorded */
    public Optional<BloodType> bloodType() {
        return Optional.ofNullable(bloodType);
    }

    /** @return the father (cha), if recorded */
    public Optional<RelatedPerson> father() {
        return Optional.ofNullable(father);
    }

    /** @return the mother (mẹ), if recorded */
    public Optional<RelatedPerson> mother() {
        return Optional.ofNullable(mother);
    }

    /** @return the spouse (vợ hoặc chồng), if recorded */
    public Optional<RelatedPerson> spouse() {
        return Optional.ofNullable(spouse);
    }

    /** @return the legal representative or guardian (người đại diện hợp pháp / người giám hộ), if recorded */
    public Optional<RelatedPerson> legalRepresentative() {
        return Optional.ofNullable(legalRepresentative);
    }

    /** @return the head of the household (chủ hộ), if recorded */
    public Optional<RelatedPerson> householdHead() {
        return Optional.ofNullable(householdHead);
    }

    /** @return the relationship to the household head (quan hệ với chủ hộ), e.g. "Con", if recorded */
    public Optional<String> relationshipToHouseholdHead() {
        return Optional.ofNullable(relationshipToHouseholdHead);
    }

    /** @return the mobile phone number (số thuê bao di động), digits with an optional leading '+', if recorded */
    public Optional<String> phoneNumber() {
        return Optional.ofNullable(phoneNumber);
    }

    /** @return the e-mail address (thư điện tử), if recorded */
    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    /**
     * @return the issue date of the current chip ID card (ngày cấp thẻ căn cước), see {@link CardValidity}, if recorded
     */
    public Optional<LocalDate> cardIssueDate() {
        return Optional.ofNullable(cardIssueDate);
    }

    /** Every field, the four required ones first, then the optional ones in the order of {@link #OPTIONAL}. */
    private List<Object> values() {
        return Arrays.asList(personalNumber, fullName, birthDate, sex, placeOfBirthRegistration, hometown, ethnicity,
                religion, nationality, maritalStatus, permanentResidence, temporaryResidence, currentResidence,
                bloodType, father, mother, spouse, legalRepresentative, householdHead, relationshipToHouseholdHead,
                phoneNumber, email, cardIssueDate);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CitizenProfile && values().equals(((CitizenProfile) o).values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    /** @return the masked number and the names of the optional fields present; no personal data in clear */
    @Override
    public String toString() {
        List<Object> optional = values().subList(4, 4 + OPTIONAL.size());
        List<String> present = new ArrayList<>();
        for (int i = 0; i < OPTIONAL.size(); i++) {
            if (optional.get(i) != null) {
                present.add(OPTIONAL.get(i));
            }
        }
        return "CitizenProfile[number=" + personalNumber.masked() + ", present=" + present + "]";
    }

    /**
     * Builder. Each field may be set once ({@link IllegalStateException} on a second call); null arguments throw
     * {@link NullPointerException}; blank text or a malformed phone number / e-mail address throws
     * {@link IllegalArgumentException}. {@link #build()} throws {@link IllegalStateException} when a required field is
     * missing or the card issue date is before the birth date.
     */
    public static final class Builder {

        private PersonalNumber personalNumber;
        private PersonName fullName;
        private LocalDate birthDate;
        private Sex sex;
        private String placeOfBirthRegistration;
        private String hometown;
        private String ethnicity;
        private String religion;
        private String nationality;
        private MaritalStatus maritalStatus;
        private String permanentResidence;
        private String temporaryResidence;
        private String currentResidence;
        private BloodType bloodType;
        private RelatedPerson father;
        private RelatedPerson mother;
        private RelatedPerson spouse;
        private RelatedPerson legalRepresentative;
        private RelatedPerson householdHead;
        private String relationshipToHouseholdHead;
        private String phoneNumber;
        private String email;
        private LocalDate cardIssueDate;

        private Builder() {
        }

        private static String onceText(String current, String value, String name) {
            return once(current, ProfileText.text(value, name), name);
        }

        /**
         * Sets the personal identification number (số định danh cá nhân).
         *
         * @param personalNumber the value
         * @return this builder
         */
        public Builder personalNumber(PersonalNumber personalNumber) {
            this.personalNumber = once(this.personalNumber, personalNumber, "personalNumber");
            return this;
        }

        /**
         * Sets the full name (họ, chữ đệm và tên).
         *
         * @param fullName the value
         * @return this builder
         */
        public Builder fullName(PersonName fullName) {
            this.fullName = once(this.fullName, fullName, "fullName");
            return this;
        }

        /**
         * Sets the date of birth (ngày, tháng, năm sinh).
         *
         * @param birthDate the value
         * @return this builder
         */
        public Builder birthDate(LocalDate birthDate) {
            this.birthDate = once(this.birthDate, birthDate, "birthDate");
            return this;
        }

        /**
         * Sets the sex (giới tính).
         *
         * @param sex the value
         * @return this builder
         */
        public Builder sex(Sex sex) {
            this.sex = once(this.sex, sex, "sex");
            return this;
        }

        /**
         * Sets the place of birth registration (nơi đăng ký khai sinh).
         *
         * @param placeOfBirthRegistration the value
         * @return this builder
         */
        public Builder placeOfBirthRegistration(String placeOfBirthRegistration) {
            this.placeOfBirthRegistration =
                    onceText(this.placeOfBirthRegistration, placeOfBirthRegistration, "placeOfBirthRegistration");
            return this;
        }

        /**
         * Sets the hometown (quê quán).
         *
         * @param hometown the value
         * @return this builder
         */
        public Builder hometown(String hometown) {
            this.hometown = onceText(this.hometown, hometown, "hometown");
            return this;
        }

        /**
         * Sets the ethnic group (dân tộc), e.g. "Kinh".
         *
         * @param ethnicity the value
         * @return this builder
         */
        public Builder ethnicity(String ethnicity) {
            this.ethnicity = onceText(this.ethnicity, ethnicity, "ethnicity");
            return this;
        }

        /**
         * Sets the religion (tôn giáo), e.g. "Không".
         *
         * @param religion the value
         * @return this builder
         */
        public Builder religion(String religion) {
            this.religion = onceText(this.religion, religion, "religion");
            return this;
        }

        /**
         * Sets the nationality (quốc tịch), e.g. "Việt Nam".
         *
         * @param nationality the value
         * @return this builder
         */
        public Builder nationality(String nationality) {
            this.nationality = onceText(this.nationality, nationality, "nationality");
            return this;
        }

        /**
         * Sets the marital status (tình trạng hôn nhân).
         *
         * @param maritalStatus the value
         * @return this builder
         */
        public Builder maritalStatus(MaritalStatus maritalStatus) {
            this.maritalStatus = once(this.maritalStatus, maritalStatus, "maritalStatus");
            return this;
        }

        /**
         * Sets the permanent residence (nơi thường trú).
         *
         * @param permanentResidence the value
         * @return this builder
         */
        public Builder permanentResidence(String permanentResidence) {
            this.permanentResidence = onceText(this.permanentResidence, permanentResidence, "permanentResidence");
            return this;
        }

        /**
         * Sets the temporary residence (nơi tạm trú).
         *
         * @param temporaryResidence the value
         * @return this builder
         */
        public Builder temporaryResidence(String temporaryResidence) {
            this.temporaryResidence = onceText(this.temporaryResidence, temporaryResidence, "temporaryResidence");
            return this;
        }

        /**
         * Sets the current residence (nơi ở hiện tại).
         *
         * @param currentResidence the value
         * @return this builder
         */
        public Builder currentResidence(String currentResidence) {
            this.currentResidence = onceText(this.currentResidence, currentResidence, "currentResidence");
            return this;
        }

        /**
         * Sets the ABO blood group (nhóm máu).
         *
         * @param bloodType the value
         * @return this builder
         */
        public Builder bloodType(BloodType bloodType) {
            this.bloodType = once(this.bloodType, bloodType, "bloodType");
            return this;
        }

        /**
         * Sets the father (cha).
         *
         * @param father the value
         * @return this builder
         */
        public Builder father(RelatedPerson father) {
            this.father = once(this.father, father, "father");
            return this;
        }

        /**
         * Sets the mother (mẹ).
         *
         * @param mother the value
         * @return this builder
         */
        public Builder mother(RelatedPerson mother) {
            this.mother = once(this.mother, mother, "mother");
            return this;
        }

        /**
         * Sets the spouse (vợ hoặc chồng).
         *
         * @param spouse the value
         * @return this builder
         */
        public Builder spouse(RelatedPerson spouse) {
            this.spouse = once(this.spouse, spouse, "spouse");
            return this;
        }

        /**
         * Sets the legal representative or guardian (người đại diện hợp pháp / người giám hộ).
         *
         * @param legalRepresentative the value
         * @return this builder
         */
        public Builder legalRepresentative(RelatedPerson legalRepresentative) {
            this.legalRepresentative = once(this.legalRepresentative, legalRepresentative, "legalRepresentative");
            return this;
        }

        /**
         * Sets the head of the household (chủ hộ).
         *
         * @param householdHead the value
         * @return this builder
         */
        public Builder householdHead(RelatedPerson householdHead) {
            this.householdHead = once(this.householdHead, householdHead, "householdHead");
            return this;
        }

        /**
         * Sets the relationship to the household head (quan hệ với chủ hộ), e.g. "Con".
         *
         * @param relationshipToHouseholdHead the value
         * @return this builder
         */
        public Builder relationshipToHouseholdHead(String relationshipToHouseholdHead) {
            this.relationshipToHouseholdHead = onceText(this.relationshipToHouseholdHead, relationshipToHouseholdHead,
                    "relationshipToHouseholdHead");
            return this;
        }

        /**
         * Sets the mobile phone number (số thuê bao di động), digits with an optional leading '+'.
         *
         * @param phoneNumber the value
         * @return this builder
         */
        public Builder phoneNumber(String phoneNumber) {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
            this.phoneNumber = once(this.phoneNumber, ProfileText.phone(phoneNumber), "phoneNumber");
            return this;
        }

        /**
         * Sets the e-mail address (thư điện tử).
         *
         * @param email the value
         * @return this builder
         */
        public Builder email(String email) {
            Objects.requireNonNull(email, "email");
            this.email = once(this.email, ProfileText.email(email), "email");
            return this;
        }

        /**
         * Sets the issue date of the current chip ID card (ngày cấp thẻ căn cước), see {@link CardValidity}.
         *
         * @param cardIssueDate the value
         * @return this builder
         */
        public Builder cardIssueDate(LocalDate cardIssueDate) {
            this.cardIssueDate = once(this.cardIssueDate, cardIssueDate, "cardIssueDate");
            return this;
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
