package io.github.eidvn.core.assurance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One piece of identity evidence behind an assertion, serialised into the OpenID Connect for Identity Assurance
 * {@code verified_claims.verification.evidence} array as
 * {@code {"type":<type>,"check_details":[{"check_method":<method>}], <attributes...>}}.
 *
 * <p>Examples: {@code Evidence.of("electronic_record", "population_registry")} (data matched against the national
 * population database), {@code Evidence.of("document", "nfc_chip")} (chip of the ID card read),
 * {@code Evidence.of("biometric", "face", Map.of("liveness", "passive"))}.
 *
 * @param type the evidence type: lower case letters, digits and {@code _}, starting with a letter, at most 32
 * @param method how it was checked: 1 to 64 characters from {@code [A-Za-z0-9_.:-]}
 * @param attributes further string attributes (at most {@value #MAX_ATTRIBUTES}); names as {@code type}, values
 *     1 to 256 characters; the names {@code type}, {@code method} and {@code check_details} are reserved. Kept in
 *     the given order, unmodifiable.
 */
public record Evidence(String type, String method, Map<String, String> attributes) {

    /** The most attributes one piece of evidence carries. */
    public static final int MAX_ATTRIBUTES = 16;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Set<String> RESERVED = Set.of("type", "method", "check_details");

    /**
     * Validates and copies.
     *
     * @throws NullPointerException when an argument, key or value is null
     * @throws IllegalArgumentException when a value breaks the rules above
     */
    public Evidence {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(attributes, "attributes");
        if (!NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("evidence type must match " + NAME + ": " + type);
        }
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("evidence method must match " + METHOD);
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("more than " + MAX_ATTRIBUTES + " evidence attributes");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String k = Objects.requireNonNull(e.getKey(), "attribute name");
            String v = Objects.requireNonNull(e.getValue(), "attribute value");
            if (!NAME.matcher(k).matches() || RESERVED.contains(k)) {
                throw new IllegalArgumentException("invalid or reserved evidence attribute name: " + k);
            }
            if (v.isEmpty() || v.length() > 256) {
                throw new IllegalArgumentException("evidence attribute " + k + " must have 1 to 256 characters");
            }
            copy.put(k, v);
        }
        attributes = Collections.unmodifiableMap(copy);
    }

    /**
     * Evidence without attributes.
     *
     * @param type the evidence type
     * @param method how it was checked
     * @return the evidence
     */
    public static Evidence of(String type, String method) {
        return new Evidence(type, method, Map.of());
    }

    /**
     * Evidence with attributes.
     *
     * @param type the evidence type
     * @param method how it was checked
     * @param attributes further attributes
     * @return the evidence
     */
    public static Evidence of(String type, String method, Map<String, String> attributes) {
        return new Evidence(type, method, attributes);
    }
}
