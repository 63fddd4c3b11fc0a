package io.github.eidvn.core.consent;

import static io.github.eidvn.core.internal.Once.once;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JWSHeader;

import io.github.eidvn.core.internal.ProtocolToken;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.jose.CompactJws;
import io.github.eidvn.core.jose.EidProfile;
import io.github.eidvn.core.jose.JoseDefectException;
import io.github.eidvn.core.jose.JoseText;
import io.github.eidvn.core.jose.JwsSignatures;
import io.github.eidvn.core.jose.StagedPipeline;
import io.github.eidvn.core.keys.KeysUnavailableException;
import io.github.eidvn.core.keys.TrustedKey;

/**
 * The citizen side's check of a consent request, run before anything is shown. A fixed order of one-method stages
 * (ARCHITECTURE §3), the first failure giving the {@link RequestReason}:
 * <ol>
 *   <li><b>format</b>: at most {@value #MAX_COMPACT_CHARS} characters ({@code TOO_LARGE}); three canonical
 *       base64url parts; strict JSON header with string {@code alg}, {@code kid}, {@code typ}, {@code zip}
 *       ({@code MALFORMED});</li>
 *   <li><b>size</b>: {@code "zip":"DEF"} payload inflated with a {@value #MAX_PAYLOAD_BYTES}-byte cap
 *       ({@code TOO_LARGE}), any other {@code zip} {@code MALFORMED};</li>
 *   <li><b>unverified issuer</b>: the one read before the signature, because the signer's keys are the party's:
 *       the payload must be strict JSON with a string {@code iss} ({@code MALFORMED}), and only {@code iss} is
 *       taken from it here;</li>
 *   <li><b>party</b>: {@code iss} names a registered party ({@code UNKNOWN_PARTY}); until the signature is checked,
 *       {@code iss} only selects whose keys to try;</li>
 *   <li><b>key</b>: {@code alg} must be ES256 ({@code DISALLOWED_ALGORITHM}); the party's signing key by
 *       {@code kid} ({@code UNKNOWN_KEY});</li>
 *   <li><b>signature</b> ({@code BAD_SIGNATURE}); <b>crit</b> ({@code UNSUPPORTED_CRITICAL_HEADER});</li>
 *   <li><b>type</b>: {@code typ} {@value ConsentRequest#TYPE} ({@code WRONG_TYPE}); a high-S signature, which
 *       eid's signers never emit ({@code NON_CANONICAL_SIGNATURE}); the claims decoded strictly, unknown claims
 *       refused ({@code MALFORMED});</li>
 *   <li><b>time</b>: {@code exp} after {@code iat}, at most {@link #DEFAULT_MAX_LIFETIME} (10 minutes) later, or
 *       the lower {@link Builder#maxLifetime(Duration)} ({@code LIFETIME_TOO_LONG}); not
 *       expired ({@code EXPIRED}) nor issued in the future ({@code NOT_YET_VALID}), with the clock skew;</li>
 *   <li><b>audience</b>: {@code aud} is this issuer ({@code WRONG_AUDIENCE});</li>
 *   <li><b>purpose</b>: in the registry's catalogue ({@code UNKNOWN_PURPOSE}) and registered by the party
 *       ({@code PURPOSE_NOT_REGISTERED});</li>
 *   <li><b>fields</b>: every requested field is one the party registered for that purpose
 *       ({@code FIELDS_NOT_ALLOWED}).</li>
 * </ol>
 * Any unexpected error is {@link RequestReason#CHECK_UNAVAILABLE} (fail closed). Immutable and thread-safe (given a
 * thread-safe registry).
 *
 * <p><b>Security:</b> the party's keys come from the registry, never from the request ({@code jwk}, {@code jku},
 * {@code x5u} are ignored); the algorithm is pinned to ES256; no claim other than {@code iss} is looked at before the
 * signature verifies. Requests are not single-use here: the nonce binds the delivery, which the party checks.
 */
