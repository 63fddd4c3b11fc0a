package io.github.eidvn.core.consent;

import static io.github.eidvn.core.internal.Once.once;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.eidvn.core.internal.Base64Url;
import io.github.eidvn.core.internal.ProtocolToken;
import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.SigningKey;

/**
 * The relying party's side of a consent request: signs {@link ConsentRequest}s with the party's ES256 key (the
 * format is described there).
 *
 * <pre>{@code
 * ConsentRequestSigner signer = ConsentRequestSigner.builder()
 *         .partyId("vietcombank").signingKey(partyKey).audience("https://vneid.gov.vn").build();
 * ConsentRequestSigner.Signed signed = signer.request("bank-ekyc", fields).purposeText("Mở tài khoản").sign();
 * String qrText = ... SignedQrText.encode(signed.compactJws()) ...;   // keep signed.request().nonce()
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Security:</b> every request gets a fresh 128-bit nonce unless the caller supplies one, and expires at most
 * {@link #MAX_TTL} (10 minutes) after it is made. The signer does not check the purpose against a registry: the
 * citizen side does, and refuses fields the party did not register.
 */
public final class ConsentRequestSigner {

    /** The longest lifetime of a request: 10 minutes. */
    public static final Duration MAX_TTL = Duration.ofMinutes(10);
    /** The default lifetime: 5 minutes. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    /** The longest {@code purpose_text}. */
    public static final int MAX_PURPOSE_TEXT = 300;
    /** The longest {@code response_uri}. */
    public static final int MAX_RESPONSE_URI = 512;

    static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    static final Pattern RESPONSE_URI = Pattern.compile("https://[\\x21-\\x7e]{1,504}");

