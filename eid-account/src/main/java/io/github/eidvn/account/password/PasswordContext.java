package io.github.eidvn.account.password;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.account.internal.Checks;

/**
 * What a password check knows about the account: personal data the password must not contain, whether a second
 * factor is in use (NIST length rule), and the account's recent password hashes (history rule).
 */
public final class PasswordContext {

    private static final PasswordContext EMPTY = new Builder().build();

    private final String personalNumber;
    private final String phoneNumber;
    private final LocalDate birthDate;
    private final List<String> contextWords;
    private final boolean secondFactor;
    private final List<String> previousHashes;

    private PasswordContext(Builder b) {
        this.personalNumber = b.personalNumber;
        this.phoneNumber = b.phoneNumber;
        this.birthDate = b.birthDate;
        this.contextWords = List.copyOf(b.contextWords);
        this.secondFactor = Boolean.TRUE.equals(b.secondFactor);
        this.previousHashes = b.previousHashes == null ? List.of() : b.previousHashes;
    }

    /** @return a context with nothing known (no personal data, single factor, no history) */
    public static PasswordContext empty() {
        return EMPTY;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the personal identification number, if known */
    public Optional<String> personalNumber() {
        return Optional.ofNullable(personalNumber);
    }

    /** @return the phone number as given, if known */
    public Optional<String> phoneNumber() {
        return Optional.ofNullable(phoneNumber);
    }

    /** @return the birth date, if known */
    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    /** @return other words the password must not contain (user name, e-mail local part, service name) */
    public List<String> contextWords() {
        return contextWords;
    }

    /** @return true when the password is used together with a second factor (OTP, device key) */
    public boolean secondFactor() {
        return secondFactor;
    }

    /** @return the account's previous password hashes (PHC strings), newest first */
    public List<String> previousHashes() {
        return previousHashes;
    }

    @Override
    public String toString() {
        return "PasswordContext[personalNumber=" + (personalNumber != null) + ", phone=" + (phoneNumber != null)
                + ", birthDate=" + (birthDate != null) + ", words=" + contextWords.size() + ", secondFactor="
                + secondFactor + ", history=" + previousHashes.size() + "]";
    }

    /** Configures a {@link PasswordContext}; each option can be set once. */
    public static final class Builder {
        private String personalNumber;
        private String phoneNumber;
        private LocalDate birthDate;
        private final List<String> contextWords = new ArrayList<>();
        private Boolean secondFactor;
        private List<String> previousHashes;

        private Builder() {
        }

        /**
         * @param pn the personal identification number (digits are compared; separators in it are ignored)
         * @return this
         */
        public Builder personalNumber(String pn) {
            Checks.once(personalNumber, "personalNumber");
            this.personalNumber = Objects.requireNonNull(pn, "personalNumber");
            return this;
        }

        /**
         * @param phone the phone number in any common form ({@code 0912345678}, {@code +84 912 345 678})
         * @return this
         */
        public Builder phoneNumber(String phone) {
            Checks.once(phoneNumber, "phoneNumber");
            this.phoneNumber = Objects.requireNonNull(phone, "phoneNumber");
            return this;
        }

        /**
         * @param date the birth date
         * @return this
         */
        public Builder birthDate(LocalDate date) {
            Checks.once(birthDate, "birthDate");
            this.birthDate = Objects.requireNonNull(date, "birthDate");
            return this;
        }

        /**
         * Adds a word the password must not contain (compared case-insensitively; words shorter than 4 characters are
         * ignored).
         *
         * @param word the word
         * @return this
         */
        public Builder contextWord(String word) {
            contextWords.add(Objects.requireNonNull(word, "word"));
            return this;
        }

        /**
         * @param used true when a second factor is in use (NIST: 8 characters suffice then)
         * @return this
         */
        public Builder secondFactor(boolean used) {
            Checks.once(secondFactor, "secondFactor");
            this.secondFactor = used;
            return this;
        }

        /**
         * @param phcHashes the account's previous password hashes, newest first (only the policy's history size is
         *        checked)
         * @return this
         */
        public Builder previousHashes(List<String> phcHashes) {
            Checks.once(previousHashes, "previousHashes");
            this.previousHashes = List.copyOf(phcHashes);
            return this;
        }

        /** @return the context */
        public PasswordContext build() {
            return new PasswordContext(this);
        }
    }
}
