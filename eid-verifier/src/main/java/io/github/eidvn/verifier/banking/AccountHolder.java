package io.github.eidvn.verifier.banking;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.identity.PersonalNumber;

/**
 * What the bank knows of an account's holder that the State Bank's rules depend on: whose account it is, whether the
 * holder's identity documents and biometrics have been matched (Thông tư 17/2024/TT-NHNN), and until when their ID
 * card is valid.
 *
 * <pre>{@code
 * AccountHolder holder = AccountHolder.builder().personalNumber(PersonalNumber.of("079303012345"))
 *         .matchedBy(AccountHolder.Match.LEVEL_2_EID).idCardValidUntil(LocalDate.of(2043, 5, 17)).build();
 * }</pre>
 *
 * <p>Immutable; {@link #toString()} masks the personal number.
 */
public final class AccountHolder {

    /** How the bank matched the holder's identity documents and biometrics (Thông tư 17/2024/TT-NHNN). */
    public enum Match {
        /**
         * The face was matched against the portrait in the chip of the holder's citizen ID card, read and
         * authenticated by the bank (at the counter or in its app).
         */
        CHIP_AND_BIOMETRICS,
        /** The holder was identified through their level-2 electronic identity (VNeID). */
        LEVEL_2_EID,
        /** Not matched yet: from 1 January 2025 the account gets no online transfers or withdrawals. */
        NOT_MATCHED;

        /** @return true for the two ways that satisfy Thông tư 17/2024/TT-NHNN */
        public boolean satisfiesCircular17() {
            return this != NOT_MATCHED;
        }
    }

    private final PersonalNumber personalNumber;
    private final Match match;
    private final LocalDate idCardValidUntil;

    private AccountHolder(PersonalNumber personalNumber, Match match, LocalDate idCardValidUntil) {
        this.personalNumber = personalNumber;
        this.match = match;
        this.idCardValidUntil = idCardValidUntil;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the holder's personal identification number */
    public PersonalNumber personalNumber() {
        return personalNumber;
    }

    /** @return how the holder's documents and biometrics were matched */
    public Match match() {
        return match;
    }

    /** @return the last day the holder's ID card is valid; empty for a card without an expiry date */
    public Optional<LocalDate> idCardValidUntil() {
        return Optional.ofNullable(idCardValidUntil);
    }

    /** @return the match and the masked number */
    @Override
    public String toString() {
        return "AccountHolder[" + personalNumber.masked() + ", " + match + "]";
    }

    /** Builds an {@link AccountHolder}; every option is required and may be set once. Not thread-safe. */
    public static final class Builder {
        private PersonalNumber personalNumber;
        private Match match;
        private LocalDate idCardValidUntil;
        private boolean expirySet;

        private Builder() {
        }

        /**
         * @param personalNumber the holder's personal identification number, as the bank linked it
         * @return this builder
         */
        public Builder personalNumber(PersonalNumber personalNumber) {
            if (this.personalNumber != null) {
                throw new IllegalStateException("personalNumber is already set");
            }
            this.personalNumber = Objects.requireNonNull(personalNumber, "personalNumber");
            return this;
        }

        /**
         * @param match how the holder's documents and biometrics were matched
         * @return this builder
         */
        public Builder matchedBy(Match match) {
            if (this.match != null) {
                throw new IllegalStateException("matchedBy is already set");
            }
            this.match = Objects.requireNonNull(match, "match");
            return this;
        }

        /**
         * @param lastValidDay the last day the holder's ID card is valid (the date printed on it)
         * @return this builder
         */
        public Builder idCardValidUntil(LocalDate lastValidDay) {
            Objects.requireNonNull(lastValidDay, "lastValidDay");
            once();
            this.idCardValidUntil = lastValidDay;
            return this;
        }

        /**
         * The holder's ID card has no expiry date (issued at 60 or later: "Không thời hạn").
         *
         * @return this builder
         */
        public Builder idCardWithoutExpiry() {
            once();
            return this;
        }

        private void once() {
            if (expirySet) {
                throw new IllegalStateException("the ID card's validity is already set");
            }
            expirySet = true;
        }

        /**
         * @return the holder
         * @throws IllegalStateException when the number, the match or the card's validity was not set (the rules
         *     never assume a valid card)
         */
        public AccountHolder build() {
            if (personalNumber == null || match == null || !expirySet) {
                throw new IllegalStateException("personalNumber, matchedBy and idCardValidUntil (or"
                        + " idCardWithoutExpiry) are required");
            }
            return new AccountHolder(personalNumber, match, idCardValidUntil);
        }
    }
}
