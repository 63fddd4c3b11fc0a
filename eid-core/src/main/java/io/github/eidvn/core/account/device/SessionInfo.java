package io.github.eidvn.core.account.device;

import java.time.Instant;
import java.util.Objects;

/**
 * What a session is.
 *
 * @param personalNumber the account
 * @param deviceId the device it belongs to
 * @param generation the device-binding generation it was created in
 * @param createdAt when it was created
 * @param lastSeenAt when it was last used (idle timeout counts from here)
 * @param absoluteExpiry when it ends regardless of use
 */
public record SessionInfo(String personalNumber, String deviceId, long generation, Instant createdAt,
        Instant lastSeenAt, Instant absoluteExpiry) {

    /** Checks the components. */
    public SessionInfo {
        Objects.requireNonNull(personalNumber, "personalNumber");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(absoluteExpiry, "absoluteExpiry");
    }

    /** Masks the personal number. */
    @Override
    public String toString() {
        return "SessionInfo[" + io.github.eidvn.core.account.Masking.personalNumber(personalNumber) + ", device="
                + deviceId + ", generation=" + generation + ", createdAt=" + createdAt + ", lastSeenAt=" + lastSeenAt
                + ", absoluteExpiry=" + absoluteExpiry + "]";
    }
}
