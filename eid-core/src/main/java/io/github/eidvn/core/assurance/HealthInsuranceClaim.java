package io.github.eidvn.core.assurance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The health-insurance (BHYT) card data carried in an assertion's {@code health_insurance} claim.
 *
 * @param number the card number, e.g. {@code HS4790120878811}
 * @param validFrom first day of validity
 * @param validTo last day of validity
 * @param benefitLevel the benefit level ("mức hưởng"), 1 to 5
 * @param facility the registered primary-care facility code ("nơi đăng ký KCB ban đầu"), e.g. {@code 79024}
 */
public record HealthInsuranceClaim(String number, LocalDate validFrom, LocalDate validTo, int benefitLevel,
        String facility) {

    /**
     * Checks presence and ranges; the full Vietnamese number rules live in the identity model.
     *
     * @throws NullPointerException when a value is null
     * @throws IllegalArgumentException when {@code validTo} is before {@code validFrom} or the level is not 1 to 5
     */
    public HealthInsuranceClaim {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(facility, "facility");
        if (validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid_to is before valid_from");
        }
        if (benefitLevel < 1 || benefitLevel > 5) {
            throw new IllegalArgumentException("benefit_level must be 1 to 5");
        }
    }

    /**
     * Whether the card is valid on a day (both ends included).
     *
     * @param day the day
     * @return true when {@code validFrom <= day <= validTo}
     */
    public boolean isValidOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
