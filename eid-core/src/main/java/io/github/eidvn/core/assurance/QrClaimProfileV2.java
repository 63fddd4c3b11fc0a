package io.github.eidvn.core.assurance;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.eidvn.core.codec.CitizenClaims;
import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.core.identity.HealthInsuranceNumber;
import io.github.eidvn.core.internal.StrictJson;

/**
 * Version 2 of the compact QR claim profile, written as a rewrite of version 1 ({@link QrClaimProfile}) in both
 * directions, so that the claim rules stay in one place. It spends fewer bytes where version 1 spent them on what
 * the verifier can rebuild (the hospital presentation: 810 digits, QR version 14-M, in version 1; about 670 digits,
 * version 12-M, in version 2):
 *
 * <table>
 *   <caption>Version 2, as changes to version 1</caption>
 *   <tr><th>version 1</th><th>version 2</th></tr>
 *   <tr><td>(no version member)</td><td>{@code "v":2}, first</td></tr>
 *   <tr><td>{@code iss} string</td><td>{@code i}: the code of a well-known issuer ({@link #ISSUERS}, index + 1),
 *       else the string</td></tr>
 *   <tr><td>{@code iat}, {@code exp} (epoch seconds)</td><td>{@code t} = {@code iat}; {@code x} = {@code exp - iat}
 *       in seconds (at least 1)</td></tr>
 *   <tr><td>{@code jti}, {@code aud}, {@code pur}, {@code acr}</td><td>{@code j}, {@code a}, {@code p},
 *       {@code l}</td></tr>
 *   <tr><td>{@code amr} strings</td><td>{@code m}: each value the code of a well-known method ({@link #METHODS},
 *       index + 1), else the string</td></tr>
 *   <tr><td>{@code vc}: {@code {"e":[{"t":..,"m":..,"a":{..}}]}}</td><td>{@code e}: {@code [[t, m], [t, m, {..}]]},
 *       {@code m} the code of a well-known check method ({@link #CHECK_METHODS}, index + 1), else the string</td></tr>
 *   <tr><td>{@code bd}, {@code hi.f}, {@code hi.t}: integers {@code YYYYMMDD}</td><td>days since 1970-01-01
 *       ({@link LocalDate#toEpochDay()}), years 1000 to 9999 as in version 1</td></tr>
 *   <tr><td>{@code hi.l} (benefit level)</td><td>omitted when the card code carries it (its third character),
 *       written only for a 10-digit social-insurance number</td></tr>
 * </table>
 * Every other member is as in version 1. As there, every value has one form: a coded value written as its string,
 * a version-1 name, or a benefit level the card code already carries is refused. The {@code jti} of the QR form is 72
 * random bits (see {@link AssertionIssuer}).
 *
 * <p>The tables are part of version 2: never reorder them; a new entry needs a new version.
 */
final class QrClaimProfileV2 {

    /** The version member. */
    static final String VERSION = "v";
    static final int VERSION_2 = 2;

    /** Well-known issuers: code index + 1. Frozen for version 2. */
    static final List<String> ISSUERS = List.of("https://vneid.gov.vn");
    /**
     * Well-known authentication methods ({@code amr}, RFC 8176, with {@code nfc} for a chip read): code index + 1.
     * Frozen for version 2.
     */
    static final List<String> METHODS = List.of("face", "fpt", "nfc", "pwd", "otp", "sms", "pin", "hwk", "swk",
            "mfa", "iris", "retina", "user", "geo", "kba", "mca", "rba", "sc", "tel", "vbm", "wia");
    /** Well-known evidence check methods (OpenID Connect for Identity Assurance): code index + 1. Frozen. */
    static final List<String> CHECK_METHODS = List.of("data", "vcrypt", "bvr", "vpip", "vpiruv", "vri", "vdig",
            "auth", "token", "kbv", "pvr", "pvp", "bvp");

