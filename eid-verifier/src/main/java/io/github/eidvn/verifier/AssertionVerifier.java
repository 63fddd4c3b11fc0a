package io.github.eidvn.verifier;

import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.internal.AssertionCodec;
import io.github.eidvn.core.internal.Base64Url;
import io.github.eidvn.core.internal.Es256JwsVerifier;
import io.github.eidvn.core.internal.QrClaimProfile;
import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.jose.EidProfile;
import io.github.eidvn.core.keys.KeysUnavailableException;
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
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(2);
    /** The default clock skew. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    /** The default and largest maximum lifetime ({@code exp - iat}) of an assertion or QR presentation: 24 h. */
    public static final Duration DEFAULT_MAX_LIFETIME = EidProfile.MAX_ASSERTION_LIFETIME;

    private static final Set<String> ASYMMETRIC_ALGORITHMS = Set.of("ES256", "RS256", "RS384", "RS512", "PS256",
            "PS384", "PS512");
    /** The most header texts remembered by {@link #knownHeaders}. */
    private static final int KNOWN_HEADERS = 64;

    private final TrustStore trustStore;
    private final Clock clock;
    private final Duration clockSkew;
    private final Duration maxAge;
    private final Duration maxLifetime;
    private final boolean requireExpiration;
    private final String expectedAudience;
    private final String expectedPurpose;
    private final ReplayGuard replayGuard;
    private final RevocationCheck revocationCheck;
    private final AssuranceLevel requiredLevel;
    /**
     * Parsed forms of protected-header texts seen on tokens whose signature verified (at most
     * {@value #KNOWN_HEADERS}), so an issuer's few header texts are parsed once, not per token. Parsing is
     * deterministic, so a hit gives exactly what parsing the text again would; only signed headers are added, so
     * unsigned input cannot fill it.
     */
    private final Map<String, ParsedHeader> knownHeaders = new ConcurrentHashMap<>();

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
        this.trustStore = b.trustStore;
        this.maxLifetime = b.maxLifetime == null ? DEFAULT_MAX_LIFETIME : b.maxLifetime;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.clockSkew = b.clockSkew == null ? DEFAULT_CLOCK_SKEW : b.clockSkew;
        this.maxAge = b.maxAge;
        this.requireExpiration = !b.withoutExpiration;
        this.expectedAudience = b.expectedAudience;
        this.expectedPurpose = b.expectedPurpose;
        this.replayGuard = b.withoutReplayGuard ? null
                : b.replayGuard != null ? b.replayGuard
                : InMemoryReplayGuard.withCapacity(InMemoryReplayGuard.DEFAULT_MAX_ENTRIES);
        this.revocationCheck = b.revocationCheck;
        this.requiredLevel = b.anyLevel ? AssuranceLevel.LEVEL_1 : b.requiredLevel;
        if (!requireExpiration && replayGuard != null && maxAge == null) {
            throw new IllegalStateException(
                    "withoutExpiration() with a replay guard needs maxAge(): ids must not be kept forever");
        }
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
        Rejected r = run(c, Stage.FORMAT, Stage.POLICY);
        if (r != null) {
            return r;
        }
        if (!c.passed.equals(EnumSet.allOf(Stage.class)) || c.assertion == null) {
            return new Rejected(Reason.CHECK_UNAVAILABLE, "pipeline incomplete: passed " + c.passed);
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
        for (Stage s : Stage.values()) {
            if (s.compareTo(from) < 0 || s.compareTo(to) > 0) {
                continue;
            }
            Rejected r;
            try {
                r = stage(s, c);
            } catch (RuntimeException e) {
                r = new Rejected(Reason.CHECK_UNAVAILABLE,
                        "unexpected " + e.getClass().getSimpleName() + " in the " + s + " stage");
            }
            if (r != null) {
                return r;
            }
            c.passed.add(s);
        }
        return null;
    }

    private Rejected stage(Stage s, Context c) {
        switch (s) {
            case FORMAT:
                return format(c);
            case SIZE:
                return size(c);
            case KEY:
                return key(c);
            case SIGNATURE:
                return signature(c);
            case CRITICAL:
                return critical(c);
            case TYPE:
                return type(c);
            case ISSUER:
                return issuer(c);
            case TIME:
                return time(c);
            case AUDIENCE:
                return audience(c);
            case REPLAY:
                return replay(c);
            case REVOCATION:
                return revocation(c);
            case POLICY:
                return policy(c);
            default:
                return new Rejected(Reason.CHECK_UNAVAILABLE, "no implementation for stage " + s);
        }
    }

    private static Rejected reject(Reason reason, String detail) {
        return new Rejected(reason, detail);
    }

    // 1. format
    Rejected format(Context c) {
        String text = c.compact;
        if (text == null || text.isEmpty()) {
            return reject(Reason.MALFORMED, "no input");
        }
        if (text.length() > MAX_COMPACT_CHARS) {
            return reject(Reason.TOO_LARGE, "compact JWS longer than " + MAX_COMPACT_CHARS + " characters");
        }
        int first = text.indexOf('.');
        int second = first < 0 ? -1 : text.indexOf('.', first + 1);
        if (first < 0 || second < 0 || text.indexOf('.', second + 1) >= 0) {
            return reject(Reason.MALFORMED, "a compact JWS has exactly three dot-separated parts");
        }
        c.parts = new String[] {text.substring(0, first), text.substring(first + 1, second),
                text.substring(second + 1)};
        if (c.parts[0].isEmpty()) {
            return reject(Reason.MALFORMED, "empty header");
        }
        c.known = knownHeaders.get(c.parts[0]);
        byte[][] decoded = new byte[3][];
        for (int i = c.known == null ? 0 : 1; i < 3; i++) {
            try {
                decoded[i] = Base64Url.decode(c.parts[i]);
            } catch (IllegalArgumentException e) {
                return reject(Reason.MALFORMED, "part " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (c.known != null) {
            c.header = c.known.json;
        } else {
            try {
                c.header = StrictJson.parseObject(decoded[0]);
            } catch (IllegalArgumentException e) {
                return reject(Reason.MALFORMED, "header: " + e.getMessage());
            }
        }
        Object alg = c.header.get("alg");
        if (!(alg instanceof String)) {
            return reject(Reason.MALFORMED, "header alg missing or not a string");
        }
        c.alg = (String) alg;
        for (String member : List.of("kid", "typ", "zip")) {
            Object v = c.header.get(member);
            if (v != null && !(v instanceof String)) {
                return reject(Reason.MALFORMED, "header " + member + " is not a string");
            }
        }
        if (c.header.containsKey("b64")) {
            return reject(Reason.MALFORMED, "header b64 (RFC 7797) is not accepted");
        }
        c.kid = (String) c.header.get("kid");
        c.typ = (String) c.header.get("typ");
        c.zip = (String) c.header.get("zip");
        c.rawPayload = decoded[1];
        c.signature = decoded[2];
        return null;
    }

    // 2. size
    Rejected size(Context c) {
        if (c.zip == null) {
            if (c.rawPayload.length > RawDeflate.MAX_INFLATED_BYTES) {
                return reject(Reason.TOO_LARGE, "payload larger than " + RawDeflate.MAX_INFLATED_BYTES + " bytes");
            }
            c.payload = c.rawPayload;
            return null;
        }
        if (!AssertionCodec.ZIP_DEFLATE.equals(c.zip)) {
            return reject(Reason.MALFORMED, "unsupported zip");
        }
        try {
            c.payload = RawDeflate.inflate(c.rawPayload, RawDeflate.MAX_INFLATED_BYTES);
        } catch (RawDeflate.TooLargeException e) {
            return reject(Reason.TOO_LARGE, "payload inflates past " + RawDeflate.MAX_INFLATED_BYTES + " bytes");
        } catch (IllegalArgumentException e) {
            return reject(Reason.MALFORMED, "payload: " + e.getMessage());
        }
        return null;
    }

    // 3. key selection
    Rejected key(Context c) {
        if (!ASYMMETRIC_ALGORITHMS.contains(c.alg)) {
            return reject(Reason.DISALLOWED_ALGORITHM, "alg " + printable(c.alg) + " is not accepted");
        }
        if (c.kid == null) {
            return reject(Reason.UNKNOWN_KEY, "no kid in the header");
        }
        List<TrustedKey> candidates;
        try {
            candidates = trustStore.candidates(c.kid);
        } catch (KeysUnavailableException e) {
            return reject(Reason.CHECK_UNAVAILABLE, "issuer keys unavailable: " + e.getMessage());
        }
        if (candidates.isEmpty()) {
            return reject(Reason.UNKNOWN_KEY, "no trusted key with kid " + printable(c.kid));
        }
        List<TrustedKey> pinned = new ArrayList<>();
        for (TrustedKey k : candidates) {
            if (k.algorithm().equals(c.alg)) {
                pinned.add(k);
            }
        }
        if (pinned.isEmpty()) {
            return reject(Reason.DISALLOWED_ALGORITHM,
                    "alg " + c.alg + " is not the algorithm pinned to the key(s) with kid " + printable(c.kid));
        }
        c.candidates = pinned;
        return null;
    }

    // 4. signature
    Rejected signature(Context c) {
        JWSHeader header;
        if (c.known != null) {
            header = c.known.nimbus;
        } else {
            try {
                header = JWSHeader.parse(Base64URL.from(c.parts[0]));
            } catch (ParseException | RuntimeException e) {
                return reject(Reason.MALFORMED, "header: not a JWS header (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (!header.getAlgorithm().getName().equals(c.alg)) {
            return reject(Reason.MALFORMED, "header alg parsed inconsistently");
        }
        // crit names are deferred to the CRITICAL stage, which gives its own reason
        Set<String> crit = header.getCriticalParams() == null ? Set.of() : new HashSet<>(header.getCriticalParams());
        byte[] signingInput = (c.parts[0] + "." + c.parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Base64URL signature = new Base64URL(c.parts[2]); // canonical base64url, checked by the format stage
        for (TrustedKey k : c.candidates) {
            try {
                // ES256: the key's cached, validated P-256 point (Bouncy Castle precomputation reused per key)
                JWSVerifier verifier = "ES256".equals(k.algorithm())
                        ? new Es256JwsVerifier(k, crit)
                        : new RSASSAVerifier((RSAPublicKey) k.publicKey(), crit);
                if (verifier.verify(header, signingInput, signature)) {
                    c.verifiedBy = k;
                    if (c.known == null && knownHeaders.size() < KNOWN_HEADERS) {
                        knownHeaders.putIfAbsent(c.parts[0],
                                new ParsedHeader(Collections.unmodifiableMap(c.header), header));
                    }
                    return null;
                }
            } catch (JOSEException e) {
                // not valid with this key (e.g. wrong signature length); try the next
            }
        }
        return reject(Reason.BAD_SIGNATURE, "the signature does not verify with " + c.candidates.size()
                + " trusted key(s) for kid " + printable(c.kid));
    }

    // 5. crit
    Rejected critical(Context c) {
        if (c.header.containsKey("crit")) {
            return reject(Reason.UNSUPPORTED_CRITICAL_HEADER, "crit lists extensions this verifier does not implement");
        }
        return null;
    }

    // 6. type and claims
    Rejected type(Context c) {
        if (c.typ == null) {
            return reject(Reason.WRONG_TYPE, "no typ");
        }
        String typ = c.typ.toLowerCase(Locale.ROOT);
        if (typ.startsWith("application/")) {
            typ = typ.substring("application/".length());
        }
        boolean qr;
        if (AssertionCodec.TYPE_JWT.equals(typ)) {
            if (c.zip != null) {
                return reject(Reason.WRONG_TYPE, "the standard form is not compressed");
            }
            qr = false;
        } else if (AssertionCodec.TYPE_QR.equals(typ)) {
            if (c.zip == null) {
                return reject(Reason.WRONG_TYPE, "the QR form is compressed (zip DEF)");
            }
            qr = true;
        } else {
            return reject(Reason.WRONG_TYPE, "typ " + printable(c.typ) + " is not an eid assertion type");
        }
        if ("ES256".equals(c.alg) && !EidProfile.isLowS(c.signature)) {
            return reject(Reason.NON_CANONICAL_SIGNATURE,
                    "high-S ES256 signature: eid issuers sign in low-S form, so this text was altered");
        }
        try {
            Map<String, Object> claims = StrictJson.parseObject(c.payload);
            if (qr) {
                claims = QrClaimProfile.expand(claims);
            }
            c.assertion = AssertionCodec.fromStandard(claims, c.verifiedBy.kid());
        } catch (IllegalArgumentException e) {
            return reject(Reason.MALFORMED, "claims: " + e.getMessage());
        }
        return null;
    }

    // 7. issuer bound to the key
    Rejected issuer(Context c) {
        String iss = c.assertion.issuer();
        if (EidProfile.keyForIssuer(c.verifiedBy, c.candidates, iss).isEmpty()) {
            return reject(Reason.WRONG_ISSUER, "the signing key is not trusted for iss " + printable(iss));
        }
        return null;
    }

    // 8. time
    Rejected time(Context c) {
        Assertion a = c.assertion;
        Instant now = c.now;
        if (a.expiresAt().isPresent()) {
            Instant exp = a.expiresAt().get();
            var tooLong = EidProfile.lifetimeExceeded(a.issuedAt(), exp, now, maxLifetime);
            if (tooLong.isPresent()) {
                return reject(Reason.LIFETIME_TOO_LONG, tooLong.get());
            }
            if (!now.isBefore(exp.plus(clockSkew))) {
                return reject(Reason.EXPIRED, "expired at " + exp + " (now " + now + ", skew " + clockSkew + ")");
            }
        } else if (requireExpiration) {
            return reject(Reason.MALFORMED, "no exp claim (the verifier was not told withoutExpiration())");
        } else if (now.isAfter(a.issuedAt().plus(maxLifetime).plus(clockSkew))) {
            return reject(Reason.EXPIRED, "no exp, and issued more than the maximum lifetime " + maxLifetime
                    + " ago");
        }
        if (a.notBefore().isPresent() && now.plus(clockSkew).isBefore(a.notBefore().get())) {
            return reject(Reason.NOT_YET_VALID, "not before " + a.notBefore().get() + " (now " + now + ")");
        }
        if (now.plus(clockSkew).isBefore(a.issuedAt())) {
            return reject(Reason.NOT_YET_VALID, "issued in the future at " + a.issuedAt() + " (now " + now + ")");
        }
        if (maxAge != null && now.isAfter(a.issuedAt().plus(maxAge).plus(clockSkew))) {
            return reject(Reason.EXPIRED, "older than the maximum age " + maxAge);
        }
        return null;
    }

    // 9. audience and purpose
    Rejected audience(Context c) {
        Assertion a = c.assertion;
        if (expectedAudience == null) {
            if (!a.audience().isEmpty()) {
                return reject(Reason.WRONG_AUDIENCE, "the token names an audience but none is expected");
            }
        } else if (!a.audience().contains(expectedAudience)) {
            return reject(Reason.WRONG_AUDIENCE, a.audience().isEmpty() ? "the token names no audience"
                    : "the token is for another audience");
        }
        if (expectedPurpose == null) {
            if (a.purpose().isPresent()) {
                return reject(Reason.WRONG_PURPOSE, "the token states a purpose but none is expected");
            }
        } else if (!a.purpose().map(expectedPurpose::equals).orElse(false)) {
            return reject(Reason.WRONG_PURPOSE, a.purpose().isEmpty() ? "the token states no purpose"
                    : "the token is for another purpose");
        }
        return null;
    }

    // 10. replay
    Rejected replay(Context c) {
        if (replayGuard == null) {
            return null;
        }
        Assertion a = c.assertion;
        if (a.jti() == null || a.jti().isEmpty()) {
            return reject(Reason.MALFORMED, "no jti for the replay check");
        }
        Instant until = a.expiresAt().orElseGet(() -> a.issuedAt().plus(maxAge == null || maxAge.compareTo(maxLifetime) > 0
                ? maxLifetime : maxAge)).plus(clockSkew);
        ReplayGuard.Outcome outcome;
        try {
            // length-prefixed so that no (iss, jti) pair can collide with another
            outcome = replayGuard.checkAndRecord(a.issuer().length() + ":" + a.issuer() + a.jti(), until, c.now);
        } catch (RuntimeException e) {
            return reject(Reason.CHECK_UNAVAILABLE, "replay guard failed: " + e.getClass().getSimpleName());
        }
        if (outcome == ReplayGuard.Outcome.FIRST_USE) {
            return null;
        }
        if (outcome == ReplayGuard.Outcome.REPLAYED) {
            return reject(Reason.REPLAYED, "jti already presented");
        }
        return reject(Reason.CHECK_UNAVAILABLE, "replay guard: " + outcome);
    }

    // 11. revocation
    Rejected revocation(Context c) {
        if (revocationCheck == null) {
            return null; // explicitly: no revocation source configured
        }
        RevocationStatus status;
        try {
            status = revocationCheck.status(c.assertion);
        } catch (RuntimeException e) {
            return reject(Reason.CHECK_UNAVAILABLE, "revocation check failed: " + e.getClass().getSimpleName());
        }
        if (status == RevocationStatus.NOT_REVOKED) {
            return null;
        }
        if (status == RevocationStatus.REVOKED) {
            return reject(Reason.REVOKED, "revoked");
        }
        return reject(Reason.CHECK_UNAVAILABLE, "revocation status unknown");
    }

    // 12. policy
    Rejected policy(Context c) {
        Assertion a = c.assertion;
        if (a.level().satisfies(AssuranceLevel.LEVEL_2) && !EidProfile.hasLevel2Method(a.methods(), a.evidence())) {
            return reject(Reason.LEVEL_WITHOUT_METHOD, "level " + a.level().number()
                    + " without face or fingerprint in amr or biometric verification in the evidence");
        }
        if (!c.assertion.level().satisfies(requiredLevel)) {
            return reject(Reason.INSUFFICIENT_LEVEL, "level " + c.assertion.level().number() + ", required "
                    + requiredLevel.number());
        }
        return null;
    }

    /** @return how many header texts are remembered (tests) */
    int knownHeaderCount() {
        return knownHeaders.size();
    }

    /** At most 64 printable ASCII characters of an attacker-chosen header value, for details. */
    private static String printable(String s) {
        if (s == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length() && i < 64; i++) {
            char ch = s.charAt(i);
            b.append(ch >= 0x20 && ch < 0x7f ? ch : '?');
        }
        if (s.length() > 64) {
            b.append("...");
        }
        return b.append('"').toString();
    }

    @Override
    public String toString() {
        return "AssertionVerifier[keys=" + trustStore.keys().size() + ", skew=" + clockSkew + ", maxAge=" + maxAge
                + ", maxLifetime=" + maxLifetime
                + ", requireExp=" + requireExpiration + ", aud=" + expectedAudience + ", purpose=" + expectedPurpose
                + ", replayGuard=" + replayGuard + ", revocation=" + (revocationCheck != null) + ", level="
                + requiredLevel + "]";
    }

    /** A protected header parsed by both parsers: strict JSON for the stages, Nimbus for the signature. */
    private static final class ParsedHeader {
        final Map<String, Object> json;
        final JWSHeader nimbus;

        ParsedHeader(Map<String, Object> json, JWSHeader nimbus) {
            this.json = json;
            this.nimbus = nimbus;
        }
    }

    /** Per-call state passed from stage to stage. Not shared between calls. */
    static final class Context {
        final String compact;
        final Instant now;
        final EnumSet<Stage> passed = EnumSet.noneOf(Stage.class);
        String[] parts;
        /** The header's parsed forms when its text verified before, else null. */
        ParsedHeader known;
        Map<String, Object> header;
        String alg;
        String kid;
        String typ;
        String zip;
        byte[] rawPayload;
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

        private static void once(boolean alreadySet, String name) {
            if (alreadySet) {
                throw new IllegalStateException(name + " is already set");
            }
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
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("clock skew must be between 0 and " + MAX_CLOCK_SKEW);
            }
            this.clockSkew = skew;
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
