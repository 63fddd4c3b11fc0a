package io.github.eidvn.core.identity;

import static io.github.eidvn.core.internal.Once.once;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;
import io.github.eidvn.core.result.Outcome;
import io.github.eidvn.core.result.Refusal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The 12-digit personal identification number (số định danh cá nhân), which is also the number of the chip ID card
 * (Nghị định 137/2015/NĐ-CP Điều 13; Thông tư 07/2016/TT-BCA and 59/2021/TT-BCA).
 *
 * <p>Layout {@code PPP G YY NNNNNN}:
 * <ul>
 *   <li>{@code PPP} the province where the birth was registered, one of the 63 codes of {@link Province} (the table has
 *       gaps, so it is checked against the table, not a range). The 2025 merger of provinces changes no number: the
 *       code keeps meaning the place of birth registration at that time;</li>
 *   <li>{@code G} century and sex: 1900s male 0 / female 1, 2000s 2/3, 2100s 4/5, 2200s 6/7, 2300s 8/9;</li>
 *   <li>{@code YY} the last two digits of the birth year;</li>
 *   <li>{@code NNNNNN} six random digits. There is no check digit, so a typo can yield another valid number.</li>
 * </ul>
 *
 * <p>Parsing never throws for bad input: {@link #parse(CharSequence)} returns {@link ParseResult.Valid} or
 * {@link ParseResult.Invalid} with a {@link Reason}. Only ASCII digits {@code 0-9} are accepted (full-width,
 * Arabic-Indic and other Unicode digits are rejected with {@link Reason#NOT_DIGITS}); the input is not trimmed.
 *
 * <p><b>Codes outside the province table.</b> Births registered abroad, and any code not in Thông tư 07/2016 Phụ lục I,
 * are rejected with {@link Reason#UNKNOWN_PROVINCE} by default. A caller that must accept them (e.g. a registry
 * holding numbers of citizens whose birth was registered abroad) opts in with
 * {@link ParseOptions.Builder#allowCodesOutsideProvinceTable()}; the number then has an empty {@link #province()} and
 * only {@link #provinceCode()}.
 *
 * <p><b>Time.</b> A number cannot encode a birth year after today: a century code for a century that has not begun
 * gives {@link Reason#INVALID_CENTURY_CODE}, a later year in the current century {@link Reason#BIRTH_YEAR_IN_FUTURE}.
 * "Today" comes from {@link ParseOptions.Builder#clock(Clock)}, by default the system clock in {@code Asia/Ho_Chi_Minh}.
 *
 * <p><b>Security / privacy.</b> The number is personal data: {@link #toString()} is masked ({@code 079******345});
 * use {@link #value()} deliberately. Instances are immutable and thread-safe; equality is by value.
 */
public final class PersonalNumber {

    /** Number of digits. */
    public static final int LENGTH = 12;

    /** Inputs longer than this are rejected before being scanned. */
    private static final int MAX_SCANNED_LENGTH = 64;

    /** The zone used for "today" when no clock is given. */
    public static final ZoneId VIETNAM_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String value;
    private final Province province;
    private final Sex sex;
    private final int birthYear;

    private PersonalNumber(String value, Province province, Sex sex, int birthYear) {
        this.value = value;
        this.province = province;
        this.sex = sex;
        this.birthYear = birthYear;
    }

    /**
     * Parses a number strictly: the province code must be in the table, "today" is the system date in Vietnam.
     *
     * @param input the text, may be null
     * @return {@link ParseResult.Valid} or {@link ParseResult.Invalid}; never throws
     */
    public static ParseResult parse(CharSequence input) {
        return parse(input, ParseOptions.strict());
    }

    /**
     * Parses a number with options (consistency with a birth date and sex, codes outside the table, clock).
     *
     * @param input the text, may be null
     * @param options the options
     * @return {@link ParseResult.Valid} or {@link ParseResult.Invalid}; never throws for bad input
     * @throws NullPointerException if {@code options} is null
     */
    public static ParseResult parse(CharSequence input, ParseOptions options) {
        Objects.requireNonNull(options, "options");
        if (input == null || input.length() == 0) {
            return invalid(Reason.EMPTY, "no number given");
        }
        int length = input.length();
        if (length > MAX_SCANNED_LENGTH) {
            return invalid(Reason.WRONG_LENGTH, "expected 12 digits, got " + length + " characters");
        }
        int position = 0;
        for (int i = 0; i < length; ) {
            int cp = Character.codePointAt(input, i);
            position++;
            if (cp < '0' || cp > '9') {
                return invalid(Reason.NOT_DIGITS, "character " + position + " is " + describe(cp)
                        + ", not an ASCII digit 0-9");
            }
            i += Character.charCount(cp);
        }
        if (length != LENGTH) {
            return invalid(Reason.WRONG_LENGTH, "expected 12 digits, got " + length);
        }
        String value = input.toString();
        String code = value.substring(0, 3);
        Optional<Province> province = Province.ofCode(code);
        if (province.isEmpty() && !options.allowCodesOutsideProvinceTable()) {
            return invalid(Reason.UNKNOWN_PROVINCE, "province code " + code
                    + " is not in the table of Thông tư 07/2016 Phụ lục I");
        }
        int g = value.charAt(3) - '0';
        int century = 1900 + (g / 2) * 100;
        Sex sex = g % 2 == 0 ? Sex.MALE : Sex.FEMALE;
        int birthYear = century + Integer.parseInt(value.substring(4, 6));
        int currentYear = LocalDate.now(options.clock()).getYear();
        if (century > currentYear) {
            return invalid(Reason.INVALID_CENTURY_CODE, "century code " + g + " denotes births in " + century + "-"
                    + (century + 99) + ", which have not begun");
        }
        if (birthYear > currentYear) {
            return invalid(Reason.BIRTH_YEAR_IN_FUTURE, "the number encodes birth year " + birthYear
                    + ", after the current year " + currentYear);
        }
        if (options.expectedBirthDate().isPresent()) {
            int expectedYear = options.expectedBirthDate().get().getYear();
            if (expectedYear != birthYear) {
                return invalid(Reason.BIRTH_YEAR_MISMATCH, "the number encodes birth year " + birthYear
                        + " but the birth date given is in " + expectedYear);
            }
        }
        if (options.expectedSex().isPresent() && options.expectedSex().get() != sex) {
            return invalid(Reason.SEX_MISMATCH, "the number encodes sex " + sex.oidcValue()
                    + " but " + options.expectedSex().get().oidcValue() + " was given");
        }
        return new ParseResult.Valid(new PersonalNumber(value, province.orElse(null), sex, birthYear));
    }

    /**
     * Parses a number that is known to be good (fixtures, trusted registry data), strictly.
     *
     * @param number the number
     * @return the parsed number
     * @throws NullPointerException if {@code number} is null
     * @throws IllegalArgumentException if it does not parse; the message names the reason, not the number
     */
    public static PersonalNumber of(String number) {
        Objects.requireNonNull(number, "number");
        return parse(number).orElseThrow();
    }

    private static ParseResult invalid(Reason reason, String detail) {
        return new ParseResult.Invalid(reason, detail);
    }

    private static String describe(int cp) {
        if (cp >= 0x21 && cp < 0x7f) {
            return "'" + (char) cp + "'";
        }
        String hex = String.format(Locale.ROOT, "U+%04X", cp);
        return Character.isDigit(cp) ? hex + " (a non-ASCII digit)" : hex;
    }

    /**
     * The twelve digits.
     *
     * @return e.g. {@code "079303012345"}
     */
    public String value() {
        return value;
    }

    /**
     * The three-digit province code, present even when the code is outside the table.
     *
     * @return e.g. {@code "079"}
     */
    public String provinceCode() {
        return value.substring(0, 3);
    }

    /**
     * The province of birth registration.
     *
     * @return the province, empty only for a number parsed with
     *     {@link ParseOptions.Builder#allowCodesOutsideProvinceTable()} whose code is not in the table
     */
    public Optional<Province> province() {
        return Optional.ofNullable(province);
    }

    /**
     * The century-and-sex digit {@code G}.
     *
     * @return 0..9
     */
    public int centuryCode() {
        return value.charAt(3) - '0';
    }

    /**
     * The sex encoded in the century digit.
     *
     * @return male for an even digit, female for an odd one
     */
    public Sex sex() {
        return sex;
    }

    /**
     * The birth year, from the century digit and {@code YY}.
     *
     * @return e.g. 2003
     */
    public int birthYear() {
        return birthYear;
    }

    /**
     * The six random digits.
     *
     * @return e.g. {@code "012345"}
     */
    public String serial() {
        return value.substring(6);
    }

    /**
     * The number with the six middle digits hidden (province code and last three digits kept).
     *
     * @return e.g. {@code "079******345"}
     */
    public String masked() {
        return value.substring(0, 3) + "******" + value.substring(9);
    }

    /** @return the {@link #masked()} form; never the number in clear */
    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonalNumber && ((PersonalNumber) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Why a personal number was rejected, with Vietnamese and English messages for people.
     */
    public enum Reason implements HasBilingualText {
        /** Null or empty input. */
        EMPTY("Chưa nhập số định danh cá nhân.", "No personal identification number was given."),
        /** Not 12 characters. */
        WRONG_LENGTH("Số định danh cá nhân phải gồm đúng 12 chữ số.",
                "The personal identification number must have exactly 12 digits."),
        /** A character other than the ASCII digits 0-9 (letters, spaces, full-width or other Unicode digits). */
        NOT_DIGITS("Số định danh cá nhân chỉ gồm các chữ số 0-9.",
                "The personal identification number may contain only the digits 0-9."),
        /** The first three digits are not one of the 63 codes of the province table. */
        UNKNOWN_PROVINCE("Mã tỉnh (3 chữ số đầu) không có trong danh mục mã tỉnh.",
                "The province code (first three digits) is not in the province code table."),
        /** The century digit denotes a century that has not begun. */
        INVALID_CENTURY_CODE("Mã thế kỷ và giới tính (chữ số thứ 4) không hợp lệ.",
                "The century-and-sex digit (4th digit) is not valid."),
        /** The encoded birth year is after the current year. */
        BIRTH_YEAR_IN_FUTURE("Năm sinh trong số định danh ở tương lai.",
                "The birth year encoded in the number is in the future."),
        /** The encoded birth year differs from the year of the given birth date. */
        BIRTH_YEAR_MISMATCH("Năm sinh trong số định danh không khớp với ngày sinh.",
                "The birth year encoded in the number does not match the birth date."),
        /** The encoded sex differs from the given sex. */
        SEX_MISMATCH("Giới tính trong số định danh không khớp.",
                "The sex encoded in the number does not match.");

        private final Bilingual text;

        Reason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }

    /**
     * The outcome of {@link PersonalNumber#parse(CharSequence)}.
     */
    public sealed interface ParseResult extends Outcome<PersonalNumber, Reason>
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
        record Valid(PersonalNumber number)
                implements ParseResult, Outcome.Success<PersonalNumber, Reason> {
            /** @param number the parsed number, not null */
            public Valid {
                Objects.requireNonNull(number, "number");
            }

            /** @return {@link #number()} */
            @Override
            public PersonalNumber value() {
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
                implements ParseResult, Outcome.Failure<PersonalNumber, Reason> {
            /**
             * @param reason why, not null
             * @param detail explanation, not null
             */
            public Invalid {
                Refusal.requireReasonAndDetail(reason, detail);
            }

            @Override
            public String describe() {
                return "invalid personal number: " + reason + ": " + detail;
            }
        }
    }

    /**
     * Options for {@link PersonalNumber#parse(CharSequence, ParseOptions)}. Immutable; build with {@link #builder()}.
     */
    public static final class ParseOptions {

        private static final ParseOptions STRICT = builder().build();

        private final boolean allowCodesOutsideProvinceTable;
        private final LocalDate expectedBirthDate;
        private final Sex expectedSex;
        private final Clock clock;

        private ParseOptions(Builder b) {
            this.allowCodesOutsideProvinceTable = b.allowCodesOutsideProvinceTable;
            this.expectedBirthDate = b.expectedBirthDate;
            this.expectedSex = b.expectedSex;
            this.clock = b.clock == null ? Clock.system(VIETNAM_ZONE) : b.clock;
        }

        /**
         * The defaults: province code must be in the table, nothing expected, system clock in Vietnam.
         *
         * @return the strict options
         */
        public static ParseOptions strict() {
            return STRICT;
        }

        /** @return a new builder */
        public static Builder builder() {
            return new Builder();
        }

        /** @return whether codes outside the province table are accepted */
        public boolean allowCodesOutsideProvinceTable() {
            return allowCodesOutsideProvinceTable;
        }

        /** @return the birth date the number must agree with, if any */
        public Optional<LocalDate> expectedBirthDate() {
            return Optional.ofNullable(expectedBirthDate);
        }

        /** @return the sex the number must agree with, if any */
        public Optional<Sex> expectedSex() {
            return Optional.ofNullable(expectedSex);
        }

        /** @return the clock giving "today" */
        public Clock clock() {
            return clock;
        }

        /** Builder; each option may be set once ({@link IllegalStateException} on a second call). */
        public static final class Builder {
            private boolean allowCodesOutsideProvinceTable;
            private LocalDate expectedBirthDate;
            private Sex expectedSex;
            private Clock clock;

            private Builder() {
            }

            /**
             * Accept province codes that are not in the table (e.g. births registered abroad); such a number has an
             * empty {@link PersonalNumber#province()}.
             *
             * @return this builder
             */
            public Builder allowCodesOutsideProvinceTable() {
                once(allowCodesOutsideProvinceTable, "allowCodesOutsideProvinceTable");
                allowCodesOutsideProvinceTable = true;
                return this;
            }

            /**
             * Require the encoded birth year to be the year of this date, else {@link Reason#BIRTH_YEAR_MISMATCH}.
             *
             * @param birthDate the birth date
             * @return this builder
             */
            public Builder expectedBirthDate(LocalDate birthDate) {
                this.expectedBirthDate = once(this.expectedBirthDate, birthDate, "expectedBirthDate");
                return this;
            }

            /**
             * Require the encoded sex to be this one, else {@link Reason#SEX_MISMATCH}.
             *
             * @param sex the sex
             * @return this builder
             */
            public Builder expectedSex(Sex sex) {
                this.expectedSex = once(this.expectedSex, sex, "expectedSex");
                return this;
            }

            /**
             * The clock giving "today" for the future-birth-year check.
             *
             * @param clock the clock
             * @return this builder
             */
            public Builder clock(Clock clock) {
                this.clock = once(this.clock, clock, "clock");
                return this;
            }

            /** @return the options */
            public ParseOptions build() {
                return new ParseOptions(this);
            }
        }
    }
}
