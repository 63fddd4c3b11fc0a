package io.github.eidvn.oidc.client;

/**
 * The outcome of {@link EidOidcClient#finish}: {@link LoggedIn} or {@link LoginRefused}.
 */
public sealed interface LoginResult permits LoggedIn, LoginRefused {
}
