package io.github.eidvn.core.assurance;

import static io.github.eidvn.core.internal.Once.once;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.codec.CitizenClaims;
import io.github.eidvn.core.internal.ProtocolToken;
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
 * with {@link #parseClaims(String)}, or take the claims a relying party asked for from a registry record with
 * {@link #claimsFrom(CitizenProfile, HealthInsuranceClaim, Collection)}. Text values are stored in Unicode NFC, so a
 * name typed in NFD is issued (and verified) in its NFC form.
 *
 * <p>From an identity-proofing decision to a request:
 * <pre>{@code
 * ProofingResult r = proofing.proof(proofingRequest);
 * if (r instanceof ProofingResult.Proofed p) {
 *     AssertionRequest request = AssertionRequest.builder()
 *             .proofed(p)                                    // level, amr and evidence of the decision
 *             .claims(AssertionRequest.claimsFrom(p.registryRecord(), insuranceCard,
 *                     List.of("personal_number", "name", "birthdate", "gender", "health_insurance")))
 *             .audience("79024").purpose("bhyt-checkin")
 *             .build();
 *     String qrJws = issuer.issueForQr(request);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AssertionRequest {

    /** The most {@code amr} values. */
    public static final int MAX_METHODS = 8;

    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_-]{1,32}");

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
        List<String> methods = new ArrayList<>(b.proofedMethods);
        if (b.methods != null) {
            for (String m : b.methods) {
                if (!methods.contains(m)) {
                    methods.add(m);
                }
            }
        }
        if (methods.isEmpty()) {
            throw new IllegalStateException("at least one authentication method (amr) is required"
                    + (b.proofed
                    ? " (a proofing from registry data alone has none: add the login methods with methods(...))" : ""));
        }
        if (b.claims == null || b.claims.isEmpty()) {
            throw new IllegalStateException("at least one citizen claim is required");
        }
        this.level = b.level;
        this.methods = checkMethods(methods);
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

    /**
     * The citizen claims a relying party asked for, taken from a registry record: only the requested claims are
     * returned (data minimisation), in the canonical order {@code personal_number, name, birthdate, gender, address,
     * phone_number}. The values are:
     * {@code personal_number} the 12 digits; {@code name} the full name (NFC); {@code birthdate} ISO
     * {@code YYYY-MM-DD}; {@code gender} {@code male}/{@code female}; {@code address}
     * {@code {"formatted": <current residence, else permanent residence>}}; {@code phone_number} the recorded mobile
     * number. A requested claim the record does not hold (no residence, no phone number) is left out, as OpenID
     * Connect does for unavailable claims. {@code health_insurance} is not part of the population registry: use
     * {@link #claimsFrom(CitizenProfile, HealthInsuranceClaim, Collection)}; asking for it here leaves it out.
     *
     * @param profile the registry record (e.g. {@link ProofingResult.Proofed#registryRecord()})
     * @param requested the claim names asked for; each must be a citizen claim name
     * @return the claims, unmodifiable (possibly empty when nothing requested is held)
     * @throws NullPointerException when an argument or a requested name is null
     * @throws IllegalArgumentException when a requested name is not a citizen claim
     */
    public static Map<String, Object> claimsFrom(CitizenProfile profile, Collection<String> requested) {
        return claims(profile, null, requested);
    }

    /**
     * As {@link #claimsFrom(CitizenProfile, Collection)}, with the health-insurance card (held by Vietnam Social
     * Security, not the population registry) for the {@code health_insurance} claim, written last.
     *
     * @param profile the registry record
     * @param healthInsurance the citizen's BHYT card
     * @param requested the claim names asked for
     * @return the claims, unmodifiable
     * @throws NullPointerException when an argument or a requested name is null
     * @throws IllegalArgumentException when a requested name is not a citizen claim, or the card is badly shaped
     *     (number not 2 capitals and 13 digits, facility not 5 digits)
     */
    public static Map<String, Object> claimsFrom(CitizenProfile profile, HealthInsuranceClaim healthInsurance,
            Collection<String> requested) {
        return claims(profile, Objects.requireNonNull(healthInsurance, "healthInsurance"), requested);
    }

    private static Map<String, Object> claims(CitizenProfile profile, HealthInsuranceClaim hi,
            Collection<String> requested) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(requested, "requested");
        Set<String> asked = new HashSet<>();
        for (String name : requested) {
            Objects.requireNonNull(name, "requested claim name");
            if (!CitizenClaims.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown citizen claim: " + name);
            }
            asked.add(name);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : CitizenClaims.NAMES) {
            if (!asked.contains(name)) {
                continue;
            }
            switch (name) {
                case CitizenClaims.PERSONAL_NUMBER:
                    out.put(name, profile.personalNumber().value());
                    break;
                case CitizenClaims.NAME:
                    out.put(name, profile.fullName().value());
                    break;
                case CitizenClaims.BIRTHDATE:
                    out.put(name, profile.birthDate().toString());
                    break;
                case CitizenClaims.GENDER:
                    out.put(name, profile.sex().oidcValue());
                    break;
                case CitizenClaims.ADDRESS:
                    profile.currentResidence().or(profile::permanentResidence)
                            .ifPresent(a -> out.put(name, Map.of("formatted", a)));
                    break;
                case CitizenClaims.PHONE_NUMBER:
                    profile.phoneNumber().ifPresent(p -> out.put(name, p));
                    break;
                default: // health_insurance
                    if (hi != null) {
                        Map<String, Object> card = new LinkedHashMap<>();
                        card.put("number", hi.number());
                        card.put("valid_from", hi.validFrom().toString());
                        card.put("valid_to", hi.validTo().toString());
                        card.put("benefit_level", hi.benefitLevel());
                        card.put("facility", hi.facility());
                        out.put(name, card);
                    }
                    break;
            }
        }
        return CitizenClaims.normalize(out);
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
        return ProtocolToken.check(what, value);
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
        private boolean proofed;
        private List<String> proofedMethods = List.of();

        private Builder() {
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
         * Starts from an identity-proofing decision: sets the {@link #level(AssuranceLevel) level} to the level
         * reached, the {@link #evidence(List) evidence} to the decision's evidence
         * ({@link ProofingEvidence#toEvidence()}, in order) and contributes the decision's {@code amr}
         * ({@code face}, {@code fpt}, {@code sc}). {@link #methods(String...)} may still add the methods of the
         * login session (e.g. {@code pwd}, {@code otp}); the request's {@code amr} is the decision's methods
         * followed by those, without repeats. A level-1 decision from registry data alone has no method, so
         * {@link #methods(String...)} is then required.
         *
         * <p><b>Security.</b> Only {@link IdentityProofing} creates {@link ProofingResult.Proofed} values, so a
         * request built this way cannot claim more than the proofing established.
         *
         * @param proofed the decision
         * @return this builder
         * @throws IllegalStateException when called twice, or when the level or the evidence is already set
         */
        public Builder proofed(ProofingResult.Proofed proofed) {
            Objects.requireNonNull(proofed, "proofed");
            once(this.proofed, "proofed");
            once(this.level, "level");
            once(this.evidence, "evidence");
            List<Evidence> ev = new ArrayList<>();
            for (ProofingEvidence e : proofed.evidence()) {
                ev.add(e.toEvidence());
            }
            List<String> amr = checkMethods(proofed.amr());
            level(proofed.level());
            evidence(ev);
            this.proofedMethods = amr;
            this.proofed = true;
            return this;
        }

        /**
         * Required (unless {@link #proofed(ProofingResult.Proofed)} supplies methods): at least one authentication
         * method, RFC 8176 values such as {@code face} (facial recognition), {@code fpt} (fingerprint), {@code sc}
         * (smart card / chip), {@code pwd}, {@code otp}.
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
         * @throws IllegalArgumentException when the decision's and the session's methods together exceed
         *     {@value AssertionRequest#MAX_METHODS}
         */
        public AssertionRequest build() {
            return new AssertionRequest(this);
        }
    }
}
