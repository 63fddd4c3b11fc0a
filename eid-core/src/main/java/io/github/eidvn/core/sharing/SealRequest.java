package io.github.eidvn.core.sharing;

import static io.github.eidvn.core.internal.Once.once;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.internal.ProtocolToken;
import io.github.eidvn.core.jose.EidProfile;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentReceipt;
import io.github.eidvn.core.consent.PartyEncryptionKey;

/**
 * What to seal for one party: the recipient key, the granted fields, the citizen data they are taken from, and the
 * binding to a consent receipt and request nonce.
 *
 * <pre>{@code
 * SealRequest r = SealRequest.forReceipt(issued.receipt(), party.encryptionKey())
 *         .claims(SharedClaims.fromProfile(profile)).level(AssuranceLevel.LEVEL_2).methods("face").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SealRequest {

    private static final Pattern TOKEN = ProtocolToken.PATTERN;
    static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern RECEIPT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final PartyEncryptionKey recipient;
    private final String audience;
    private final String receiptId;
    private final Set<CitizenField> fields;
    private final SharedClaims claims;
    private final String nonce;
    private final String subject;
    private final String purpose;
    private final AssuranceLevel level;
    private final List<String> methods;
    private final Duration ttl;
    private final ConsentReceipt receipt;

    private SealRequest(Builder b) {
        if (b.recipient == null || b.audience == null || b.receiptId == null || b.fields == null
                || b.claims == null) {
            throw new IllegalStateException("recipient, audience, receiptId, fields and claims are required");
        }
        this.recipient = b.recipient;
        this.audience = b.audience;
        this.receiptId = b.receiptId;
        this.fields = b.fields;
        this.claims = b.claims;
        this.nonce = b.nonce;
        this.subject = b.subject;
        this.purpose = b.purpose;
        if (b.methods != null && b.level == null) {
            throw new IllegalStateException("methods(...) without level(...)");
        }
        this.methods = b.methods == null ? List.of() : b.methods;
        if (b.level != null && b.level.satisfies(AssuranceLevel.LEVEL_2)
                && !EidProfile.hasLevel2Method(this.methods, List.of())) {
            throw new IllegalStateException("level 2 needs a level-2 method (face or fpt) in methods(...)");
        }
        this.level = b.level;
        this.ttl = b.ttl;
        this.receipt = b.receipt;
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder set from a consent receipt: recipient key, audience (the party id), receipt id, the granted fields,
     * the pairwise subject, the purpose and the request nonce. Add the claims (and the level).
     *
     * @param receipt the receipt
     * @param recipient the party's encryption key
     * @return the builder
     */
    public static Builder forReceipt(ConsentReceipt receipt, PartyEncryptionKey recipient) {
        Objects.requireNonNull(receipt, "receipt");
        Builder b = new Builder().to(recipient).audience(receipt.partyId()).receiptId(receipt.id())
                .fields(receipt.fields()).subject(receipt.citizenRef()).purpose(receipt.purposeCode())
                .nonce(receipt.requestNonce());
        b.receipt = receipt;
        return b;
    }

    /** @return the party's encryption key */
    public PartyEncryptionKey recipient() {
        return recipient;
    }

    /** @return the {@code aud}: the party */
    public String audience() {
        return audience;
    }

    /** @return the consent receipt id */
    public String receiptId() {
        return receiptId;
    }

    /** @return the granted fields: nothing else is sealed */
    public Set<CitizenField> fields() {
        return fields;
    }

    /** @return the citizen data the granted fields are taken from */
    public SharedClaims claims() {
        return claims;
    }

    /** @return the request nonce */
    public Optional<String> nonce() {
        return Optional.ofNullable(nonce);
    }

    /** @return the pairwise citizen reference ({@code sub}) */
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

    /** @return the authentication methods behind the level ({@code amr}), possibly empty */
    public List<String> methods() {
        return methods;
    }

    /** @return the delivery's lifetime, when not the sealer's default */
    public Optional<Duration> ttl() {
        return Optional.ofNullable(ttl);
    }

    /** @return the receipt this request was built from, if any */
    public Optional<ConsentReceipt> receipt() {
        return Optional.ofNullable(receipt);
    }

    @Override
    public String toString() {
        return "SealRequest[aud=" + audience + ", receipt=" + receiptId + ", fields=" + fields + ", to="
                + recipient.kid() + "]";
    }

    /** Builds a {@link SealRequest}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private PartyEncryptionKey recipient;
        private String audience;
        private String receiptId;
        private Set<CitizenField> fields;
        private SharedClaims claims;
        private String nonce;
        private String subject;
        private String purpose;
        private AssuranceLevel level;
        private List<String> methods;
        private Duration ttl;
        private ConsentReceipt receipt;

        private Builder() {
        }

        private static String token(String name, String value, Pattern rule) {
            Objects.requireNonNull(value, name);
            if (!rule.matcher(value).matches()) {
                throw new IllegalArgumentException(name + " must match " + rule);
            }
            return value;
        }

        /**
         * Required: the party's encryption key.
         *
         * @param recipient the key
         * @return this builder
         */
        public Builder to(PartyEncryptionKey recipient) {
            once(this.recipient, "recipient");
            this.recipient = Objects.requireNonNull(recipient, "recipient");
            return this;
        }

        /**
         * Required: the {@code aud}, the party id (or, without a registry, the key's RFC 9278 thumbprint URI).
         *
         * @param audience 1 to 128 printable ASCII characters
         * @return this builder
         */
        public Builder audience(String audience) {
            once(this.audience, "audience");
            this.audience = token("audience", audience, TOKEN);
            return this;
        }

        /**
         * Required: the consent receipt id.
         *
         * @param receiptId 1 to 128 characters of {@code [A-Za-z0-9._:-]}
         * @return this builder
         */
        public Builder receiptId(String receiptId) {
            once(this.receiptId, "receiptId");
            this.receiptId = token("receiptId", receiptId, RECEIPT_ID);
            return this;
        }

        /**
         * Required: the granted fields.
         *
         * @param fields the fields, not empty
         * @return this builder
         */
        public Builder fields(Collection<CitizenField> fields) {
            once(this.fields, "fields");
            Objects.requireNonNull(fields, "fields");
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("at least one granted field");
            }
            this.fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
            return this;
        }

        /**
         * Required: the citizen data (any superset of the granted fields; the rest is dropped).
         *
         * @param claims the data
         * @return this builder
         */
        public Builder claims(SharedClaims claims) {
            once(this.claims, "claims");
            this.claims = Objects.requireNonNull(claims, "claims");
            return this;
        }

        /**
         * The request nonce the party will check.
         *
         * @param nonce 1 to 64 characters of {@code [A-Za-z0-9_-]}
         * @return this builder
         */
        public Builder nonce(String nonce) {
            once(this.nonce, "nonce");
            this.nonce = token("nonce", nonce, NONCE);
            return this;
        }

        /**
         * The pairwise citizen reference ({@code sub}).
         *
         * @param subject 1 to 128 printable ASCII characters
         * @return this builder
         */
        public Builder subject(String subject) {
            once(this.subject, "subject");
            this.subject = token("subject", subject, TOKEN);
            return this;
        }

        /**
         * The purpose code.
         *
         * @param purpose 1 to 128 printable ASCII characters
         * @return this builder
         */
        public Builder purpose(String purpose) {
            once(this.purpose, "purpose");
            this.purpose = token("purpose", purpose, TOKEN);
            return this;
        }

        /**
         * The assurance level the issuer vouches for ({@code acr}).
         *
         * @param level the level
         * @return this builder
         */
        public Builder level(AssuranceLevel level) {
            once(this.level, "level");
            this.level = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * The authentication methods behind the level, written as {@code amr} (RFC 8176 values such as {@code face},
         * {@code fpt}, {@code sc}, {@code pwd}). Level 2 needs a level-2 method ({@code face} or {@code fpt}):
         * openers refuse a level-2 package without one.
         *
         * @param methods 1 to 8 distinct values of printable ASCII
         * @return this builder
         */
        public Builder methods(String... methods) {
            once(this.methods, "methods");
            Objects.requireNonNull(methods, "methods");
            if (methods.length == 0 || methods.length > 8) {
                throw new IllegalArgumentException("methods: 1 to 8 values");
            }
            List<String> copy = new ArrayList<>();
            for (String m : methods) {
                String v = token("amr", m, TOKEN);
                if (copy.contains(v)) {
                    throw new IllegalArgumentException("amr value repeated: " + v);
                }
                copy.add(v);
            }
            this.methods = List.copyOf(copy);
            return this;
        }

        /**
         * The delivery's lifetime; the sealer's default otherwise.
         *
         * @param ttl at least one second
         * @return this builder
         */
        public Builder ttl(Duration ttl) {
            once(this.ttl, "ttl");
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.getSeconds() < 1) {
                throw new IllegalArgumentException("ttl must be at least one second");
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * @return the request
         * @throws IllegalStateException when a required option is missing, level 2 is given without a level-2
         *     method, or methods without a level
         */
        public SealRequest build() {
            return new SealRequest(this);
        }
    }
}
