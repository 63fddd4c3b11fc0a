package io.github.eidvn.verifier;

import static io.github.eidvn.core.internal.Once.once;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.jose.CompactJws;
import io.github.eidvn.core.jose.EidProfile;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.keys.TrustedKey;
import io.github.eidvn.qr.QrContent;
import io.github.eidvn.qr.QrTextReader;
import io.github.eidvn.qr.SignedQrText;

/**
 * Verifies eid identity assertions, standard JWT form or compact QR form, through a fixed pipeline:
 * <ol>
 *   <li><b>format</b>: three canonical base64url parts, strict JSON header (no duplicate members) with a string
 *       {@code alg}; else {@link Reason#MALFORMED}; text over {@value #MAX_COMPACT_CHARS} characters
 *       {@link Reason#TOO_LARGE};</li>
 *   <li><b>size</b>: a {@code "zip":"DEF"} payload is inflated with a {@value RawDeflate#MAX_INFLATED_BYTES}-byte
 *       cap ({@link Reason#TOO_LARGE}); any other {@code zip} is {@link Reason#MALFORMED};</li>
 *   <li><b>key</b>: keys chosen by {@code kid} only ({@link TrustStore#candidates(String)}; none:
 *       {@link Reason#UNKNOWN_KEY}; an issuer's JWKS URL unreadable: {@link Reason#CHECK_UNAVAILABLE}); the header
 *       {@code alg} must equal the algorithm pinned to a candidate ({@code none}, HMAC and anything else:
 *       {@link Reason#DISALLOWED_ALGORITHM});</li>
 *   <li><b>signature</b>: Nimbus JWS verification with each candidate in turn, ES256 through eid's verifier on
 *       the key's cached P-256 point (64-byte signature, r and s in [1, n-1]), RSA through Nimbus's
 *       ({@link Reason#BAD_SIGNATURE});</li>
 *   <li><b>crit</b>: no critical extension is understood, so any {@code crit} is
 *       {@link Reason#UNSUPPORTED_CRITICAL_HEADER};</li>
 *   <li><b>type</b>: {@code typ} {@code vneid-assertion+jwt} (no {@code zip}) or {@code vneid-qr+jwt} (with
 *       {@code "zip":"DEF"}), else {@link Reason#WRONG_TYPE}; an ES256 signature in high-S form (s &gt; n/2: eid's
 *       issuers always sign in low-S form, so the high-S twin is an altered text) {@link Reason#NON_CANONICAL_SIGNATURE};
 *       claims decoded strictly by that form's profile ({@link Reason#MALFORMED});</li>
 *   <li><b>issuer</b>: the key that verified must be a key of the issuer named in {@code iss}
 *       ({@link io.github.eidvn.core.keys.TrustedKey#acceptsIssuer(String)}; else {@link Reason#WRONG_ISSUER}); keys of
 *       a bare JWKS stand for one issuer whatever its name;</li>
 *   <li><b>time</b>: {@code exp} required unless {@link Builder#withoutExpiration()}; {@code exp - iat} at most the
 *       maximum lifetime ({@link #DEFAULT_MAX_LIFETIME}, 24 h, lowered with {@link Builder#maxLifetime(Duration)};
 *       {@link Reason#LIFETIME_TOO_LONG}; a token without {@code exp} is accepted only until {@code iat} plus that
 *       lifetime); {@code exp}, {@code nbf}, {@code iat} and the optional maximum age checked with the clock skew
 *       ({@link Reason#EXPIRED}, {@link Reason#NOT_YET_VALID});</li>
 *   <li><b>audience</b>: strict: without an expected audience a token carrying {@code aud} is rejected, with one
 *       it must be among the token's {@code aud} ({@link Reason#WRONG_AUDIENCE}); {@code purpose} likewise
 *       ({@link Reason#WRONG_PURPOSE});</li>
 *   <li><b>replay</b>: {@code iss}+{@code jti} recorded in the {@link ReplayGuard} until expiry
 *       ({@link Reason#REPLAYED}; a full or failing guard: {@link Reason#CHECK_UNAVAILABLE});</li>
 *   <li><b>revocation</b>: the {@link RevocationCheck}, if configured ({@link Reason#REVOKED}; unknown:
 *       {@link Reason#CHECK_UNAVAILABLE}); without one the stage passes explicitly;</li>
 *   <li><b>policy</b>: a token claiming level 2 must name a level-2 method: {@code face} or {@code fpt} in
 *       {@code amr}, or biometric verification ({@code bvr}) in its evidence ({@link Reason#LEVEL_WITHOUT_METHOD},
 *       whatever level is required); then the required assurance level, an explicit choice of the builder
 *       ({@link Builder#requiredLevel(AssuranceLevel)} or {@link Builder#anyLevel()};
 *       {@link Reason#INSUFFICIENT_LEVEL}).</li>
 * </ol>
 * A {@link Verified} is built only after every stage passed; any unexpected error is a {@link Rejected} with
 * {@link Reason#CHECK_UNAVAILABLE} (fail closed). The clock is read once per call.
 *
 * <p>What a QR scanner typed or an image decoder read goes through {@link #verifyScanned(String)}: the eid
 * digits-only container, a plain compact JWS and a SMART Health Card {@code shc:/} text all become a compact JWS
 * ({@link QrTextReader}) that then runs through the same pipeline.
 *
 * <p>Immutable and thread-safe (given a thread-safe replay guard and revocation check).
 *
 * <p><b>Security:</b> header {@code alg}, {@code jwk}, {@code jku}, {@code x5u}, {@code x5c} never choose or supply a
 * key; non-canonical base64url (two texts, one token) and {@code b64} headers are refused; a token is rejected
 * before any claim is decoded unless its signature verifies. The replay stage records an id before the revocation
 * and policy stages run, so a token rejected there is also consumed. Replay ids are {@code iss} + {@code jti}
 * (signed claims), never the token text or its signature, and the high-S twin of a signature is refused, so a
 * second text of the same assertion neither passes as new nor makes the genuine one look replayed first.
 */
