package io.github.eidvn.account.device;

import java.time.Instant;
import java.util.Objects;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.internal.Checks;

/**
 * An authority's decision to unlock an account whose phone was lost (the e-ID app's rule: a lost phone is locked by
 * the citizen on the website or through the police, and unlocked through an authority after it checked the person,
 * not only from the locked app). Build it only after your own back office authenticated the officer and recorded the
 * case; {@link AccountLogin#unlockByAuthority} then trusts these fields.
 *
 * <pre>{@code
 * AuthorityUnlock.builder(account).authority("cong-an-phuong-dich-vong").officerId("CB-0192")
 *         .caseReference("HS-2026-000123").decidedAt(now).newDevice(newDeviceId, newDeviceKey).build()
 * }</pre>
 *
 * <p>The lost device is replaced by the citizen's new one (registered at the desk), so that a thief holding the
 * lost phone and the password cannot bind it again. Each text field has 1..64 characters from {@code A-Z a-z 0-9 . _ : -} (it goes to the audit trail). A case
 * reference unlocks once.
 */
public final class AuthorityUnlock {

    private final AccountId account;
    private final String authority;
    private final String officerId;
    private final String caseReference;
    private final Instant decidedAt;
    private final String newDeviceId;
    private final DevicePublicKey newDeviceKey;

    private AuthorityUnlock(Builder b) {
        this.account = b.account;
        this.authority = label(b.authority, "authority");
        this.officerId = label(b.officerId, "officerId");
        this.caseReference = label(b.caseReference, "caseReference");
        this.decidedAt = Objects.requireNonNull(b.decidedAt, "decidedAt");
        this.newDeviceId = Objects.requireNonNull(b.newDeviceId, "newDeviceId");
        this.newDeviceKey = Objects.requireNonNull(b.newDeviceKey, "newDeviceKey");
    }

    private static String label(String s, String name) {
        Objects.requireNonNull(s, name);
        if (s.length() > 64 || !Checks.isDeviceId(s)) {
            throw new IllegalArgumentException(name + " must be 1..64 characters from A-Z a-z 0-9 . _ : -");
        }
        return s;
    }

    /**
     * @param account the account to unlock
     * @return a builder
     */
    public static Builder builder(AccountId account) {
        return new Builder(Objects.requireNonNull(account, "account"));
    }

    /** @return the account */
    public AccountId account() {
        return account;
    }

    /** @return the deciding authority (e.g. the police unit) */
    public String authority() {
        return authority;
    }

    /** @return the officer who decided */
    public String officerId() {
        return officerId;
    }

    /** @return the case reference (single use) */
    public String caseReference() {
        return caseReference;
    }

    /** @return when the decision was taken */
    public Instant decidedAt() {
        return decidedAt;
    }

    /** @return the citizen's new device, registered at the authority's desk */
    public String newDeviceId() {
        return newDeviceId;
    }

    /** @return the new device's key */
    public DevicePublicKey newDeviceKey() {
        return newDeviceKey;
    }

    @Override
    public String toString() {
        return "AuthorityUnlock[" + account + ", " + authority + ", officer=" + officerId + ", case=" + caseReference
                + ", at=" + decidedAt + ", device=" + Checks.source(newDeviceId) + "]";
    }

    /** Configures an {@link AuthorityUnlock}; every field is required and can be set once. */
    public static final class Builder {
        private final AccountId account;
        private String authority;
        private String officerId;
        private String caseReference;
        private Instant decidedAt;
        private String newDeviceId;
        private DevicePublicKey newDeviceKey;

        private Builder(AccountId account) {
            this.account = account;
        }

        /**
         * @param name the deciding authority
         * @return this
         */
        public Builder authority(String name) {
            Checks.once(authority, "authority");
            this.authority = Objects.requireNonNull(name, "authority");
            return this;
        }

        /**
         * @param id the officer's id
         * @return this
         */
        public Builder officerId(String id) {
            Checks.once(officerId, "officerId");
            this.officerId = Objects.requireNonNull(id, "officerId");
            return this;
        }

        /**
         * @param reference the case reference
         * @return this
         */
        public Builder caseReference(String reference) {
            Checks.once(caseReference, "caseReference");
            this.caseReference = Objects.requireNonNull(reference, "caseReference");
            return this;
        }

        /**
         * @param at when the decision was taken
         * @return this
         */
        public Builder decidedAt(Instant at) {
            Checks.once(decidedAt, "decidedAt");
            this.decidedAt = Objects.requireNonNull(at, "decidedAt");
            return this;
        }

        /**
         * The citizen's new device (its app shows the id and registers the key at the desk or on the website); the
         * lost device is replaced by it, and it then signs in with its key ({@link AccountLogin#beginUnlock}).
         *
         * @param id the new device id
         * @param key the new device key
         * @return this
         */
        public Builder newDevice(String id, DevicePublicKey key) {
            Checks.once(newDeviceId, "newDevice");
            this.newDeviceId = Objects.requireNonNull(id, "newDeviceId");
            this.newDeviceKey = Objects.requireNonNull(key, "newDeviceKey");
            return this;
        }

        /**
         * @return the decision
         * @throws NullPointerException when a field is missing
         * @throws IllegalArgumentException when a label is malformed
         */
        public AuthorityUnlock build() {
            return new AuthorityUnlock(this);
        }
    }
}
