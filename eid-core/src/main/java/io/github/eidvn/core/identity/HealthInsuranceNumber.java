package io.github.eidvn.core.identity;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;
import io.github.eidvn.core.result.Outcome;
import io.github.eidvn.core.result.Refusal;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A health-insurance (BHYT) number, in one of two forms:
 * <ul>
 *   <li>{@link Form#CARD_CODE}: the 15-character card code {@code ^[A-Z]{2}[1-5]\d{2}\d{10}$} — a two-letter
 *       beneficiary group (mã đối tượng, e.g. {@code DN}), the benefit level 1-5 ({@link BenefitLevel}), the two-digit
 *       code of the issuing province and the 10-digit social-insurance number (mã số bảo hiểm xã hội);</li>
 *   <li>{@link Form#SOCIAL_INSURANCE_NUMBER}: the 10-digit social-insurance number alone, as on the newer cards.</li>
 * </ul>
 *
 * <p>The two-digit province code is the last two digits of the personal-number province code, so it maps to a
 * {@link Province} where the table has it ({@code 79} → Hồ Chí Minh); other codes (e.g. those of the social-insurance
 * agencies of the armed forces) are kept in {@link #provinceCode()} with an empty {@link #province()}. The
 * beneficiary group is checked for shape (two upper-case ASCII letters) only, not against the list of groups, which
 * changes with regulation. Input is not trimmed or upper-cased; only ASCII letters and digits are accepted.
 *
 * <p><b>Privacy.</b> {@link #toString()} masks the social-insurance number. Immutable; equality is by value.
 */
public final class HealthInsuranceNumber {

    /** The two forms of the number. */
    public enum Form {
        /** The 15-character card code. */
        CARD_CODE,
        /** The 10-digit social-insurance number alone. */
        SOCIAL_INSURANCE_NUMBER
    }

    private static final int CARD_LENGTH = 15;
    private static final int SIN_LENGTH = 10;

    private final String value;
    private final Form form;
    private final BenefitLevel benefitLevel;

    private HealthInsuranceNumber(String value, Form form, BenefitLevel benefitLevel) {
        this.value = value;
        this.form = form;
        this.benefitLevel = benefitLevel;
    }

    /**
     * Parses either form.
     *
     * @param input the text, may be null
     * @return {@link ParseResult.Valid} or {@link ParseResult.Invalid}; never throws
     */
    public static ParseResult parse(CharSequence input) {
        if (input == null || input.length() == 0) {
            return invalid(Reason.EMPTY, "no number given");
        }
        int length = input.length();
        if (length != CARD_LENGTH && length != SIN_LENGTH) {
            return invalid(Reason.WRONG_LENGTH, "expected 15 characters (card code) or 10 digits "
                    + "(social-insurance number), got " + length + " UTF-16 units");
        }
        String s = input.toString();
        if (length == SIN_LENGTH) {
            int bad = firstNonDigit(s, 0);
            if (bad >= 0) {
                return invalid(Reason.NOT_DIGITS, "character " + (bad + 1) + " is " + describe(s.charAt(bad))
                        + ", not an ASCII digit 0-9");
            }
            return new ParseResult.Valid(new HealthInsuranceNumber(s, Form.SOCIAL_INSURANCE_NUMBER, null));
        }
        for (int i = 0; i < 2; i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return invalid(Reason.INVALID_GROUP, "character " + (i + 1) + " is " + describe(c)
                        + "; the beneficiary group is two upper-case letters A-Z");
            }
        }
        char level = s.charAt(2);
        if (level < '1' || level > '5') {
            return invalid(Reason.INVALID_BENEFIT_LEVEL, "character 3 is " + describe(level)
                    + "; the benefit level is a digit 1-5");
        }
        int bad = firstNonDigit(s, 3);
        if (bad >= 0) {
            return invalid(Reason.NOT_DIGITS, "character " + (bad + 1) + " is " + describe(s.charAt(bad))
                    + ", not an ASCII digit 0-9");
        }
        return new ParseResult.Valid(new HealthInsuranceNumber(s, Form.CARD_CODE,
                BenefitLevel.ofCode(level - '0').orElseThrow()));
    }

    /**
     * Parses a number known to be good (fixtures).
     *
     * @param number the number
     * @return the parsed number
     * @throws NullPointerException if {@code number} is null
     * @throws IllegalArgumentException if it does not parse
     */
    public static HealthInsuranceNumber of(String number) {
        Objects.requireNonNull(number, "number");
        return parse(number).orElseThrow();
    }

    private static int firstNonDigit(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return i;
            }
        }
        return -1;
    }

    private static String describe(char c) {
        if (c >= 0x21 && c < 0x7f) {
            return "'" + c + "'";
        }
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    private static ParseResult invalid(Reason reason, String detail) {
        return new ParseResult.Invalid(reason, detail);
    }

    /** @return the number as given (15 or 10 characters) */
    public String value() {
        return value;
    }

    /** @return which form this is */
    public Form form() {
        return form;
    }

    /** @return the two-letter beneficiary group of a card code, e.g. {@code "DN"}; empty for the 10-digit form */
    public Optional<String> beneficiaryGroup() {
        return form == Form.CARD_CODE ? Optional.of(value.substring(0, 2)) : Optional.empty();
    }

    /** @return the benefit level of a card code; empty for the 10-digit form */
    public Optional<BenefitLevel> benefitLevel() {
        return Optional.ofNullable(benefitLevel);
    }

    /**
     * @return the base rate of the benefit level of a card code ({@link BenefitLevel#coveragePercent()}: 100 % also
     *     applies in the cases the law lists); empty for the 10-digit form, whose level is printed separately
     */
    public Optional<Integer> coveragePercent() {
        return benefitLevel().map(BenefitLevel::coveragePercent);
    }

    /** @return the two-digit issuing province code of a card code, e.g. {@code "79"}; empty for the 10-digit form */
    public Optional<String> provinceCode() {
        return form == Form.CARD_CODE ? Optional.of(value.substring(3, 5)) : Optional.empty();
    }

    /** @return the issuing province when its code is in the province table; empty otherwise */
    public Optional<Province> province() {
        return provinceCode().flatMap(Province::ofBhytCode);
    }

    /** @return the 10-digit social-insurance number (the whole number in the 10-digit form) */
    public String socialInsuranceNumber() {
        return form == Form.CARD_CODE ? value.substring(5) : value;
    }

    /**
     * The number with the social-insurance number's first seven digits hidden.
     *
     * @return e.g. {@code "DN479*******678"} or {@code "*******678"}
     */
    public String masked() {
        return value.substring(0, value.length() - SIN_LENGTH) + "*******" + value.substring(value.length() - 3);
    }

    /** @return the {@link #masked()} form */
    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HealthInsuranceNumber && ((HealthInsuranceNumber) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Why a health-insurance number was rejected, with Vietnamese and English messages. */
    public enum Reason implements HasBilingualText {
        /** Null or empty input. */
        EMPTY("Chưa nhập mã số bảo hiểm y tế.", "No health-insurance number was given."),
        /** Neither 15 nor 10 characters. */
        WRONG_LENGTH("Mã thẻ bảo hiểm y tế gồm 15 ký tự, hoặc mã số bảo hiểm xã hội gồm 10 chữ số.",
                "A health-insurance card code has 15 characters, a social-insurance number 10 digits."),
        /** The first two characters are not upper-case letters A-Z. */
        INVALID_GROUP("Mã đối tượng (2 ký tự đầu) phải là hai chữ cái in hoa.",
                "The beneficiary group (first two characters) must be two upper-case letters."),
        /** The third character is not a digit 1-5. */
        INVALID_BENEFIT_LEVEL("Mức hưởng (ký tự thứ 3) phải là chữ số từ 1 đến 5.",
                "The benefit level (third character) must be a digit from 1 to 5."),
        /** A character that must be an ASCII digit is not. */
        NOT_DIGITS("Mã tỉnh và mã số bảo hiểm xã hội chỉ gồm các chữ số 0-9.",
                "The province code and the social-insurance number may contain only the digits 0-9.");

        private final Bilingual text;

        Reason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }

    /** The outcome of {@link HealthInsuranceNumber#parse(CharSequence)}. */
    public sealed interface ParseResult extends Outcome<HealthInsuranceNumber, Reason>
            permits ParseResult.Valid, ParseResult.Invalid {

        /** @return true for {@link Valid} */
        default boolean isValid() {
            return isSuccess();
        }

        /**
         * A well-formed number.
         *
         * @param number the parsed number
         */
        record Valid(HealthInsuranceNumber number)
                implements ParseResult, Outcome.Success<HealthInsuranceNumber, Reason> {
            /** @param number the parsed number, not null */
            public Valid {
                Objects.requireNonNull(number, "number");
            }

            /** @return {@link #number()} */
            @Override
            public HealthInsuranceNumber value() {
                return number;
            }
        }

        /**
         * A rejected input.
         *
         * @param reason why
         * @param detail a technical explanation in English; it never repeats the input in full
         */
        record Invalid(Reason reason, String detail)
                implements ParseResult, Outcome.Failure<HealthInsuranceNumber, Reason> {
            /**
             * @param reason why, not null
             * @param detail explanation, not null
             */
            public Invalid {
                Refusal.requireReasonAndDetail(reason, detail);
            }

            @Override
            public String describe() {
                return "invalid health-insurance number: " + reason + ": " + detail;
            }
        }
    }
}
