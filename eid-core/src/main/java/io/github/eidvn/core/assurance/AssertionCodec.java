package io.github.eidvn.core.assurance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.eidvn.core.internal.StrictJson;


/**
 * The standard JWT claim set of an assertion, both ways; the one place issuer and verifier share.
 *
 * <pre>{@code
 * {"iss":..., "iat":..., "exp":..., ["nbf":...,] "jti":..., ["aud":...,] ["purpose":...,]
 *  "acr":"urn:vn:eid:loa:2", "amr":["face"],
 *  "verified_claims":{"verification":{"trust_framework":"vn_eid","assurance_level":"2",
 *                                     "evidence":[{"type":...,"check_details":[{"check_method":...}], ...}]},
 *                     "claims":{"personal_number":..., "name":..., ...}}}
 * }</pre>
 *
 * <p>Decoding is strict: an unknown top-level claim, a missing required one or a badly shaped value is refused, so
 * a claim the verifier does not understand is never silently ignored.
 */
final class AssertionCodec {

    /** {@code typ} of the standard JWT form. */
    static final String TYPE_JWT = "vneid-assertion+jwt";
    /** {@code typ} of the compact QR form. */
    static final String TYPE_QR = "vneid-qr+jwt";
    /** The trust framework named in {@code verified_claims}. */
    static final String TRUST_FRAMEWORK = "vn_eid";
    /** Length of the short {@code kid} of the QR form (a prefix of the RFC 7638 thumbprint). */
    static final int SHORT_KID_LENGTH = 8;

    /** Latest accepted time value: 9999-12-31T23:59:59Z. */
    static final long MAX_EPOCH_SECONDS = 253402300799L;

    private static final Set<String> TOP_LEVEL = Set.of("iss", "iat", "exp", "nbf", "jti", "aud", "purpose", "acr",
            "amr", "verified_claims");
    private static final Set<String> EVIDENCE_RESERVED = Set.of("type", "check_details");

    private AssertionCodec() {
    }

    /**
     * The standard claim set of an assertion.
     *
     * @param a the assertion
     * @return the claims, ordered
     */
    static Map<String, Object> toStandard(Assertion a) {
        Objects.requireNonNull(a, "assertion");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("iss", a.issuer());
        out.put("iat", a.issuedAt().getEpochSecond());
        a.expiresAt().ifPresent(t -> out.put("exp", t.getEpochSecond()));
        a.notBefore().ifPresent(t -> out.put("nbf", t.getEpochSecond()));
        out.put("jti", a.jti());
        if (a.audience().size() == 1) {
            out.put("aud", a.audience().get(0));
        } else if (!a.audience().isEmpty()) {
            out.put("aud", a.audience());
        }
        a.purpose().ifPresent(p -> out.put("purpose", p));
        out.put("acr", a.level().acr());
        out.put("amr", a.methods());
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("trust_framework", TRUST_FRAMEWORK);
        verification.put("assurance_level", Integer.toString(a.level().number()));
        if (!a.evidence().isEmpty()) {
            List<Object> evidence = new ArrayList<>();
            for (Evidence e : a.evidence()) {
                evidence.add(evidenceToJson(e));
            }
            verification.put("evidence", evidence);
        }
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("verification", verification);
        vc.put("claims", a.claims());
        out.put("verified_claims", vc);
        return out;
    }

