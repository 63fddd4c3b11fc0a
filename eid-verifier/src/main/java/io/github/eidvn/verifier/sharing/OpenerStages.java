package io.github.eidvn.verifier.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ReceiptState;
import io.github.eidvn.core.consent.ReceiptStatus;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.jose.CompactJwe;
import io.github.eidvn.core.jose.CompactJws;
import io.github.eidvn.core.jose.EidProfile;
import io.github.eidvn.core.jose.JoseDefectException;
import io.github.eidvn.core.jose.JoseText;
import io.github.eidvn.core.jose.JwsSignatures;
import io.github.eidvn.core.jose.StagedPipeline;
import io.github.eidvn.core.keys.KeysUnavailableException;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.keys.TrustedKey;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.core.sharing.SharingFormat;
import io.github.eidvn.verifier.ReplayGuard;
import io.github.eidvn.verifier.sharing.SharedDataOpener.Context;

/**
 * The stages of a {@link SharedDataOpener}, one method each, in the order of {@link Stage}; the fail-closed loop is
 * {@link StagedPipeline}'s, parsing and the signature check {@code core.jose}'s. What stays here is the sealed
 * package's own rules and the map from {@code core.jose} defects to {@link OpenReason}s. Immutable and thread-safe
 * (given thread-safe receipt status and replay guard).
 */
final class OpenerStages {

    /** The stages, in their order (see {@link SharedDataOpener}). */
    enum Stage {
        FORMAT, HEADER, RECIPIENT, DECRYPT, INNER_FORMAT, KEY, SIGNATURE, TYPE, CLAIMS, ISSUER, TIME, AUDIENCE,
        NONCE, RECEIPT, REPLAY, POLICY
    }

    private static final Set<String> HEADER_MEMBERS = Set.of("alg", "enc", "cty", "kid", "epk", "apu", "apv");

    private final PartyDecryptionKey key;
    private final String partyId;
    private final TrustStore trustStore;
    private final Set<String> expectedIssuers;
    private final Duration maxLifetime;
    private final ReceiptStatus receiptStatus;
    private final ReplayGuard replayGuard;
    private final Duration clockSkew;
    private final AssuranceLevel requiredLevel;
    private final String expectedPurpose;
    final StagedPipeline<Stage, Context, OpenRejected> pipeline = new StagedPipeline<>(Stage.class, this::stage,
            detail -> reject(OpenReason.CHECK_UNAVAILABLE, detail));

    // the opener's settings, checked by its builder
    OpenerStages(PartyDecryptionKey key, String partyId, TrustStore trustStore, Set<String> expectedIssuers,
            Duration maxLifetime, ReceiptStatus receiptStatus, ReplayGuard replayGuard, Duration clockSkew,
            AssuranceLevel requiredLevel, String expectedPurpose) {
        this.key = key;
        this.partyId = partyId;
        this.trustStore = trustStore;
        this.expectedIssuers = expectedIssuers;
        this.maxLifetime = maxLifetime;
        this.receiptStatus = receiptStatus;
        this.replayGuard = replayGuard;
        this.clockSkew = clockSkew;
        this.requiredLevel = requiredLevel;
        this.expectedPurpose = expectedPurpose;
    }

    private OpenRejected stage(Stage s, Context c) {
        return switch (s) {
            case FORMAT -> format(c);
            case HEADER -> header(c);
            case RECIPIENT -> recipient(c);
            case DECRYPT -> decrypt(c);
            case INNER_FORMAT -> innerFormat(c);
            case KEY -> key(c);
            case SIGNATURE -> signature(c);
            case TYPE -> type(c);
            case CLAIMS -> claims(c);
            case ISSUER -> issuer(c);
            case TIME -> time(c);
            case AUDIENCE -> partyId.equals(c.aud) ? null : reject(OpenReason.WRONG_AUDIENCE, "aud is another party");
            case NONCE -> nonce(c);
            case RECEIPT -> receipt(c);
            case REPLAY -> replay(c);
            case POLICY -> policy(c);
        };
    }

    private static OpenRejected reject(OpenReason reason, String detail) {
        return new OpenRejected(reason, detail);
    }

