package io.github.eidvn.core.assurance;

import static io.github.eidvn.core.internal.Once.once;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.codec.CitizenClaims;
import io.github.eidvn.core.internal.StrictJson;

/**
 * The content of a signed identity assertion: who issued it, about whom (citizen claims by their standard names),
 * at which assurance level, by which methods and evidence, and for how long, to whom and for what.
 *
 * <p>The same value comes out of both forms an {@link AssertionIssuer} writes (the standard JWT and the compact QR
 * profile): claim names are always the standard ones ({@code name}, {@code birthdate}, {@code personal_number},
 * {@code health_insurance}, ...).
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Security:</b> an {@code Assertion} on its own proves nothing: anyone can build one. Only a
 * {@code Verified} result of the eid verifier says that a trusted key signed it and every check passed. The
 * claims are personal data: {@link #toString()} shows claim names, never their values.
 */
public final class Assertion {

    private final String issuer;
    private final Map<String, Object> claims;
    private final AssuranceLevel level;
    private final List<String> methods;
    private final List<Evidence> evidence;
    private final String jti;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Instant notBefore;
    private final List<String> audience;
    private final String purpose;
    private final String kid;

    private Assertion(Builder b) {
        this.issuer = require(b.issuer, "issuer");
        this.level = require(b.level, "level");
        this.jti = require(b.jti, "jti");
        this.issuedAt = require(b.issuedAt, "issuedAt");
        this.kid = require(b.kid, "kid");
        this.claims = b.claims == null ? Map.of() : b.claims;
        this.methods = b.methods == null ? List.of() : b.methods;
        this.evidence = b.evidence == null ? List.of() : b.evidence;
        this.audience = b.audience == null ? List.of() : b.audience;
        this.expiresAt = b.expiresAt;
        this.notBefore = b.notBefore;
        this.purpose = b.purpose;
        if (expiresAt != null && !expiresAt.isAfter(issuedAt)) {
            throw new IllegalStateException("expiresAt must be after issuedAt");
        }
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalStateException(name + " is required");
        }
        return value;
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
     * Reads the JSON claim set (the JWS payload, inflated) of an assertion in either form an
     * {@link AssertionIssuer} writes: the standard JWT ({@code typ} {@value AssertionIssuer#JWT_TYPE}) or the compact
     * QR profile ({@value AssertionIssuer#QR_TYPE}). Strict: invalid UTF-8 or JSON, a duplicate member, an unknown
     * claim, a missing required one or a badly shaped value is refused.
     *
     * <p><b>Security:</b> reading proves nothing (see the class comment): the eid verifier calls this only after the
     * signature check, with the {@code typ} of the verified header.
     *
     * @param type the token's {@code typ}: {@link AssertionIssuer#JWT_TYPE} or {@link AssertionIssuer#QR_TYPE}
     * @param claimsJson the claim set, UTF-8 JSON
     * @param kid the key id to record (of the trusted key that verified the signature)
     * @return the assertion
     * @throws IllegalArgumentException when the type is neither form or the claims do not follow it (the message
     *         names the claim, never its value)
     */
    public static Assertion fromClaimsJson(String type, byte[] claimsJson, String kid) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(claimsJson, "claimsJson");
        Objects.requireNonNull(kid, "kid");
        Map<String, Object> claims = StrictJson.parseObject(claimsJson);
        if (AssertionCodec.TYPE_QR.equals(type)) {
            claims = QrClaimProfile.expand(claims);
        } else if (!AssertionCodec.TYPE_JWT.equals(type)) {
            throw new IllegalArgumentException("typ is not an eid assertion type");
        }
        return AssertionCodec.fromStandard(claims, kid);
    }

    /** @return the issuer identifier ({@code iss}) */
    public String issuer() {
        return issuer;
    }

    /**
     * The citizen claims by standard name, in the order the token carried them; nested objects
     * ({@code address}, {@code health_insurance}) are unmodifiable maps too.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> claims() {
        return claims;
    }

    /** @return the assurance level ({@code acr}) */
    public AssuranceLevel level() {
        return level;
    }

    /** @return the authentication methods ({@code amr}, RFC 8176 values such as {@code face}, {@code sc}) */
    public List<String> methods() {
        return methods;
    }

    /** @return the identity evidence ({@code verified_claims.verification.evidence}) */
    public List<Evidence> evidence() {
        return evidence;
    }

    /** @return the unique assertion id ({@code jti}) */
    public String jti() {
        return jti;
    }

    /** @return when it was issued ({@code iat}, whole seconds) */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** @return when it expires ({@code exp}), empty only when a verifier explicitly accepted no expiry */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** @return the start of validity ({@code nbf}) when the token carried one */
    public Optional<Instant> notBefore() {
        return Optional.ofNullable(notBefore);
    }

    /** @return the intended recipients ({@code aud}); empty when none */
    public List<String> audience() {
        return audience;
    }

    /** @return the stated purpose ({@code purpose}), e.g. {@code bhyt-checkin} */
    public Optional<String> purpose() {
        return Optional.ofNullable(purpose);
    }

    /** @return the key id of the signing key (full RFC 7638 thumbprint for keys from an eid key ring) */
    public String kid() {
        return kid;
    }

    /** @return the personal identification number ({@code personal_number}) */
    public Optional<String> personalNumber() {
        return string(CitizenClaims.PERSONAL_NUMBER);
    }

    /** @return the full name ({@code name}) */
    public Optional<String> name() {
        return string(CitizenClaims.NAME);
    }

    /** @return the date of birth ({@code birthdate}) */
    public Optional<LocalDate> birthdate() {
        return string(CitizenClaims.BIRTHDATE).map(LocalDate::parse);
    }

    /** @return the gender ({@code gender}) */
    public Optional<String> gender() {
        return string(CitizenClaims.GENDER);
    }

    /** @return the phone number ({@code phone_number}) */
    public Optional<String> phoneNumber() {
        return string(CitizenClaims.PHONE_NUMBER);
    }

    /** @return the formatted address ({@code address.formatted}) */
    public Optional<String> formattedAddress() {
        Object address = claims.get(CitizenClaims.ADDRESS);
        if (address instanceof Map) {
            Object f = ((Map<?, ?>) address).get("formatted");
            if (f instanceof String) {
                return Optional.of((String) f);
            }
        }
        return Optional.empty();
    }

    /** @return the health-insurance card ({@code health_insurance}) */
    public Optional<HealthInsuranceClaim> healthInsurance() {
        Object hi = claims.get(CitizenClaims.HEALTH_INSURANCE);
        if (!(hi instanceof Map)) {
            return Optional.empty();
        }
        Map<?, ?> m = (Map<?, ?>) hi;
        return Optional.of(new HealthInsuranceClaim((String) m.get("number"),
                LocalDate.parse((String) m.get("valid_from")), LocalDate.parse((String) m.get("valid_to")),
                ((Number) m.get("benefit_level")).intValue(), (String) m.get("facility")));
    }

    private Optional<String> string(String name) {
        Object v = claims.get(name);
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    /**
     * Equal when every field is equal (claim order aside).
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Assertion)) {
            return false;
        }
        Assertion a = (Assertion) o;
        return issuer.equals(a.issuer) && claims.equals(a.claims) && level == a.level && methods.equals(a.methods)
                && evidence.equals(a.evidence) && jti.equals(a.jti) && issuedAt.equals(a.issuedAt)
                && Objects.equals(expiresAt, a.expiresAt) && Objects.equals(notBefore, a.notBefore)
                && audience.equals(a.audience) && Objects.equals(purpose, a.purpose) && kid.equals(a.kid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuer, claims, level, methods, evidence, jti, issuedAt, expiresAt, notBefore, audience,
                purpose, kid);
    }

    /**
     * Identifiers, level and times; claim names without values (personal data).
     *
     * @return a log-safe description
     */
    @Override
    public String toString() {
        return "Assertion[iss=" + issuer + ", level=" + level + ", amr=" + methods + ", jti=" + jti + ", iat="
                + issuedAt + ", exp=" + expiresAt + ", aud=" + audience + ", purpose=" + purpose + ", kid=" + kid
                + ", claims=" + claims.keySet() + "]";
    }

    /** Builds an {@link Assertion}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private String issuer;
        private Map<String, Object> claims;
        private AssuranceLevel level;
        private List<String> methods;
        private List<Evidence> evidence;
        private String jti;
        private Instant issuedAt;
        private Instant expiresAt;
        private Instant notBefore;
        private List<String> audience;
        private String purpose;
        private String kid;

        private Builder() {
        }

        /**
         * @param issuer the issuer identifier, not empty
         * @return this builder
         */
        public Builder issuer(String issuer) {
            once(this.issuer, "issuer");
            Objects.requireNonNull(issuer, "issuer");
            if (issuer.isEmpty()) {
                throw new IllegalArgumentException("issuer is empty");
            }
            this.issuer = issuer;
            return this;
        }

        /**
         * @param claims citizen claims by standard name (validated, see the issuer documentation)
         * @return this builder
         * @throws IllegalArgumentException for an unknown claim or a badly shaped value
         */
        public Builder claims(Map<String, ?> claims) {
            once(this.claims, "claims");
            this.claims = CitizenClaims.normalize(claims);
            return this;
        }

        /**
         * The claims of an {@link AssertionRequest}, which validated and normalised them when it was built (an
         * unmodifiable map): taken as they are, without a second pass.
         */
        Builder claims(AssertionRequest request) {
            once(this.claims, "claims");
            this.claims = request.claims();
            return this;
        }

        /**
         * @param level the assurance level
         * @return this builder
         */
        public Builder level(AssuranceLevel level) {
            once(this.level, "level");
            this.level = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * @param methods authentication methods ({@code amr})
         * @return this builder
         */
        public Builder methods(List<String> methods) {
            once(this.methods, "methods");
            this.methods = AssertionRequest.checkMethods(methods);
            return this;
        }

        /**
         * @param evidence identity evidence
         * @return this builder
         */
        public Builder evidence(List<Evidence> evidence) {
            once(this.evidence, "evidence");
            this.evidence = List.copyOf(evidence);
            return this;
        }

        /**
         * @param jti the unique assertion id, not empty
         * @return this builder
         */
        public Builder jti(String jti) {
            once(this.jti, "jti");
            Objects.requireNonNull(jti, "jti");
            if (jti.isEmpty()) {
                throw new IllegalArgumentException("jti is empty");
            }
            this.jti = jti;
            return this;
        }

        /**
         * @param issuedAt the issue time
         * @return this builder
         */
        public Builder issuedAt(Instant issuedAt) {
            once(this.issuedAt, "issuedAt");
            this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
            return this;
        }

        /**
         * @param expiresAt the expiry time, after {@code issuedAt}
         * @return this builder
         */
        public Builder expiresAt(Instant expiresAt) {
            once(this.expiresAt, "expiresAt");
            this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
            return this;
        }

        /**
         * @param notBefore the start of validity
         * @return this builder
         */
        public Builder notBefore(Instant notBefore) {
            once(this.notBefore, "notBefore");
            this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
            return this;
        }

        /**
         * @param audience intended recipients, each not empty
         * @return this builder
         */
        public Builder audience(List<String> audience) {
            once(this.audience, "audience");
            List<String> copy = new ArrayList<>();
            for (String a : audience) {
                Objects.requireNonNull(a, "audience value");
                if (a.isEmpty()) {
                    throw new IllegalArgumentException("empty audience value");
                }
                copy.add(a);
            }
            this.audience = Collections.unmodifiableList(copy);
            return this;
        }

        /**
         * @param purpose the stated purpose, not empty
         * @return this builder
         */
        public Builder purpose(String purpose) {
            once(this.purpose, "purpose");
            Objects.requireNonNull(purpose, "purpose");
            if (purpose.isEmpty()) {
                throw new IllegalArgumentException("purpose is empty");
            }
            this.purpose = purpose;
            return this;
        }

        /**
         * @param kid the signing key's id
         * @return this builder
         */
        public Builder kid(String kid) {
            once(this.kid, "kid");
            this.kid = Objects.requireNonNull(kid, "kid");
            return this;
        }

        /**
         * @return the assertion
         * @throws IllegalStateException when issuer, level, jti, issuedAt or kid is missing, or expiry is not after
         *     issue
         */
        public Assertion build() {
            return new Assertion(this);
        }
    }
}
