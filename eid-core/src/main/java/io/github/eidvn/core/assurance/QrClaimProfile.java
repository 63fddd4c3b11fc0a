package io.github.eidvn.core.assurance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.eidvn.core.codec.CitizenClaims;
import io.github.eidvn.core.internal.Base64Url;
import io.github.eidvn.core.internal.RawDeflate;


/**
 * The compact QR claim profile: short claim names so a signed assertion fits a small QR code. This class and
 * {@link QrClaimProfileV2} are the only places the mapping lives; the issuer calls {@link #compact(Map)}, the
 * verifier {@link #expand(Map)}, and callers only ever see the standard names. The table is version 1 (no {@code v}
 * member), still read; the issuer writes version 2, which {@link QrClaimProfileV2} defines as changes to this table.
 *
 * <table>
 *   <caption>Compact QR claim profile, version 1 ({@code typ} {@code vneid-qr+jwt}, payload raw DEFLATE,
 *   {@code zip} DEF)</caption>
 *   <tr><th>standard claim</th><th>compact</th><th>compact value</th></tr>
 *   <tr><td>{@code iss}, {@code iat}, {@code exp}, {@code nbf}, {@code jti}, {@code aud}, {@code amr}</td>
 *       <td>same</td><td>same (times in epoch seconds)</td></tr>
 *   <tr><td>{@code purpose}</td><td>{@code pur}</td><td>same</td></tr>
 *   <tr><td>{@code acr}</td><td>{@code acr}</td><td>integer 1 or 2 for {@code urn:vn:eid:loa:1|2}</td></tr>
 *   <tr><td>{@code verified_claims.verification}</td><td>{@code vc}</td>
 *       <td>{@code {"e":[{"t":type,"m":check_method,"a":{attributes}}]}}, type as a code (1 {@code document},
 *       2 {@code electronic_record}, 3 {@code vouch}, 4 {@code electronic_signature}, 5 {@code biometric}) or
 *       else the string; omitted when there is no evidence; {@code trust_framework} is always {@code vn_eid} and
 *       {@code assurance_level} always the {@code acr} level, so neither is written</td></tr>
 *   <tr><td>{@code verified_claims.claims.personal_number}</td><td>{@code pn}</td><td>same</td></tr>
 *   <tr><td>{@code ....name}</td><td>{@code nm}</td><td>same</td></tr>
 *   <tr><td>{@code ....birthdate}</td><td>{@code bd}</td><td>integer {@code YYYYMMDD}</td></tr>
 *   <tr><td>{@code ....gender}</td><td>{@code g}</td><td>ISO/IEC 5218 code 1 {@code male}, 2 {@code female};
 *       any other value as the string</td></tr>
 *   <tr><td>{@code ....phone_number}</td><td>{@code ph}</td><td>same</td></tr>
 *   <tr><td>{@code ....address}</td><td>{@code ad}</td><td>{@code formatted} f, {@code street_address} s,
 *       {@code locality} l, {@code region} r, {@code postal_code} p, {@code country} c</td></tr>
 *   <tr><td>{@code ....health_insurance}</td><td>{@code hi}</td><td>{@code number} n, {@code valid_from} f
 *       and {@code valid_to} t (integers {@code YYYYMMDD}), {@code benefit_level} l, {@code facility} fc</td></tr>
 * </table>
 *
 * <p>Every value has exactly one compact form (a coded value is never written as its string), and
 * {@link #expand(Map)} refuses any other form, so one assertion has one compact encoding.
 *
 * <p>The compact header is exactly {@code {"alg":"ES256","typ":"vneid-qr+jwt","kid":<first 8 characters of the
 * RFC 7638 thumbprint>,"zip":"DEF"}} ({@link #headerJson(String)}), so a QR container may store the short kid
 * alone; a verifier matches that short {@code kid} against trust-store thumbprints by prefix and tries each
 * match.
 */
final class QrClaimProfile {

    private static final Names SAME = new Names(
            "iss", "iss", "iat", "iat", "exp", "exp", "nbf", "nbf", "jti", "jti", "aud", "aud", "amr", "amr",
            "purpose", "pur");

    private static final Names CITIZEN = new Names(
            CitizenClaims.PERSONAL_NUMBER, "pn", CitizenClaims.NAME, "nm", CitizenClaims.BIRTHDATE, "bd",
            CitizenClaims.GENDER, "g", CitizenClaims.ADDRESS, "ad", CitizenClaims.PHONE_NUMBER, "ph",
            CitizenClaims.HEALTH_INSURANCE, "hi");

