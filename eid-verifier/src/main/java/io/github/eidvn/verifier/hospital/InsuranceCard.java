package io.github.eidvn.verifier.hospital;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.core.identity.HealthInsuranceNumber;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.Sex;

/**
 * A health-insurance (BHYT) card as the social-insurance system holds it, the answer of a
 * {@link HealthInsuranceLookup}.
 *
 * @param personalNumber the holder's 12-digit personal number, when the system holds it
 * @param number the card number: the 15-character code (e.g. {@code HS4790120878811}) or the 10-digit
 *     social-insurance number of the newer cards
 * @param holderName the holder's name as the social-insurance system writes it (NFC, white space folded)
 * @param birthDate the holder's date of birth
 * @param sex the holder's sex, when known
 * @param validFrom first day of validity
 * @param validTo last day of validity
 * @param benefitLevel the benefit level (mức hưởng)
 * @param facility the registered primary-care facility code (nơi đăng ký khám chữa bệnh ban đầu), e.g. {@code 79024}
 */
public record InsuranceCard(Optional<String> personalNumber, String number, String holderName, LocalDate birthDate,
        Optional<Sex> sex, LocalDate validFrom, LocalDate validTo, BenefitLevel benefitLevel, String facility) {

    /**
     * Creates the value and checks it.
     *
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the number is not a BHYT number, the personal number is not 12 digits,
     *     the name is not a name, {@code validTo} is before {@code validFrom}, the facility code is not 1 to 16
     *     ASCII letters and digits, or a 15-character card code names another benefit level
     */
    public InsuranceCard {
        Objects.requireNonNull(personalNumber, "personalNumber");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(benefitLevel, "benefitLevel");
        Objects.requireNonNull(facility, "facility");
        if (personalNumber.isPresent() && !personalNumber.get().matches("[0-9]{12}")) {
            throw new IllegalArgumentException("personal number is not 12 digits");
        }
        HealthInsuranceNumber n = HealthInsuranceNumber.parse(number).toOptional().orElseThrow(
                () -> new IllegalArgumentException("not a BHYT card number (15-character code or 10 digits)"));
        if (n.benefitLevel().isPresent() && n.benefitLevel().get() != benefitLevel) {
            throw new IllegalArgumentException("the card code names benefit level " + n.benefitLevel().get().code()
                    + ", the record " + benefitLevel.code());
        }
        holderName = PersonName.parse(holderName).map(PersonName::value)
                .orElseThrow(() -> new IllegalArgumentException("holder name is blank, too long or not text"));
        if (validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid_to is before valid_from");
        }
        if (!facility.matches("[A-Za-z0-9]{1,16}")) {
            throw new IllegalArgumentException("facility code is not 1 to 16 ASCII letters and digits");
        }
    }

    /**
     * Whether the card is valid on a day, both ends included.
     *
     * @param day the day
     * @return true when {@code validFrom <= day <= validTo}
     */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** @return the 10-digit social-insurance number: the card number's last ten characters */
    public String socialInsuranceNumber() {
        return number.substring(number.length() - 10);
    }

    /** @return dates, level and facility; number, name and birth date masked */
    @Override
    public String toString() {
        return "InsuranceCard[" + number.substring(0, number.length() - 10) + "**********, " + validFrom + ".."
                + validTo + ", level " + benefitLevel.code() + ", facility " + facility + "]";
    }
}