    /**
     * Decodes a standard claim set.
     *
     * @param claims the claims (from strict JSON)
     * @param kid the key id to record (the trust-store key that verified the signature)
     * @return the assertion
     * @throws IllegalArgumentException when the claims do not follow the format (message without claim values)
     */
    static Assertion fromStandard(Map<String, Object> claims, String kid) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(kid, "kid");
        for (String name : claims.keySet()) {
            if (!TOP_LEVEL.contains(name)) {
                throw new IllegalArgumentException("unknown claim: " + name);
            }
        }
        Assertion.Builder b = Assertion.builder().kid(kid);
        b.issuer(string("iss", required(claims, "iss"), 256));
        long iat = time("iat", required(claims, "iat"));
        b.issuedAt(Instant.ofEpochSecond(iat));
        if (claims.containsKey("exp")) {
            long exp = time("exp", claims.get("exp"));
            if (exp <= iat) {
                throw new IllegalArgumentException("exp is not after iat");
            }
            b.expiresAt(Instant.ofEpochSecond(exp));
        }
        if (claims.containsKey("nbf")) {
            b.notBefore(Instant.ofEpochSecond(time("nbf", claims.get("nbf"))));
        }
        b.jti(string("jti", required(claims, "jti"), 128));
        if (claims.containsKey("aud")) {
            b.audience(audience(claims.get("aud")));
        }
        if (claims.containsKey("purpose")) {
            b.purpose(string("purpose", claims.get("purpose"), 128));
        }
        String acr = string("acr", required(claims, "acr"), 64);
        AssuranceLevel level = AssuranceLevel.fromAcr(acr)
                .orElseThrow(() -> new IllegalArgumentException("unknown acr"));
        b.level(level);
        if (claims.containsKey("amr")) {
            b.methods(strings("amr", claims.get("amr")));
        }
        Map<?, ?> vc = object("verified_claims", required(claims, "verified_claims"));
        onlyMembers("verified_claims", vc, Set.of("verification", "claims"));
        Map<?, ?> verification = object("verified_claims.verification", required(vc, "verification"));
        onlyMembers("verified_claims.verification", verification,
                Set.of("trust_framework", "assurance_level", "evidence"));
        if (!TRUST_FRAMEWORK.equals(required(verification, "trust_framework"))) {
            throw new IllegalArgumentException("trust_framework is not " + TRUST_FRAMEWORK);
        }
        if (!Integer.toString(level.number()).equals(required(verification, "assurance_level"))) {
            throw new IllegalArgumentException("assurance_level does not match acr");
        }
        List<Evidence> evidence = new ArrayList<>();
        if (verification.containsKey("evidence")) {
            Object list = verification.get("evidence");
            if (!(list instanceof List) || ((List<?>) list).isEmpty()) {
                throw new IllegalArgumentException("evidence must be a non-empty array");
            }
            for (Object e : (List<?>) list) {
                evidence.add(evidenceFromJson(e));
            }
        }
        b.evidence(evidence);
        Map<?, ?> citizen = object("verified_claims.claims", required(vc, "claims"));
        b.claims(stringKeys(citizen));
        try {
            return b.build();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * The standard JSON form of one piece of evidence.
     *
     * @param e the evidence
     * @return {@code {"type":..,"check_details":[{"check_method":..}], attributes...}}
     */
    static Map<String, Object> evidenceToJson(Evidence e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", e.type());
        out.put("check_details", List.of(Map.of("check_method", e.method())));
        out.putAll(e.attributes());
        return out;
    }

    /**
     * Decodes the standard JSON form of one piece of evidence.
     *
     * @param json the JSON value
     * @return the evidence
     * @throws IllegalArgumentException when badly shaped
     */
    static Evidence evidenceFromJson(Object json) {
        Map<?, ?> m = object("evidence", json);
        String type = string("evidence.type", required(m, "type"), 32);
        Object details = required(m, "check_details");
        if (!(details instanceof List) || ((List<?>) details).size() != 1) {
            throw new IllegalArgumentException("evidence.check_details must hold one element");
        }
        Map<?, ?> detail = object("evidence.check_details[0]", ((List<?>) details).get(0));
        onlyMembers("evidence.check_details[0]", detail, Set.of("check_method"));
        String method = string("evidence.check_details[0].check_method", required(detail, "check_method"), 64);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (EVIDENCE_RESERVED.contains(e.getKey())) {
                continue;
            }
            attributes.put((String) e.getKey(), string("evidence attribute", e.getValue(), 256));
        }
        return Evidence.of(type, method, attributes);
    }

    static Object required(Map<?, ?> m, String name) {
        Object v = m.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing or null: " + name);
        }
        return v;
    }

    static String string(String where, Object v, int max) {
        if (!(v instanceof String) || ((String) v).isEmpty() || ((String) v).length() > max) {
            throw new IllegalArgumentException(where + " must be a string of 1 to " + max + " characters");
        }
        return (String) v;
    }

    static long time(String where, Object v) {
        long t = StrictJson.longValue(where, v);
        if (t < 0 || t > MAX_EPOCH_SECONDS) {
            throw new IllegalArgumentException(where + " is out of range");
        }
        return t;
    }

    static Map<?, ?> object(String where, Object v) {
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        for (Object k : ((Map<?, ?>) v).keySet()) {
            if (!(k instanceof String)) {
                throw new IllegalArgumentException(where + " has a non-string member name");
            }
        }
        return (Map<?, ?>) v;
    }

    static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put((String) e.getKey(), e.getValue());
        }
        return out;
    }

    static void onlyMembers(String where, Map<?, ?> m, Set<String> allowed) {
        for (Object k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown member of " + where + ": " + k);
            }
        }
    }

    static List<String> strings(String where, Object v) {
        if (!(v instanceof List)) {
            throw new IllegalArgumentException(where + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            out.add(string(where, o, 128));
        }
        return out;
    }

    private static List<String> audience(Object v) {
        if (v instanceof String) {
            return List.of(string("aud", v, 256));
        }
        List<String> list = strings("aud", v);
        if (list.isEmpty() || list.size() > 16) {
            throw new IllegalArgumentException("aud must hold 1 to 16 values");
        }
        return list;
    }
}
