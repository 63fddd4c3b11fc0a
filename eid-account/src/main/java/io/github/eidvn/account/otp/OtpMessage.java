package io.github.eidvn.account.otp;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What an {@link OtpSender} delivers.
 *
 * @param channel SMS or e-mail
 * @param recipient the normalized recipient (E.164 phone number or lower-case e-mail address)
 * @param code the code (6 digits)
 * @param purpose what the code is for (e.g. "login", "phone-change")
 * @param expiresAt when the code stops being valid
 * @param validity how long it is valid
 */
public record OtpMessage(OtpChannel channel, String recipient, String code, String purpose, Instant expiresAt,
        Duration validity) {

    /** Checks the components. */
    public OtpMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(validity, "validity");
    }

    /**
     * A default text in Vietnamese with an English line, e.g. for an SMS gateway.
     *
     * @param serviceName the service name shown to the citizen
     * @return the text (contains the code)
     */
    public String defaultText(String serviceName) {
        long minutes = Math.max(1, validity.toMinutes());
        return serviceName + ": Ma xac thuc cua ban la " + code + ", hieu luc " + minutes
                + " phut. Khong chia se ma nay cho bat ky ai. / Your code is " + code + ", valid " + minutes
                + " min. Never share it.";
    }

    /** Redacts the code. */
    @Override
    public String toString() {
        return "OtpMessage[" + channel + ", purpose=" + purpose + ", expiresAt=" + expiresAt + ", code redacted]";
    }
}
