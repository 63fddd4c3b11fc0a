package io.github.eidvn.verifier.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;

import io.github.eidvn.core.internal.Es256JwsVerifier;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ReceiptState;
import io.github.eidvn.core.consent.ReceiptStatus;
import io.github.eidvn.core.internal.Base64Url;
import io.github.eidvn.core.internal.CitizenClaims;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.jose.EidProfile;
import io.github.eidvn.core.keys.KeysUnavailableException;
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
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(2);
    /** The default clock skew. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    /** The default and largest maximum lifetime ({@code exp - iat}) of a sealed package: 1 hour. */
    public static final Duration DEFAULT_MAX_LIFETIME = EidProfile.MAX_SEALED_LIFETIME;

    private static final Set<String> HEADER_MEMBERS = Set.of("alg", "enc", "cty", "kid", "epk", "apu", "apv");

    private enum Stage {
        SIZE, FORMAT, HEADER, RECIPIENT, DECRYPT, INNER_FORMAT, KEY, SIGNATURE, TYPE, CLAIMS, ISSUER, TIME, AUDIENCE,
        NONCE, RECEIPT, REPLAY, POLICY
    }

    private final PartyDecryptionKey key;
    private final String partyId;
    private final TrustStore trustStore;
    private final Set<String> expectedIssuers;
    private final Duration maxLifetime;
    private final ReceiptStatus receiptStatus;
    private final ReplayGuard replayGuard;
    private final Clock clock;
    private final Duration clockSkew;
    private final AssuranceLevel requiredLevel;
    private final String expectedPurpose;

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
        this.key = b.key;
        this.partyId = b.partyId;
        this.trustStore = b.trustStore;
        this.expectedIssuers = b.expectedIssuers;
        this.maxLifetime = b.maxLifetime == null ? DEFAULT_MAX_LIFETIME : b.maxLifetime;
        this.receiptStatus = b.receiptStatus;
        this.replayGuard = b.withoutReplayGuard ? null
                : b.replayGuard != null ? b.replayGuard
                : InMemoryReplayGuard.withCapacity(InMemoryReplayGuard.DEFAULT_MAX_ENTRIES);
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.clockSkew = b.clockSkew == null ? DEFAULT_CLOCK_SKEW : b.clockSkew;
        this.requiredLevel = b.requiredLevel;
        this.expectedPurpose = b.expectedPurpose;
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
        EnumSet<Stage> passed = EnumSet.noneOf(Stage.class);
        for (Stage s : Stage.values()) {
            OpenRejected r;
            try {
                r = stage(s, c);
            } catch (RuntimeException e) {
                r = reject(OpenReason.CHECK_UNAVAILABLE, "unexpected " + e.getClass().getSimpleName() + " in the "
                        + s + " stage");
            }
            if (r != null) {
                return r;
            }
            passed.add(s);
        }
        if (!passed.equals(EnumSet.allOf(Stage.class)) || c.claims == null) {
            return reject(OpenReason.CHECK_UNAVAILABLE, "pipeline incomplete");
        }
        return new Opened(c.claims, c.iss, c.receiptId, c.jti, c.iat, c.exp, c.sub, c.purpose, c.level,
                c.verifiedBy.kid());
    }

    private OpenRejected stage(Stage s, Context c) {
        switch (s) {
            case SIZE:
                return size(c);
            case FORMAT:
                return format(c);
            case HEADER:
                return header(c);
            case RECIPIENT:
                return recipient(c);
            case DECRYPT:
                return decrypt(c);
            case INNER_FORMAT:
                return innerFormat(c);
            case KEY:
                return key(c);
            case SIGNATURE:
                return signature(c);
            case TYPE:
                return type(c);
            case CLAIMS:
                return claims(c);
            case ISSUER:
                return issuer(c);
            case TIME:
                return time(c);
            case AUDIENCE:
                return partyId.equals(c.aud) ? null : reject(OpenReason.WRONG_AUDIENCE, "aud is another party");
            case NONCE:
                return nonce(c);
            case RECEIPT:
                return receipt(c);
            case REPLAY:
                return replay(c);
            case POLICY:
                return policy(c);
            default:
                return reject(OpenReason.CHECK_UNAVAILABLE, "no implementation for stage " + s);
        }
    }

    private static OpenRejected reject(OpenReason reason, String detail) {
        return new OpenRejected(reason, detail);
    }

    private OpenRejected size(Context c) {
        if (c.compact == null || c.compact.isEmpty()) {
            return reject(OpenReason.MALFORMED, "no input");
        }
        if (c.compact.length() > SharingFormat.MAX_JWE_CHARS) {
            return reject(OpenReason.TOO_LARGE, "longer than " + SharingFormat.MAX_JWE_CHARS + " characters");
        }
        return null;
    }

    private OpenRejected format(Context c) {
        String[] parts = c.compact.split("\\.", -1);
        if (parts.length != 5) {
            return reject(OpenReason.MALFORMED, "a compact JWE has five dot-separated parts, not " + parts.length);
        }
        for (int i = 0; i < 5; i++) {
            if (parts[i].isEmpty() && i != 1) { // an empty encrypted key (direct key agreement) fails at the header
                return reject(OpenReason.MALFORMED, "part " + (i + 1) + " is empty");
            }
            try {
                Base64Url.decode(parts[i]);
            } catch (IllegalArgumentException e) {
                return reject(OpenReason.MALFORMED, "part " + (i + 1) + ": " + e.getMessage());
            }
        }
        try {
            c.header = StrictJson.parseObject(Base64Url.decode(parts[0]));
        } catch (IllegalArgumentException e) {
            return reject(OpenReason.MALFORMED, "header: " + e.getMessage());
        }
        c.parts = parts;
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
                return reject(OpenReason.MALFORMED, "unexpected header member " + printable(name));
            }
        }
        Object alg = h.get("alg");
        Object enc = h.get("enc");
        if (!key.publicKey().jweAlgorithm().equals(alg) || !SharingFormat.ENCRYPTION.equals(enc)) {
            return reject(OpenReason.DISALLOWED_ALGORITHM, "alg/enc " + printable(String.valueOf(alg)) + "/"
                    + printable(String.valueOf(enc)) + " are not " + key.publicKey().jweAlgorithm() + "/"
                    + SharingFormat.ENCRYPTION);
        }
        if (!SharingFormat.CONTENT_TYPE.equals(h.get("cty"))) {
            return reject(OpenReason.WRONG_TYPE, "cty is not JWT");
        }
        boolean ec = key.publicKey().jweAlgorithm().startsWith("ECDH");
        if (ec != h.containsKey("epk")) {
            return reject(OpenReason.MALFORMED, ec ? "no epk" : "epk without ECDH");
        }
        if (c.parts[1].isEmpty()) {
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
            return reject(OpenReason.WRONG_RECIPIENT, "encrypted to key " + printable((String) kid) + ", not "
                    + key.kid());
        }
        return null;
    }

    private OpenRejected decrypt(Context c) {
        JWEHeader header;
        try {
            header = JWEHeader.parse(Base64URL.from(c.parts[0]));
        } catch (ParseException | RuntimeException e) {
            return reject(OpenReason.MALFORMED, "header: not a JWE header");
        }
        byte[] plain;
        try {
            plain = key.decrypter().decrypt(header, Base64URL.from(c.parts[1]), Base64URL.from(c.parts[2]),
                    Base64URL.from(c.parts[3]), Base64URL.from(c.parts[4]),
                    c.parts[0].getBytes(StandardCharsets.US_ASCII));
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
        String[] parts = c.inner.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            return reject(OpenReason.MALFORMED, "the plaintext is not a compact JWS");
        }
        byte[][] decoded = new byte[3][];
        for (int i = 0; i < 3; i++) {
            try {
                decoded[i] = Base64Url.decode(parts[i]);
            } catch (IllegalArgumentException e) {
                return reject(OpenReason.MALFORMED, "inner part " + (i + 1) + ": " + e.getMessage());
            }
        }
        try {
            c.innerHeader = StrictJson.parseObject(decoded[0]);
            c.payload = StrictJson.parseObject(decoded[1]);
        } catch (IllegalArgumentException e) {
            return reject(OpenReason.MALFORMED, "inner JWS: " + e.getMessage());
        }
        for (String m : List.of("alg", "kid", "typ")) {
            Object v = c.innerHeader.get(m);
            if (v != null && !(v instanceof String)) {
                return reject(OpenReason.MALFORMED, "inner header " + m + " is not a string");
            }
        }
        c.innerParts = parts;
        c.innerSignature = decoded[2];
        return null;
    }

    private OpenRejected key(Context c) {
        Object alg = c.innerHeader.get("alg");
        if (!"ES256".equals(alg)) {
            return reject(OpenReason.DISALLOWED_ALGORITHM, "inner alg " + printable(String.valueOf(alg))
                    + "; only ES256");
        }
        String kid = (String) c.innerHeader.get("kid");
        List<TrustedKey> keys;
        try {
            keys = Es256JwsVerifier.candidates(trustStore, kid);
        } catch (KeysUnavailableException e) {
            return reject(OpenReason.CHECK_UNAVAILABLE, "issuer keys unavailable: " + e.getMessage());
        }
        if (keys.isEmpty()) {
            return reject(OpenReason.UNKNOWN_KEY, "no trusted ES256 issuer key " + printable(kid));
        }
        c.candidates = keys;
        return null;
    }

    private OpenRejected signature(Context c) {
        JWSHeader header;
        try {
            header = JWSHeader.parse(Base64URL.from(c.innerParts[0]));
        } catch (ParseException | RuntimeException e) {
            return reject(OpenReason.MALFORMED, "inner header: not a JWS header");
        }
        byte[] input = (c.innerParts[0] + "." + c.innerParts[1]).getBytes(StandardCharsets.US_ASCII);
        Optional<TrustedKey> verifiedBy = Es256JwsVerifier.firstVerifying(c.candidates, header, input, c.innerSignature);
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
            return reject(OpenReason.WRONG_TYPE, "inner typ " + printable((String) c.innerHeader.get("typ")));
        }
        if (!EidProfile.isLowS(c.innerSignature)) {
            return reject(OpenReason.NON_CANONICAL_SIGNATURE,
                    "high-S ES256 signature: eid issuers sign in low-S form, so this package was altered");
        }
        return null;
    }

    private OpenRejected issuer(Context c) {
        if (!expectedIssuers.contains(c.iss)) {
            return reject(OpenReason.WRONG_ISSUER, "iss " + printable(c.iss) + " is not an expected issuer");
        }
        if (EidProfile.keyForIssuer(c.verifiedBy, c.candidates, c.iss).isEmpty()) {
            return reject(OpenReason.WRONG_ISSUER, "the signing key is not trusted for iss " + printable(c.iss));
        }
        return null;
    }

    private OpenRejected claims(Context c) {
        Map<String, Object> m = c.payload;
        try {
            for (String name : m.keySet()) {
                if (!SharingFormat.INNER_CLAIMS.contains(name)) {
                    throw new IllegalArgumentException("unknown claim " + printable(name));
                }
            }
            c.iss = string(m, "iss", true);
            c.aud = string(m, "aud", true);
            c.sub = string(m, "sub", false);
            c.jti = string(m, "jti", true);
            c.nonce = string(m, "nonce", false);
            c.receiptId = string(m, "receipt_id", true);
            c.purpose = string(m, "purpose", false);
            long iat = CitizenClaims.longValue("iat", required(m, "iat"));
            long exp = CitizenClaims.longValue("exp", required(m, "exp"));
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
                throw new IllegalArgumentException("unknown member of " + where + ": " + printable(String.valueOf(k)));
            }
        }
    }

    /** At most 64 printable ASCII characters of an attacker-chosen value. */
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
        return "SharedDataOpener[party=" + partyId + ", key=" + key.kid() + ", issuerKeys=" + trustStore.keys().size()
                + ", issuers=" + expectedIssuers + ", receiptStatus=" + (receiptStatus != null) + ", replayGuard="
                + replayGuard + ", level=" + (requiredLevel == null ? "any" : requiredLevel) + ", maxLifetime="
                + maxLifetime + ", purpose=" + expectedPurpose + "]";
    }

    /** Per-call state passed from stage to stage. */
    private static final class Context {
        final String compact;
        final String expectedNonce;
        final Instant now;
        String[] parts;
        Map<String, Object> header;
        String inner;
        String[] innerParts;
        Map<String, Object> innerHeader;
        Map<String, Object> payload;
        byte[] innerSignature;
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

        private static void once(boolean set, String name) {
            if (set) {
                throw new IllegalStateException(name + " is already set");
            }
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
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("clock skew must be between 0 and " + MAX_CLOCK_SKEW);
            }
            this.clockSkew = skew;
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
