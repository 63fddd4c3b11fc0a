package io.github.eidvn.account.device;

import java.time.Instant;
import java.util.Objects;

import io.github.eidvn.account.AccountId;

/**
 * A new-device confirmation code to show on the active device ("someone is signing in on another phone; if it is
 * you, type this code there").
 *
 * @param account the account
 * @param activeDeviceId the device that must show the code
 * @param newDeviceId the device asking to sign in
 * @param code the 6-digit code
 * @param expiresAt when the code expires
 */
public record NewDeviceNotice(AccountId account, String activeDeviceId, String newDeviceId, String code,
        Instant expiresAt) {

    /** Checks the components. */
    public NewDeviceNotice {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(activeDeviceId, "activeDeviceId");
        Objects.requireNonNull(newDeviceId, "newDeviceId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Redacts the code and masks the account id. */
    @Override
    public String toString() {
        return "NewDeviceNotice[" + account + ", active="
                + activeDeviceId + ", new=" + newDeviceId + ", expiresAt=" + expiresAt + ", code redacted]";
    }
}
