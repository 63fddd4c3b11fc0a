package io.github.eidvn.core.codec;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.eidvn.core.identity.HealthInsuranceNumber;
import io.github.eidvn.core.internal.FreeText;
import io.github.eidvn.core.internal.StrictJson;

/**
 * The citizen claims an assertion may carry, with their shapes; one place for issuer and verifier.
 *
 * <table>
 *   <caption>Citizen claims (standard names)</caption>
 *   <tr><th>claim</th><th>JSON type</th><th>rule</th></tr>
 *   <tr><td>{@code personal_number}</td><td>string</td><td>12 digits (số định danh cá nhân)</td></tr>
 *   <tr><td>{@code name}</td><td>string</td><td>1-200 characters, no control or format characters (bidi
 *       controls, zero-width characters: {@link FreeText#forbiddenCharacter}); stored in Unicode NFC (as all free text
 *       here: {@code gender}, {@code address} members)</td></tr>
 *   <tr><td>{@code birthdate}</td><td>string</td><td>ISO date {@code YYYY-MM-DD}</td></tr>
 *   <tr><td>{@code gender}</td><td>string</td><td>1-32 characters (OpenID Connect: {@code female}, {@code male},
 *       ...)</td></tr>
 *   <tr><td>{@code address}</td><td>object</td><td>OpenID Connect address: string members {@code formatted},
 *       {@code street_address}, {@code locality}, {@code region}, {@code postal_code}, {@code country}</td></tr>
 *   <tr><td>{@code phone_number}</td><td>string</td><td>optional {@code +} then 6-15 digits</td></tr>
 *   <tr><td>{@code health_insurance}</td><td>object</td><td>{@code number}: the 15-character card code
 *       (2 capitals + 13 digits) or, as printed on the cards issued since 2021, the 10-digit social-insurance
 *       number ({@link HealthInsuranceNumber}), the benefit level then coming from {@code benefit_level} alone
 *       (which must equal the card code's third character when the number is a card code);
 *       {@code valid_from}, {@code valid_to} (ISO dates), {@code benefit_level} (integer 1-5), {@code facility}
 *       (5 digits); all required</td></tr>
 * </table>
 */
public final class CitizenClaims {

    /** Personal identification number (số định danh cá nhân). */
    public static final String PERSONAL_NUMBER = "personal_number";
    /** Full name. */
    public static final String NAME = "name";
    /** Date of birth. */
    public static final String BIRTHDATE = "birthdate";
    /** Gender. */
    public static final String GENDER = "gender";
    /** Postal address (object). */
    public static final String ADDRESS = "address";
    /** Phone number. */
    public static final String PHONE_NUMBER = "phone_number";
    /** Health-insurance card (object). */
    public static final String HEALTH_INSURANCE = "health_insurance";

    /** All citizen claim names, in their canonical order. */
    public static final List<String> NAMES = List.of(PERSONAL_NUMBER, NAME, BIRTHDATE, GENDER, ADDRESS,
            PHONE_NUMBER, HEALTH_INSURANCE);

    /** The members of {@code address}. */
    public static final List<String> ADDRESS_MEMBERS = List.of("formatted", "street_address", "locality", "region",
            "postal_code", "country");

    /** The members of {@code health_insurance}, all required. */
    public static final List<String> HEALTH_INSURANCE_MEMBERS = List.of("number", "valid_from", "valid_to",
            "benefit_level", "facility");

    private static final DigitRule PERSONAL_NUMBER_RULE = new DigitRule(false, 12, 12, "[0-9]{12}");
    private static final DigitRule PHONE_RULE = new DigitRule(true, 6, 15, "\\+?[0-9]{6,15}");
    private static final DigitRule FACILITY_RULE = new DigitRule(false, 5, 5, "[0-9]{5}");

    private CitizenClaims() {
    }

