/**
 * The relying-party client of "Log in with the national e-ID", for banks, e-wallets and portals:
 * {@link io.github.eidvn.oidc.client.EidOidcClient#start start} pushes the authorization request (PKCE, nonce,
 * {@code acr_values}, the signed consent request) and gives the URI to send the browser to;
 * {@link io.github.eidvn.oidc.client.EidOidcClient#finish finish} takes the callback, exchanges the code with
 * {@code private_key_jwt} and validates the ID token, returning
 * {@link io.github.eidvn.oidc.client.LoggedIn} or {@link io.github.eidvn.oidc.client.LoginRefused} with a
 * {@link io.github.eidvn.oidc.client.LoginRefusal} reason.
 */
package io.github.eidvn.oidc.client;
