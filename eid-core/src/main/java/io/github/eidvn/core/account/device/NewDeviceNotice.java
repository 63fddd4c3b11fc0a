package io.github.eidvn.core.account.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A new-device confirmation code to show on the active device ("someone is signing in on another phone; if it is
 * you, type this code there").
 *
 * @param personalNumber the account
 * @param activeDeviceId the device that must show the code
 * @param newDeviceId the device asking to sign in
 * @param code the 6-digit code
 * @param expiresAt when the code expires
 */
public record NewDeviceNotice(String personalNumber, String activeDeviceId, String newDeviceId, String code,
        Instant expiresAt) {

    /** Checks the components. */
    public NewDeviceNotice {
        Objects.requireNonNull(personalNumber, "personalNumber");
        Objects.requireNonNull(activeDeviceId, "activeDeviceId");
        Objects.requireNonNull(newDeviceId, "newDeviceId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Redacts the code and masks the personal number. */
    @Override
    public String toString() {
        return "NewDeviceNotice[" + io.github.eidvn.core.account.Masking.personalNumber(personalNumber) + ", active="
                + activeDeviceId + ", new=" + newDeviceId + ", expiresAt=" + expiresAt + ", code redacted]";
    }
}
