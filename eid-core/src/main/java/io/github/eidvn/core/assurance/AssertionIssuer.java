package io.github.eidvn.core.assurance;

import static io.github.eidvn.core.internal.Once.once;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.eidvn.core.internal.Base64Url;
import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;

/**
 * Issues signed identity assertions (JWS, ES256) with the current key of a {@link KeyRing}.
 *
 * <p>Two forms of the same content:
 * <ul>
 *   <li>{@link #issueJwt(AssertionRequest)}: a standard compact JWS, header
 *       {@code {"alg":"ES256","typ":"vneid-assertion+jwt","kid":<RFC 7638 thumbprint>}}, JSON payload
 *       {@code iss, iat, exp, jti, [aud], [purpose], acr, amr, verified_claims} where {@code verified_claims} is
 *       OpenID Connect for Identity Assurance: {@code {"verification":{"trust_framework":"vn_eid",
 *       "assurance_level":"1"|"2","evidence":[...]},"claims":{<only the citizen claims asked for>}}};</li>
 *   <li>{@link #issueForQr(AssertionRequest)}: a compact JWS for the digits-only QR, header exactly
 *       {@code {"alg":"ES256","typ":"vneid-qr+jwt","kid":<first 8 characters of the thumbprint>,"zip":"DEF"}}
 *       (see {@link #qrHeaderJson(String)}), payload raw-DEFLATE compressed JSON with short claim names (as SMART
 *       Health Cards do).</li>
 * </ul>
 *
 * <table>
 *   <caption>Compact QR claim profile, version 2 (the verifier also reads version 1, without {@code v})</caption>
 *   <tr><th>standard claim</th><th>QR name</th><th>QR value</th></tr>
 *   <tr><td>(profile version)</td><td>{@code v}</td><td>2, first</td></tr>
 *   <tr><td>{@code iss}</td><td>{@code i}</td><td>1 for {@code https://vneid.gov.vn}, other issuers as
 *       strings</td></tr>
 *   <tr><td>{@code iat}, {@code exp}</td><td>{@code t}, {@code x}</td><td>epoch seconds; {@code x} = exp -
 *       iat</td></tr>
 *   <tr><td>{@code nbf}</td><td>{@code nbf}</td><td>epoch seconds</td></tr>
 *   <tr><td>{@code jti aud purpose acr}</td><td>{@code j a p l}</td><td>same; {@code l} the level 1 or 2</td></tr>
 *   <tr><td>{@code amr}</td><td>{@code m}</td><td>well-known methods as codes (1 face, 2 fpt, 3 nfc, 4 pwd, 5 otp,
 *       ...), others as strings</td></tr>
 *   <tr><td>{@code verified_claims.verification.evidence}</td><td>{@code e}</td><td>{@code [[type, method],
 *       [type, method, {attributes}]]}: type coded 1 document, 2 electronic_record, 3 vouch, 4
 *       electronic_signature, 5 biometric, method coded 1 data, 2 vcrypt, 3 bvr, ... (others as strings); omitted
 *       without evidence; trust framework and assurance level implied</td></tr>
 *   <tr><td>{@code personal_number name phone_number}</td><td>{@code pn nm ph}</td><td>same</td></tr>
 *   <tr><td>{@code birthdate}</td><td>{@code bd}</td><td>days since 1970-01-01</td></tr>
 *   <tr><td>{@code gender}</td><td>{@code g}</td><td>1 male, 2 female (ISO/IEC 5218); other values as
 *       strings</td></tr>
 *   <tr><td>{@code address}</td><td>{@code ad}</td><td>{@code f s l r p c} for {@code formatted street_address
 *       locality region postal_code country}</td></tr>
 *   <tr><td>{@code health_insurance}</td><td>{@code hi}</td><td>{@code n f t l fc} for {@code number valid_from
 *       valid_to benefit_level facility}; dates as days since 1970-01-01; {@code l} only when the number does not
 *       carry the level (a 10-digit social-insurance number)</td></tr>
 * </table>
 * The mapping lives in two internal classes shared with the verifier; every value has exactly one compact form.
 * The verifier maps the QR names back, so a caller sees the same {@link Assertion} whichever form was scanned.
 *
 * <p>Immutable and thread-safe. To rotate keys, build a new issuer with the rotated ring.
 *
 * <p><b>Security:</b> every assertion gets a fresh random {@code jti} (72 bits in the QR form, 128 bits in the
 * JWT form) for replay detection, and an {@code exp} no later than the configured maximum lifetime. Only the
 * citizen claims in the request are written (data minimisation). Nothing is logged.
 */
