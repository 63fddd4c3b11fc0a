package io.github.eidvn.oidc.client;

import java.util.Objects;

/**
 * A login that could not start or did not complete.
 *
 * @param reason the reason (messages for the citizen in Vietnamese and English)
 * @param detail technical detail for logs (the OAuth error code and description, or the check that failed); never
 *     a token, code or personal data
 */
public record LoginRefused(LoginRefusal reason, String detail) implements LoginResult, LoginStart {
    /** Checks. */
    public LoginRefused {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
