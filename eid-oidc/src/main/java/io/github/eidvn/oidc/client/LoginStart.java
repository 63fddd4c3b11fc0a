package io.github.eidvn.oidc.client;

/**
 * The outcome of {@link EidOidcClient#start}: {@link LoginStarted} or {@link LoginRefused}.
 */
public sealed interface LoginStart permits LoginStarted, LoginRefused {
}