    private static final Names ADDRESS = new Names(
            "formatted", "f", "street_address", "s", "locality", "l", "region", "r", "postal_code", "p",
            "country", "c");

    private static final Names HEALTH_INSURANCE = new Names(
            "number", "n", "valid_from", "f", "valid_to", "t", "benefit_level", "l", "facility", "fc");

    /** Evidence type codes (index + 1). */
    private static final List<String> EVIDENCE_TYPES = List.of("document", "electronic_record", "vouch",
            "electronic_signature", "biometric");

    /** ISO/IEC 5218 sex codes used for the OpenID Connect gender values. */
    private static final Names GENDERS = new Names(
            "male", "1", "female", "2");

    private QrClaimProfile() {
    }

    /**
     * The exact protected header of the QR form.
     *
     * @param shortKid the first {@value AssertionCodec#SHORT_KID_LENGTH} characters of the key's thumbprint
     * @return the header JSON
     * @throws IllegalArgumentException when {@code shortKid} is not {@value AssertionCodec#SHORT_KID_LENGTH}
     *     base64url characters
     */
    static String headerJson(String shortKid) {
        Objects.requireNonNull(shortKid, "shortKid");
        if (shortKid.length() != AssertionCodec.SHORT_KID_LENGTH || !Base64Url.isCanonical(shortKid)) {
            throw new IllegalArgumentException("short kid must be " + AssertionCodec.SHORT_KID_LENGTH
                    + " base64url characters");
        }
        return "{\"alg\":\"ES256\",\"typ\":\"" + AssertionCodec.TYPE_QR + "\",\"kid\":\"" + shortKid
                + "\",\"zip\":\"" + RawDeflate.JOSE_ZIP + "\"}";
    }

    /**
     * Standard claims (as {@link AssertionCodec#toStandard}) to the compact profile, version 2 (what the issuer
     * writes).
     *
     * @param standard the standard claims
     * @return the compact claims, ordered, {@code "v":2} first
     * @throws IllegalArgumentException when a claim has no compact form
     */
    static Map<String, Object> compact(Map<String, Object> standard) {
        return QrClaimProfileV2.fromVersion1(compactVersion1(standard));
    }