    private static final long FIRST_DAY = LocalDate.of(1000, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    /** Version-1 names that version 2 writes under another name. */
    private static final Set<String> RENAMED = Set.of("iss", "iat", "exp", "jti", "aud", "pur", "acr", "amr", "vc");

    private QrClaimProfileV2() {
    }

    /** Version-1 compact claims (as {@link QrClaimProfile#compactVersion1} writes them) to version 2. */
    static Map<String, Object> fromVersion1(Map<String, Object> v1) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(VERSION, VERSION_2);
        for (Map.Entry<String, Object> e : v1.entrySet()) {
            Object value = e.getValue();
            switch (e.getKey()) {
                case "iss" -> out.put("i", coded(ISSUERS, (String) value));
                case "iat" -> out.put("t", value);
                case "exp" -> out.put("x", StrictJson.longValue("exp", value)
                        - StrictJson.longValue("iat", v1.get("iat")));
                case "jti" -> out.put("j", value);
                case "aud" -> out.put("a", value);
                case "pur" -> out.put("p", value);
                case "acr" -> out.put("l", value);
                case "amr" -> out.put("m", codedList(METHODS, (List<?>) value));
                case "vc" -> out.put("e", evidenceToArrays((Map<?, ?>) value));
                case "bd" -> out.put("bd", days(value));
                case "hi" -> out.put("hi", healthInsuranceToV2((Map<?, ?>) value));
                default -> out.put(e.getKey(), value);
            }
        }
        return out;
    }

    /**
     * Version-2 compact claims back to version 1, strictly (see the class comment); version 1's own checks follow.
     *
     * @throws IllegalArgumentException for another version, a version-1 name, or a value not in its one form
     */
    static Map<String, Object> toVersion1(Map<String, Object> v2) {
        if (CitizenClaims.integer(VERSION, v2.get(VERSION)) != VERSION_2) {
            throw new IllegalArgumentException("unsupported QR claim profile version");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : v2.entrySet()) {
            String name = e.getKey();
            Object value = e.getValue();
            if (RENAMED.contains(name)) {
                throw new IllegalArgumentException("unknown compact claim: " + name);
            }
            switch (name) {
                case VERSION -> { }
                case "i" -> out.put("iss", decoded("i", ISSUERS, value));
                case "t" -> out.put("iat", value);
                case "x" -> out.put("exp", expiry(v2.get("t"), value));
                case "j" -> out.put("jti", value);
                case "a" -> out.put("aud", value);
                case "p" -> out.put("pur", value);
                case "l" -> out.put("acr", value);
                case "m" -> out.put("amr", decodedList("m", METHODS, value));
                case "e" -> out.put("vc", evidenceFromArrays(value));
                case "bd" -> out.put("bd", yyyymmdd("bd", value));
                case "hi" -> out.put("hi", healthInsuranceToV1(value));
                default -> out.put(name, value);
            }
        }
        return out;
    }

    private static Object coded(List<String> table, String value) {
        int i = table.indexOf(value);
        return i >= 0 ? (Object) (i + 1) : value;
    }

