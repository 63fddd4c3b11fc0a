package io.github.eidvn.core.assurance;

import static io.github.eidvn.core.internal.Once.once;

import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.Sex;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person declares when asking for an e-ID identity, plus optional evidence: the four declared fields
 * (number, full name, birth date, sex, all required), an optional biometric probe, optional chip evidence and, for
 * children and people under guardianship, the personal number of the parent or guardian acting for them.
 *
 * <p>The number and name may be given as raw text (outside input): a number that does not parse strictly gives
 * {@link ProofingResult.Reason#INVALID_NUMBER}, an unusable name {@link ProofingResult.Reason#INVALID_NAME}, a bad
 * guardian number {@link ProofingResult.Reason#GUARDIAN_NOT_RECOGNISED}. To accept a province code outside the table,
 * parse the number yourself with
 * {@link PersonalNumber.ParseOptions.Builder#allowCodesOutsideProvinceTable()} and pass the {@link PersonalNumber}.
 *
 * <p>Immutable; {@link #toString()} is masked.
 */
public final class ProofingRequest {

    private final String personalNumber;
    private final String fullName;
    private final LocalDate birthDate;
    private final Sex sex;
    private final BiometricProbe biometricProbe;
    private final ChipEvidence chipEvidence;
    private final String guardian;
    private final PersonalNumber parsedNumber;
    private final PersonalNumber parsedGuardian;

    private ProofingRequest(Builder b) {
        if (b.personalNumber == null || b.fullName == null || b.birthDate == null || b.sex == null) {
            throw new IllegalStateException("personalNumber, fullName, birthDate and sex are required");
        }
        this.personalNumber = b.personalNumber;
        this.fullName = b.fullName;
        this.birthDate = b.birthDate;
        this.sex = b.sex;
        this.biometricProbe = b.biometricProbe;
        this.chipEvidence = b.chipEvidence;
        this.guardian = b.guardian;
        this.parsedNumber = b.parsedNumber;
        this.parsedGuardian = b.parsedGuardian;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the declared number as given */
    public String personalNumber() {
        return personalNumber;
    }

    /** The number when it was given already parsed. */
    Optional<PersonalNumber> parsedNumber() {
        return Optional.ofNullable(parsedNumber);
    }

    /** @return the declared full name as given */
    public String fullName() {
        return fullName;
    }

    /** @return the declared birth date */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** @return the declared sex */
    public Sex sex() {
        return sex;
    }

    /** @return the biometric probe, if any */
    public Optional<BiometricProbe> biometricProbe() {
        return Optional.ofNullable(biometricProbe);
    }

    /** @return the chip evidence, if any */
    public Optional<ChipEvidence> chipEvidence() {
        return Optional.ofNullable(chipEvidence);
    }

    /** @return the guardian's personal number as given, if any */
    public Optional<String> guardian() {
        return Optional.ofNullable(guardian);
    }

    /** The guardian's number when it was given already parsed. */
    Optional<PersonalNumber> parsedGuardian() {
        return Optional.ofNullable(parsedGuardian);
    }

    /** @return which parts are present; no personal data */
    @Override
    public String toString() {
        return "ProofingRequest[number=" + mask(personalNumber)
                + (biometricProbe != null ? ", " + biometricProbe : "")
                + (chipEvidence != null ? ", chip" : "")
                + (guardian != null ? ", guardian=" + mask(guardian) : "") + "]";
    }

    private static String mask(String s) {
        return s.length() == PersonalNumber.LENGTH ? s.substring(0, 3) + "******" + s.substring(9) : "***";
    }

    /** Builder; each field set once ({@link IllegalStateException} on a second call, also across overloads). */
    public static final class Builder {
        private String personalNumber;
        private PersonalNumber parsedNumber;
        private String fullName;
        private LocalDate birthDate;
        private Sex sex;
        private BiometricProbe biometricProbe;
        private ChipEvidence chipEvidence;
        private String guardian;
        private PersonalNumber parsedGuardian;

        private Builder() {
        }

        /**
         * @param personalNumber the declared number as typed (parsed strictly during proofing)
         * @return this builder
         */
        public Builder personalNumber(String personalNumber) {
            this.personalNumber = once(this.personalNumber, personalNumber, "personalNumber");
            return this;
        }

        /**
         * @param personalNumber the declared number, already parsed
         * @return this builder
         */
        public Builder personalNumber(PersonalNumber personalNumber) {
            Objects.requireNonNull(personalNumber, "personalNumber");
            this.personalNumber = once(this.personalNumber, personalNumber.value(), "personalNumber");
            this.parsedNumber = personalNumber;
            return this;
        }

        /**
         * @param fullName the declared full name as typed
         * @return this builder
         */
        public Builder fullName(String fullName) {
            this.fullName = once(this.fullName, fullName, "fullName");
            return this;
        }

        /**
         * @param fullName the declared full name
         * @return this builder
         */
        public Builder fullName(PersonName fullName) {
            Objects.requireNonNull(fullName, "fullName");
            return fullName(fullName.value());
        }

        /**
         * @param birthDate the declared birth date
         * @return this builder
         */
        public Builder birthDate(LocalDate birthDate) {
            this.birthDate = once(this.birthDate, birthDate, "birthDate");
            return this;
        }

        /**
         * @param sex the declared sex
         * @return this builder
         */
        public Builder sex(Sex sex) {
            this.sex = once(this.sex, sex, "sex");
            return this;
        }

        /**
         * @param probe a face or fingerprint sample for level 2
         * @return this builder
         */
        public Builder biometricProbe(BiometricProbe probe) {
            this.biometricProbe = once(this.biometricProbe, probe, "biometricProbe");
            return this;
        }

        /**
         * @param evidence chip data verified by passive authentication, for level 2
         * @return this builder
         */
        public Builder chipEvidence(ChipEvidence evidence) {
            this.chipEvidence = once(this.chipEvidence, evidence, "chipEvidence");
            return this;
        }

        /**
         * @param guardian the personal number of the parent or legal representative acting for the person, as typed
         * @return this builder
         */
        public Builder guardian(String guardian) {
            this.guardian = once(this.guardian, guardian, "guardian");
            return this;
        }

        /**
         * @param guardian the personal number of the parent or legal representative acting for the person
         * @return this builder
         */
        public Builder guardian(PersonalNumber guardian) {
            Objects.requireNonNull(guardian, "guardian");
            this.guardian = once(this.guardian, guardian.value(), "guardian");
            this.parsedGuardian = guardian;
            return this;
        }

        /**
         * @return the request
         * @throws IllegalStateException if number, name, birth date or sex is missing
         */
        public ProofingRequest build() {
            return new ProofingRequest(this);
        }
    }
}