    /**
     * Validates citizen claims and returns an unmodifiable copy (nested objects unmodifiable too) in the given
     * order; integers become {@link Integer}.
     *
     * @param claims the claims by standard name
     * @return the validated copy
     * @throws IllegalArgumentException for an unknown name or a value of the wrong shape (the message names the
     *     claim, never its value)
     */
    public static Map<String, Object> normalize(Map<String, ?> claims) {
        Objects.requireNonNull(claims, "claims");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : claims.entrySet()) {
            String name = e.getKey();
            Object value = e.getValue();
            if (name == null) {
                throw new IllegalArgumentException("null claim name");
            }
            switch (name) {
                case PERSONAL_NUMBER:
                    out.put(name, matching(name, value, PERSONAL_NUMBER_RULE));
                    break;
                case NAME:
                    out.put(name, text(name, value, 200));
                    break;
                case BIRTHDATE:
                    out.put(name, date(name, value));
                    break;
                case GENDER:
                    out.put(name, text(name, value, 32));
                    break;
                case PHONE_NUMBER:
                    out.put(name, matching(name, value, PHONE_RULE));
                    break;
                case ADDRESS:
                    out.put(name, address(value));
                    break;
                case HEALTH_INSURANCE:
                    out.put(name, healthInsurance(value));
                    break;
                default:
                    throw new IllegalArgumentException("unknown citizen claim: " + name);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Object> address(Object value) {
        Map<?, ?> in = object(ADDRESS, value);
        if (in.isEmpty()) {
            throw new IllegalArgumentException("address has no members");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : in.entrySet()) {
            Object k = e.getKey();
            if (!ADDRESS_MEMBERS.contains(k)) {
                throw new IllegalArgumentException("unknown address member: " + k);
            }
            out.put((String) k, text("address." + k, e.getValue(), 300));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Object> healthInsurance(Object value) {
        Map<?, ?> in = object(HEALTH_INSURANCE, value);
        for (Object k : in.keySet()) {
            if (!HEALTH_INSURANCE_MEMBERS.contains(k)) {
                throw new IllegalArgumentException("unknown health_insurance member: " + k);
            }
        }
        for (String k : HEALTH_INSURANCE_MEMBERS) {
            if (!in.containsKey(k)) {
                throw new IllegalArgumentException("health_insurance." + k + " is missing");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : in.entrySet()) {
            String k = (String) e.getKey();
            Object v = e.getValue();
            String where = "health_insurance." + k;
            switch (k) {
                case "number":
                    if (!(v instanceof String) || !HealthInsuranceNumber.parse((String) v).isValid()) {
                        throw new IllegalArgumentException(where + " must be a 15-character card code (2 capitals,"
                                + " benefit level 1-5, 12 digits) or a 10-digit social-insurance number");
                    }
                    out.put(k, v);
                    break;
                case "valid_from":
                case "valid_to":
                    out.put(k, date(where, v));
                    break;
                case "benefit_level":
                    int level = integer(where, v);
                    if (level < 1 || level > 5) {
                        throw new IllegalArgumentException(where + " must be 1 to 5");
                    }
                    out.put(k, level);
                    break;
                default: // facility
                    out.put(k, matching(where, v, FACILITY_RULE));
                    break;
            }
        }
        HealthInsuranceNumber number = HealthInsuranceNumber.of((String) out.get("number"));
        if (number.benefitLevel().map(l -> l.code() != (Integer) out.get("benefit_level")).orElse(false)) {
            throw new IllegalArgumentException("health_insurance.benefit_level differs from the level in the card code");
        }
        // both are checked YYYY-MM-DD strings, whose text order is their date order
        if (((String) out.get("valid_to")).compareTo((String) out.get("valid_from")) < 0) {
            throw new IllegalArgumentException("health_insurance.valid_to is before valid_from");
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<?, ?> object(String where, Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        for (Object k : ((Map<?, ?>) value).keySet()) {
            if (!(k instanceof String)) {
                throw new IllegalArgumentException(where + " has a non-string member name");
            }
        }
        return (Map<?, ?>) value;
    }

    private static String text(String where, Object value, int max) {
        if (!(value instanceof String)) {
            throw new IllegalArgumentException(where + " must be a string");
        }
        String s = (String) value;
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) { // the quick check allocates nothing
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        if (s.isEmpty() || s.length() > max) {
            throw new IllegalArgumentException(where + " must have 1 to " + max + " characters");
        }
        int bad = FreeText.forbiddenCharacter(s);
        if (bad >= 0) {
            throw new IllegalArgumentException(where + " contains a control or format character at index " + bad
                    + " (bidi controls, zero-width and other invisible characters are refused)");
        }
        return s;
    }

    private static String matching(String where, Object value, DigitRule rule) {
        if (!(value instanceof String) || !rule.matches((String) value)) {
            throw new IllegalArgumentException(where + " must be a string matching " + rule);
        }
        return (String) value;
    }

    /**
     * ASCII digits, {@code min} to {@code max} of them, after an optional '+' when {@code plus}: the regular
     * expression {@code text}, checked without the regex engine (these run for every verified token).
     */
    private record DigitRule(boolean plus, int min, int max, String text) {
        boolean matches(String s) {
            int start = plus && !s.isEmpty() && s.charAt(0) == '+' ? 1 : 0;
            int n = s.length() - start;
            if (n < min || n > max) {
                return false;
            }
            for (int i = start; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static String date(String where, Object value) {
        if (!(value instanceof String) || isoDate((String) value) == null) {
            throw new IllegalArgumentException(where + " must be an ISO date YYYY-MM-DD");
        }
        return (String) value;
    }

    /**
     * Parses exactly {@code YYYY-MM-DD} (ASCII digits, a real calendar day): the strings
     * {@code LocalDate.parse} accepts at length 10, without its formatter machinery.
     *
     * @param s the text
     * @return the date, or null when {@code s} is not such a date
     */
    public static LocalDate isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // e.g. 2023-02-29
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * An integral JSON number as an {@code int}.
     *
     * @param where the claim path for the message
     * @param value the value
     * @return the int
     * @throws IllegalArgumentException when not an integer in {@code int} range
     */
    public static int integer(String where, Object value) {
        long l = StrictJson.longValue(where, value);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + " is out of range");
        }
        return (int) l;
    }
}
