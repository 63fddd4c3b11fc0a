package io.github.eidvn.oidc.client;

import java.util.Objects;

/**
 * Thrown by {@link EidOidcClient#push} when the provider cannot take or refuses an authorization request; the
 * {@link #refusal()} says why (Vietnamese and English through its {@link LoginRefusal}).
 */
public final class LoginRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The refusal; a record, serializable through its components. */
    @SuppressWarnings("serial")
    private final LoginRefused refusal;

    /**
     * @param refusal why
     */
    public LoginRefusedException(LoginRefused refusal) {
        super(Objects.requireNonNull(refusal, "refusal").reason().english() + ": " + refusal.detail());
        this.refusal = refusal;
    }

    /** @return why the login could not go on */
    public LoginRefused refusal() {
        return refusal;
    }
}
