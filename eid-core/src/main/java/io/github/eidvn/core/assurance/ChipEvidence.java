package io.github.eidvn.core.assurance;

import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.Sex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Data read from the chip of the citizen's ID card (the ICAO 9303 data groups, e.g. DG13 of the căn cước card) over
 * NFC, <em>after</em> the caller has verified it with ICAO passive authentication.
 *
 * <p><b>Security.</b> eid does not perform passive authentication itself (parsing the EF.SOD, checking its signature up
 * to the Vietnamese CSCA certificate and comparing the data-group hashes), nor chip or active authentication. By
 * building this value the caller asserts that this verification succeeded at {@link #verifiedAt()}; unverified chip
 * data (or data from the printed QR code) must never be passed here. {@link IdentityProofing} then requires the
 * number and name, and the birth date and sex when given, to match the registry record, and the card not to be
 * expired on the proofing date.
 */
public final class ChipEvidence {

    private final PersonalNumber personalNumber;
    private final PersonName fullName;
    private final LocalDate birthDate;
    private final Sex sex;
    private final LocalDate dateOfExpiry;
    private final Instant verifiedAt;

    private ChipEvidence(Builder b) {
        if (b.personalNumber == null || b.fullName == null || b.verifiedAt == null) {
            throw new IllegalStateException("personalNumber, fullName and verifiedAt are required");
        }
        this.personalNumber = b.personalNumber;
        this.fullName = b.fullName;
        this.birthDate = b.birthDate;
        this.sex = b.sex;
        this.dateOfExpiry = b.dateOfExpiry;
        this.verifiedAt = b.verifiedAt;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the personal number read from the chip */
    public PersonalNumber personalNumber() {
        return personalNumber;
    }

    /** @return the full name read from the chip */
    public PersonName fullName() {
        return fullName;
    }

    /** @return the birth date read from the chip, if the caller supplied it */
    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    /** @return the sex read from the chip, if the caller supplied it */
    public Optional<Sex> sex() {
        return Optional.ofNullable(sex);
    }

    /** @return the card's expiry date read from the chip; empty when the card has none or it was not supplied */
    public Optional<LocalDate> dateOfExpiry() {
        return Optional.ofNullable(dateOfExpiry);
    }

    /** @return when the caller's passive authentication of this data succeeded */
    public Instant verifiedAt() {
        return verifiedAt;
    }

    /** @return masked number only */
    @Override
    public String toString() {
        return "ChipEvidence[" + personalNumber.masked() + ", verifiedAt=" + verifiedAt + "]";
    }

    /** Builder; each field set once ({@link IllegalStateException} on a second call). */
    public static final class Builder {
        private PersonalNumber personalNumber;
        private PersonName fullName;
        private LocalDate birthDate;
        private Sex sex;
        private LocalDate dateOfExpiry;
        private Instant verifiedAt;

        private Builder() {
        }

        private static <T> T once(T current, T value, String name) {
            Objects.requireNonNull(value, name);
            if (current != null) {
                throw new IllegalStateException(name + " already set");
            }
            return value;
        }

        /**
         * @param personalNumber the number from the chip (required)
         * @return this builder
         */
        public Builder personalNumber(PersonalNumber personalNumber) {
            this.personalNumber = once(this.personalNumber, personalNumber, "personalNumber");
            return this;
        }

        /**
         * @param fullName the name from the chip (required)
         * @return this builder
         */
        public Builder fullName(PersonName fullName) {
            this.fullName = once(this.fullName, fullName, "fullName");
            return this;
        }

        /**
         * @param birthDate the birth date from the chip (optional; compared when given)
         * @return this builder
         */
        public Builder birthDate(LocalDate birthDate) {
            this.birthDate = once(this.birthDate, birthDate, "birthDate");
            return this;
        }

        /**
         * @param sex the sex from the chip (optional; compared when given)
         * @return this builder
         */
        public Builder sex(Sex sex) {
            this.sex = once(this.sex, sex, "sex");
            return this;
        }

        /**
         * @param dateOfExpiry the card's expiry date from the chip (optional; checked when given)
         * @return this builder
         */
        public Builder dateOfExpiry(LocalDate dateOfExpiry) {
            this.dateOfExpiry = once(this.dateOfExpiry, dateOfExpiry, "dateOfExpiry");
            return this;
        }

        /**
         * @param verifiedAt when passive authentication of this data succeeded (required)
         * @return this builder
         */
        public Builder verifiedAt(Instant verifiedAt) {
            this.verifiedAt = once(this.verifiedAt, verifiedAt, "verifiedAt");
            return this;
        }

        /**
         * @return the evidence
         * @throws IllegalStateException if the number, name or verification time is missing
         */
        public ChipEvidence build() {
            return new ChipEvidence(this);
        }
    }
}