public final class ConsentRequestVerifier {

    /** The longest compact request accepted, in characters. */
    public static final int MAX_COMPACT_CHARS = 8_000;
    /** The largest inflated payload accepted, in bytes. */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024;
    /** The largest clock skew accepted by the builder. */
    public static final Duration MAX_CLOCK_SKEW = EidProfile.MAX_CLOCK_SKEW;
    /** The default clock skew. */
    public static final Duration DEFAULT_CLOCK_SKEW = EidProfile.DEFAULT_CLOCK_SKEW;
    /** The default and largest maximum lifetime ({@code exp - iat}) of a consent request: 10 minutes. */
    public static final Duration DEFAULT_MAX_LIFETIME = EidProfile.MAX_CONSENT_REQUEST_LIFETIME;

    private static final Set<String> CLAIMS = Set.of("iss", "aud", "iat", "exp", "nonce", "purpose", "purpose_text",
            "fields", "response_uri");
    private static final int MAX_FIELDS = CitizenField.values().length;

    private enum Stage {
        FORMAT, SIZE, UNVERIFIED_ISSUER, PARTY, KEY, SIGNATURE, CRITICAL, TYPE, TIME, AUDIENCE, PURPOSE, FIELDS
    }

    private final RelyingPartyRegistry registry;
    private final String audience;
    private final Clock clock;
    private final Duration clockSkew;
    private final Duration maxLifetime;
    private final StagedPipeline<Stage, Context, RequestRejected> pipeline = new StagedPipeline<>(Stage.class,
            this::run, detail -> reject(RequestReason.CHECK_UNAVAILABLE, detail));

