package io.github.eidvn.core.consent;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The content of a relying party's consent request: who asks, for which purpose, for which fields, and until when
 * the request may be answered. It travels as a JWT signed by the party ({@code typ} {@value #TYPE}, ES256), made by
 * {@link ConsentRequestSigner} and checked by {@link ConsentRequestVerifier}.
 *
 * <pre>{@code
 * header  {"alg":"ES256","typ":"vneid-request+jwt","kid":"<RFC 7638 thumbprint>","zip":"DEF"}
 * payload raw-DEFLATE of
 *   {"iss":"<party id>","aud":"<e-ID issuer>","iat":..,"exp":..,"nonce":"..","purpose":"<code>",
 *    ["purpose_text":"..",] "fields":["name","birthdate",..] [,"response_uri":"https://.."]}
 * }</pre>
 * The payload is compressed like the assertion QR profile, so a request fits a digits-only QR code (the container's
 * one-byte header code for {@code "typ":"vneid-request+jwt"}).
 *
 * <p>Immutable and thread-safe. Only this package builds one.
 */
public final class ConsentRequest {

    /** The JWT {@code typ} of a consent request. */
    public static final String TYPE = "vneid-request+jwt";

    private final String partyId;
    private final String audience;
    private final String purposeCode;
    private final String purposeText;
    private final Set<CitizenField> fields;
    private final String nonce;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String responseUri;

    ConsentRequest(String partyId, String audience, String purposeCode, String purposeText, Set<CitizenField> fields,
            String nonce, Instant issuedAt, Instant expiresAt, String responseUri) {
        this.partyId = Objects.requireNonNull(partyId, "partyId");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.purposeCode = Objects.requireNonNull(purposeCode, "purposeCode");
        this.purposeText = purposeText;
        this.fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
        this.nonce = Objects.requireNonNull(nonce, "nonce");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.responseUri = responseUri;
    }

    /** @return the requesting party's id ({@code iss}) */
    public String partyId() {
        return partyId;
    }

    /** @return the e-ID issuer the request is addressed to ({@code aud}) */
    public String audience() {
        return audience;
    }

    /** @return the purpose code ({@code purpose}), from the catalogue */
    public String purposeCode() {
        return purposeCode;
    }

    /** @return the party's own explanation of the purpose ({@code purpose_text}), if given */
    public Optional<String> purposeText() {
        return Optional.ofNullable(purposeText);
    }

    /** @return the requested fields, in declaration order */
    public Set<CitizenField> fields() {
        return fields;
    }

    /** @return the request nonce; the sealed delivery repeats it */
    public String nonce() {
        return nonce;
    }

    /** @return when the request was made ({@code iat}) */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** @return until when the request may be answered ({@code exp}, at most 10 minutes after {@code iat}) */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return where the party receives the sealed delivery ({@code response_uri}), if given */
    public Optional<String> responseUri() {
        return Optional.ofNullable(responseUri);
    }

    @Override
    public String toString() {
        return "ConsentRequest[party=" + partyId + ", purpose=" + purposeCode + ", fields="
                + RelyingParty.names(fields) + ", exp=" + expiresAt + "]";
    }
}
