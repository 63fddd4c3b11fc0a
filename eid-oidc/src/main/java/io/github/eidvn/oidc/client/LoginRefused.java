package io.github.eidvn.oidc.client;

import io.github.eidvn.core.result.Refusal;

/**
 * A login that could not start or did not complete.
 *
 * @param reason the reason (messages for the citizen in Vietnamese and English)
 * @param detail technical detail for logs (the OAuth error code and description, or the check that failed); never
 *     a token, code or personal data
 */
public record LoginRefused(LoginRefusal reason, String detail)
        implements LoginResult, LoginStart, Refusal<LoginRefusal> {
    /** Checks. */
    public LoginRefused {
        Refusal.requireReasonAndDetail(reason, detail);
    }
}
