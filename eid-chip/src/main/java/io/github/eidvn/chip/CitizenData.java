package io.github.eidvn.chip;

import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.RelatedPerson;
import io.github.eidvn.core.identity.Sex;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The holder's data in DG13 of the Vietnamese citizen ID card (a Vietnam-specific data group, not in Doc 9303), as
 * the chip stores it: numbered UTF-8 fields 1 personal number, 2 full name, 3 birth date, 4 sex, 5 nationality,
 * 6 ethnicity, 7 religion, 8 place of origin (quê quán), 9 place of residence, 10 identifying marks, 11 issue date,
 * 12 expiry date, 13 father's and mother's names, 14 spouse's name. Fields 15 and 16 are read differently by public
 * readers (old ID number, another document number): they are kept raw in {@link #otherFields()} with any other number.
 *
 * <p>Only {@link ChipVerifier} builds this object, from a DG13 whose hash the document signer signed. Immutable;
 * {@link #toString()} shows the masked number only.
 */
public final class CitizenData {

    private final PersonalNumber personalNumber;
    private final PersonName fullName;
    private final LocalDate birthDate;
    private final Sex sex;
    private final Map<Integer, String> text;
    private final LocalDate issueDate;
    private final LocalDate expiryDate;
    private final String father;
    private final String mother;
    private final String spouse;
    private final Map<Integer, String> otherFields;

    CitizenData(PersonalNumber personalNumber, PersonName fullName, LocalDate birthDate, Sex sex,
            Map<Integer, String> text, LocalDate issueDate, LocalDate expiryDate, String father, String mother,
            String spouse, Map<Integer, String> otherFields) {
        this.personalNumber = Objects.requireNonNull(personalNumber, "personalNumber");
        this.fullName = Objects.requireNonNull(fullName, "fullName");
        this.birthDate = Objects.requireNonNull(birthDate, "birthDate");
        this.sex = Objects.requireNonNull(sex, "sex");
        this.text = Collections.unmodifiableMap(new TreeMap<>(text));
        this.issueDate = issueDate;
        this.expiryDate = expiryDate;
        this.father = father;
        this.mother = mother;
        this.spouse = spouse;
        this.otherFields = Collections.unmodifiableMap(new TreeMap<>(otherFields));
    }

    /** @return field 1, the 12-digit personal identification number */
    public PersonalNumber personalNumber() {
        return personalNumber;
    }

    /** @return field 2, the full name */
    public PersonName fullName() {
        return fullName;
    }

    /** @return field 3, the birth date */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** @return field 4, the sex */
    public Sex sex() {
        return sex;
    }

    /** @return field 5, the nationality as written (e.g. "Việt Nam") */
    public Optional<String> nationality() {
        return field(5);
    }

    /** @return field 6, the ethnicity (dân tộc) */
    public Optional<String> ethnicity() {
        return field(6);
    }

    /** @return field 7, the religion (tôn giáo) */
    public Optional<String> religion() {
        return field(7);
    }

    /** @return field 8, the place of origin (quê quán) */
    public Optional<String> placeOfOrigin() {
        return field(8);
    }

    /** @return field 9, the place of residence (nơi thường trú) */
    public Optional<String> placeOfResidence() {
        return field(9);
    }

    /** @return field 10, the identifying marks (đặc điểm nhận dạng) */
    public Optional<String> identifyingMarks() {
        return field(10);
    }

    /** @return field 11, the card's issue date */
    public Optional<LocalDate> issueDate() {
        return Optional.ofNullable(issueDate);
    }

    /** @return field 12, the card's expiry date; empty when the card has none ("Không thời hạn") */
    public Optional<LocalDate> expiryDate() {
        return Optional.ofNullable(expiryDate);
    }

    /** @return field 12 as written, e.g. a date or "Không thời hạn" */
    public Optional<String> expiryText() {
        return field(12);
    }

    /** @return field 13, the father's name */
    public Optional<String> fatherName() {
        return Optional.ofNullable(father);
    }

    /** @return field 13, the mother's name */
    public Optional<String> motherName() {
        return Optional.ofNullable(mother);
    }

    /** @return field 14, the spouse's name */
    public Optional<String> spouseName() {
        return Optional.ofNullable(spouse);
    }

    /** @return fields 15, 16 and any later ones, by number, as written */
    public Map<Integer, String> otherFields() {
        return otherFields;
    }

    private Optional<String> field(int n) {
        return Optional.ofNullable(text.get(n));
    }

    /**
     * The data in the shape of a population registry record, e.g. to compare with the registry or to fill a form:
     * number, name, birth date, sex, nationality, ethnicity, religion, place of origin (as hometown), residence (as
     * permanent residence), parents and spouse (names only) and the card's issue date.
     *
     * @return the profile
     */
    public CitizenProfile toCitizenProfile() {
        CitizenProfile.Builder b = CitizenProfile.builder().personalNumber(personalNumber).fullName(fullName)
                .birthDate(birthDate).sex(sex);
        nationality().ifPresent(b::nationality);
        ethnicity().ifPresent(b::ethnicity);
        religion().ifPresent(b::religion);
        placeOfOrigin().ifPresent(b::hometown);
        placeOfResidence().ifPresent(b::permanentResidence);
        related(father).ifPresent(b::father);
        related(mother).ifPresent(b::mother);
        related(spouse).ifPresent(b::spouse);
        issueDate().ifPresent(b::cardIssueDate);
        return b.build();
    }

    private static Optional<RelatedPerson> related(String name) {
        return PersonName.parse(name).map(RelatedPerson::of);
    }

    /** @return the masked number only */
    @Override
    public String toString() {
        return "CitizenData[" + personalNumber.masked() + "]";
    }
}
