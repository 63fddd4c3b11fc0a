package io.github.eidvn.verifier.sharing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.sharing.SharedClaims;

/**
 * A delivery that passed every stage of a {@link SharedDataOpener}: decrypted with the party's key, signed by a
 * trusted issuer, addressed to this party, fresh, bound to the request nonce, under a consent receipt still in force,
 * holding only granted fields.
 *
 * <p><b>Security:</b> only the opener builds one (package-private constructor). It holds personal data:
 * {@link #toString()} shows field names only.
 */
public final class Opened implements OpenResult {

    private final SharedClaims claims;
    private final String issuer;
    private final String receiptId;
    private final String jti;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String subject;
    private final String purpose;
    private final AssuranceLevel level;
    private final String issuerKid;

    Opened(SharedClaims claims, String issuer, String receiptId, String jti, Instant issuedAt, Instant expiresAt,
            String subject, String purpose, AssuranceLevel level, String issuerKid) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.receiptId = Objects.requireNonNull(receiptId, "receiptId");
        this.jti = Objects.requireNonNull(jti, "jti");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.subject = subject;
        this.purpose = purpose;
        this.level = level;
        this.issuerKid = Objects.requireNonNull(issuerKid, "issuerKid");
    }

    /** @return the citizen data: exactly the fields the citizen granted that the registry holds */
    public SharedClaims claims() {
        return claims;
    }

    /** @return the issuer ({@code iss}) */
    public String issuer() {
        return issuer;
    }

    /** @return the consent receipt id */
    public String receiptId() {
        return receiptId;
    }

    /** @return the delivery id ({@code jti}) */
    public String jti() {
        return jti;
    }

    /** @return when the delivery was sealed */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** @return when the delivery expires */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return the citizen's pairwise reference for this party ({@code sub}) */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** @return the purpose code */
    public Optional<String> purpose() {
        return Optional.ofNullable(purpose);
    }

    /** @return the assurance level the issuer vouches for */
    public Optional<AssuranceLevel> level() {
        return Optional.ofNullable(level);
    }

    /** @return the key id of the issuer key that signed it */
    public String issuerKid() {
        return issuerKid;
    }

    @Override
    public boolean isOpened() {
        return true;
    }

    @Override
    public String toString() {
        return "Opened[" + claims + ", receipt=" + receiptId + ", level=" + level + "]";
    }
}
