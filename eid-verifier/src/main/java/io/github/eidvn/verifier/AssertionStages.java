package io.github.eidvn.verifier;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSHeader;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.jose.CompactJws;
import io.github.eidvn.core.jose.EidProfile;
import io.github.eidvn.core.jose.JoseDefectException;
import io.github.eidvn.core.jose.JoseText;
import io.github.eidvn.core.jose.JwsSignatures;
import io.github.eidvn.core.jose.StagedPipeline;
import io.github.eidvn.core.keys.KeysUnavailableException;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.keys.TrustedKey;
import io.github.eidvn.verifier.AssertionVerifier.Context;

/**
 * The stages of an {@link AssertionVerifier}, one method each, in the order of {@link Stage}; the fail-closed loop
 * is {@link StagedPipeline}'s. Parsing and the signature check are {@code core.jose}'s, shared with the other eid
 * verifiers; what stays here is the assertion's own rules and the map from {@code core.jose} defects to
 * {@link Reason}s. Immutable and thread-safe (given a thread-safe replay guard and revocation check).
 */
final class AssertionStages {

    private static final Set<String> ASYMMETRIC_ALGORITHMS = Set.of("ES256", "RS256", "RS384", "RS512", "PS256",
            "PS384", "PS512");
    /** The most header texts remembered by {@link #knownHeaders}. */
    private static final int KNOWN_HEADERS = 64;

    private final TrustStore trustStore;
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
    final StagedPipeline<Stage, Context, Rejected> pipeline = new StagedPipeline<>(Stage.class, this::stage,
            detail -> reject(Reason.CHECK_UNAVAILABLE, detail));

    // the verifier's settings, checked by its builder
    AssertionStages(TrustStore trustStore, Duration clockSkew, Duration maxAge, Duration maxLifetime,
            boolean requireExpiration, String expectedAudience, String expectedPurpose, ReplayGuard replayGuard,
            RevocationCheck revocationCheck, AssuranceLevel requiredLevel) {
        this.trustStore = trustStore;
        this.clockSkew = clockSkew;
        this.maxAge = maxAge;
        this.maxLifetime = maxLifetime;
        this.requireExpiration = requireExpiration;
        this.expectedAudience = expectedAudience;
        this.expectedPurpose = expectedPurpose;
        this.replayGuard = replayGuard;
        this.revocationCheck = revocationCheck;
        this.requiredLevel = requiredLevel;
    }

    private Rejected stage(Stage s, Context c) {
        return switch (s) {
            case FORMAT -> format(c);
            case SIZE -> size(c);
            case KEY -> key(c);
            case SIGNATURE -> signature(c);
            case CRITICAL -> critical(c);
            case TYPE -> type(c);
            case ISSUER -> issuer(c);
            case TIME -> time(c);
            case AUDIENCE -> audience(c);
            case REPLAY -> replay(c);
            case REVOCATION -> revocation(c);
            case POLICY -> policy(c);
        };
    }

    private static Rejected reject(Reason reason, String detail) {
        return new Rejected(reason, detail);
    }

    /** The reason of a {@code core.jose} defect. */
    private static Rejected defect(JoseDefectException e) {
        Reason reason = switch (e.defect()) {
            case TOO_LARGE -> Reason.TOO_LARGE;
            case MALFORMED -> Reason.MALFORMED;
        };
        return reject(reason, e.detail());
    }

    // 1. format
    Rejected format(Context c) {
        ParsedHeader[] known = new ParsedHeader[1];
        try {
            c.jws = CompactJws.parse(c.compact, AssertionVerifier.MAX_COMPACT_CHARS, headerText -> {
                known[0] = knownHeaders.get(headerText);
                return known[0] == null ? null : known[0].json;
            });
        } catch (JoseDefectException e) {
            return defect(e);
        }
        c.known = known[0];
        c.parts = c.jws.parts();
        c.header = c.jws.header();
        if (c.jws.alg() == null) {
            return reject(Reason.MALFORMED, "header alg missing or not a string");
        }
        c.alg = c.jws.alg();
        c.kid = c.jws.kid();
        c.typ = c.jws.typ();
        c.zip = c.jws.zip();
        c.signature = c.jws.signature();
        return null;
    }