    /**
     * Standard claims to the compact profile, version 1 (the table above; version 2 is written from it).
     *
     * @param standard the standard claims
     * @return the version-1 compact claims, ordered
     * @throws IllegalArgumentException when a claim has no compact form
     */
    static Map<String, Object> compactVersion1(Map<String, Object> standard) {
        Objects.requireNonNull(standard, "standard");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : standard.entrySet()) {
            String name = e.getKey();
            Object value = e.getValue();
            String same = lookup(SAME, 0, name);
            if (same != null) {
                out.put(same, value);
            } else if ("acr".equals(name)) {
                out.put("acr", level(value).number());
            } else if ("verified_claims".equals(name)) {
                Map<?, ?> vc = AssertionCodec.object(name, value);
                Map<?, ?> verification = AssertionCodec.object("verification", vc.get("verification"));
                Object evidence = verification.get("evidence");
                if (evidence != null) {
                    List<Object> compactEvidence = new ArrayList<>();
                    for (Object ev : (List<?>) evidence) {
                        compactEvidence.add(compactEvidence((Map<?, ?>) ev));
                    }
                    Map<String, Object> cvc = new LinkedHashMap<>();
                    cvc.put("e", compactEvidence);
                    out.put("vc", cvc);
                }
                Map<?, ?> claims = AssertionCodec.object("claims", vc.get("claims"));
                for (Map.Entry<?, ?> c : claims.entrySet()) {
                    String key = (String) c.getKey();
                    String shortName = lookup(CITIZEN, 0, key);
                    if (shortName == null) {
                        throw new IllegalArgumentException("no compact name for claim " + key);
                    }
                    out.put(shortName, compactValue(key, rename(key, c.getValue(), 0)));
                }
            } else {
                throw new IllegalArgumentException("no compact name for claim " + name);
            }
        }
        return out;
    }

    /**
     * Compact claims of either version back to the standard claims, to be decoded by
     * {@link AssertionCodec#fromStandard}: version 2 when {@code v} is 2, version 1 when there is no {@code v}.
     *
     * @param compact the compact claims (from strict JSON)
     * @return the standard claims
     * @throws IllegalArgumentException for an unknown version, an unknown compact name or a badly shaped value
     */
    static Map<String, Object> expand(Map<String, Object> compact) {
        Objects.requireNonNull(compact, "compact");
        return expandVersion1(compact.containsKey(QrClaimProfileV2.VERSION)
                ? QrClaimProfileV2.toVersion1(compact) : compact);
    }

    /** Version-1 compact claims back to the standard claims. */
    private static Map<String, Object> expandVersion1(Map<String, Object> compact) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> claims = new LinkedHashMap<>();
        List<Object> evidence = null;
        AssuranceLevel level = null;
        for (Map.Entry<String, Object> e : compact.entrySet()) {
            String name = e.getKey();
            Object value = e.getValue();
            String standard = lookup(SAME, 1, name);
            String citizen = lookup(CITIZEN, 1, name);
            if (standard != null) {
                out.put(standard, value);
            } else if ("acr".equals(name)) {
                int n = CitizenClaims.integer("acr", value);
                level = AssuranceLevel.ofNumber(n).orElseThrow(() -> new IllegalArgumentException("unknown acr"));
                out.put("acr", level.acr());
            } else if ("vc".equals(name)) {
                Map<?, ?> vc = AssertionCodec.object("vc", value);
                AssertionCodec.onlyMembers("vc", vc, java.util.Set.of("e"));
                Object list = AssertionCodec.required(vc, "e");
                if (!(list instanceof List) || ((List<?>) list).isEmpty()) {
                    throw new IllegalArgumentException("vc.e must be a non-empty array");
                }
                evidence = new ArrayList<>();
                for (Object ev : (List<?>) list) {
                    evidence.add(AssertionCodec.evidenceToJson(expandEvidence(ev)));
                }
            } else if (citizen != null) {
                claims.put(citizen, rename(citizen, expandValue(citizen, value), 1));
            } else {
                throw new IllegalArgumentException("unknown compact claim: " + name);
            }
        }
        if (level == null) {
            throw new IllegalArgumentException("missing acr");
        }
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("trust_framework", AssertionCodec.TRUST_FRAMEWORK);
        verification.put("assurance_level", Integer.toString(level.number()));
        if (evidence != null) {
            verification.put("evidence", evidence);
        }
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("verification", verification);
        vc.put("claims", claims);
        out.put("verified_claims", vc);
        return out;
    }

    private static AssuranceLevel level(Object acr) {
        if (!(acr instanceof String)) {
            throw new IllegalArgumentException("acr must be a string");
        }
        return AssuranceLevel.fromAcr((String) acr).orElseThrow(() -> new IllegalArgumentException("unknown acr"));
    }

    /**
     * One piece of evidence in the standard JSON form ({@link AssertionCodec#evidenceToJson}, from a built
     * {@link Evidence}, so already valid) to the compact form.
     */
    private static Map<String, Object> compactEvidence(Map<?, ?> standard) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object type = standard.get("type");
        int code = EVIDENCE_TYPES.indexOf(type);
        out.put("t", code >= 0 ? (Object) (code + 1) : type);
        out.put("m", ((Map<?, ?>) ((List<?>) standard.get("check_details")).get(0)).get("check_method"));
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : standard.entrySet()) {
            if (!"type".equals(e.getKey()) && !"check_details".equals(e.getKey())) {
                attributes.put((String) e.getKey(), e.getValue());
            }
        }
        if (!attributes.isEmpty()) {
            out.put("a", attributes);
        }
        return out;
    }

    private static Evidence expandEvidence(Object json) {
        Map<?, ?> m = AssertionCodec.object("vc.e[]", json);
        AssertionCodec.onlyMembers("vc.e[]", m, java.util.Set.of("t", "m", "a"));
        Object t = AssertionCodec.required(m, "t");
        String type;
        if (t instanceof String) {
            type = AssertionCodec.string("vc.e[].t", t, 32);
            if (EVIDENCE_TYPES.contains(type)) {
                throw new IllegalArgumentException("vc.e[].t: a coded evidence type written as a string");
            }
        } else {
            int code = CitizenClaims.integer("vc.e[].t", t);
            if (code < 1 || code > EVIDENCE_TYPES.size()) {
                throw new IllegalArgumentException("vc.e[].t: unknown evidence type code");
            }
            type = EVIDENCE_TYPES.get(code - 1);
        }
        String method = AssertionCodec.string("vc.e[].m", AssertionCodec.required(m, "m"), 64);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (m.containsKey("a")) {
            Map<?, ?> a = AssertionCodec.object("vc.e[].a", m.get("a"));
            if (a.isEmpty()) {
                throw new IllegalArgumentException("vc.e[].a is empty");
            }
            for (Map.Entry<?, ?> e : a.entrySet()) {
                attributes.put((String) e.getKey(), AssertionCodec.string("vc.e[].a value", e.getValue(), 256));
            }
        }
        return Evidence.of(type, method, attributes);
    }

    /** Value encodings of citizen claims (after renaming nested members), standard to compact. */
    private static Object compactValue(String standardName, Object value) {
        switch (standardName) {
            case CitizenClaims.BIRTHDATE:
                return dateToInt(standardName, value);
            case CitizenClaims.GENDER:
                String code = lookup(GENDERS, 0, (String) value);
                return code != null ? (Object) Integer.valueOf(code) : value;
            case CitizenClaims.HEALTH_INSURANCE:
                Map<String, Object> hi = new LinkedHashMap<>(AssertionCodec.stringKeys((Map<?, ?>) value));
                hi.computeIfPresent("f", (k, v) -> dateToInt("health_insurance.valid_from", v));
                hi.computeIfPresent("t", (k, v) -> dateToInt("health_insurance.valid_to", v));
                return hi;
            default:
                return value;
        }
    }

    /** Value encodings of citizen claims (before renaming nested members), compact to standard. */
    private static Object expandValue(String standardName, Object value) {
        switch (standardName) {
            case CitizenClaims.BIRTHDATE:
                return intToDate("bd", value);
            case CitizenClaims.GENDER:
                if (value instanceof String) {
                    if (lookup(GENDERS, 0, (String) value) != null) {
                        throw new IllegalArgumentException("g: a coded gender written as a string");
                    }
                    return value;
                }
                String gender = lookup(GENDERS, 1, Integer.toString(CitizenClaims.integer("g", value)));
                if (gender == null) {
                    throw new IllegalArgumentException("g: unknown gender code");
                }
                return gender;
            case CitizenClaims.HEALTH_INSURANCE:
                Map<String, Object> hi = new LinkedHashMap<>(AssertionCodec.stringKeys(
                        AssertionCodec.object("hi", value)));
                hi.computeIfPresent("f", (k, v) -> intToDate("hi.f", v));
                hi.computeIfPresent("t", (k, v) -> intToDate("hi.t", v));
                return hi;
            default:
                return value;
        }
    }

    private static int dateToInt(String where, Object isoDate) {
        if (!(isoDate instanceof String)) {
            throw new IllegalArgumentException(where + " must be an ISO date");
        }
        java.time.LocalDate d = CitizenClaims.isoDate((String) isoDate);
        if (d == null) {
            throw new IllegalArgumentException(where + " must be an ISO date");
        }
        return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    private static String intToDate(String where, Object value) {
        int n = CitizenClaims.integer(where, value);
        if (n < 10000101 || n > 99991231) {
            throw new IllegalArgumentException(where + " must be an integer YYYYMMDD");
        }
        try {
            return java.time.LocalDate.of(n / 10000, n / 100 % 100, n % 100).toString();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(where + " is not a valid date");
        }
    }

    /** Renames the members of a nested citizen claim; {@code from} 0 = standard to compact, 1 = back. */
    private static Object rename(String standardName, Object value, int from) {
        Names table;
        if (CitizenClaims.ADDRESS.equals(standardName)) {
            table = ADDRESS;
        } else if (CitizenClaims.HEALTH_INSURANCE.equals(standardName)) {
            table = HEALTH_INSURANCE;
        } else {
            return value;
        }
        Map<?, ?> in = AssertionCodec.object(standardName, value);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : in.entrySet()) {
            String renamed = lookup(table, from, (String) e.getKey());
            if (renamed == null) {
                throw new IllegalArgumentException("unknown member of " + standardName + ": " + e.getKey());
            }
            out.put(renamed, e.getValue());
        }
        return out;
    }

    private static String lookup(Names table, int from, String name) {
        return (from == 0 ? table.toCompact : table.toStandard).get(name);
    }

    /** A two-way table of names (or values): standard, compact. */
    private static final class Names {
        final Map<String, String> toCompact;
        final Map<String, String> toStandard;

        /** @param pairs standard, compact, standard, compact, ... */
        Names(String... pairs) {
            Map<String, String> c = new HashMap<>();
            Map<String, String> st = new HashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                c.put(pairs[i], pairs[i + 1]);
                st.put(pairs[i + 1], pairs[i]);
            }
            this.toCompact = Map.copyOf(c);
            this.toStandard = Map.copyOf(st);
        }
    }
}
