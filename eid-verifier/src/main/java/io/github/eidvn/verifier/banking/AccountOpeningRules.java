package io.github.eidvn.verifier.banking;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may open a payment account online (eKYC), by Thông tư 17/2024/TT-NHNN: not a joint account (tài khoản thanh
 * toán chung), not a customer under 15, and a customer from 15 to under 18 only with their legal representative's
 * consent. The age is counted in full years on the calendar day in Vietnam.
 *
 * <pre>{@code
 * AccountOpeningRules.Decision d = AccountOpeningRules.using(clock).decide(AccountOpeningRules.Request.builder()
 *         .birthDate(LocalDate.of(2010, 3, 1)).jointAccount(false).guardianConsent(false).build());
 * // REFUSED GUARDIAN_CONSENT_REQUIRED for a 16-year-old
 * }</pre>
 *
 * <p>These rules decide eligibility only; the eKYC itself (chip reading, face match, level-2 e-ID) is the caller's
 * and is what {@link AccountHolder.Match} records. Immutable and thread-safe.
 */
public final class AccountOpeningRules {

    /** The youngest age at which a customer may open a payment account online. */
    public static final int MIN_AGE = 15;
    /** Below this age (and from {@link #MIN_AGE}) the legal representative's consent is needed. */
    public static final int ADULT_AGE = 18;

    private final Clock clock;
    private final ZoneId zone;

    private AccountOpeningRules(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Rules on the calendar day in Vietnam of a clock.
     *
     * @param clock the clock
     * @return the rules
     */
    public static AccountOpeningRules using(Clock clock) {
        return new AccountOpeningRules(Objects.requireNonNull(clock, "clock"), TransferRules.VIETNAM);
    }

    /**
     * Decides whether an online opening may go ahead.
     *
     * @param request the request
     * @return the decision
     * @throws NullPointerException when {@code request} is null
     */
    public Decision decide(Request request) {
        Objects.requireNonNull(request, "request");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (request.jointAccount) {
            return new Decision(Refusal.JOINT_ACCOUNT);
        }
        if (request.birthDate.isAfter(today)) {
            return new Decision(Refusal.INVALID_BIRTH_DATE);
        }
        int age = Period.between(request.birthDate, today).getYears();
        if (age < MIN_AGE) {
            return new Decision(Refusal.UNDER_15);
        }
        if (age < ADULT_AGE && !request.guardianConsent) {
            return new Decision(Refusal.GUARDIAN_CONSENT_REQUIRED);
        }
        return new Decision(null);
    }

    /** Why an online opening was refused, with messages for the customer. */
    public enum Refusal implements HasBilingualText {
        /** A joint account cannot be opened online. */
        JOINT_ACCOUNT("Không mở tài khoản thanh toán chung bằng phương thức điện tử (Thông tư 17/2024/TT-NHNN).",
                "A joint payment account cannot be opened online (Circular 17/2024/TT-NHNN)."),
        /** The customer is under 15. */
        UNDER_15("Người chưa đủ 15 tuổi không mở tài khoản thanh toán bằng phương thức điện tử (Thông tư"
                + " 17/2024/TT-NHNN).", "Customers under 15 cannot open a payment account online (Circular"
                + " 17/2024/TT-NHNN)."),
        /** The customer is 15 to under 18 and their legal representative has not consented. */
        GUARDIAN_CONSENT_REQUIRED("Người từ đủ 15 đến chưa đủ 18 tuổi cần có sự đồng ý của người đại diện theo"
                + " pháp luật (Thông tư 17/2024/TT-NHNN).", "Customers from 15 to under 18 need their legal"
                + " representative's consent (Circular 17/2024/TT-NHNN)."),
        /** The birth date is after today. */
        INVALID_BIRTH_DATE("Ngày sinh không hợp lệ.", "The date of birth is not valid.");

        private final Bilingual text;

        Refusal(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }

    /** The answer: allowed, or refused with a {@link Refusal}. */
    public static final class Decision {
        private final Refusal refusal;

        private Decision(Refusal refusal) {
            this.refusal = refusal;
        }

        /** @return true when the online opening may go ahead */
        public boolean allowed() {
            return refusal == null;
        }

        /** @return why not; empty when allowed */
        public Optional<Refusal> refusal() {
            return Optional.ofNullable(refusal);
        }

        /**
         * The message for the customer in a locale's language: Vietnamese for {@code vi}, English otherwise.
         *
         * @param locale the locale
         * @return the message
         */
        public String message(Locale locale) {
            boolean vi = "vi".equals(Objects.requireNonNull(locale, "locale").getLanguage());
            if (refusal == null) {
                return vi ? "Được mở tài khoản thanh toán trực tuyến." : "The payment account may be opened online.";
            }
            return vi ? refusal.vietnamese() : refusal.english();
        }

        @Override
        public String toString() {
            return refusal == null ? "Decision[ALLOWED]" : "Decision[REFUSED " + refusal + "]";
        }
    }

    /** An online opening request; every option is required and may be set once. */
    public static final class Request {
        private final LocalDate birthDate;
        private final boolean jointAccount;
        private final boolean guardianConsent;

        private Request(Builder b) {
            this.birthDate = b.birthDate;
            this.jointAccount = b.joint;
            this.guardianConsent = b.consent;
        }

        /** @return a new builder */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Request}. Not thread-safe. */
        public static final class Builder {
            private LocalDate birthDate;
            private Boolean joint;
            private Boolean consent;

            private Builder() {
            }

            /**
             * @param birthDate the customer's date of birth (from the chip or the level-2 e-ID)
             * @return this builder
             */
            public Builder birthDate(LocalDate birthDate) {
                if (this.birthDate != null) {
                    throw new IllegalStateException("birthDate is already set");
                }
                this.birthDate = Objects.requireNonNull(birthDate, "birthDate");
                return this;
            }

            /**
             * @param joint whether the account would be a joint account
             * @return this builder
             */
            public Builder jointAccount(boolean joint) {
                if (this.joint != null) {
                    throw new IllegalStateException("jointAccount is already set");
                }
                this.joint = joint;
                return this;
            }

            /**
             * @param consent whether the legal representative's consent was obtained and checked by the bank
             * @return this builder
             */
            public Builder guardianConsent(boolean consent) {
                if (this.consent != null) {
                    throw new IllegalStateException("guardianConsent is already set");
                }
                this.consent = consent;
                return this;
            }

            /**
             * @return the request
             * @throws IllegalStateException when an option is missing
             */
            public Request build() {
                if (birthDate == null || joint == null || consent == null) {
                    throw new IllegalStateException("birthDate, jointAccount and guardianConsent are required");
                }
                return new Request(this);
            }
        }
    }
}
