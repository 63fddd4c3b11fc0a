package io.github.eidvn.account.device;

import java.time.Instant;
import java.util.Objects;

/**
 * The account's active device.
 *
 * @param deviceId the app's device id
 * @param publicKey the device key
 * @param generation increases by one at every change of device (and every "sign out everywhere"); a session is valid
 *        only for the generation it was created in
 * @param boundAt when this binding was made
 */
public record DeviceBinding(String deviceId, DevicePublicKey publicKey, long generation, Instant boundAt) {

    /** Checks the components. */
    public DeviceBinding {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(boundAt, "boundAt");
    }

    /**
     * Whether this binding is for a device with this id and key.
     *
     * @param id the device id
     * @param key the device key
     * @return true when both match
     */
    public boolean isDevice(String id, DevicePublicKey key) {
        return deviceId.equals(id) && publicKey.equals(key);
    }
}