    /** Size first (before any parsing), then five canonical base64url parts and a strict JSON header. */
    private OpenRejected format(Context c) {
        try {
            c.jwe = CompactJwe.parse(c.compact, SharingFormat.MAX_JWE_CHARS);
        } catch (JoseDefectException e) {
            OpenReason reason = switch (e.defect()) {
                case TOO_LARGE -> OpenReason.TOO_LARGE;
                case MALFORMED -> OpenReason.MALFORMED;
            };
            return reject(reason, e.detail());
        }
        c.header = c.jwe.header();
        return null;
    }

    private OpenRejected header(Context c) {
        Map<String, Object> h = c.header;
        if (h.containsKey("zip")) {
            return reject(OpenReason.COMPRESSION_REFUSED, "zip is not accepted");
        }
        if (h.containsKey("crit")) {
            return reject(OpenReason.UNSUPPORTED_CRITICAL_HEADER, "crit is not supported");
        }
        for (String name : h.keySet()) {
            if (!HEADER_MEMBERS.contains(name)) {
                return reject(OpenReason.MALFORMED, "unexpected header member " + JoseText.printable(name));
            }
        }
        Object alg = h.get("alg");
        Object enc = h.get("enc");
        if (!key.publicKey().jweAlgorithm().equals(alg) || !SharingFormat.ENCRYPTION.equals(enc)) {
            return reject(OpenReason.DISALLOWED_ALGORITHM, "alg/enc " + JoseText.printable(String.valueOf(alg)) + "/"
                    + JoseText.printable(String.valueOf(enc)) + " are not " + key.publicKey().jweAlgorithm() + "/"
                    + SharingFormat.ENCRYPTION);
        }
        if (!SharingFormat.CONTENT_TYPE.equals(h.get("cty"))) {
            return reject(OpenReason.WRONG_TYPE, "cty is not JWT");
        }
        boolean ec = key.publicKey().jweAlgorithm().startsWith("ECDH");
        if (ec != h.containsKey("epk")) {
            return reject(OpenReason.MALFORMED, ec ? "no epk" : "epk without ECDH");
        }
        if (c.jwe.part(1).isEmpty()) {
            return reject(OpenReason.MALFORMED, "no encrypted key");
        }
        Object kid = h.get("kid");
        if (kid != null && !(kid instanceof String)) {
            return reject(OpenReason.MALFORMED, "kid is not a string");
        }
        return null;
    }

    private OpenRejected recipient(Context c) {
        Object kid = c.header.get("kid");
        if (kid != null && !key.kid().equals(kid)) {
            return reject(OpenReason.WRONG_RECIPIENT, "encrypted to key " + JoseText.printable((String) kid) + ", not "
                    + key.kid());
        }
        return null;
    }

