package io.github.eidvn.account;

import java.time.Instant;
import java.util.Objects;

/**
 * One security event. Carries no secret (no password, code, token or key) and only the masked personal number.
 *
 * @param type what happened
 * @param at when
 * @param subject the masked account id or personal number ({@link Masking#account}), or "-" when none
 * @param deviceId the device involved, or "-"
 * @param source the request source (IP address, device), or "-"
 * @param detail a short machine-readable detail (a reason code, a lock type), or "-"
 */
public record SecurityEvent(SecurityEventType type, Instant at, String subject, String deviceId, String source,
        String detail) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException for a null component
     */
    public SecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detail, "detail");
    }
}