public final class AssertionIssuer {

    /** {@code typ} of the standard JWT form. */
    public static final String JWT_TYPE = AssertionCodec.TYPE_JWT;
    /** {@code typ} of the compact QR form. */
    public static final String QR_TYPE = AssertionCodec.TYPE_QR;
    /** Length of the QR form's short {@code kid}: a prefix of the RFC 7638 thumbprint. */
    public static final int QR_KID_LENGTH = AssertionCodec.SHORT_KID_LENGTH;
    /**
     * Random bytes of the QR form's {@code jti}: 72 bits (12 base64url characters). A {@code jti} only has to differ
     * from the other tokens of its issuer while they can still be presented (at most the 24-hour maximum lifetime):
     * at 10^8 presentations a day the chance that a new one equals any of them is below 10^-13, and a collision
     * would make the verifier refuse a token as replayed, never accept one.
     */
    private static final int QR_JTI_BYTES = 9;
    /** The default lifetime (for QR presentations): 10 minutes. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    /** The default maximum lifetime: 24 hours. */
    public static final Duration DEFAULT_MAX_TTL = Duration.ofHours(24);

    private final String issuer;
    private final KeyRing keyRing;
    private final Clock clock;
    private final Duration defaultTtl;
    private final Duration maxTtl;
    private final SecureRandom random = new SecureRandom();

