package io.github.eidvn.core.consent;

import static io.github.eidvn.core.internal.Once.once;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.keys.TrustedKey;

/**
 * A registered relying party (bank, e-wallet, hospital, public-service portal): who it is, what it may ask for and
 * its keys. The consent screen shows its legal name; the citizen side verifies its requests with
 * {@link #signingKeys()}; deliveries are encrypted to {@link #encryptionKey()}.
 *
 * <p>Registration rules, checked by {@link Builder#build()} (fail closed):
 * <ul>
 *   <li>id: 1 to 64 characters of {@code [a-z0-9._-]}, starting with a letter or digit;</li>
 *   <li>legal names in Vietnamese and English, and a data-protection contact (where a citizen exercises the rights
 *       of Nghị định 13/2023/NĐ-CP, e.g. {@code dpo@bank.vn});</li>
 *   <li>at least one purpose, each with a non-empty subset of the fields its catalogue entry allows;</li>
 *   <li>request-signing keys: a public JWKS of EC P-256 keys (ES256 only, as {@link TrustStore} loads them);</li>
 *   <li>an encryption key ({@link PartyEncryptionKey}: EC P-256 or RSA of 2048 bits or more) that is not also a
 *       signing key (key separation).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class RelyingParty {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final String id;
    private final String legalNameVi;
    private final String legalNameEn;
    private final String contact;
    private final Map<String, Purpose> purposes;
    private final Map<String, Set<CitizenField>> allowed;
    private final TrustStore signingKeys;
    private final PartyEncryptionKey encryptionKey;

    private RelyingParty(Builder b) {
        if (b.id == null) {
            throw new IllegalStateException("id is required");
        }
        if (b.legalNameVi == null) {
            throw new IllegalStateException("legalName is required");
        }
        if (b.contact == null) {
            throw new IllegalStateException("contact is required");
        }
        if (b.purposes.isEmpty()) {
            throw new IllegalStateException("at least one purpose is required");
        }
        if (b.signingKeys == null) {
            throw new IllegalStateException("signingJwks is required");
        }
        if (b.encryptionKey == null) {
            throw new IllegalStateException("encryptionKey is required");
        }
        for (TrustedKey k : b.signingKeys.keys()) {
            if (k.thumbprint().equals(b.encryptionKey.kid())) {
                throw new IllegalArgumentException("the encryption key is also a signing key; use separate keys");
            }
        }
        this.id = b.id;
        this.legalNameVi = b.legalNameVi;
        this.legalNameEn = b.legalNameEn;
        this.contact = b.contact;
        this.purposes = Collections.unmodifiableMap(new LinkedHashMap<>(b.purposes));
        Map<String, Set<CitizenField>> a = new LinkedHashMap<>();
        b.allowed.forEach((k, v) -> a.put(k, Collections.unmodifiableSet(EnumSet.copyOf(v))));
        this.allowed = Collections.unmodifiableMap(a);
        this.signingKeys = b.signingKeys;
        this.encryptionKey = b.encryptionKey;
    }

    /**
     * A builder; each option may be set once (purposes once per code).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether a party id is well formed.
     *
     * @param id the id, may be null
     * @return true when it matches {@code [a-z0-9][a-z0-9._-]{0,63}}
     */
    public static boolean isWellFormedId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** @return the party id, e.g. {@code vietcombank} */
    public String id() {
        return id;
    }

    /** @return the legal name in Vietnamese */
    public String legalNameVi() {
        return legalNameVi;
    }

    /** @return the legal name in English */
    public String legalNameEn() {
        return legalNameEn;
    }

    /** @return the data-protection contact (where citizens exercise their rights) */
    public String contact() {
        return contact;
    }

    /** @return the registered purposes by code, in registration order */
    public Map<String, Purpose> purposes() {
        return purposes;
    }

    /**
     * The fields this party may ask for under a purpose.
     *
     * @param purposeCode the purpose code
     * @return the registered fields, or empty when the purpose is not registered for this party
     */
    public Optional<Set<CitizenField>> allowedFields(String purposeCode) {
        return Optional.ofNullable(purposeCode == null ? null : allowed.get(purposeCode));
    }

    /** @return the request-signing keys (ES256) */
    public TrustStore signingKeys() {
        return signingKeys;
    }

    /** @return the key deliveries are encrypted to */
    public PartyEncryptionKey encryptionKey() {
        return encryptionKey;
    }

    @Override
    public String toString() {
        return "RelyingParty[" + id + ", purposes=" + allowed.keySet() + ", signingKeys=" + signingKeys.keys().size()
                + ", encryption=" + encryptionKey.jweAlgorithm() + "]";
    }

    /** Builds a {@link RelyingParty}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String legalNameVi;
        private String legalNameEn;
        private String contact;
        private final Map<String, Purpose> purposes = new LinkedHashMap<>();
        private final Map<String, Set<CitizenField>> allowed = new LinkedHashMap<>();
        private TrustStore signingKeys;
        private PartyEncryptionKey encryptionKey;

        private Builder() {
        }

        /**
         * Required: the party id.
         *
         * @param id 1 to 64 characters of {@code [a-z0-9._-]}
         * @return this builder
         */
        public Builder id(String id) {
            once(this.id, "id");
            Objects.requireNonNull(id, "id");
            if (!isWellFormedId(id)) {
                throw new IllegalArgumentException("party id must match " + ID + ": " + id);
            }
            this.id = id;
            return this;
        }

        /**
         * Required: the legal name.
         *
         * @param vietnamese in Vietnamese, e.g. "Ngân hàng TMCP Ngoại thương Việt Nam"
         * @param english in English
         * @return this builder
         */
        public Builder legalName(String vietnamese, String english) {
            once(this.legalNameVi, "legalName");
            this.legalNameVi = Purpose.text("legal name (vi)", vietnamese);
            this.legalNameEn = Purpose.text("legal name (en)", english);
            return this;
        }

        /**
         * Required: the data-protection contact shown on the consent receipt.
         *
         * @param contact e.g. an e-mail address or a web page, 1 to 300 characters
         * @return this builder
         */
        public Builder contact(String contact) {
            once(this.contact, "contact");
            this.contact = Purpose.text("contact", contact);
            return this;
        }

        /**
         * Registers a purpose with the fields this party may ask for under it.
         *
         * @param purpose the catalogue entry
         * @param fields a non-empty subset of {@link Purpose#fields()}
         * @return this builder
         * @throws IllegalArgumentException when a field is outside the purpose's fields, or none is given
         * @throws IllegalStateException when the purpose code is already registered
         */
        public Builder purpose(Purpose purpose, Collection<CitizenField> fields) {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(fields, "fields");
            if (purposes.containsKey(purpose.code())) {
                throw new IllegalStateException("purpose " + purpose.code() + " is already registered");
            }
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("purpose " + purpose.code() + " needs at least one field");
            }
            EnumSet<CitizenField> set = EnumSet.copyOf(fields);
            EnumSet<CitizenField> outside = EnumSet.copyOf(set);
            outside.removeAll(purpose.fields());
            if (!outside.isEmpty()) {
                throw new IllegalArgumentException("purpose " + purpose.code() + " does not allow the fields "
                        + names(outside));
            }
            purposes.put(purpose.code(), purpose);
            allowed.put(purpose.code(), set);
            return this;
        }

        /**
         * Registers a purpose with every field it allows.
         *
         * @param purpose the catalogue entry
         * @return this builder
         */
        public Builder purpose(Purpose purpose) {
            return purpose(purpose, purpose.fields());
        }

        /**
         * Required: the request-signing keys as a public JWKS.
         *
         * @param jwksJson the JWKS JSON, EC P-256 keys only
         * @return this builder
         * @throws IllegalArgumentException when the JWKS is malformed, holds private parts, or a key is not ES256
         */
        public Builder signingJwks(String jwksJson) {
            once(this.signingKeys, "signingJwks");
            TrustStore store = TrustStore.fromJwks(jwksJson);
            for (TrustedKey k : store.keys()) {
                if (!"ES256".equals(k.algorithm())) {
                    throw new IllegalArgumentException("request-signing keys must be EC P-256 (ES256); key "
                            + k.kid() + " is " + k.algorithm());
                }
            }
            this.signingKeys = store;
            return this;
        }

        /**
         * Required: the encryption key.
         *
         * @param key the key
         * @return this builder
         */
        public Builder encryptionKey(PartyEncryptionKey key) {
            once(this.encryptionKey, "encryptionKey");
            this.encryptionKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * @return the party
         * @throws IllegalStateException when a required option is missing
         * @throws IllegalArgumentException when the encryption key is also a signing key
         */
        public RelyingParty build() {
            return new RelyingParty(this);
        }
    }

    static String names(Collection<CitizenField> fields) {
        StringBuilder sb = new StringBuilder();
        for (CitizenField f : fields) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(f.claimName());
        }
        return sb.toString();
    }
}