    // 2. size
    Rejected size(Context c) {
        if (c.zip != null && !RawDeflate.JOSE_ZIP.equals(c.zip)) {
            return reject(Reason.MALFORMED, "unsupported zip");
        }
        try {
            c.payload = c.jws.payload(RawDeflate.MAX_INFLATED_BYTES);
        } catch (JoseDefectException e) {
            return defect(e);
        }
        return null;
    }

    // 3. key selection
    Rejected key(Context c) {
        if (!ASYMMETRIC_ALGORITHMS.contains(c.alg)) {
            return reject(Reason.DISALLOWED_ALGORITHM, "alg " + JoseText.printable(c.alg) + " is not accepted");
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
            return reject(Reason.UNKNOWN_KEY, "no trusted key with kid " + JoseText.printable(c.kid));
        }
        List<TrustedKey> pinned = JwsSignatures.pinnedTo(candidates, c.alg);
        if (pinned.isEmpty()) {
            return reject(Reason.DISALLOWED_ALGORITHM,
                    "alg " + c.alg + " is not the algorithm pinned to the key(s) with kid " + JoseText.printable(c.kid));
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
                header = JwsSignatures.nimbusHeader(c.jws);
            } catch (JoseDefectException e) {
                return defect(e);
            }
        }
        Optional<TrustedKey> verifiedBy = JwsSignatures.firstVerifying(c.candidates, header, c.jws);
        if (verifiedBy.isEmpty()) {
            return reject(Reason.BAD_SIGNATURE, "the signature does not verify with " + c.candidates.size()
                    + " trusted key(s) for kid " + JoseText.printable(c.kid));
        }
        c.verifiedBy = verifiedBy.get();
        if (c.known == null && knownHeaders.size() < KNOWN_HEADERS) {
            knownHeaders.putIfAbsent(c.parts[0], new ParsedHeader(Collections.unmodifiableMap(c.header), header));
        }
        return null;
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
        if (AssertionIssuer.JWT_TYPE.equals(typ)) {
            if (c.zip != null) {
                return reject(Reason.WRONG_TYPE, "the standard form is not compressed");
            }
        } else if (AssertionIssuer.QR_TYPE.equals(typ)) {
            if (c.zip == null) {
                return reject(Reason.WRONG_TYPE, "the QR form is compressed (zip DEF)");
            }
        } else {
            return reject(Reason.WRONG_TYPE, "typ " + JoseText.printable(c.typ) + " is not an eid assertion type");
        }
        if ("ES256".equals(c.alg) && !EidProfile.isLowS(c.signature)) {
            return reject(Reason.NON_CANONICAL_SIGNATURE,
                    "high-S ES256 signature: eid issuers sign in low-S form, so this text was altered");
        }
        try {
            c.assertion = Assertion.fromClaimsJson(typ, c.payload, c.verifiedBy.kid());
        } catch (IllegalArgumentException e) {
            return reject(Reason.MALFORMED, "claims: " + e.getMessage());
        }
        return null;
    }

    // 7. issuer bound to the key
    Rejected issuer(Context c) {
        String iss = c.assertion.issuer();
        if (EidProfile.keyForIssuer(c.verifiedBy, c.candidates, iss).isEmpty()) {
            return reject(Reason.WRONG_ISSUER, "the signing key is not trusted for iss " + JoseText.printable(iss));
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

    /** @return the settings, for the verifier's {@code toString} (no key material) */
    @Override
    public String toString() {
        return "[keys=" + trustStore.keys().size() + ", skew=" + clockSkew + ", maxAge=" + maxAge
                + ", maxLifetime=" + maxLifetime
                + ", requireExp=" + requireExpiration + ", aud=" + expectedAudience + ", purpose=" + expectedPurpose
                + ", replayGuard=" + replayGuard + ", revocation=" + (revocationCheck != null) + ", level="
                + requiredLevel + "]";
    }

    /** @return how many header texts are remembered (tests) */
    int knownHeaderCount() {
        return knownHeaders.size();
    }

    /** A protected header parsed by both parsers: strict JSON for the stages, Nimbus for the signature. */
    static final class ParsedHeader {
        final Map<String, Object> json;
        final JWSHeader nimbus;

        ParsedHeader(Map<String, Object> json, JWSHeader nimbus) {
            this.json = json;
            this.nimbus = nimbus;
        }
    }
}
