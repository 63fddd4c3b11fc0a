package io.github.eidvn.verifier.hospital;

import java.util.Objects;

/**
 * What a {@link HealthInsuranceLookup} is asked for: a person's 12-digit personal number (số định danh cá nhân, as on
 * the chip ID card and its QR) or a 10-digit social-insurance number (mã số bảo hiểm xã hội, the last ten characters
 * of a BHYT card number).
 *
 * <p>Immutable. {@link #toString()} masks the number.
 */
public final class InsuranceQuery {

    /** The kind of number asked for. */
    public enum Kind {
        /** The 12-digit personal number. */
        PERSONAL_NUMBER,
        /** The 10-digit social-insurance number. */
        SOCIAL_INSURANCE_NUMBER
    }

    private final Kind kind;
    private final String number;

    private InsuranceQuery(Kind kind, String number) {
        this.kind = kind;
        this.number = number;
    }

    /**
     * A query by personal number.
     *
     * @param personalNumber 12 ASCII digits
     * @return the query
     * @throws NullPointerException when the number is null
     * @throws IllegalArgumentException when it is not 12 digits
     */
    public static InsuranceQuery personalNumber(String personalNumber) {
        Objects.requireNonNull(personalNumber, "personalNumber");
        if (!digits(personalNumber, 12)) {
            throw new IllegalArgumentException("a personal number is 12 ASCII digits");
        }
        return new InsuranceQuery(Kind.PERSONAL_NUMBER, personalNumber);
    }

    /**
     * A query by social-insurance number.
     *
     * @param socialInsuranceNumber 10 ASCII digits
     * @return the query
     * @throws NullPointerException when the number is null
     * @throws IllegalArgumentException when it is not 10 digits
     */
    public static InsuranceQuery socialInsuranceNumber(String socialInsuranceNumber) {
        Objects.requireNonNull(socialInsuranceNumber, "socialInsuranceNumber");
        if (!digits(socialInsuranceNumber, 10)) {
            throw new IllegalArgumentException("a social-insurance number is 10 ASCII digits");
        }
        return new InsuranceQuery(Kind.SOCIAL_INSURANCE_NUMBER, socialInsuranceNumber);
    }

    /**
     * A query by either number, told apart by its length (12 digits: personal number, 10: social-insurance number).
     *
     * @param number the number
     * @return the query
     * @throws NullPointerException when the number is null
     * @throws IllegalArgumentException when it is neither 12 nor 10 digits
     */
    public static InsuranceQuery of(String number) {
        Objects.requireNonNull(number, "number");
        if (number.length() == 10) {
            return socialInsuranceNumber(number);
        }
        if (number.length() == 12) {
            return personalNumber(number);
        }
        throw new IllegalArgumentException("expected a 12-digit personal number or a 10-digit social-insurance number");
    }

    private static boolean digits(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** @return the kind of number */
    public Kind kind() {
        return kind;
    }

    /** @return the number (personal data: keep it out of logs) */
    public String number() {
        return number;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InsuranceQuery && ((InsuranceQuery) o).kind == kind
                && ((InsuranceQuery) o).number.equals(number);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + number.hashCode();
    }

    /** @return the kind and the last three digits */
    @Override
    public String toString() {
        return "InsuranceQuery[" + kind + ", *******" + number.substring(number.length() - 3) + "]";
    }
}
