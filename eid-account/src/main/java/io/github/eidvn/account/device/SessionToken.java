package io.github.eidvn.account.device;

import java.util.Objects;

/**
 * An opaque session token: 256 random bits, Base64url (43 characters). The server stores only its SHA-256.
 *
 * <p><b>Security.</b> {@link #toString()} redacts the value; hand {@link #value()} to the client only (e.g. an
 * {@code HttpOnly; Secure} cookie or the app's secure storage).
 */
public final class SessionToken {

    private final String value;

    SessionToken(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** @return the token to give to the client */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "SessionToken[redacted]";
    }
}
