package io.github.eidvn.verifier.sharing;

import static io.github.eidvn.core.internal.Once.once;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.ReceiptStatus;
import io.github.eidvn.core.jose.CompactJwe;
import io.github.eidvn.core.jose.CompactJws;
import io.github.eidvn.core.jose.EidProfile;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.keys.TrustedKey;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.core.sharing.SharingFormat;
import io.github.eidvn.verifier.InMemoryReplayGuard;
import io.github.eidvn.verifier.ReplayGuard;

/**
 * The relying party's side of sharing: opens a sealed delivery ({@link SharingFormat}) through a fixed order of
 * one-method stages, the first failure giving the {@link OpenReason}:
 * <ol>
 *   <li><b>size</b>: at most {@value SharingFormat#MAX_JWE_CHARS} characters, checked before any parsing
 *       ({@code TOO_LARGE});</li>
 *   <li><b>format</b>: five canonical base64url parts, a strict JSON protected header ({@code MALFORMED});</li>
 *   <li><b>header</b>: no {@code zip} ({@code COMPRESSION_REFUSED}), no {@code crit}
 *       ({@code UNSUPPORTED_CRITICAL_HEADER}), only the members {@code alg enc cty kid epk apu apv}
 *       ({@code MALFORMED}); {@code alg} and {@code enc} exactly the pair pinned to this party's key type
 *       ({@code DISALLOWED_ALGORITHM}); {@code cty} {@code JWT} ({@code WRONG_TYPE});</li>
 *   <li><b>recipient</b>: a {@code kid} must be this party's key ({@code WRONG_RECIPIENT});</li>
 *   <li><b>decrypt</b>: Nimbus with the party's private key; any failure, including the GCM tag and the AES key
 *       unwrap integrity check, is {@code DECRYPTION_FAILED}; nothing decrypted leaves this method unless every
 *       later stage passes;</li>
 *   <li><b>inner format</b>, <b>key</b> (trusted issuer key by {@code kid}, ES256 only: {@code UNKNOWN_KEY},
 *       {@code DISALLOWED_ALGORITHM}; issuer keys unavailable: {@code CHECK_UNAVAILABLE}), <b>signature</b>
 *       ({@code BAD_SIGNATURE}), <b>type</b> ({@code typ} {@value SharingFormat#INNER_TYPE}: {@code WRONG_TYPE};
 *       a high-S signature, which eid's issuers never emit: {@code NON_CANONICAL_SIGNATURE});</li>
 *   <li><b>claims</b>: strict decoding, unknown claims refused, citizen data validated ({@code MALFORMED}); a
 *       package claiming level 2 must name {@code face} or {@code fpt} in {@code amr}
 *       ({@code LEVEL_WITHOUT_METHOD});</li>
 *   <li><b>issuer</b>: {@code iss} one of the expected issuers, which the builder requires, and the signing key
 *       bound to it ({@code WRONG_ISSUER}); <b>time</b> ({@code exp - iat} at most {@link #DEFAULT_MAX_LIFETIME}
 *       or the lower {@link Builder#maxLifetime(Duration)}: {@code LIFETIME_TOO_LONG}; {@code EXPIRED},
 *       {@code NOT_YET_VALID}, with the clock skew), <b>audience</b> ({@code aud} is this party:
 *       {@code WRONG_AUDIENCE}), <b>nonce</b> (strict: an unexpected nonce is refused too:
 *       {@code WRONG_NONCE});</li>
 *   <li><b>receipt</b>: the {@link ReceiptStatus} says active ({@code RECEIPT_WITHDRAWN}, {@code RECEIPT_EXPIRED},
 *       {@code RECEIPT_UNKNOWN}; unavailable: {@code CHECK_UNAVAILABLE}), grants every field present
 *       ({@code FIELDS_NOT_GRANTED}) and has the delivery's purpose ({@code WRONG_PURPOSE});</li>
 *   <li><b>replay</b>: {@code iss}+{@code jti} recorded until expiry ({@code REPLAYED});</li>
 *   <li><b>policy</b>: required level, an explicit choice of the builder ({@code INSUFFICIENT_LEVEL}), and
 *       expected purpose ({@code WRONG_PURPOSE}).</li>
 * </ol>
 * The receipt stage runs before the replay stage (unlike the assertion pipeline's revocation stage): a delivery
 * under a withdrawn consent is reported as withdrawn, and a refused delivery does not consume its id.
 *
 * <p>Immutable and thread-safe (given thread-safe receipt status and replay guard).
 *
 * <p><b>Security:</b> replay ids are {@code iss} + {@code jti}. The algorithms are pinned to the party's key and to
 * ES256 for the issuer; header {@code jwk},
 * {@code jku}, {@code x5u} never supply a key; compression is refused (no inflation of attacker data); the size is
 * limited before parsing. Any unexpected error is {@code CHECK_UNAVAILABLE} (fail closed).
 */