    private OpenRejected decrypt(Context c) {
        JWEHeader header;
        try {
            header = JWEHeader.parse(Base64URL.from(c.jwe.part(0)));
        } catch (ParseException | RuntimeException e) {
            return reject(OpenReason.MALFORMED, "header: not a JWE header");
        }
        byte[] plain;
        try {
            plain = key.decrypter().decrypt(header, Base64URL.from(c.jwe.part(1)), Base64URL.from(c.jwe.part(2)),
                    Base64URL.from(c.jwe.part(3)), Base64URL.from(c.jwe.part(4)),
                    c.jwe.part(0).getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException | RuntimeException e) {
            return reject(OpenReason.DECRYPTION_FAILED, "decryption failed (" + e.getClass().getSimpleName() + ")");
        }
        if (plain == null || plain.length > SharingFormat.MAX_INNER_CHARS) {
            return reject(OpenReason.TOO_LARGE, "inner JWS larger than " + SharingFormat.MAX_INNER_CHARS);
        }
        c.inner = new String(plain, StandardCharsets.US_ASCII);
        return null;
    }

    private OpenRejected innerFormat(Context c) {
        try {
            c.innerJws = CompactJws.parse(c.inner, SharingFormat.MAX_INNER_CHARS);
        } catch (JoseDefectException e) {
            OpenReason reason = switch (e.defect()) {
                case TOO_LARGE -> OpenReason.TOO_LARGE;
                case MALFORMED -> OpenReason.MALFORMED;
            };
            return reject(reason, "inner JWS: " + e.detail());
        }
        c.innerHeader = c.innerJws.header();
        return null;
    }

    private OpenRejected key(Context c) {
        Object alg = c.innerHeader.get("alg");
        if (!"ES256".equals(alg)) {
            return reject(OpenReason.DISALLOWED_ALGORITHM, "inner alg " + JoseText.printable(String.valueOf(alg))
                    + "; only ES256");
        }
        String kid = c.innerJws.kid();
        List<TrustedKey> keys;
        try {
            keys = JwsSignatures.pinnedTo(trustStore.candidates(kid), "ES256");
        } catch (KeysUnavailableException e) {
            return reject(OpenReason.CHECK_UNAVAILABLE, "issuer keys unavailable: " + e.getMessage());
        }
        if (keys.isEmpty()) {
            return reject(OpenReason.UNKNOWN_KEY, "no trusted ES256 issuer key " + JoseText.printable(kid));
        }
        c.candidates = keys;
        return null;
    }

    private OpenRejected signature(Context c) {
        JWSHeader header;
        try {
            header = JwsSignatures.nimbusHeader(c.innerJws);
        } catch (JoseDefectException e) {
            return reject(OpenReason.MALFORMED, "inner " + e.detail());
        }
        Optional<TrustedKey> verifiedBy = JwsSignatures.firstVerifying(c.candidates, header, c.innerJws);
        if (verifiedBy.isPresent()) {
            c.verifiedBy = verifiedBy.get();
            return null;
        }
        return reject(OpenReason.BAD_SIGNATURE, "the issuer signature does not verify");
    }

    private OpenRejected type(Context c) {
        if (c.innerHeader.containsKey("crit")) {
            return reject(OpenReason.UNSUPPORTED_CRITICAL_HEADER, "inner crit is not supported");
        }
        if (c.innerHeader.containsKey("zip") || c.innerHeader.containsKey("b64")) {
            return reject(OpenReason.MALFORMED, "inner zip/b64 are not accepted");
        }
        if (!SharingFormat.INNER_TYPE.equals(c.innerHeader.get("typ"))) {
            return reject(OpenReason.WRONG_TYPE, "inner typ " + JoseText.printable((String) c.innerHeader.get("typ")));
        }
        if (!EidProfile.isLowS(c.innerJws.signature())) {
            return reject(OpenReason.NON_CANONICAL_SIGNATURE,
                    "high-S ES256 signature: eid issuers sign in low-S form, so this package was altered");
        }
        return null;
    }

    private OpenRejected issuer(Context c) {
        if (!expectedIssuers.contains(c.iss)) {
            return reject(OpenReason.WRONG_ISSUER, "iss " + JoseText.printable(c.iss) + " is not an expected issuer");
        }
        if (EidProfile.keyForIssuer(c.verifiedBy, c.candidates, c.iss).isEmpty()) {
            return reject(OpenReason.WRONG_ISSUER, "the signing key is not trusted for iss " + JoseText.printable(c.iss));
        }
        return null;
    }

    private OpenRejected claims(Context c) {
        try {
            c.payload = StrictJson.parseObject(c.innerJws.rawPayload());
            Map<String, Object> m = c.payload;
            for (String name : m.keySet()) {
                if (!SharingFormat.INNER_CLAIMS.contains(name)) {
                    throw new IllegalArgumentException("unknown claim " + JoseText.printable(name));
                }
            }
            c.iss = string(m, "iss", true);
            c.aud = string(m, "aud", true);
            c.sub = string(m, "sub", false);
            c.jti = string(m, "jti", true);
            c.nonce = string(m, "nonce", false);
            c.receiptId = string(m, "receipt_id", true);
            c.purpose = string(m, "purpose", false);
            long iat = StrictJson.longValue("iat", required(m, "iat"));
            long exp = StrictJson.longValue("exp", required(m, "exp"));
            if (iat < 0 || exp <= iat || exp > 253402300799L) {
                throw new IllegalArgumentException("exp must be after iat, both valid times");
            }
            c.iat = Instant.ofEpochSecond(iat);
            c.exp = Instant.ofEpochSecond(exp);
            String acr = string(m, "acr", false);
            Map<?, ?> vc = object(required(m, "verified_claims"), "verified_claims");
            only(vc, Set.of("verification", "claims"), "verified_claims");
            Map<?, ?> verification = object(required(vc, "verification"), "verification");
            only(verification, Set.of("trust_framework", "assurance_level"), "verification");
            if (!SharingFormat.TRUST_FRAMEWORK.equals(verification.get("trust_framework"))) {
                throw new IllegalArgumentException("trust_framework is not " + SharingFormat.TRUST_FRAMEWORK);
            }
            Object al = verification.get("assurance_level");
            if (acr != null) {
                c.level = AssuranceLevel.fromAcr(acr).orElseThrow(() -> new IllegalArgumentException("unknown acr"));
                if (!Integer.toString(c.level.number()).equals(al)) {
                    throw new IllegalArgumentException("assurance_level does not match acr");
                }
            } else if (al != null) {
                throw new IllegalArgumentException("assurance_level without acr");
            }
            List<String> amr = methods(m.get("amr"));
            if (!amr.isEmpty() && c.level == null) {
                throw new IllegalArgumentException("amr without acr");
            }
            Map<?, ?> citizen = object(required(vc, "claims"), "claims");
            Map<String, Object> byName = new java.util.LinkedHashMap<>();
            citizen.forEach((k, v) -> byName.put((String) k, v));
            c.claims = SharedClaims.of(byName);
            if (c.level != null && c.level.satisfies(AssuranceLevel.LEVEL_2)
                    && !EidProfile.hasLevel2Method(amr, List.of())) {
                c.claims = null;
                return reject(OpenReason.LEVEL_WITHOUT_METHOD, "level 2 without face or fpt in amr");
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            c.claims = null;
            return reject(OpenReason.MALFORMED, "claims: " + e.getMessage());
        }
        return null;
    }

    /** The {@code amr} array: absent is empty; else 1 to 8 distinct strings of 1 to 32 characters. */
    private static List<String> methods(Object v) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List) || ((List<?>) v).isEmpty() || ((List<?>) v).size() > 8) {
            throw new IllegalArgumentException("amr must be an array of 1 to 8 strings");
        }
        List<String> out = new java.util.ArrayList<>();
        for (Object o : (List<?>) v) {
            if (!(o instanceof String) || ((String) o).isEmpty() || ((String) o).length() > 32 || out.contains(o)) {
                throw new IllegalArgumentException("amr values must be distinct strings of 1 to 32 characters");
            }
            out.add((String) o);
        }
        return out;
    }

    private OpenRejected time(Context c) {
        Optional<String> tooLong = EidProfile.lifetimeExceeded(c.iat, c.exp, c.now, maxLifetime);
        if (tooLong.isPresent()) {
            return reject(OpenReason.LIFETIME_TOO_LONG, tooLong.get());
        }
        if (!c.now.isBefore(c.exp.plus(clockSkew))) {
            return reject(OpenReason.EXPIRED, "expired at " + c.exp + " (now " + c.now + ")");
        }
        if (c.now.plus(clockSkew).isBefore(c.iat)) {
            return reject(OpenReason.NOT_YET_VALID, "issued in the future at " + c.iat);
        }
        return null;
    }

    private OpenRejected nonce(Context c) {
        if (c.expectedNonce == null) {
            return c.nonce == null ? null : reject(OpenReason.WRONG_NONCE, "a nonce is present but none expected");
        }
        if (c.nonce == null || !MessageDigest.isEqual(c.nonce.getBytes(StandardCharsets.UTF_8),
                c.expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            return reject(OpenReason.WRONG_NONCE, c.nonce == null ? "no nonce" : "the nonce does not match");
        }
        return null;
    }

    private OpenRejected receipt(Context c) {
        if (receiptStatus == null) {
            return null; // explicitly: withoutReceiptStatus()
        }
        ReceiptState state;
        try {
            state = receiptStatus.check(c.receiptId, partyId, c.now);
        } catch (RuntimeException e) {
            return reject(OpenReason.CHECK_UNAVAILABLE, "receipt status failed: " + e.getClass().getSimpleName());
        }
        switch (state.status()) {
            case ACTIVE:
                break;
            case WITHDRAWN:
                return reject(OpenReason.RECEIPT_WITHDRAWN, "withdrawn at " + state.withdrawnAt().orElse(null));
            case EXPIRED:
                return reject(OpenReason.RECEIPT_EXPIRED, "ended at " + state.expiresAt().orElse(null));
            case UNKNOWN:
                return reject(OpenReason.RECEIPT_UNKNOWN, "no such receipt for this party");
            default:
                return reject(OpenReason.CHECK_UNAVAILABLE, "receipt status unavailable");
        }
        Set<CitizenField> extra = EnumSet.noneOf(CitizenField.class);
        extra.addAll(c.claims.fields());
        extra.removeAll(state.grantedFields());
        if (!extra.isEmpty()) {
            return reject(OpenReason.FIELDS_NOT_GRANTED, "fields outside the receipt: " + extra);
        }
        if (c.purpose != null && !state.purposeCode().map(c.purpose::equals).orElse(false)) {
            return reject(OpenReason.WRONG_PURPOSE, "the delivery's purpose is not the receipt's");
        }
        return null;
    }

    private OpenRejected replay(Context c) {
        if (replayGuard == null) {
            return null;
        }
        ReplayGuard.Outcome outcome;
        try {
            outcome = replayGuard.checkAndRecord(c.iss.length() + ":" + c.iss + c.jti, c.exp.plus(clockSkew), c.now);
        } catch (RuntimeException e) {
            return reject(OpenReason.CHECK_UNAVAILABLE, "replay guard failed: " + e.getClass().getSimpleName());
        }
        if (outcome == ReplayGuard.Outcome.FIRST_USE) {
            return null;
        }
        if (outcome == ReplayGuard.Outcome.REPLAYED) {
            return reject(OpenReason.REPLAYED, "jti already opened");
        }
        return reject(OpenReason.CHECK_UNAVAILABLE, "replay guard: " + outcome);
    }

    private OpenRejected policy(Context c) {
        if (requiredLevel != null && (c.level == null || !c.level.satisfies(requiredLevel))) {
            return reject(OpenReason.INSUFFICIENT_LEVEL, (c.level == null ? "no level" : "level " + c.level.number())
                    + ", required " + requiredLevel.number());
        }
        if (expectedPurpose != null && !expectedPurpose.equals(c.purpose)) {
            return reject(OpenReason.WRONG_PURPOSE, c.purpose == null ? "no purpose" : "another purpose");
        }
        return null;
    }

    private static Object required(Map<?, ?> m, String name) {
        Object v = m.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v;
    }

    private static String string(Map<?, ?> m, String name, boolean isRequired) {
        Object v = m.get(name);
        if (v == null) {
            if (isRequired) {
                throw new IllegalArgumentException("missing " + name);
            }
            return null;
        }
        if (!(v instanceof String) || ((String) v).isEmpty() || ((String) v).length() > 256) {
            throw new IllegalArgumentException(name + " must be a string of 1 to 256 characters");
        }
        return (String) v;
    }

    private static Map<?, ?> object(Object v, String where) {
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        return (Map<?, ?>) v;
    }

    private static void only(Map<?, ?> m, Set<String> allowed, String where) {
        for (Object k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown member of " + where + ": " + JoseText.printable(String.valueOf(k)));
            }
        }
    }

    /** @return the settings, for the opener's {@code toString} (no key material) */
    @Override
    public String toString() {
        return "[party=" + partyId + ", key=" + key.kid() + ", issuerKeys=" + trustStore.keys().size()
                + ", issuers=" + expectedIssuers + ", receiptStatus=" + (receiptStatus != null) + ", replayGuard="
                + replayGuard + ", level=" + (requiredLevel == null ? "any" : requiredLevel) + ", maxLifetime="
                + maxLifetime + ", purpose=" + expectedPurpose + "]";
    }
}