    private final String partyId;
    private final SigningKey signingKey;
    private final String audience;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private ConsentRequestSigner(Builder b) {
        if (b.partyId == null || b.signingKey == null || b.audience == null) {
            throw new IllegalStateException("partyId, signingKey and audience are required");
        }
        this.partyId = b.partyId;
        this.signingKey = b.signingKey;
        this.audience = b.audience;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
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
     * Starts a request.
     *
     * @param purposeCode the purpose, a catalogue code
     * @param fields the fields asked for, not empty
     * @return a draft to complete and {@link Draft#sign()}
     * @throws IllegalArgumentException for a malformed code or no fields
     */
    public Draft request(String purposeCode, Collection<CitizenField> fields) {
        return new Draft(purposeCode, fields);
    }

    /** @return the party id written as {@code iss} */
    public String partyId() {
        return partyId;
    }

    @Override
    public String toString() {
        return "ConsentRequestSigner[party=" + partyId + ", kid=" + signingKey.kid() + ", aud=" + audience + "]";
    }

    /** The exact protected header: {@code {"alg":"ES256","typ":"vneid-request+jwt","kid":"..","zip":"DEF"}}. */
    static String headerJson(String kid) {
        return "{\"alg\":\"ES256\",\"typ\":\"" + ConsentRequest.TYPE + "\",\"kid\":\"" + kid + "\",\"zip\":\"DEF\"}";
    }

    /** A request being made: optional members are set once each, then {@link #sign()}. Not thread-safe. */
    public final class Draft {
        private final String purposeCode;
        private final EnumSet<CitizenField> fields;
        private String purposeText;
        private String responseUri;
        private String nonce;
        private Duration ttl;

        private Draft(String purposeCode, Collection<CitizenField> fields) {
            Objects.requireNonNull(purposeCode, "purposeCode");
            Objects.requireNonNull(fields, "fields");
            if (!Purpose.isWellFormedCode(purposeCode)) {
                throw new IllegalArgumentException("malformed purpose code: " + purposeCode);
            }
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a request asks for at least one field");
            }
            this.purposeCode = purposeCode;
            this.fields = EnumSet.copyOf(fields);
        }

        /**
         * The party's explanation of the purpose, shown to the citizen under the catalogue name.
         *
         * @param text 1 to {@value ConsentRequestSigner#MAX_PURPOSE_TEXT} characters, no control characters
         * @return this draft
         */
        public Draft purposeText(String text) {
            once(purposeText, "purposeText");
            String t = Purpose.text("purposeText", text);
            this.purposeText = t;
            return this;
        }

        /**
         * Where the party receives the sealed delivery.
         *
         * @param uri an {@code https://} URI of printable ASCII, at most 512 characters
         * @return this draft
         */
        public Draft responseUri(String uri) {
            once(responseUri, "responseUri");
            Objects.requireNonNull(uri, "uri");
            if (!RESPONSE_URI.matcher(uri).matches()) {
                throw new IllegalArgumentException("responseUri must be an https:// URI of printable ASCII");
            }
            this.responseUri = uri;
            return this;
        }

        /**
         * The nonce; a fresh random one by default.
         *
         * @param nonce 16 to 64 characters of {@code [A-Za-z0-9_-]}
         * @return this draft
         */
        public Draft nonce(String nonce) {
            once(this.nonce, "nonce");
            Objects.requireNonNull(nonce, "nonce");
            if (!NONCE.matcher(nonce).matches()) {
                throw new IllegalArgumentException("nonce must be 16 to 64 characters of [A-Za-z0-9_-]");
            }
            this.nonce = nonce;
            return this;
        }

        /**
         * The lifetime; {@link ConsentRequestSigner#DEFAULT_TTL} by default.
         *
         * @param ttl 10 seconds to 10 minutes
         * @return this draft
         */
        public Draft ttl(Duration ttl) {
            once(this.ttl, "ttl");
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.getSeconds() < 10 || ttl.compareTo(MAX_TTL) > 0) {
                throw new IllegalArgumentException("a request lives 10 seconds to 10 minutes");
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * Signs the request.
         *
         * @return the compact JWS and the request it carries
         */
        public Signed sign() {
            String n = nonce;
            if (n == null) {
                byte[] b = new byte[16];
                random.nextBytes(b);
                n = Base64Url.encode(b);
            }
            Instant iat = Instant.ofEpochSecond(clock.instant().getEpochSecond());
            Instant exp = iat.plusSeconds((ttl == null ? DEFAULT_TTL : ttl).getSeconds());
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", partyId);
            claims.put("aud", audience);
            claims.put("iat", iat.getEpochSecond());
            claims.put("exp", exp.getEpochSecond());
            claims.put("nonce", n);
            claims.put("purpose", purposeCode);
            if (purposeText != null) {
                claims.put("purpose_text", purposeText);
            }
            List<String> names = new ArrayList<>();
            for (CitizenField f : fields) {
                names.add(f.claimName());
            }
            claims.put("fields", names);
            if (responseUri != null) {
                claims.put("response_uri", responseUri);
            }
            byte[] payload = RawDeflate.deflate(StrictJson.write(claims));
            String input = Base64Url.encode(headerJson(signingKey.kid()).getBytes(StandardCharsets.UTF_8)) + "."
                    + Base64Url.encode(payload);
            String jws = input + "." + Base64Url.encode(signingKey.signEs256(input.getBytes(StandardCharsets.US_ASCII)));
            ConsentRequest request = new ConsentRequest(partyId, audience, purposeCode, purposeText, fields, n, iat,
                    exp, responseUri);
            return new Signed(jws, request);
        }
    }

    /**
     * A signed request.
     *
     * @param compactJws the compact JWS (put it in a QR code with the signed QR container, or send it as is)
     * @param request what it says; keep {@link ConsentRequest#nonce()} to check the delivery
     */
    public record Signed(String compactJws, ConsentRequest request) {
        /**
         * @throws NullPointerException when an argument is null
         */
        public Signed {
            Objects.requireNonNull(compactJws, "compactJws");
            Objects.requireNonNull(request, "request");
        }
    }

    /** Builds a {@link ConsentRequestSigner}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private String partyId;
        private SigningKey signingKey;
        private String audience;
        private Clock clock;

        private Builder() {
        }

        /**
         * Required: the party's registered id.
         *
         * @param partyId the id
         * @return this builder
         */
        public Builder partyId(String partyId) {
            once(this.partyId, "partyId");
            Objects.requireNonNull(partyId, "partyId");
            if (!RelyingParty.isWellFormedId(partyId)) {
                throw new IllegalArgumentException("malformed party id: " + partyId);
            }
            this.partyId = partyId;
            return this;
        }

        /**
         * Required: the party's request-signing key (its public JWK is in the party's registered JWKS).
         *
         * @param key the ES256 key
         * @return this builder
         */
        public Builder signingKey(SigningKey key) {
            once(this.signingKey, "signingKey");
            this.signingKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Required: the e-ID issuer the request is addressed to ({@code aud}), e.g. {@code https://vneid.gov.vn}.
         *
         * @param audience 1 to 128 printable ASCII characters without spaces
         * @return this builder
         */
        public Builder audience(String audience) {
            once(this.audience, "audience");
            this.audience = ProtocolToken.check("audience", audience);
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
         * @return the signer
         * @throws IllegalStateException when partyId, signingKey or audience is missing
         */
        public ConsentRequestSigner build() {
            return new ConsentRequestSigner(this);
        }
    }
}
