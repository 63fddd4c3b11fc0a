package io.github.eidvn.core.assurance;

import static io.github.eidvn.core.internal.Once.once;

import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.Sex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Data read from the chip of the citizen's ID card (the ICAO 9303 data groups, e.g. DG13 of the căn cước card) over
 * NFC, <em>after</em> it was verified with ICAO passive authentication.
 *
 * <p>Build it with {@code ChipVerified.toChipEvidence()} of the {@code eid-chip} module, which performs passive
 * authentication (EF.SOD signature up to a trusted CSCA, data-group hashes) and active authentication, and fills in
 * the portrait of DG2. The builder stays public for callers that verify chips with another implementation.
 *
 * <p><b>Level.</b> A verified chip proves that the card is genuine and its data the State's, not that the person
 * presenting it is the holder: chip evidence alone supports level 1. Level 2 also needs a face or fingerprint match
 * ({@link BiometricProbe}), which a {@link BiometricMatcher} may make against {@link #portrait()}.
 *
 * <p><b>Security.</b> By building this value the caller asserts that passive authentication succeeded at
 * {@link #verifiedAt()}; unverified chip data (or data from the printed QR code) must never be passed here.
 * {@link IdentityProofing} then requires the number and name, and the birth date and sex when given, to match the
 * registry record, and the card not to be expired on the proofing date. {@link #portrait()} is biometric data: it is
 * copied and never shown by {@link #toString()}.
 */
public final class ChipEvidence {

    private final PersonalNumber personalNumber;
    private final PersonName fullName;
    private final LocalDate birthDate;
    private final Sex sex;
    private final LocalDate dateOfExpiry;
    private final Instant verifiedAt;
    private final boolean activeAuthentication;
    private final byte[] portrait;
    private final String portraitMediaType;

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
        this.activeAuthentication = Boolean.TRUE.equals(b.activeAuthentication);
        this.portrait = b.portrait;
        this.portraitMediaType = b.portraitMediaType;
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

    /** @return true when the chip also passed active authentication (it is not a clone) */
    public boolean activeAuthentication() {
        return activeAuthentication;
    }

    /** @return a copy of the holder's portrait read from the chip (DG2), if supplied */
    public Optional<byte[]> portrait() {
        return Optional.ofNullable(portrait).map(byte[]::clone);
    }

    /** @return the portrait's media type ({@code image/jpeg} or {@code image/jp2}), if a portrait was supplied */
    public Optional<String> portraitMediaType() {
        return Optional.ofNullable(portraitMediaType);
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
        private Boolean activeAuthentication;
        private byte[] portrait;
        private String portraitMediaType;

        private Builder() {
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
         * @param passed whether the chip passed active authentication (default false)
         * @return this builder
         */
        public Builder activeAuthentication(boolean passed) {
            this.activeAuthentication = once(this.activeAuthentication, passed, "activeAuthentication");
            return this;
        }

        /**
         * @param image the portrait from the chip's DG2, 1 byte to {@link BiometricProbe#MAX_BYTES} (copied)
         * @param mediaType its media type, e.g. {@code image/jpeg} or {@code image/jp2}
         * @return this builder
         * @throws IllegalArgumentException if the image is empty or too large, or the media type blank
         */
        public Builder portrait(byte[] image, String mediaType) {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(mediaType, "mediaType");
            if (image.length == 0 || image.length > BiometricProbe.MAX_BYTES || mediaType.isBlank()) {
                throw new IllegalArgumentException("portrait must have 1 to " + BiometricProbe.MAX_BYTES
                        + " bytes and a media type");
            }
            this.portrait = once(this.portrait, image.clone(), "portrait");
            this.portraitMediaType = mediaType;
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
