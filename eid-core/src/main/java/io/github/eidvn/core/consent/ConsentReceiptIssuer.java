package io.github.eidvn.core.consent;

import static io.github.eidvn.core.internal.Once.once;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;

import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.internal.Base64Url;
import io.github.eidvn.core.internal.ProtocolToken;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;

/**
 * The issuer's side of consent: turns the citizen's answer to a {@link VerifiedRequest} into a signed
 * {@link ConsentReceipt}. Record the result in the {@link ConsentLedger}.
 *
 * <pre>{@code
 * ConsentReceiptIssuer.Issued issued = receipts.grant(verified, citizenNumber, grantedFields, Duration.ofDays(365));
 * ledger.record(citizenNumber, issued);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Security:</b> the citizen may grant all or part of the request, never more; the receipt names the citizen
 * only by a pairwise reference ({@link CitizenReferences#forParty}); receipt ids are 128 random bits.
 */
public final class ConsentReceiptIssuer {

    /** The default longest consent: one year. */
    public static final Duration DEFAULT_MAX_VALIDITY = Duration.ofDays(365);

    private final String issuer;
    private final KeyRing keyRing;
    private final CitizenReferences references;
    private final Clock clock;
    private final Duration maxValidity;
    private final SecureRandom random = new SecureRandom();

    private ConsentReceiptIssuer(Builder b) {
        if (b.issuer == null || b.keyRing == null || b.references == null) {
            throw new IllegalStateException("issuer, keyRing and references are required");
        }
        this.issuer = b.issuer;
        this.keyRing = b.keyRing;
        this.references = b.references;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.maxValidity = b.maxValidity == null ? DEFAULT_MAX_VALIDITY : b.maxValidity;
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
     * Records the citizen's consent to all or part of a verified request.
     *
     * @param request the verified request
     * @param citizen the citizen who consents (authenticated by the caller)
     * @param granted the fields the citizen agrees to share: a non-empty subset of the request's fields
     * @param validity how long the consent lasts, one minute to the configured maximum
     * @return the receipt and its signed form
     * @throws IllegalArgumentException when {@code granted} is empty or holds a field that was not requested, the
     *     validity is out of range, or the request expired before the citizen answered
     */
    public Issued grant(VerifiedRequest request, PersonalNumber citizen, Collection<CitizenField> granted,
            Duration validity) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(granted, "granted");
        Objects.requireNonNull(validity, "validity");
        if (granted.isEmpty()) {
            throw new IllegalArgumentException("grant at least one field, or decline the request");
        }
        EnumSet<CitizenField> fields = EnumSet.copyOf(granted);
        EnumSet<CitizenField> extra = EnumSet.copyOf(fields);
        extra.removeAll(request.request().fields());
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("fields that were not requested cannot be granted: "
                    + RelyingParty.names(extra));
        }
        if (validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.compareTo(maxValidity) > 0) {
            throw new IllegalArgumentException("validity must be between one minute and " + maxValidity);
        }
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        if (!now.isBefore(request.request().expiresAt())) {
            throw new IllegalArgumentException("the request expired at " + request.request().expiresAt());
        }
        byte[] idBytes = new byte[16];
        random.nextBytes(idBytes);
        RelyingParty party = request.party();
        Purpose purpose = request.purpose();
        ConsentReceipt receipt = new ConsentReceipt(Base64Url.encode(idBytes), issuer, party.id(), party.legalNameVi(),
                party.legalNameEn(), party.contact(), purpose.code(), purpose.nameVi(), purpose.nameEn(),
                request.request().purposeText().orElse(null), fields, now, now.plusSeconds(validity.getSeconds()),
                references.forParty(party.id(), citizen), request.request().nonce());
        return new Issued(receipt, sign(receipt));
    }

    private String sign(ConsentReceipt receipt) {
        SigningKey key = keyRing.current();
        String header = "{\"alg\":\"ES256\",\"typ\":\"" + ConsentReceipt.TYPE + "\",\"kid\":\"" + key.kid() + "\"}";
        String input = Base64Url.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(StrictJson.write(receipt.toClaims()));
        return input + "." + Base64Url.encode(key.signEs256(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** @return the issuer id written as {@code iss} */
    public String issuer() {
        return issuer;
    }

    @Override
    public String toString() {
        return "ConsentReceiptIssuer[iss=" + issuer + ", kid=" + keyRing.current().kid() + ", maxValidity="
                + maxValidity + "]";
    }

    /**
     * A granted consent.
     *
     * @param receipt the receipt
     * @param compactJws the receipt signed by the issuer ({@code typ} {@value ConsentReceipt#TYPE}), for the
     *     citizen and the party to keep as proof
     */
    public record Issued(ConsentReceipt receipt, String compactJws) {
        /**
         * @throws NullPointerException when an argument is null
         */
        public Issued {
            Objects.requireNonNull(receipt, "receipt");
            Objects.requireNonNull(compactJws, "compactJws");
        }
    }

    /** Builds a {@link ConsentReceiptIssuer}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private String issuer;
        private KeyRing keyRing;
        private CitizenReferences references;
        private Clock clock;
        private Duration maxValidity;

        private Builder() {
        }

        /**
         * Required: the issuer id, e.g. {@code https://vneid.gov.vn}.
         *
         * @param issuer 1 to 128 printable ASCII characters
         * @return this builder
         */
        public Builder issuer(String issuer) {
            once(this.issuer, "issuer");
            this.issuer = ProtocolToken.check("issuer", issuer);
            return this;
        }

        /**
         * Required: the issuer's keys; the current key signs receipts.
         *
         * @param keyRing the ring
         * @return this builder
         */
        public Builder keyRing(KeyRing keyRing) {
            once(this.keyRing, "keyRing");
            this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
            return this;
        }

        /**
         * Required: the pairwise references (the issuer's secret).
         *
         * @param references the references
         * @return this builder
         */
        public Builder references(CitizenReferences references) {
            once(this.references, "references");
            this.references = Objects.requireNonNull(references, "references");
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
         * The longest consent; {@link #DEFAULT_MAX_VALIDITY} by default.
         *
         * @param maxValidity at least one minute
         * @return this builder
         */
        public Builder maxValidity(Duration maxValidity) {
            once(this.maxValidity, "maxValidity");
            Objects.requireNonNull(maxValidity, "maxValidity");
            if (maxValidity.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("maxValidity must be at least one minute");
            }
            this.maxValidity = maxValidity;
            return this;
        }

        /**
         * @return the issuer
         * @throws IllegalStateException when issuer, keyRing or references is missing
         */
        public ConsentReceiptIssuer build() {
            return new ConsentReceiptIssuer(this);
        }
    }
}
