package io.github.eidvn.account.device;

import java.time.Instant;

import io.github.eidvn.account.AccountId;

/**
 * SPI: reaches a device (push notification, in-app message channel).
 *
 * <p><b>Security.</b> The new-device code must go only to the active device, over a channel authenticated to that
 * device; never log it. An exception from {@link #sendNewDeviceCode} cancels the challenge
 * ({@link LoginResult.Reason#NOTIFICATION_FAILED}); an exception from {@link #signedOut} is logged and ignored.
 */
public interface DeviceNotifier {

    /**
     * Shows a new-device confirmation code on the active device.
     *
     * @param notice the code and devices
     */
    void sendNewDeviceCode(NewDeviceNotice notice);

    /**
     * Tells a device that it was signed out (another device took over, or the account was recovered). Default: no-op.
     *
     * @param account the account
     * @param deviceId the signed-out device
     * @param at when
     */
    default void signedOut(AccountId account, String deviceId, Instant at) {
    }
}
