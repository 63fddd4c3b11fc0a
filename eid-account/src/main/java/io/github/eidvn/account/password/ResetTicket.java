package io.github.eidvn.account.password;

import java.util.Objects;

/**
 * The single-use proof that a password-reset step was passed (43 base64url characters; only its hash is stored).
 * Hand it to the client and back to {@link PasswordReset#complete}; it is never logged.
 *
 * @param value the ticket
 */
public record ResetTicket(String value) {

    /** Checks the component. */
    public ResetTicket {
        Objects.requireNonNull(value, "value");
    }

    /** Redacts the ticket. */
    @Override
    public String toString() {
        return "ResetTicket[redacted]";
    }
}