    private AssertionIssuer(Builder b) {
        if (b.issuer == null) {
            throw new IllegalStateException("issuer is required");
        }
        if (b.keyRing == null) {
            throw new IllegalStateException("keyRing is required");
        }
        this.issuer = b.issuer;
        this.keyRing = b.keyRing;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.maxTtl = b.maxTtl == null ? DEFAULT_MAX_TTL : b.maxTtl;
        this.defaultTtl = b.defaultTtl == null ? DEFAULT_TTL : b.defaultTtl;
        if (defaultTtl.compareTo(maxTtl) > 0) {
            throw new IllegalStateException("defaultTtl " + defaultTtl + " exceeds maxTtl " + maxTtl);
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
     * Issues the standard JWT form (see the class comment).
     *
     * @param request what to assert
     * @return the compact JWS
     * @throws IllegalArgumentException when the request's lifetime exceeds the maximum
     */
    public String issueJwt(AssertionRequest request) {
        SigningKey key = keyRing.current();
        Assertion content = content(request, key, 16);
        byte[] payload = StrictJson.write(AssertionCodec.toStandard(content));
        String header = "{\"alg\":\"ES256\",\"typ\":\"" + JWT_TYPE + "\",\"kid\":\"" + key.kid() + "\"}";
        return sign(header, payload, key);
    }

    /**
     * Issues the compact QR form (see the class comment): short header, short claim names, raw-DEFLATE payload.
     *
     * @param request what to assert
     * @return the compact JWS, to be packed into the digits-only QR container
     * @throws IllegalArgumentException when the request's lifetime exceeds the maximum
     */
    public String issueForQr(AssertionRequest request) {
        SigningKey key = keyRing.current();
        Assertion content = content(request, key, QR_JTI_BYTES);
        Map<String, Object> compact = QrClaimProfile.compact(AssertionCodec.toStandard(content));
        byte[] payload = RawDeflate.deflate(StrictJson.write(compact));
        return sign(qrHeaderJson(key.kid().substring(0, QR_KID_LENGTH)), payload, key);
    }

    private Assertion content(AssertionRequest request, SigningKey key, int jtiBytes) {
        Objects.requireNonNull(request, "request");
        Duration ttl = request.ttl().orElse(defaultTtl);
        if (ttl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("ttl " + ttl + " exceeds the maximum " + maxTtl);
        }
        Instant iat = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant exp = iat.plusSeconds(Math.max(1, ttl.getSeconds()));
        byte[] jti = new byte[jtiBytes];
        random.nextBytes(jti);
        Assertion.Builder b = Assertion.builder()
                .issuer(issuer)
                .issuedAt(iat)
                .expiresAt(exp)
                .jti(Base64Url.encode(jti))
                .level(request.level())
                .methods(request.methods())
                .evidence(request.evidence())
                .claims(request) // already validated by AssertionRequest
                .kid(key.kid());
        request.audience().ifPresent(a -> b.audience(List.of(a)));
        request.purpose().ifPresent(b::purpose);
        return b.build();
    }

    /**
     * The exact protected header of the QR form:
     * {@code {"alg":"ES256","typ":"vneid-qr+jwt","kid":"<shortKid>","zip":"DEF"}}. Fixed member order and no
     * spaces, so a QR container may store only the short kid (6 bytes once base64url-decoded) and rebuild the
     * header byte for byte.
     *
     * @param shortKid the first {@value #QR_KID_LENGTH} characters of the signing key's RFC 7638 thumbprint
     * @return the header JSON
     * @throws IllegalArgumentException when {@code shortKid} is not {@value #QR_KID_LENGTH} base64url characters
     */
    public static String qrHeaderJson(String shortKid) {
        return QrClaimProfile.headerJson(shortKid);
    }

    /**
     * The compact JWS serialisation (RFC 7515 §7.1) over the exact header bytes given: BASE64URL(header) "."
     * BASE64URL(payload) "." BASE64URL(ES256 signature of the ASCII signing input), unpadded base64url as Nimbus
     * writes it. Composed directly: the signature comes from the key's prepared signer, and nothing of Nimbus's
     * object model is needed to write three base64url parts.
     */
    private static String sign(String headerJson, byte[] payload, SigningKey key) {
        String signingInput = Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(payload);
        byte[] signature = key.signEs256(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64Url.encode(signature);
    }

    /** @return the issuer identifier written as {@code iss} */
    public String issuer() {
        return issuer;
    }

    /** @return the key id of the current signing key */
    public String currentKid() {
        return keyRing.current().kid();
    }

    /** @return the lifetime used when a request gives none */
    public Duration defaultTtl() {
        return defaultTtl;
    }

    /** @return the longest lifetime a request may ask for */
    public Duration maxTtl() {
        return maxTtl;
    }

    @Override
    public String toString() {
        return "AssertionIssuer[iss=" + issuer + ", kid=" + currentKid() + ", defaultTtl=" + defaultTtl
                + ", maxTtl=" + maxTtl + "]";
    }

    /** Builds an {@link AssertionIssuer}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private String issuer;
        private KeyRing keyRing;
        private Clock clock;
        private Duration defaultTtl;
        private Duration maxTtl;

        private Builder() {
        }

        /**
         * Required: the issuer identifier written as {@code iss}, e.g. {@code https://vneid.gov.vn}. Keep it short:
         * it is in every QR code.
         *
         * @param issuer 1 to 128 printable ASCII characters without spaces
         * @return this builder
         */
        public Builder issuer(String issuer) {
            once(this.issuer, "issuer");
            this.issuer = AssertionRequest.checkToken("issuer", issuer);
            return this;
        }

        /**
         * Required: the keys; the current key signs.
         *
         * @param keyRing the key ring
         * @return this builder
         */
        public Builder keyRing(KeyRing keyRing) {
            once(this.keyRing, "keyRing");
            this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
            return this;
        }

        /**
         * The clock for {@code iat}/{@code exp}; {@link Clock#systemUTC()} by default.
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
         * The lifetime when a request gives none; {@link #DEFAULT_TTL} (10 minutes, right for QR presentations) by
         * default.
         *
         * @param ttl at least one second
         * @return this builder
         */
        public Builder defaultTtl(Duration ttl) {
            once(this.defaultTtl, "defaultTtl");
            this.defaultTtl = positive("defaultTtl", ttl);
            return this;
        }

        /**
         * The longest lifetime a request may ask for; {@link #DEFAULT_MAX_TTL} (24 hours) by default.
         *
         * @param ttl at least one second
         * @return this builder
         */
        public Builder maxTtl(Duration ttl) {
            once(this.maxTtl, "maxTtl");
            this.maxTtl = positive("maxTtl", ttl);
            return this;
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.getSeconds() < 1) {
                throw new IllegalArgumentException(name + " must be at least one second");
            }
            return d;
        }

        /**
         * @return the issuer
         * @throws IllegalStateException when issuer or keyRing is missing, or defaultTtl exceeds maxTtl
         */
        public AssertionIssuer build() {
            return new AssertionIssuer(this);
        }
    }
}