    private ConsentRequestVerifier(Builder b) {
        if (b.registry == null || b.audience == null) {
            throw new IllegalStateException("registry and audience are required");
        }
        this.registry = b.registry;
        this.audience = b.audience;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.clockSkew = b.clockSkew == null ? DEFAULT_CLOCK_SKEW : b.clockSkew;
        this.maxLifetime = b.maxLifetime == null ? DEFAULT_MAX_LIFETIME : b.maxLifetime;
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
     * Checks a compact request (as signed by {@link ConsentRequestSigner}, or rebuilt from a scanned QR).
     *
     * @param compactJws the request; null, empty, garbage or oversized input gives a {@link RequestRejected}
     * @return {@link VerifiedRequest} or {@link RequestRejected}
     */
    public RequestResult verify(String compactJws) {
        Context c = new Context(compactJws, clock.instant());
        Optional<RequestRejected> r = pipeline.firstRejection(c);
        if (r.isPresent()) {
            return r.get();
        }
        if (c.request == null) {
            return reject(RequestReason.CHECK_UNAVAILABLE, "pipeline incomplete: no request");
        }
        return new VerifiedRequest(c.request, c.party, c.purpose);
    }

    private RequestRejected run(Stage s, Context c) {
        return switch (s) {
            case FORMAT -> format(c);
            case SIZE -> size(c);
            case UNVERIFIED_ISSUER -> unverifiedIssuer(c);
            case PARTY -> party(c);
            case KEY -> key(c);
            case SIGNATURE -> signature(c);
            case CRITICAL -> c.header.containsKey("crit")
                    ? reject(RequestReason.UNSUPPORTED_CRITICAL_HEADER, "crit is not supported") : null;
            case TYPE -> type(c);
            case TIME -> time(c);
            case AUDIENCE -> audience.equals(c.claims.get("aud")) ? null
                    : reject(RequestReason.WRONG_AUDIENCE, "aud is not " + audience);
            case PURPOSE -> purpose(c);
            case FIELDS -> fields(c);
        };
    }

    private static RequestRejected reject(RequestReason reason, String detail) {
        return new RequestRejected(reason, detail);
    }

    /** The reason of a {@code core.jose} defect. */
    private static RequestRejected defect(JoseDefectException e) {
        RequestReason reason = switch (e.defect()) {
            case TOO_LARGE -> RequestReason.TOO_LARGE;
            case MALFORMED -> RequestReason.MALFORMED;
        };
        return reject(reason, e.detail());
    }

    private RequestRejected format(Context c) {
        try {
            c.jws = CompactJws.parse(c.compact, MAX_COMPACT_CHARS);
        } catch (JoseDefectException e) {
            return defect(e);
        }
        if (c.jws.alg() == null) {
            return reject(RequestReason.MALFORMED, "no alg");
        }
        c.header = c.jws.header();
        return null;
    }

    private RequestRejected size(Context c) {
        try {
            c.payload = c.jws.payload(MAX_PAYLOAD_BYTES);
        } catch (JoseDefectException e) {
            return defect(e);
        }
        return null;
    }

    /**
     * The one read before the signature: the signer's keys are the party's, so {@code iss} picks whose keys to try.
     * Only {@code iss} is taken here; the other claims are decoded at the type stage, after the signature.
     */
    private RequestRejected unverifiedIssuer(Context c) {
        Map<String, Object> unverified;
        try {
            unverified = StrictJson.parseObject(c.payload);
        } catch (IllegalArgumentException e) {
            return reject(RequestReason.MALFORMED, "payload: " + e.getMessage());
        }
        if (!(unverified.get("iss") instanceof String)) {
            return reject(RequestReason.MALFORMED, "no iss naming the party");
        }
        c.unverifiedIss = (String) unverified.get("iss");
        c.claims = unverified;
        return null;
    }

    private RequestRejected party(Context c) {
        String iss = c.unverifiedIss;
        Optional<RelyingParty> party;
        try {
            party = registry.find(iss);
        } catch (RuntimeException e) {
            return reject(RequestReason.CHECK_UNAVAILABLE, "registry failed: " + e.getClass().getSimpleName());
        }
        if (party.isEmpty()) {
            return reject(RequestReason.UNKNOWN_PARTY, "no registered party " + printable(iss));
        }
        c.party = party.get();
        return null;
    }

    private RequestRejected key(Context c) {
        String alg = c.jws.alg();
        if (!"ES256".equals(alg)) {
            return reject(RequestReason.DISALLOWED_ALGORITHM, "alg " + printable(alg) + "; only ES256");
        }
        String kid = c.jws.kid();
        if (kid == null) {
            return reject(RequestReason.UNKNOWN_KEY, "no kid");
        }
        List<TrustedKey> keys;
        try {
            keys = JwsSignatures.pinnedTo(c.party.signingKeys().candidates(kid), "ES256");
        } catch (KeysUnavailableException e) {
            return reject(RequestReason.CHECK_UNAVAILABLE, "party keys unavailable: " + e.getMessage());
        }
        if (keys.isEmpty()) {
            return reject(RequestReason.UNKNOWN_KEY, "party " + c.party.id() + " has no key " + printable(kid));
        }
        c.candidates = keys;
        return null;
    }

    private RequestRejected signature(Context c) {
        JWSHeader header;
        try {
            header = JwsSignatures.nimbusHeader(c.jws);
        } catch (JoseDefectException e) {
            return defect(e);
        }
        if (JwsSignatures.firstVerifying(c.candidates, header, c.jws).isPresent()) {
            return null;
        }
        return reject(RequestReason.BAD_SIGNATURE, "the signature does not verify with the party's key(s)");
    }

    private RequestRejected type(Context c) {
        if (!ConsentRequest.TYPE.equals(c.header.get("typ"))) {
            return reject(RequestReason.WRONG_TYPE, "typ " + printable((String) c.header.get("typ")));
        }
        if (!EidProfile.isLowS(c.jws.signature())) {
            return reject(RequestReason.NON_CANONICAL_SIGNATURE,
                    "high-S ES256 signature: eid signers use low-S form, so this request was altered");
        }
        Map<String, Object> m = c.claims;
        for (String name : m.keySet()) {
            if (!CLAIMS.contains(name)) {
                return reject(RequestReason.MALFORMED, "unknown claim " + printable(name));
            }
        }
        try {
            String aud = token(m, "aud", ProtocolToken.PATTERN);
            long iat = StrictJson.longValue("iat", required(m, "iat"));
            long exp = StrictJson.longValue("exp", required(m, "exp"));
            if (iat < 0 || exp <= iat || exp > 253402300799L) {
                throw new IllegalArgumentException("exp must be after iat, both valid times");
            }
            String nonce = token(m, "nonce", ConsentRequestSigner.NONCE);
            Object purpose = required(m, "purpose");
            if (!(purpose instanceof String) || !Purpose.isWellFormedCode((String) purpose)) {
                throw new IllegalArgumentException("purpose must be a purpose code");
            }
            String text = null;
            if (m.containsKey("purpose_text")) {
                Object t = m.get("purpose_text");
                if (!(t instanceof String)) {
                    throw new IllegalArgumentException("purpose_text must be a string");
                }
                text = Purpose.text("purpose_text", (String) t);
            }
            String responseUri = m.containsKey("response_uri")
                    ? token(m, "response_uri", ConsentRequestSigner.RESPONSE_URI) : null;
            Object fields = required(m, "fields");
            if (!(fields instanceof List) || ((List<?>) fields).isEmpty() || ((List<?>) fields).size() > MAX_FIELDS) {
                throw new IllegalArgumentException("fields must be an array of 1 to " + MAX_FIELDS + " names");
            }
            List<String> names = new ArrayList<>();
            for (Object o : (List<?>) fields) {
                if (!(o instanceof String) || ((String) o).isEmpty() || ((String) o).length() > 64) {
                    throw new IllegalArgumentException("fields must hold field names");
                }
                if (names.contains(o)) {
                    throw new IllegalArgumentException("field named twice: " + printable((String) o));
                }
                names.add((String) o);
            }
            c.fieldNames = names;
            c.iat = Instant.ofEpochSecond(iat);
            c.exp = Instant.ofEpochSecond(exp);
            c.aud = aud;
            c.nonce = nonce;
            c.purposeCode = (String) purpose;
            c.purposeText = text;
            c.responseUri = responseUri;
        } catch (IllegalArgumentException e) {
            return reject(RequestReason.MALFORMED, "claims: " + e.getMessage());
        }
        return null;
    }

    private RequestRejected time(Context c) {
        Optional<String> tooLong = EidProfile.lifetimeExceeded(c.iat, c.exp, c.now, maxLifetime);
        if (tooLong.isPresent()) {
            return reject(RequestReason.LIFETIME_TOO_LONG, tooLong.get());
        }
        if (!c.now.isBefore(c.exp.plus(clockSkew))) {
            return reject(RequestReason.EXPIRED, "expired at " + c.exp + " (now " + c.now + ")");
        }
        if (c.now.plus(clockSkew).isBefore(c.iat)) {
            return reject(RequestReason.NOT_YET_VALID, "issued in the future at " + c.iat);
        }
        return null;
    }

    private RequestRejected purpose(Context c) {
        Optional<Purpose> p = registry.catalogue().find(c.purposeCode);
        if (p.isEmpty()) {
            return reject(RequestReason.UNKNOWN_PURPOSE, "purpose " + c.purposeCode + " is not in the catalogue");
        }
        if (c.party.allowedFields(c.purposeCode).isEmpty()) {
            return reject(RequestReason.PURPOSE_NOT_REGISTERED, "party " + c.party.id() + " has not registered "
                    + c.purposeCode);
        }
        c.purpose = p.get();
        return null;
    }

    private RequestRejected fields(Context c) {
        Set<CitizenField> allowed = c.party.allowedFields(c.purposeCode).orElseThrow();
        EnumSet<CitizenField> fields = EnumSet.noneOf(CitizenField.class);
        List<String> outside = new ArrayList<>();
        for (String n : c.fieldNames) {
            Optional<CitizenField> f = CitizenField.fromClaimName(n);
            if (f.isEmpty() || !allowed.contains(f.get())) {
                outside.add(printable(n));
            } else {
                fields.add(f.get());
            }
        }
        if (!outside.isEmpty()) {
            return reject(RequestReason.FIELDS_NOT_ALLOWED, "not registered for " + c.purposeCode + ": " + outside);
        }
        c.request = new ConsentRequest(c.party.id(), c.aud, c.purposeCode, c.purposeText, fields, c.nonce, c.iat,
                c.exp, c.responseUri);
        return null;
    }

    private static Object required(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v;
    }

    private static String token(Map<String, Object> m, String name, java.util.regex.Pattern rule) {
        Object v = required(m, name);
        if (!(v instanceof String) || !rule.matcher((String) v).matches()) {
            throw new IllegalArgumentException(name + " is malformed");
        }
        return (String) v;
    }

    private static String printable(String s) {
        return JoseText.printable(s);
    }

    @Override
    public String toString() {
        return "ConsentRequestVerifier[aud=" + audience + ", skew=" + clockSkew + ", maxLifetime=" + maxLifetime
                + ", registry=" + registry + "]";
    }

    private static final class Context {
        final String compact;
        final Instant now;
        CompactJws jws;
        Map<String, Object> header;
        byte[] payload;
        /** {@code iss} read before the signature, only to pick the party's keys. */
        String unverifiedIss;
        /** The payload; only {@code iss} is read before the signature has verified. */
        Map<String, Object> claims;
        RelyingParty party;
        List<TrustedKey> candidates;
        List<String> fieldNames;
        Instant iat;
        Instant exp;
        String aud;
        String nonce;
        String purposeCode;
        String purposeText;
        String responseUri;
        Purpose purpose;
        ConsentRequest request;

        Context(String compact, Instant now) {
            this.compact = compact;
            this.now = Objects.requireNonNull(now, "clock returned null");
        }
    }

    /** Builds a {@link ConsentRequestVerifier}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private RelyingPartyRegistry registry;
        private String audience;
        private Clock clock;
        private Duration clockSkew;
        private Duration maxLifetime;

        private Builder() {
        }

        /**
         * Required: the registered parties.
         *
         * @param registry the registry
         * @return this builder
         */
        public Builder registry(RelyingPartyRegistry registry) {
            once(this.registry, "registry");
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Required: this issuer's id, which requests must name in {@code aud}.
         *
         * @param audience e.g. {@code https://vneid.gov.vn}
         * @return this builder
         */
        public Builder audience(String audience) {
            once(this.audience, "audience");
            Objects.requireNonNull(audience, "audience");
            if (audience.isEmpty()) {
                throw new IllegalArgumentException("audience is empty");
            }
            this.audience = audience;
            return this;
        }

        /**
         * The clock; {@link Clock#systemUTC()} by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            once(this.clock, "clock");
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
            once(this.clockSkew, "clockSkew");
            this.clockSkew = EidProfile.checkClockSkew(skew);
            return this;
        }

        /**
         * The longest lifetime ({@code exp - iat}) accepted; {@link #DEFAULT_MAX_LIFETIME} (10 minutes) by default,
         * which is also the largest value: the cap can only be lowered.
         *
         * @param maxLifetime positive, at most 10 minutes
         * @return this builder
         * @throws IllegalArgumentException when not positive or above {@link #DEFAULT_MAX_LIFETIME}
         */
        public Builder maxLifetime(Duration maxLifetime) {
            once(this.maxLifetime, "maxLifetime");
            this.maxLifetime = EidProfile.checkLifetimeCap("maxLifetime", maxLifetime, DEFAULT_MAX_LIFETIME);
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException when the registry or audience is missing
         */
        public ConsentRequestVerifier build() {
            return new ConsentRequestVerifier(this);
        }
    }
}
