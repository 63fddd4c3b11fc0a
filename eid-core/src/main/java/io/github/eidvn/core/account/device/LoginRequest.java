package io.github.eidvn.core.account.device;

import java.util.Objects;

/**
 * A password login from a device.
 *
 * @param personalNumber the account (12 digits; anything else is refused as malformed)
 * @param password the password as typed
 * @param storedPasswordHash the account's stored Argon2id PHC string, or null when the account does not exist (a
 *        dummy hash is then computed so the answer takes the same time and is the same "invalid credentials")
 * @param deviceId the app's device id (1..128 characters from {@code A-Z a-z 0-9 . _ : -})
 * @param devicePublicKey the device key registered by the app
 * @param source the request source for per-source throttling (client IP address as seen by your gateway)
 */
public record LoginRequest(String personalNumber, CharSequence password, String storedPasswordHash, String deviceId,
        DevicePublicKey devicePublicKey, String source) {

    /** Checks the required components. */
    public LoginRequest {
        Objects.requireNonNull(personalNumber, "personalNumber");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(devicePublicKey, "devicePublicKey");
        Objects.requireNonNull(source, "source");
    }

    /** Redacts the password and the stored hash, masks the personal number. */
    @Override
    public String toString() {
        return "LoginRequest[" + io.github.eidvn.core.account.Masking.personalNumber(personalNumber)
                + ", password redacted, device=" + deviceId + ", source=" + source + "]";
    }
}
