package io.github.eidvn.core.assurance;


import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.github.eidvn.core.identity.CardValidity;

/**
 * Who may hold which e-ID account (Nghị định 69/2024/NĐ-CP Điều 7), by age on a given date:
 * <ul>
 *   <li>citizens aged 14 or more with a valid chip ID card: level 1 and level 2, applying themselves
 *       ({@link AccountForm#OWN});</li>
 *   <li>from 6 to under 14 with a valid card: level 1 and level 2 on request, applied for by (and with) a parent or
 *       guardian ({@link AccountForm#WITH_GUARDIAN});</li>
 *   <li>under 6 with a valid card: level 1 only, registered through the level-2 account of a parent or guardian
 *       ({@link AccountForm#THROUGH_GUARDIAN_ACCOUNT}); no biometrics are collected under 6;</li>
 *   <li>without a valid card: no account ({@link AccountForm#NONE}, no levels);</li>
 *   <li>organisations: one account type without levels ({@link #organisation()}).</li>
 * </ul>
 * Foreign residents (with permanent or temporary residence cards) follow similar rules but have no personal
 * identification number and are not covered here. Whether a card is valid follows {@link CardValidity}; the account
 * is valid as long as the card.
 *
 * <p>Ages are whole years by {@link LocalDate#plusYears(long)} (see {@link CardValidity} for 29 February). "Today"
 * comes from the injected {@link Clock}; instances are immutable and thread-safe.
 */
public final class AgeRules {

    /** Age from which a citizen applies alone. */
    public static final int OWN_ACCOUNT_AGE = 14;
    /** Age from which a child may hold a level-2 account. */
    public static final int LEVEL_2_AGE = 6;

    private final Clock clock;

    private AgeRules(Clock clock) {
        this.clock = clock;
    }

    /**
     * Rules evaluated against a clock.
     *
     * @param clock gives "today" (use a clock in {@code Asia/Ho_Chi_Minh} so dates roll over at Vietnamese midnight)
     * @return the rules
     */
    public static AgeRules using(Clock clock) {
        return new AgeRules(Objects.requireNonNull(clock, "clock"));
    }

    /** @return today's date on this rule set's clock */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The age group of a person on a date.
     *
     * @param birthDate date of birth
     * @param date the date
     * @return the group
     * @throws IllegalArgumentException if {@code date} is before {@code birthDate}
     */
    public static AgeGroup ageGroup(LocalDate birthDate, LocalDate date) {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(date, "date");
        if (date.isBefore(birthDate)) {
            throw new IllegalArgumentException("date is before birthDate");
        }
        if (!date.isBefore(birthDate.plusYears(OWN_ACCOUNT_AGE))) {
            return AgeGroup.FROM_14;
        }
        if (!date.isBefore(birthDate.plusYears(LEVEL_2_AGE))) {
            return AgeGroup.FROM_6_TO_UNDER_14;
        }
        return AgeGroup.UNDER_6;
    }

    /**
     * What a citizen may hold today.
     *
     * @param birthDate date of birth
     * @param holdsValidCard whether the citizen holds a chip ID card valid today
     * @return the entitlement
     * @throws IllegalArgumentException if the birth date is after today
     */
    public Entitlement entitlement(LocalDate birthDate, boolean holdsValidCard) {
        return entitlementOn(birthDate, holdsValidCard, today());
    }

    /**
     * What a citizen may hold today, with card validity computed from the card's issue date by {@link CardValidity}.
     *
     * @param birthDate date of birth
     * @param cardIssueDate issue date of the citizen's current card
     * @return the entitlement
     * @throws IllegalArgumentException if the birth date is after today or the issue date before the birth date
     */
    public Entitlement entitlement(LocalDate birthDate, LocalDate cardIssueDate) {
        LocalDate today = today();
        return entitlementOn(birthDate, CardValidity.isValidOn(birthDate, cardIssueDate, today), today);
    }

    /**
     * What a citizen may hold on a given date.
     *
     * @param birthDate date of birth
     * @param holdsValidCard whether the citizen holds a chip ID card valid on {@code date}
     * @param date the date
     * @return the entitlement
     * @throws IllegalArgumentException if {@code date} is before {@code birthDate}
     */
    public static Entitlement entitlementOn(LocalDate birthDate, boolean holdsValidCard, LocalDate date) {
        AgeGroup group = ageGroup(birthDate, date);
        if (!holdsValidCard) {
            return new Entitlement(group, Set.of(), AccountForm.NONE);
        }
        switch (group) {
            case FROM_14:
                return new Entitlement(group, EnumSet.allOf(AssuranceLevel.class), AccountForm.OWN);
            case FROM_6_TO_UNDER_14:
                return new Entitlement(group, EnumSet.allOf(AssuranceLevel.class), AccountForm.WITH_GUARDIAN);
            case UNDER_6:
                return new Entitlement(group, EnumSet.of(AssuranceLevel.LEVEL_1), AccountForm.THROUGH_GUARDIAN_ACCOUNT);
            default:
                throw new AssertionError(group);
        }
    }

    /**
     * The entitlement of an organisation: one account type, without levels.
     *
     * @return the organisation entitlement
     */
    public static Entitlement organisation() {
        return new Entitlement(AgeGroup.NOT_APPLICABLE, Set.of(), AccountForm.ORGANISATION);
    }

    /** Age groups of Nghị định 69/2024 Điều 7. */
    public enum AgeGroup {
        /** Under 6 years. */
        UNDER_6,
        /** From 6 (inclusive) to under 14. */
        FROM_6_TO_UNDER_14,
        /** 14 or older. */
        FROM_14,
        /** Organisations. */
        NOT_APPLICABLE
    }

    /** How an account is applied for and held. */
    public enum AccountForm {
        /** The citizen applies and holds the account alone. */
        OWN,
        /** The child holds the account; a parent or guardian applies for it with the child. */
        WITH_GUARDIAN,
        /** Registered through the level-2 account of a parent or guardian. */
        THROUGH_GUARDIAN_ACCOUNT,
        /** The single, level-less account type of an organisation. */
        ORGANISATION,
        /** No account may be issued (no valid card). */
        NONE
    }

    /**
     * What a person or organisation may hold.
     *
     * @param ageGroup the age group
     * @param levels the assurance levels that may be issued (unmodifiable, in level order; empty for organisations and
     *     for people without a valid card)
     * @param form how the account is applied for and held
     */
    public record Entitlement(AgeGroup ageGroup, Set<AssuranceLevel> levels, AccountForm form) {

        /**
         * @param ageGroup the age group, not null
         * @param levels the levels, not null (copied)
         * @param form the form, not null
         */
        public Entitlement {
            Objects.requireNonNull(ageGroup, "ageGroup");
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(levels, "levels");
            levels = levels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(levels));
        }

        /** @return true unless the form is {@link AccountForm#NONE} */
        public boolean eligible() {
            return form != AccountForm.NONE;
        }

        /** @return true when a parent or guardian must act for or with the person */
        public boolean guardianRequired() {
            return form == AccountForm.WITH_GUARDIAN || form == AccountForm.THROUGH_GUARDIAN_ACCOUNT;
        }

        /**
         * Whether a level may be issued.
         *
         * @param level the level
         * @return true when {@code level} is in {@link #levels()}
         */
        public boolean permits(AssuranceLevel level) {
            return levels.contains(Objects.requireNonNull(level, "level"));
        }
    }
}
