package io.github.eidvn.core.assurance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.eidvn.core.internal.CitizenClaims;
import io.github.eidvn.core.internal.StrictJson;

/**
 * What to assert: level, methods, evidence, the citizen claims to disclose, and optionally audience, purpose and
 * lifetime. Give it to {@link AssertionIssuer#issueJwt(AssertionRequest)} or
 * {@link AssertionIssuer#issueForQr(AssertionRequest)}.
 *
 * <p>Citizen claims use OpenID Connect names where one exists: {@code name}, {@code birthdate}, {@code gender},
 * {@code address} (object: {@code formatted}, {@code street_address}, {@code locality}, {@code region},
 * {@code postal_code}, {@code country}), {@code phone_number}; plus {@code personal_number} (12 digits) and
 * {@code health_insurance} (object: {@code number}, {@code valid_from}, {@code valid_to}, {@code benefit_level}
 * 1-5, {@code facility}; all required). Only the claims given are issued (data minimisation). Parse the JSON form
 * with {@link #parseClaims(String)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class AssertionRequest {

    /** The most {@code amr} values. */
    public static final int MAX_METHODS = 8;

    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private final AssuranceLevel level;
    private final List<String> methods;
    private final List<Evidence> evidence;
    private final Map<String, Object> claims;
    private final String audience;
    private final String purpose;
    private final Duration ttl;

    private AssertionRequest(Builder b) {
        if (b.level == null) {
            throw new IllegalStateException("level is required");
        }
        if (b.methods == null || b.methods.isEmpty()) {
            throw new IllegalStateException("at least one authentication method (amr) is required");
        }
        if (b.claims == null || b.claims.isEmpty()) {
            throw new IllegalStateException("at least one citizen claim is required");
        }
        this.level = b.level;
        this.methods = b.methods;
        this.evidence = b.evidence == null ? List.of() : b.evidence;
        this.claims = b.claims;
        this.audience = b.audience;
        this.purpose = b.purpose;
        this.ttl = b.ttl;
    }

    /**
     * A builder; each option may be set once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses citizen claims from JSON, e.g.
     * {@code {"personal_number":"079303012345","name":"Nguyễn Thị Minh Khai","birthdate":"2003-05-17",
     * "gender":"female","health_insurance":{"number":"HS4790120878811","valid_from":"2026-01-01",
     * "valid_to":"2026-12-31","benefit_level":4,"facility":"79024"}}}.
     *
     * @param json the JSON object
     * @return the validated claims, unmodifiable, in the JSON order
     * @throws IllegalArgumentException when the text is not a JSON object of known, well-shaped citizen claims
     *     (duplicate members refused; the message names the claim, never its value)
     */
    public static Map<String, Object> parseClaims(String json) {
        Objects.requireNonNull(json, "json");
        return CitizenClaims.normalize(StrictJson.parseObject(json));
    }

    static List<String> checkMethods(List<String> methods) {
        Objects.requireNonNull(methods, "methods");
        if (methods.size() > MAX_METHODS) {
            throw new IllegalArgumentException("more than " + MAX_METHODS + " amr values");
        }
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String m : methods) {
            Objects.requireNonNull(m, "amr value");
            if (!METHOD.matcher(m).matches()) {
                throw new IllegalArgumentException("amr value must match " + METHOD + ": " + m);
            }
            if (!set.add(m)) {
                throw new IllegalArgumentException("repeated amr value: " + m);
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(set));
    }

    static String checkToken(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 128 printable ASCII characters without spaces");
        }
        return value;
    }

    /** @return the assurance level to assert */
    public AssuranceLevel level() {
        return level;
    }

    /** @return the authentication methods ({@code amr}) */
    public List<String> methods() {
        return methods;
    }

    /** @return the identity evidence */
    public List<Evidence> evidence() {
        return evidence;
    }

    /** @return the citizen claims to disclose, unmodifiable, in order */
    public Map<String, Object> claims() {
        return claims;
    }

    /** @return the intended recipient ({@code aud}) */
    public Optional<String> audience() {
        return Optional.ofNullable(audience);
    }

    /** @return the purpose ({@code purpose}) */
    public Optional<String> purpose() {
        return Optional.ofNullable(purpose);
    }

    /** @return the lifetime, when it differs from the issuer's default */
    public Optional<Duration> ttl() {
        return Optional.ofNullable(ttl);
    }

    /**
     * Level, methods, audience, purpose and claim names; never claim values (personal data).
     *
     * @return a log-safe description
     */
    @Override
    public String toString() {
        return "AssertionRequest[level=" + level + ", amr=" + methods + ", aud=" + audience + ", purpose=" + purpose
                + ", ttl=" + ttl + ", claims=" + claims.keySet() + "]";
    }

    /** Builds an {@link AssertionRequest}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private AssuranceLevel level;
        private List<String> methods;
        private List<Evidence> evidence;
        private Map<String, Object> claims;
        private String audience;
        private String purpose;
        private Duration ttl;

        private Builder() {
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " is already set");
            }
        }

        /**
         * Required.
         *
         * @param level the assurance level
         * @return this builder
         */
        public Builder level(AssuranceLevel level) {
            once(this.level, "level");
            this.level = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * Required: at least one authentication method, RFC 8176 values such as {@code face} (facial
         * recognition), {@code fpt} (fingerprint), {@code sc} (smart card / chip), {@code pwd}, {@code otp}.
         *
         * @param methods the {@code amr} values, 1 to 32 characters of {@code [A-Za-z0-9_-]}, no repeats
         * @return this builder
         */
        public Builder methods(String... methods) {
            return methods(Arrays.asList(methods));
        }

        /**
         * Required: see {@link #methods(String...)}.
         *
         * @param methods the {@code amr} values
         * @return this builder
         */
        public Builder methods(List<String> methods) {
            once(this.methods, "methods");
            this.methods = checkMethods(methods);
            return this;
        }

        /**
         * Optional identity evidence.
         *
         * @param evidence the evidence, in order
         * @return this builder
         */
        public Builder evidence(Evidence... evidence) {
            return evidence(Arrays.asList(evidence));
        }

        /**
         * Optional identity evidence.
         *
         * @param evidence the evidence, in order (at most 8)
         * @return this builder
         */
        public Builder evidence(List<Evidence> evidence) {
            once(this.evidence, "evidence");
            List<Evidence> copy = List.copyOf(evidence);
            if (copy.size() > 8) {
                throw new IllegalArgumentException("more than 8 pieces of evidence");
            }
            this.evidence = copy;
            return this;
        }

        /**
         * Required: the citizen claims to disclose (see the class comment), e.g. from
         * {@link AssertionRequest#parseClaims(String)}.
         *
         * @param claims claims by standard name, in the order to issue them
         * @return this builder
         * @throws IllegalArgumentException for an unknown claim or a badly shaped value
         */
        public Builder claims(Map<String, ?> claims) {
            once(this.claims, "claims");
            this.claims = CitizenClaims.normalize(claims);
            return this;
        }

        /**
         * Optional intended recipient ({@code aud}), e.g. a bank's client id or a hospital's facility code.
         *
         * @param audience 1 to 128 printable ASCII characters without spaces
         * @return this builder
         */
        public Builder audience(String audience) {
            once(this.audience, "audience");
            this.audience = checkToken("audience", audience);
            return this;
        }

        /**
         * Optional purpose ({@code purpose}), e.g. {@code bhyt-checkin}.
         *
         * @param purpose 1 to 128 printable ASCII characters without spaces
         * @return this builder
         */
        public Builder purpose(String purpose) {
            once(this.purpose, "purpose");
            this.purpose = checkToken("purpose", purpose);
            return this;
        }

        /**
         * Optional lifetime; the issuer's default otherwise. Must be positive and at most the issuer's maximum.
         *
         * @param ttl the lifetime, whole seconds are used
         * @return this builder
         */
        public Builder ttl(Duration ttl) {
            once(this.ttl, "ttl");
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.getSeconds() < 1) {
                throw new IllegalArgumentException("ttl must be at least one second");
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * @return the request
         * @throws IllegalStateException when level, methods or claims are missing
         */
        public AssertionRequest build() {
            return new AssertionRequest(this);
        }
    }
}