public final class AssertionVerifier {

    /** The longest compact JWS text accepted. */
    public static final int MAX_COMPACT_CHARS = 8_000;
    /** The largest clock skew the builder accepts. */
    public static final Duration MAX_CLOCK_SKEW = EidProfile.MAX_CLOCK_SKEW;
    /** The default clock skew. */
    public static final Duration DEFAULT_CLOCK_SKEW = EidProfile.DEFAULT_CLOCK_SKEW;
    /** The default and largest maximum lifetime ({@code exp - iat}) of an assertion or QR presentation: 24 h. */
    public static final Duration DEFAULT_MAX_LIFETIME = EidProfile.MAX_ASSERTION_LIFETIME;

    private final Clock clock;
    /** The stages, holding the other settings. */
    private final AssertionStages stages;

    private AssertionVerifier(Builder b) {
        if (b.trustStore == null) {
            throw new IllegalStateException("trustStore is required");
        }
        if (b.replayGuard != null && b.withoutReplayGuard) {
            throw new IllegalStateException("replayGuard and withoutReplayGuard() conflict");
        }
        if ((b.requiredLevel == null) == !b.anyLevel) {
            throw new IllegalStateException("choose the level explicitly: requiredLevel(...) or anyLevel()");
        }
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        ReplayGuard replayGuard = b.withoutReplayGuard ? null
                : b.replayGuard != null ? b.replayGuard
                : InMemoryReplayGuard.withCapacity(InMemoryReplayGuard.DEFAULT_MAX_ENTRIES);
        if (b.withoutExpiration && replayGuard != null && b.maxAge == null) {
            throw new IllegalStateException(
                    "withoutExpiration() with a replay guard needs maxAge(): ids must not be kept forever");
        }
        this.stages = new AssertionStages(b.trustStore, b.clockSkew == null ? DEFAULT_CLOCK_SKEW : b.clockSkew,
                b.maxAge, b.maxLifetime == null ? DEFAULT_MAX_LIFETIME : b.maxLifetime, !b.withoutExpiration,
                b.expectedAudience, b.expectedPurpose, replayGuard, b.revocationCheck,
                b.anyLevel ? AssuranceLevel.LEVEL_1 : b.requiredLevel);
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
     * Verifies a compact JWS in either form (standard {@code vneid-assertion+jwt} or compact QR
     * {@code vneid-qr+jwt}, e.g. as rebuilt by the QR decoder).
     *
     * @param compactJws the compact JWS text; null, empty, garbage or oversized input gives a {@link Rejected}
     * @return {@link Verified} with the assertion (standard claim names) or {@link Rejected} with the reason
     */
    public VerificationResult verify(String compactJws) {
        Context c = new Context(compactJws, clock.instant());
        Optional<Rejected> r = stages.pipeline.firstRejection(c);
        if (r.isPresent()) {
            return r.get();
        }
        if (c.assertion == null) {
            return reject(Reason.CHECK_UNAVAILABLE, "pipeline incomplete: no assertion");
        }
        return new Verified(c.assertion);
    }

    /**
     * Verifies the text of a scanned QR code, as a keyboard-wedge scanner typed it or
     * {@link io.github.eidvn.qr.QrImageDecoder} read it from a photo. The text is classified by
     * {@link QrTextReader#read(String)}:
     * <ul>
     *   <li>the eid digits container ({@link SignedQrText}), a plain compact JWS, or a SMART Health Card
     *       {@code shc:/} numeric text: the compact JWS it carries goes through {@link #verify(String)};</li>
     *   <li>the unsigned legacy chip-card QR: {@link Reason#UNSIGNED_LEGACY} (its data is never an assertion; read
     *       it with {@link QrTextReader} when a person will check it against the card);</li>
     *   <li>a text over {@value SignedQrText#MAX_TEXT_LENGTH} characters: {@link Reason#TOO_LARGE}, before any
     *       parsing or cryptography;</li>
     *   <li>anything else (empty, damaged container, unknown format, multi-part SMART Health Card):
     *       {@link Reason#MALFORMED}, the detail naming the reader's reason.</li>
     * </ul>
     * One trailing line break (a scanner's Enter key) is ignored.
     *
     * @param text the scanned text; null, empty, garbage or oversized input gives a {@link Rejected}
     * @return {@link Verified} or {@link Rejected}
     */
    public VerificationResult verifyScanned(String text) {
        if (text == null || text.isEmpty()) {
            return reject(Reason.MALFORMED, "no input");
        }
        if (text.length() > SignedQrText.MAX_TEXT_LENGTH) {
            return reject(Reason.TOO_LARGE, "scanned text longer than " + SignedQrText.MAX_TEXT_LENGTH
                    + " characters");
        }
        QrContent content;
        try {
            content = QrTextReader.read(text);
        } catch (RuntimeException e) {
            return reject(Reason.CHECK_UNAVAILABLE, "unexpected " + e.getClass().getSimpleName()
                    + " reading the QR text");
        }
        return verifyScanned(content);
    }

    /**
     * Verifies a QR text already classified by {@link QrTextReader#read(String)}, with the rules of
     * {@link #verifyScanned(String)}. Use it when the caller handles the legacy chip-card QR itself (e.g. to show
     * its unverified data for a manual check) and verifies everything else.
     *
     * @param content the classified text
     * @return {@link Verified} or {@link Rejected}
     * @throws NullPointerException when {@code content} is null
     */
    public VerificationResult verifyScanned(QrContent content) {
        Objects.requireNonNull(content, "content");
        if (content instanceof QrContent.SignedJws) {
            return verify(((QrContent.SignedJws) content).compactJws());
        }
        if (content instanceof QrContent.UnverifiedChipCard) {
            return reject(Reason.UNSIGNED_LEGACY, "legacy chip-card QR: unsigned data, never an assertion");
        }
        QrContent.Rejected r = (QrContent.Rejected) content;
        return reject(r.reason() == QrContent.Reason.TOO_LARGE ? Reason.TOO_LARGE : Reason.MALFORMED,
                "QR text: " + r.reason() + ": " + r.detail());
    }

    /** Runs stages {@code from..to} in order; the first rejection, or null when all passed. */
    Rejected run(Context c, Stage from, Stage to) {
        return stages.pipeline.run(c, from, to, c.passed);
    }

    private static Rejected reject(Reason reason, String detail) {
        return new Rejected(reason, detail);
    }

    /** @return how many header texts are remembered (tests) */
    int knownHeaderCount() {
        return stages.knownHeaderCount();
    }

    @Override
    public String toString() {
        return "AssertionVerifier" + stages;
    }

    /** Per-call state passed from stage to stage. Not shared between calls. */
    static final class Context {
        final String compact;
        final Instant now;
        final EnumSet<Stage> passed = EnumSet.noneOf(Stage.class);
        CompactJws jws;
        String[] parts;
        /** The header's parsed forms when its text verified before, else null. */
        AssertionStages.ParsedHeader known;
        Map<String, Object> header;
        String alg;
        String kid;
        String typ;
        String zip;
        byte[] payload;
        byte[] signature;
        List<TrustedKey> candidates;
        TrustedKey verifiedBy;
        Assertion assertion;

        Context(String compact, Instant now) {
            this.compact = compact;
            this.now = Objects.requireNonNull(now, "clock returned null");
        }
    }

    /** Builds an {@link AssertionVerifier}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private TrustStore trustStore;
        private Clock clock;
        private Duration clockSkew;
        private Duration maxAge;
        private Duration maxLifetime;
        private boolean withoutExpiration;
        private String expectedAudience;
        private String expectedPurpose;
        private ReplayGuard replayGuard;
        private boolean withoutReplayGuard;
        private RevocationCheck revocationCheck;
        private AssuranceLevel requiredLevel;
        private boolean anyLevel;

        private Builder() {
        }

        /**
         * Required: the trusted issuer keys.
         *
         * @param trustStore the trust store
         * @return this builder
         */
        public Builder trustStore(TrustStore trustStore) {
            once(this.trustStore != null, "trustStore");
            this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
            return this;
        }

        /**
         * The clock; {@link Clock#systemUTC()} by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            once(this.clock != null, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Tolerance for clocks that disagree; {@link #DEFAULT_CLOCK_SKEW} (60 s) by default.
         *
         * @param skew zero to {@link #MAX_CLOCK_SKEW} (2 minutes)
         * @return this builder
         * @throws IllegalArgumentException when negative or above 2 minutes
         */
        public Builder clockSkew(Duration skew) {
            once(this.clockSkew != null, "clockSkew");
            this.clockSkew = EidProfile.checkClockSkew(skew);
            return this;
        }

        /**
         * Optional: reject tokens issued ({@code iat}) longer ago than this, whatever their {@code exp}.
         *
         * @param maxAge positive
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            once(this.maxAge != null, "maxAge");
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("maxAge must be positive");
            }
            this.maxAge = maxAge;
            return this;
        }

        /**
         * The longest lifetime ({@code exp - iat}) accepted; {@link #DEFAULT_MAX_LIFETIME} (24 h) by default, which
         * is also the largest value: the cap can only be lowered.
         *
         * @param maxLifetime positive, at most 24 hours
         * @return this builder
         * @throws IllegalArgumentException when not positive or above {@link #DEFAULT_MAX_LIFETIME}
         */
        public Builder maxLifetime(Duration maxLifetime) {
            once(this.maxLifetime != null, "maxLifetime");
            this.maxLifetime = EidProfile.checkLifetimeCap("maxLifetime", maxLifetime, DEFAULT_MAX_LIFETIME);
            return this;
        }

        /**
         * Accept tokens without {@code exp} (an {@code exp} that is present is still checked). With a replay
         * guard this needs {@link #maxAge(Duration)}.
         *
         * <p><b>Security:</b> a token without expiry is valid forever; prefer short-lived assertions.
         *
         * @return this builder
         */
        public Builder withoutExpiration() {
            once(this.withoutExpiration, "withoutExpiration");
            this.withoutExpiration = true;
            return this;
        }

        /**
         * The recipient id this verifier stands for; tokens must name it in {@code aud}. Without it, tokens that
         * carry any {@code aud} are rejected.
         *
         * @param audience e.g. the hospital's facility code or the bank's client id
         * @return this builder
         */
        public Builder expectedAudience(String audience) {
            once(this.expectedAudience != null, "expectedAudience");
            this.expectedAudience = nonEmpty("audience", audience);
            return this;
        }

        /**
         * The purpose tokens must state in {@code purpose}. Without it, tokens that state a purpose are rejected.
         *
         * @param purpose e.g. {@code bhyt-checkin}
         * @return this builder
         */
        public Builder expectedPurpose(String purpose) {
            once(this.expectedPurpose != null, "expectedPurpose");
            this.expectedPurpose = nonEmpty("purpose", purpose);
            return this;
        }

        /**
         * The replay guard; by default an {@link InMemoryReplayGuard} with
         * {@link InMemoryReplayGuard#DEFAULT_MAX_ENTRIES} entries, private to the built verifier.
         *
         * @param guard the guard (shared state across verifiers/nodes if it is shared)
         * @return this builder
         */
        public Builder replayGuard(ReplayGuard guard) {
            once(this.replayGuard != null, "replayGuard");
            this.replayGuard = Objects.requireNonNull(guard, "guard");
            return this;
        }

        /**
         * No replay stage: the same token verifies any number of times (e.g. a receptionist may re-scan).
         *
         * <p><b>Security:</b> use only when a second presentation is harmless.
         *
         * @return this builder
         */
        public Builder withoutReplayGuard() {
            once(this.withoutReplayGuard, "withoutReplayGuard");
            this.withoutReplayGuard = true;
            return this;
        }

        /**
         * Optional revocation hook; without one the revocation stage passes.
         *
         * @param check the check
         * @return this builder
         */
        public Builder revocationCheck(RevocationCheck check) {
            once(this.revocationCheck != null, "revocationCheck");
            this.revocationCheck = Objects.requireNonNull(check, "check");
            return this;
        }

        /**
         * The lowest assurance level accepted. Set this or {@link #anyLevel()}: there is no silent default.
         *
         * @param level the required level
         * @return this builder
         */
        public Builder requiredLevel(AssuranceLevel level) {
            once(this.requiredLevel != null || anyLevel, "the level");
            this.requiredLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * Accept any assurance level (level 1 and up). Set this or {@link #requiredLevel(AssuranceLevel)}. A token
         * that claims level 2 without a level-2 method is still refused.
         *
         * @return this builder
         */
        public Builder anyLevel() {
            once(this.requiredLevel != null || anyLevel, "the level");
            this.anyLevel = true;
            return this;
        }

        private static String nonEmpty(String name, String v) {
            Objects.requireNonNull(v, name);
            if (v.isEmpty()) {
                throw new IllegalArgumentException(name + " is empty");
            }
            return v;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException when the trust store or the level choice ({@code requiredLevel(...)} or
         *     {@code anyLevel()}) is missing, or options conflict ({@code replayGuard} with
         *     {@code withoutReplayGuard()}; {@code withoutExpiration()} with a replay guard but no {@code maxAge})
         */
        public AssertionVerifier build() {
            return new AssertionVerifier(this);
        }
    }
}
