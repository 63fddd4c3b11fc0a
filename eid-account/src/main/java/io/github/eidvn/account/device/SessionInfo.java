package io.github.eidvn.account.device;

import java.time.Instant;
import java.util.Objects;

import io.github.eidvn.account.AccountId;

/**
 * What a session is.
 *
 * @param account the account
 * @param deviceId the device it belongs to
 * @param generation the device-binding generation it was created in
 * @param createdAt when it was created
 * @param lastSeenAt when it was last used (idle timeout counts from here)
 * @param absoluteExpiry when it ends regardless of use
 */
public record SessionInfo(AccountId account, String deviceId, long generation, Instant createdAt,
        Instant lastSeenAt, Instant absoluteExpiry) {

    /** Checks the components. */
    public SessionInfo {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(absoluteExpiry, "absoluteExpiry");
    }

    /** Masks the account id. */
    @Override
    public String toString() {
        return "SessionInfo[" + account + ", device="
                + deviceId + ", generation=" + generation + ", createdAt=" + createdAt + ", lastSeenAt=" + lastSeenAt
                + ", absoluteExpiry=" + absoluteExpiry + "]";
    }
}
