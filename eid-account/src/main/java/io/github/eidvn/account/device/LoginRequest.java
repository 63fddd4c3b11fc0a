package io.github.eidvn.account.device;

import java.util.Objects;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.internal.Checks;

/**
 * A password login from a device, built with named fields so that the device id and the source cannot be swapped:
 *
 * <pre>{@code
 * LoginRequest.builder(AccountId.of("KH-2024-0042"))
 *         .password(typed).storedPasswordHash(phcOrNull)
 *         .deviceId(appDeviceId).devicePublicKey(appKey)
 *         .source(clientIp)
 *         .build();
 * }</pre>
 *
 * <p>Every field is required except the stored hash: leave it unset (or null) when the account does not exist; a dummy
 * hash is then computed so that the answer takes the same time and is the same "invalid credentials".
 */
public final class LoginRequest {

    private final AccountId account;
    private final CharSequence password;
    private final String storedPasswordHash;
    private final String deviceId;
    private final DevicePublicKey devicePublicKey;
    private final String source;

    private LoginRequest(Builder b) {
        this.account = b.account;
        this.password = Objects.requireNonNull(b.password, "password");
        this.storedPasswordHash = b.storedPasswordHash;
        this.deviceId = Objects.requireNonNull(b.deviceId, "deviceId");
        this.devicePublicKey = Objects.requireNonNull(b.devicePublicKey, "devicePublicKey");
        this.source = Objects.requireNonNull(b.source, "source");
    }

    /**
     * @param account the account
     * @return a builder
     */
    public static Builder builder(AccountId account) {
        return new Builder(Objects.requireNonNull(account, "account"));
    }

    /** @return the account */
    public AccountId account() {
        return account;
    }

    /** @return the password as typed */
    public CharSequence password() {
        return password;
    }

    /** @return the account's stored Argon2id PHC string, or null when the account does not exist */
    public String storedPasswordHash() {
        return storedPasswordHash;
    }

    /** @return the app's device id (1..128 characters from {@code A-Z a-z 0-9 . _ : -}; others are malformed) */
    public String deviceId() {
        return deviceId;
    }

    /** @return the device key registered by the app */
    public DevicePublicKey devicePublicKey() {
        return devicePublicKey;
    }

    /** @return the request source for per-source throttling (client IP address as seen by your gateway) */
    public String source() {
        return source;
    }

    /** Redacts the password and the stored hash, masks the account. */
    @Override
    public String toString() {
        return "LoginRequest[" + account + ", password redacted, device=" + Checks.source(deviceId) + ", source="
                + Checks.source(source) + "]";
    }

    /** Configures a {@link LoginRequest}; each field can be set once. */
    public static final class Builder {
        private final AccountId account;
        private CharSequence password;
        private String storedPasswordHash;
        private boolean storedSet;
        private String deviceId;
        private DevicePublicKey devicePublicKey;
        private String source;

        private Builder(AccountId account) {
            this.account = account;
        }

        /**
         * @param typed the password as typed (required)
         * @return this
         */
        public Builder password(CharSequence typed) {
            Checks.once(password, "password");
            this.password = Objects.requireNonNull(typed, "password");
            return this;
        }

        /**
         * @param phc the account's stored PHC string, or null when the account does not exist
         * @return this
         */
        public Builder storedPasswordHash(String phc) {
            if (storedSet) {
                throw new IllegalStateException("storedPasswordHash already set");
            }
            this.storedSet = true;
            this.storedPasswordHash = phc;
            return this;
        }

        /**
         * @param id the app's device id (required)
         * @return this
         */
        public Builder deviceId(String id) {
            Checks.once(deviceId, "deviceId");
            this.deviceId = Objects.requireNonNull(id, "deviceId");
            return this;
        }

        /**
         * @param key the device key registered by the app (required)
         * @return this
         */
        public Builder devicePublicKey(DevicePublicKey key) {
            Checks.once(devicePublicKey, "devicePublicKey");
            this.devicePublicKey = Objects.requireNonNull(key, "devicePublicKey");
            return this;
        }

        /**
         * @param requestSource the client IP address as seen by your gateway (required)
         * @return this
         */
        public Builder source(String requestSource) {
            Checks.once(source, "source");
            this.source = Objects.requireNonNull(requestSource, "source");
            return this;
        }

        /**
         * @return the request
         * @throws NullPointerException when a required field is missing
         */
        public LoginRequest build() {
            return new LoginRequest(this);
        }
    }
}
