package io.github.eidvn.chip;

import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.Sex;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The machine-readable zone of an ID card in the TD1 format (ICAO Doc 9303 Part 5: three lines of 30 characters), as
 * printed on the back of the citizen ID card and stored in its chip's DG1; passports' TD3 zones (Part 4: two lines of
 * 44 characters) are read too.
 *
 * <p>Every check digit of Doc 9303 Part 3 (weights 7-3-1, {@code <} = 0, {@code A}-{@code Z} = 10-35) is computed:
 * document number (also when longer than 9 characters and continued in the optional data), birth date, expiry date,
 * the composite digit, and on the Vietnamese card ({@code ID} issued by {@code VNM}) the layout where the optional
 * data starts with the full 12-digit personal number followed by {@code <<} and that number's check digit, and the
 * document number is the last 9 digits of the personal number.
 *
 * <p>The MRZ also opens the chip: {@link #mrzInformation()} is the input of Basic Access Control ({@link BacKeys}), and
 * {@link #can()} the Card Access Number of PACE on Vietnamese cards (last 6 digits of the personal number).
 *
 * <p><b>Security.</b> Valid check digits show the zone was read without error, not that the card is genuine: only
 * passive authentication of the chip ({@link ChipVerifier}) does. {@link #toString()} masks the holder's data.
 * Immutable.
 */
public final class Mrz {

    /** Characters per TD1 line. */
    public static final int LINE_LENGTH = 30;

    /** Characters per TD3 line. */
    public static final int TD3_LINE_LENGTH = 44;

    /** The longest text {@link #parse(String)} looks at (three lines with generous line ends and spaces). */
    public static final int MAX_TEXT_LENGTH = 200;

    /** The check digits of a TD1 zone. */
    public enum Check {
        /** Document number (line 1 position 15, or the end of an extended number in the optional data). */
        DOCUMENT_NUMBER,
        /** Date of birth (line 2 position 7). */
        BIRTH_DATE,
        /** Date of expiry (line 2 position 15). */
        EXPIRY_DATE,
        /** Composite (line 2 position 30) over line 1 positions 6-30 and the dates and optional data of line 2. */
        COMPOSITE,
        /**
         * Vietnamese cards: the check digit of the 12-digit personal number (line 1 position 30); TD3: the check digit
         * of the personal number field.
         */
        PERSONAL_NUMBER
    }

    /** The layouts of Doc 9303 this class reads. */
    public enum Format {
        /** ID-1 size card: three lines of 30 characters (Part 5). */
        TD1,
        /** Passport booklet: two lines of 44 characters (Part 4), as in the chips of passports. */
        TD3
    }

    private final Format format;
    private final String[] lines;
    private final String documentCode;
    private final String issuingState;
    private final String documentNumber;
    private final char documentNumberCheckDigit;
    private final String optionalData1;
    private final String birthDateText;
    private final char sexCode;
    private final String expiryDateText;
    private final String nationality;
    private final String optionalData2;
    private final String nameField;
    private final String personalNumber;
    private final Map<Check, Boolean> checks;
    private final String mrzInformation;

    private Mrz(Format format, String[] lines, String documentNumber, char documentNumberCheckDigit, String optionalData1,
            String datesLine, int datesAt, String nationality, String optionalData2, String nameField,
            String personalNumber, Map<Check, Boolean> checks) {
        this.format = format;
        this.lines = lines.clone();
        this.documentCode = trimFiller(lines[0].substring(0, 2));
        this.issuingState = trimFiller(lines[0].substring(2, 5));
        this.documentNumber = documentNumber;
        this.documentNumberCheckDigit = documentNumberCheckDigit;
        this.optionalData1 = optionalData1;
        this.birthDateText = datesLine.substring(datesAt, datesAt + 6);
        this.sexCode = datesLine.charAt(datesAt + 7);
        this.expiryDateText = datesLine.substring(datesAt + 8, datesAt + 14);
        this.nationality = trimFiller(nationality);
        this.optionalData2 = optionalData2;
        this.nameField = nameField;
        this.personalNumber = personalNumber;
        this.checks = Collections.unmodifiableMap(new EnumMap<>(checks));
        StringBuilder number = new StringBuilder(documentNumber);
        while (number.length() < 9) {
            number.append('<');
        }
        this.mrzInformation = number.toString() + documentNumberCheckDigit + datesLine.substring(datesAt, datesAt + 7)
                + datesLine.substring(datesAt + 8, datesAt + 15);
    }

    /**
     * Parses a zone given as one text: lines separated by line breaks or spaces, or as one run of characters (90 for
     * TD1, 88 for TD3, as DG1 stores them). Lower-case letters are refused, not corrected.
     *
     * @param text the zone
     * @return {@link MrzResult.Valid} or {@link MrzResult.Invalid}
     * @throws NullPointerException if {@code text} is null
     */
    public static MrzResult parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_TEXT_LENGTH) {
            return malformed("text longer than " + MAX_TEXT_LENGTH + " characters");
        }
        String compact = text.strip();
        String[] lines = compact.split("\\s+");
        if (lines.length == 1 && compact.length() == 3 * LINE_LENGTH) {
            lines = new String[] {compact.substring(0, 30), compact.substring(30, 60), compact.substring(60)};
        } else if (lines.length == 1 && compact.length() == 2 * TD3_LINE_LENGTH) {
            lines = new String[] {compact.substring(0, 44), compact.substring(44)};
        }
        if (lines.length == 2) {
            return parseTd3(lines[0], lines[1]);
        }
        if (lines.length != 3) {
            return malformed("expected 3 lines (TD1) or 2 (TD3), found " + lines.length);
        }
        return parse(lines[0], lines[1], lines[2]);
    }

    /**
     * Parses the three lines of a TD1 zone.
     *
     * @param line1 the first line (document code, issuing state, document number, optional data)
     * @param line2 the second line (birth date, sex, expiry date, nationality, optional data, composite digit)
     * @param line3 the third line (name)
     * @return {@link MrzResult.Valid} or {@link MrzResult.Invalid}
     * @throws NullPointerException if a line is null
     */
    public static MrzResult parse(String line1, String line2, String line3) {
        String[] lines = {Objects.requireNonNull(line1, "line1"), Objects.requireNonNull(line2, "line2"),
            Objects.requireNonNull(line3, "line3")};
        String shape = shape(lines, LINE_LENGTH);
        if (shape != null) {
            return malformed(shape);
        }
        String dates = datesProblem(line2, 0);
        if (dates != null) {
            return malformed(dates);
        }
        if (!isDigit(line2.charAt(29))) {
            return malformed("the composite check digit is not a digit");
        }

        Map<Check, Boolean> checks = new EnumMap<>(Check.class);
        String documentNumber;
        char documentCheck;
        if (line1.charAt(14) == '<' && line1.charAt(15) != '<') {
            // Doc 9303 Part 5 note j: a number longer than 9 characters continues in the optional data, its check
            // digit being the last character before the first filler
            int end = line1.indexOf('<', 15);
            if (end < 0) {
                end = LINE_LENGTH;
            }
            if (end - 15 < 2) {
                return malformed("extended document number without its continuation");
            }
            documentNumber = line1.substring(5, 14) + line1.substring(15, end - 1);
            documentCheck = line1.charAt(end - 1);
        } else {
            documentNumber = trimFiller(line1.substring(5, 14));
            documentCheck = line1.charAt(14);
        }
        if (documentNumber.isEmpty() || documentNumber.indexOf('<') >= 0) {
            return malformed("the document number is empty or has a filler inside");
        }
        checks.put(Check.DOCUMENT_NUMBER, documentCheck == checkDigit(documentNumber));
        checks.put(Check.BIRTH_DATE, line2.charAt(6) == checkDigit(line2.substring(0, 6)));
        checks.put(Check.EXPIRY_DATE, line2.charAt(14) == checkDigit(line2.substring(8, 14)));
        String composite = line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15)
                + line2.substring(18, 29);
        checks.put(Check.COMPOSITE, line2.charAt(29) == checkDigit(composite));

        String personalNumber = null;
        boolean vietnamese = line1.startsWith("IDVNM");
        if (vietnamese) {
            // IDVNM + last 9 digits + check + 12-digit personal number + "<<" + check of the 12 digits
            if (!digits(line1, 15, 27) || !line1.startsWith("<<", 27) || !isDigit(line1.charAt(29))) {
                return malformed("a Vietnamese card's optional data is not the 12-digit personal number, "
                        + "'<<' and its check digit");
            }
            personalNumber = line1.substring(15, 27);
            checks.put(Check.PERSONAL_NUMBER, line1.charAt(29) == checkDigit(personalNumber));
        }
        Mrz mrz = new Mrz(Format.TD1, lines, documentNumber, documentCheck, line1.substring(15, 30), line2, 0,
                line2.substring(15, 18), line2.substring(18, 29), line3, personalNumber, checks);
        return judge(mrz, vietnamese);
    }

    /**
     * Parses the two lines of a TD3 zone (passports).
     *
     * @param line1 the first line (document code, issuing state, name)
     * @param line2 the second line (document number, nationality, dates, sex, personal number, check digits)
     * @return {@link MrzResult.Valid} or {@link MrzResult.Invalid}
     * @throws NullPointerException if a line is null
     */
    public static MrzResult parseTd3(String line1, String line2) {
        String[] lines = {Objects.requireNonNull(line1, "line1"), Objects.requireNonNull(line2, "line2")};
        String shape = shape(lines, TD3_LINE_LENGTH);
        if (shape != null) {
            return malformed(shape);
        }
        String dates = datesProblem(line2, 13);
        if (dates != null) {
            return malformed(dates);
        }
        if (!isDigit(line2.charAt(9)) || !isDigit(line2.charAt(43))) {
            return malformed("a check digit of line 2 is not a digit");
        }
        String documentNumber = trimFiller(line2.substring(0, 9));
        if (documentNumber.isEmpty() || documentNumber.indexOf('<') >= 0) {
            return malformed("the document number is empty or has a filler inside");
        }
        Map<Check, Boolean> checks = new EnumMap<>(Check.class);
        checks.put(Check.DOCUMENT_NUMBER, line2.charAt(9) == checkDigit(line2.substring(0, 9)));
        checks.put(Check.BIRTH_DATE, line2.charAt(19) == checkDigit(line2.substring(13, 19)));
        checks.put(Check.EXPIRY_DATE, line2.charAt(27) == checkDigit(line2.substring(21, 27)));
        String optional = line2.substring(28, 42);
        char optionalCheck = line2.charAt(42);
        boolean emptyOptional = optional.chars().allMatch(c -> c == '<');
        checks.put(Check.PERSONAL_NUMBER, emptyOptional && (optionalCheck == '<' || optionalCheck == '0')
                || optionalCheck == checkDigit(optional));
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
        checks.put(Check.COMPOSITE, line2.charAt(43) == checkDigit(composite));
        Mrz mrz = new Mrz(Format.TD3, lines, documentNumber, line2.charAt(9), optional, line2, 13,
                line2.substring(10, 13), "", line1.substring(5), null, checks);
        return judge(mrz, false);
    }

    private static MrzResult judge(Mrz mrz, boolean vietnamese) {
        for (Map.Entry<Check, Boolean> c : mrz.checks.entrySet()) {
            if (!c.getValue()) {
                return new MrzResult.Invalid(MrzResult.Reason.CHECK_DIGIT, "check digit " + c.getKey() + " is wrong",
                        Optional.of(mrz));
            }
        }
        if (vietnamese && !mrz.personalNumber.endsWith(mrz.documentNumber)) {
            return new MrzResult.Invalid(MrzResult.Reason.PERSONAL_NUMBER_MISMATCH,
                    "the document number is not the last 9 digits of the personal number", Optional.of(mrz));
        }
        return new MrzResult.Valid(mrz);
    }

    private static String shape(String[] lines, int length) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() != length) {
                return "line " + (i + 1) + " has " + lines[i].length() + " characters, not " + length;
            }
            for (int j = 0; j < length; j++) {
                if (value(lines[i].charAt(j)) < 0) {
                    return "line " + (i + 1) + " position " + (j + 1) + " is not one of 0-9 A-Z <";
                }
            }
        }
        return null;
    }

    private static String datesProblem(String line, int at) {
        if (!digits(line, at, at + 7) || !digits(line, at + 8, at + 15)) {
            return "the dates and their check digits are not digits";
        }
        if ("MF<".indexOf(line.charAt(at + 7)) < 0) {
            return "sex is not M, F or <";
        }
        return null;
    }

    /**
     * The ICAO 9303 Part 3 check digit.
     *
     * @param field characters from {@code 0-9 A-Z <}
     * @return the check digit, {@code '0'}-{@code '9'}
     * @throws IllegalArgumentException if a character is outside that set
     */
    public static char checkDigit(String field) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            int v = value(field.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not one of 0-9 A-Z <");
            }
            sum += v * weights[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return c == '<' ? 0 : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String trimFiller(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '<') {
            end--;
        }
        return s.substring(0, end);
    }

    private static MrzResult malformed(String detail) {
        return new MrzResult.Invalid(MrzResult.Reason.MALFORMED, detail, Optional.empty());
    }

    /** @return the layout */
    public Format format() {
        return format;
    }

    /** @return the lines, as read (three for TD1, two for TD3) */
    public String[] lines() {
        return lines.clone();
    }

    /** @return the document code (fillers removed), e.g. {@code ID}, {@code I} or {@code P} */
    public String documentCode() {
        return documentCode;
    }

    /** @return the issuing state or organisation, e.g. {@code VNM} */
    public String issuingState() {
        return issuingState;
    }

    /** @return the document number, with an extended number's continuation */
    public String documentNumber() {
        return documentNumber;
    }

    /** @return TD1: line 1 positions 16-30; TD3: the personal number field (line 2 positions 29-42), as printed */
    public String optionalData1() {
        return optionalData1;
    }

    /** @return the date of birth as printed, {@code YYMMDD} */
    public String birthDateText() {
        return birthDateText;
    }

    /** @return the sex: empty for {@code <} (unspecified) */
    public Optional<Sex> sex() {
        return sexCode == 'M' ? Optional.of(Sex.MALE) : sexCode == 'F' ? Optional.of(Sex.FEMALE) : Optional.empty();
    }

    /** @return the sex as printed: {@code M}, {@code F} or {@code <} */
    public char sexCode() {
        return sexCode;
    }

    /** @return the date of expiry as printed, {@code YYMMDD} */
    public String expiryDateText() {
        return expiryDateText;
    }

    /**
     * The expiry date, read in the years 2000-2099 (the MRZ of ID cards issued since 2000).
     *
     * @return the date, or empty when the digits are not a calendar date
     */
    public Optional<LocalDate> expiryDate() {
        return date(2000, expiryDateText);
    }

    /**
     * The birth date: of the two centuries the two-digit year allows, the 2000s when that is before the expiry date,
     * else the 1900s.
     *
     * @return the date, or empty when the digits are not a calendar date
     */
    public Optional<LocalDate> birthDate() {
        Optional<LocalDate> in2000s = date(2000, birthDateText);
        Optional<LocalDate> expiry = expiryDate();
        if (in2000s.isPresent() && expiry.isPresent() && in2000s.get().isBefore(expiry.get())) {
            return in2000s;
        }
        return date(1900, birthDateText);
    }

    private static Optional<LocalDate> date(int century, String yymmdd) {
        try {
            return Optional.of(LocalDate.of(century + Integer.parseInt(yymmdd.substring(0, 2)),
                    Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** @return the nationality, e.g. {@code VNM} */
    public String nationality() {
        return nationality;
    }

    /** @return TD1: line 2 positions 19-29 as printed; TD3: empty */
    public String optionalData2() {
        return optionalData2;
    }

    /** @return the primary identifier (surname, or on Vietnamese cards the family name), fillers as spaces */
    public String primaryIdentifier() {
        int sep = nameField.indexOf("<<");
        return words(sep < 0 ? nameField : nameField.substring(0, sep));
    }

    /** @return the secondary identifier (given names), fillers as spaces; empty when there is none */
    public String secondaryIdentifier() {
        int sep = nameField.indexOf("<<");
        return sep < 0 ? "" : words(nameField.substring(sep + 2));
    }

    private static String words(String s) {
        return trimFiller(s).replace('<', ' ').strip().replaceAll(" +", " ");
    }

    /**
     * @return the 12-digit personal number in the optional data of a Vietnamese card ({@code IDVNM}); empty for
     *     other documents
     */
    public Optional<String> personalNumber() {
        return Optional.ofNullable(personalNumber);
    }

    /**
     * Whether this zone belongs to the given personal number: a Vietnamese zone carrying exactly this number.
     *
     * @param number the number
     * @return true when the zone's personal number equals {@code number}
     */
    public boolean isOf(PersonalNumber number) {
        Objects.requireNonNull(number, "number");
        return number.value().equals(personalNumber);
    }

    /** @return each check digit and whether it is right */
    public Map<Check, Boolean> checks() {
        return checks;
    }

    /** @return true when every check digit is right */
    public boolean allChecksPass() {
        return !checks.containsValue(Boolean.FALSE);
    }

    /**
     * The MRZ information that Basic Access Control hashes into its key seed (Doc 9303 Part 11 §4.3.2): document
     * number (padded to 9 characters with {@code <}) with its check digit, birth date with its check digit, expiry
     * date with its check digit.
     *
     * @return the 24 (or more, for an extended document number) characters
     */
    public String mrzInformation() {
        return mrzInformation;
    }

    /** @return the Basic Access Control keys derived from {@link #mrzInformation()} */
    public BacKeys bacKeys() {
        return BacKeys.fromMrzInformation(mrzInformation());
    }

    /**
     * The PACE Card Access Number printed on Vietnamese cards: the last 6 digits of the personal number.
     *
     * @return the CAN, or empty when this is not a Vietnamese zone
     */
    public Optional<String> can() {
        return personalNumber().map(n -> n.substring(n.length() - 6));
    }

    /** @return the document code, state and masked document number only */
    @Override
    public String toString() {
        return "Mrz[" + documentCode() + " " + issuingState() + " ***"
                + documentNumber.substring(Math.max(0, documentNumber.length() - 3)) + "]";
    }
}