public final class SharedDataOpener {

    /** The largest clock skew accepted by the builder. */
    public static final Duration MAX_CLOCK_SKEW = EidProfile.MAX_CLOCK_SKEW;
    /** The default clock skew. */
    public static final Duration DEFAULT_CLOCK_SKEW = EidProfile.DEFAULT_CLOCK_SKEW;
    /** The default and largest maximum lifetime ({@code exp - iat}) of a sealed package: 1 hour. */
    public static final Duration DEFAULT_MAX_LIFETIME = EidProfile.MAX_SEALED_LIFETIME;

    private final Clock clock;
    /** The stages, holding the other settings. */
    private final OpenerStages stages;

    private SharedDataOpener(Builder b) {
        if (b.key == null || b.partyId == null || b.trustStore == null) {
            throw new IllegalStateException("decryptionKey, partyId and trustStore are required");
        }
        if (b.expectedIssuers == null) {
            throw new IllegalStateException("expectedIssuer(...) or expectedIssuers(...) is required: name the issuer(s)"
                    + " whose packages this party accepts");
        }
        if ((b.requiredLevel == null) == !b.anyLevel) {
            throw new IllegalStateException("choose the level explicitly: requiredLevel(...) or anyLevel()");
        }
        if ((b.receiptStatus == null) == !b.withoutReceiptStatus) {
            throw new IllegalStateException("set exactly one of receiptStatus(...) and withoutReceiptStatus()");
        }
        if (b.replayGuard != null && b.withoutReplayGuard) {
            throw new IllegalStateException("replayGuard and withoutReplayGuard() conflict");
        }
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        ReplayGuard replayGuard = b.withoutReplayGuard ? null
                : b.replayGuard != null ? b.replayGuard
                : InMemoryReplayGuard.withCapacity(InMemoryReplayGuard.DEFAULT_MAX_ENTRIES);
        this.stages = new OpenerStages(b.key, b.partyId, b.trustStore, b.expectedIssuers,
                b.maxLifetime == null ? DEFAULT_MAX_LIFETIME : b.maxLifetime, b.receiptStatus, replayGuard,
                b.clockSkew == null ? DEFAULT_CLOCK_SKEW : b.clockSkew, b.requiredLevel, b.expectedPurpose);
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
     * Opens a delivery that answers a request with a nonce.
     *
     * @param compactJwe the delivery (untrusted: null, garbage or oversized input gives {@link OpenRejected})
     * @param expectedNonce the nonce of the request this party sent
     * @return {@link Opened} or {@link OpenRejected}
     */
    public OpenResult open(String compactJwe, String expectedNonce) {
        Objects.requireNonNull(expectedNonce, "expectedNonce");
        return run(compactJwe, expectedNonce);
    }

    /**
     * Opens a delivery that carries no nonce (a delivery with a nonce is refused: {@code WRONG_NONCE}).
     *
     * @param compactJwe the delivery (untrusted)
     * @return {@link Opened} or {@link OpenRejected}
     */
    public OpenResult open(String compactJwe) {
        return run(compactJwe, null);
    }

    private OpenResult run(String compactJwe, String expectedNonce) {
        Context c = new Context(compactJwe, expectedNonce, clock.instant());
        Optional<OpenRejected> r = stages.pipeline.firstRejection(c);
        if (r.isPresent()) {
            return r.get();
        }
        if (c.claims == null) {
            return new OpenRejected(OpenReason.CHECK_UNAVAILABLE, "pipeline incomplete: no claims");
        }
        return new Opened(c.claims, c.iss, c.receiptId, c.jti, c.iat, c.exp, c.sub, c.purpose, c.level,
                c.verifiedBy.kid());
    }

    @Override
    public String toString() {
        return "SharedDataOpener" + stages;
    }

    /** Per-call state passed from stage to stage. */
    static final class Context {
        final String compact;
        final String expectedNonce;
        final Instant now;
        CompactJwe jwe;
        Map<String, Object> header;
        String inner;
        CompactJws innerJws;
        Map<String, Object> innerHeader;
        Map<String, Object> payload;
        List<TrustedKey> candidates;
        TrustedKey verifiedBy;
        String iss;
        String aud;
        String sub;
        String jti;
        String nonce;
        String receiptId;
        String purpose;
        Instant iat;
        Instant exp;
        AssuranceLevel level;
        SharedClaims claims;

        Context(String compact, String expectedNonce, Instant now) {
            this.compact = compact;
            this.expectedNonce = expectedNonce;
            this.now = Objects.requireNonNull(now, "clock returned null");
        }
    }

    /** Builds a {@link SharedDataOpener}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private PartyDecryptionKey key;
        private String partyId;
        private TrustStore trustStore;
        private Set<String> expectedIssuers;
        private Duration maxLifetime;
        private ReceiptStatus receiptStatus;
        private boolean withoutReceiptStatus;
        private ReplayGuard replayGuard;
        private boolean withoutReplayGuard;
        private Clock clock;
        private Duration clockSkew;
        private AssuranceLevel requiredLevel;
        private boolean anyLevel;
        private String expectedPurpose;

        private Builder() {
        }

        /**
         * Required: this party's private decryption key.
         *
         * @param key the key
         * @return this builder
         */
        public Builder decryptionKey(PartyDecryptionKey key) {
            once(this.key != null, "decryptionKey");
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Required: this party's id, which deliveries must name in {@code aud}.
         *
         * @param partyId the registered id (or the RFC 9278 thumbprint URI of the key, without a registry)
         * @return this builder
         */
        public Builder partyId(String partyId) {
            once(this.partyId != null, "partyId");
            Objects.requireNonNull(partyId, "partyId");
            if (partyId.isEmpty()) {
                throw new IllegalArgumentException("partyId is empty");
            }
            this.partyId = partyId;
            return this;
        }

        /**
         * Required: the issuer's public keys (its JWKS).
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
         * Required (or {@link #expectedIssuers(Collection)}): the issuer deliveries must name in {@code iss}.
         *
         * @param issuer e.g. {@code https://vneid.gov.vn}
         * @return this builder
         */
        public Builder expectedIssuer(String issuer) {
            return expectedIssuers(List.of(Objects.requireNonNull(issuer, "issuer")));
        }

        /**
         * Required (or {@link #expectedIssuer(String)}): the issuers whose deliveries are accepted; {@code iss} must
         * be one of them, and with a trust store per issuer ({@link TrustStore#builder()}) the signing key must be
         * that issuer's.
         *
         * @param issuers one or more non-empty issuer ids
         * @return this builder
         * @throws IllegalArgumentException when empty or holding an empty id
         */
        public Builder expectedIssuers(Collection<String> issuers) {
            once(this.expectedIssuers != null, "expectedIssuer(s)");
            Objects.requireNonNull(issuers, "issuers");
            Set<String> copy = new LinkedHashSet<>();
            for (String i : issuers) {
                Objects.requireNonNull(i, "issuer");
                if (i.isEmpty()) {
                    throw new IllegalArgumentException("an expected issuer is empty");
                }
                copy.add(i);
            }
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("at least one expected issuer is required");
            }
            this.expectedIssuers = Set.copyOf(copy);
            return this;
        }

        /**
         * The longest lifetime ({@code exp - iat}) accepted; {@link #DEFAULT_MAX_LIFETIME} (1 h) by default, which
         * is also the largest value: the cap can only be lowered.
         *
         * @param maxLifetime positive, at most 1 hour
         * @return this builder
         * @throws IllegalArgumentException when not positive or above {@link #DEFAULT_MAX_LIFETIME}
         */
        public Builder maxLifetime(Duration maxLifetime) {
            once(this.maxLifetime != null, "maxLifetime");
            this.maxLifetime = EidProfile.checkLifetimeCap("maxLifetime", maxLifetime, DEFAULT_MAX_LIFETIME);
            return this;
        }

        /**
         * The consent-receipt check (the ledger, or a client of the issuer's status service). Set this or
         * {@link #withoutReceiptStatus()}.
         *
         * @param status the check
         * @return this builder
         */
        public Builder receiptStatus(ReceiptStatus status) {
            once(this.receiptStatus != null, "receiptStatus");
            this.receiptStatus = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * Open without checking the consent receipt.
         *
         * <p><b>Security:</b> a withdrawn or expired consent is then not noticed; use only where no ledger can be
         * reached (the CLI) and say so to the user.
         *
         * @return this builder
         */
        public Builder withoutReceiptStatus() {
            once(this.withoutReceiptStatus, "withoutReceiptStatus");
            this.withoutReceiptStatus = true;
            return this;
        }

        /**
         * The replay guard; by default a private {@link InMemoryReplayGuard}.
         *
         * @param guard the guard
         * @return this builder
         */
        public Builder replayGuard(ReplayGuard guard) {
            once(this.replayGuard != null, "replayGuard");
            this.replayGuard = Objects.requireNonNull(guard, "guard");
            return this;
        }

        /**
         * No replay stage: the same delivery opens any number of times.
         *
         * @return this builder
         */
        public Builder withoutReplayGuard() {
            once(this.withoutReplayGuard, "withoutReplayGuard");
            this.withoutReplayGuard = true;
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
         * Tolerance for clocks that disagree; {@link #DEFAULT_CLOCK_SKEW} by default.
         *
         * @param skew zero to {@link #MAX_CLOCK_SKEW}
         * @return this builder
         */
        public Builder clockSkew(Duration skew) {
            once(this.clockSkew != null, "clockSkew");
            this.clockSkew = EidProfile.checkClockSkew(skew);
            return this;
        }

        /**
         * The lowest assurance level accepted; deliveries without {@code acr} are then refused. Set this or
         * {@link #anyLevel()}: there is no silent default.
         *
         * @param level the level
         * @return this builder
         */
        public Builder requiredLevel(AssuranceLevel level) {
            once(this.requiredLevel != null || anyLevel, "the level");
            this.requiredLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * Accept deliveries at any level, or stating none. Set this or {@link #requiredLevel(AssuranceLevel)}.
         *
         * @return this builder
         */
        public Builder anyLevel() {
            once(this.requiredLevel != null || anyLevel, "the level");
            this.anyLevel = true;
            return this;
        }

        /**
         * Optional: the purpose deliveries must state.
         *
         * @param purpose the purpose code
         * @return this builder
         */
        public Builder expectedPurpose(String purpose) {
            once(this.expectedPurpose != null, "expectedPurpose");
            this.expectedPurpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /**
         * @return the opener
         * @throws IllegalStateException when a required option (decryption key, party id, trust store, expected
         *     issuer(s), the level choice) is missing or options conflict
         */
        public SharedDataOpener build() {
            return new SharedDataOpener(this);
        }
    }
}
