package io.github.eidvn.core.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validity of the chip ID card (thẻ căn cước / căn cước công dân) by the renewal ages, and so of the e-ID account,
 * which is valid as long as the card (Nghị định 69/2024/NĐ-CP).
 *
 * <p>A card must be renewed when its holder reaches 14, 25, 40 and 60. A card issued within the two years before one
 * of those ages stays valid until the next one; from 60 a card does not expire. So:
 * <ul>
 *   <li>issued before the holder is 12: valid until the 14th birthday;</li>
 *   <li>issued from 12 (inclusive) to before 23: until the 25th birthday;</li>
 *   <li>from 23 to before 38: until the 40th; from 38 to before 58: until the 60th;</li>
 *   <li>issued at 58 or later: never expires.</li>
 * </ul>
 *
 * <p>Ages are whole years by {@link LocalDate#plusYears(long)}: a person born on 29 February reaches an age on
 * 28 February in common years. The returned expiry date is the date printed as "Có giá trị đến": the card is valid
 * up to and including it (see {@link #isValidOn(LocalDate, LocalDate, LocalDate)}).
 */
public final class CardValidity {

    /** The ages at which a card must be renewed. */
    public static final List<Integer> RENEWAL_AGES = List.of(14, 25, 40, 60);

    /** A card issued this many years or less before a renewal age is valid until the next one. */
    public static final int GRACE_YEARS = 2;

    private CardValidity() {
    }

    /**
     * The expiry date of a card.
     *
     * @param birthDate the holder's date of birth
     * @param issueDate the card's issue date
     * @return the last day of validity (the birthday at the next renewal age), or empty when the card does not expire
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code issueDate} is before {@code birthDate}
     */
    public static Optional<LocalDate> expiryDate(LocalDate birthDate, LocalDate issueDate) {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(issueDate, "issueDate");
        if (issueDate.isBefore(birthDate)) {
            throw new IllegalArgumentException("issueDate is before birthDate");
        }
        for (int age : RENEWAL_AGES) {
            LocalDate renewal = birthDate.plusYears(age);
            LocalDate graceStart = birthDate.plusYears(age - GRACE_YEARS);
            if (issueDate.isBefore(graceStart)) {
                return Optional.of(renewal);
            }
            // issued within the grace window before this age, or after it: look at the next age
        }
        return Optional.empty();
    }

    /**
     * Whether a card is valid on a date: on or after its issue date and on or before its expiry date.
     *
     * @param birthDate the holder's date of birth
     * @param issueDate the card's issue date
     * @param date the date to check
     * @return true when valid on {@code date}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code issueDate} is before {@code birthDate}
     */
    public static boolean isValidOn(LocalDate birthDate, LocalDate issueDate, LocalDate date) {
        Objects.requireNonNull(date, "date");
        Optional<LocalDate> expiry = expiryDate(birthDate, issueDate);
        return !date.isBefore(issueDate) && expiry.map(e -> !date.isAfter(e)).orElse(true);
    }
}