    private static List<Object> codedList(List<String> table, List<?> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(coded(table, (String) v));
        }
        return out;
    }

    private static String decoded(String where, List<String> table, Object value) {
        if (value instanceof String s) {
            if (table.contains(s)) {
                throw new IllegalArgumentException(where + ": a coded value written as a string");
            }
            return s;
        }
        int code = CitizenClaims.integer(where, value);
        if (code < 1 || code > table.size()) {
            throw new IllegalArgumentException(where + ": unknown code");
        }
        return table.get(code - 1);
    }

    private static List<Object> decodedList(String where, List<String> table, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + " must be an array");
        }
        List<Object> out = new ArrayList<>(list.size());
        for (Object v : list) {
            out.add(decoded(where, table, v));
        }
        return out;
    }

    private static long expiry(Object iat, Object lifetime) {
        if (iat == null) {
            throw new IllegalArgumentException("missing or null: t");
        }
        long seconds = StrictJson.longValue("x", lifetime);
        if (seconds < 1 || seconds > AssertionCodec.MAX_EPOCH_SECONDS) {
            throw new IllegalArgumentException("x must be a positive number of seconds");
        }
        return StrictJson.longValue("t", iat) + seconds; // no overflow: both are at most MAX_EPOCH_SECONDS
    }

    private static List<Object> evidenceToArrays(Map<?, ?> vc) {
        List<Object> out = new ArrayList<>();
        for (Object o : (List<?>) vc.get("e")) {
            Map<?, ?> ev = (Map<?, ?>) o;
            List<Object> row = new ArrayList<>(3);
            row.add(ev.get("t"));
            row.add(coded(CHECK_METHODS, (String) ev.get("m")));
            if (ev.containsKey("a")) {
                row.add(ev.get("a"));
            }
            out.add(row);
        }
        return out;
    }

    private static Map<String, Object> evidenceFromArrays(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("e must be a non-empty array");
        }
        List<Object> evidence = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof List<?> row) || row.size() < 2 || row.size() > 3) {
                throw new IllegalArgumentException("e[] must be an array of 2 or 3 values");
            }
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("t", row.get(0));
            ev.put("m", decoded("e[].m", CHECK_METHODS, row.get(1)));
            if (row.size() == 3) {
                ev.put("a", row.get(2));
            }
            evidence.add(ev);
        }
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("e", evidence);
        return vc;
    }

    private static Map<String, Object> healthInsuranceToV2(Map<?, ?> hi) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean levelInNumber = levelInCardCode(hi.get("n")) != null;
        for (Map.Entry<?, ?> e : hi.entrySet()) {
            String k = (String) e.getKey();
            switch (k) {
                case "f", "t" -> out.put(k, days(e.getValue()));
                case "l" -> {
                    if (!levelInNumber) {
                        out.put(k, e.getValue());
                    }
                }
                default -> out.put(k, e.getValue());
            }
        }
        return out;
    }

    private static Map<String, Object> healthInsuranceToV1(Object value) {
        if (!(value instanceof Map<?, ?> hi)) {
            throw new IllegalArgumentException("hi must be a JSON object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : hi.entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                throw new IllegalArgumentException("hi has a non-string member name");
            }
            out.put(k, "f".equals(k) || "t".equals(k) ? yyyymmdd("hi." + k, e.getValue()) : e.getValue());
        }
        BenefitLevel inNumber = levelInCardCode(hi.get("n"));
        if (inNumber != null) {
            if (hi.containsKey("l")) {
                throw new IllegalArgumentException("hi.l: the card code already carries the benefit level");
            }
            out.put("l", inNumber.code());
        }
        return out;
    }

    /** The benefit level a 15-character card code carries, or null (another form, or not a valid number). */
    private static BenefitLevel levelInCardCode(Object number) {
        if (!(number instanceof String s)) {
            return null;
        }
        try {
            return HealthInsuranceNumber.of(s).benefitLevel().orElse(null);
        } catch (IllegalArgumentException e) {
            return null; // refused by version 1's rules afterwards
        }
    }

    /** A version-1 date (integer YYYYMMDD, already checked by version 1's compaction) as days since 1970-01-01. */
    private static long days(Object yyyymmdd) {
        int n = (Integer) yyyymmdd;
        return LocalDate.of(n / 10000, n / 100 % 100, n % 100).toEpochDay();
    }

    /** A version-2 day count back to the version-1 integer YYYYMMDD. */
    private static int yyyymmdd(String where, Object days) {
        long d = StrictJson.longValue(where, days);
        if (d < FIRST_DAY || d > LAST_DAY) {
            throw new IllegalArgumentException(where + " must be a day count of a date in the years 1000 to 9999");
        }
        try {
            LocalDate date = LocalDate.ofEpochDay(d);
            return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + " is not a valid date");
        }
    }
}
