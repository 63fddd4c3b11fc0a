package io.github.eidvn.account.device;

import java.util.Objects;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.RecoveryProof;
import io.github.eidvn.account.internal.Checks;

/**
 * Recovery of an account with a fresh level-2 identity assertion, binding a new device. The account id is the
 * integrator's; the holder's personal number (from the integrator's records) is what the assertion must name.
 *
 * <pre>{@code
 * RecoveryRequest.builder(account).holderPersonalNumber(pn).proof(verified)
 *         .newDeviceId(id).newDeviceKey(key).source(clientIp).build()
 * }</pre>
 */
public final class RecoveryRequest {

    private final AccountId account;
    private final String holderPersonalNumber;
    private final RecoveryProof proof;
    private final String newDeviceId;
    private final DevicePublicKey newDeviceKey;
    private final String source;

    private RecoveryRequest(Builder b) {
        this.account = b.account;
        this.holderPersonalNumber = Objects.requireNonNull(b.holderPersonalNumber, "holderPersonalNumber");
        this.proof = Objects.requireNonNull(b.proof, "proof");
        this.newDeviceId = Objects.requireNonNull(b.newDeviceId, "newDeviceId");
        this.newDeviceKey = Objects.requireNonNull(b.newDeviceKey, "newDeviceKey");
        this.source = Objects.requireNonNull(b.source, "source");
    }

    /**
     * @param account the account to recover
     * @return a builder
     */
    public static Builder builder(AccountId account) {
        return new Builder(Objects.requireNonNull(account, "account"));
    }

    /** @return the account */
    public AccountId account() {
        return account;
    }

    /** @return the personal number of the account's holder, as the integrator's records hold it */
    public String holderPersonalNumber() {
        return holderPersonalNumber;
    }

    /** @return the verified assertion's data */
    public RecoveryProof proof() {
        return proof;
    }

    /** @return the new device id */
    public String newDeviceId() {
        return newDeviceId;
    }

    /** @return the new device key */
    public DevicePublicKey newDeviceKey() {
        return newDeviceKey;
    }

    /** @return the request source */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "RecoveryRequest[" + account + ", device=" + Checks.source(newDeviceId) + ", source="
                + Checks.source(source) + "]";
    }

    /** Configures a {@link RecoveryRequest}; every field is required and can be set once. */
    public static final class Builder {
        private final AccountId account;
        private String holderPersonalNumber;
        private RecoveryProof proof;
        private String newDeviceId;
        private DevicePublicKey newDeviceKey;
        private String source;

        private Builder(AccountId account) {
            this.account = account;
        }

        /**
         * @param pn the holder's 12-digit personal number (the account id may be anything else)
         * @return this
         */
        public Builder holderPersonalNumber(String pn) {
            Checks.once(holderPersonalNumber, "holderPersonalNumber");
            this.holderPersonalNumber = Objects.requireNonNull(pn, "holderPersonalNumber");
            return this;
        }

        /**
         * @param verified the verified level-2 assertion's data
         * @return this
         */
        public Builder proof(RecoveryProof verified) {
            Checks.once(proof, "proof");
            this.proof = Objects.requireNonNull(verified, "proof");
            return this;
        }

        /**
         * @param id the new device id
         * @return this
         */
        public Builder newDeviceId(String id) {
            Checks.once(newDeviceId, "newDeviceId");
            this.newDeviceId = Objects.requireNonNull(id, "newDeviceId");
            return this;
        }

        /**
         * @param key the new device key
         * @return this
         */
        public Builder newDeviceKey(DevicePublicKey key) {
            Checks.once(newDeviceKey, "newDeviceKey");
            this.newDeviceKey = Objects.requireNonNull(key, "newDeviceKey");
            return this;
        }

        /**
         * @param requestSource the client IP address as seen by your gateway
         * @return this
         */
        public Builder source(String requestSource) {
            Checks.once(source, "source");
            this.source = Objects.requireNonNull(requestSource, "source");
            return this;
        }

        /**
         * @return the request
         * @throws NullPointerException when a field is missing
         */
        public RecoveryRequest build() {
            return new RecoveryRequest(this);
        }
    }
}
