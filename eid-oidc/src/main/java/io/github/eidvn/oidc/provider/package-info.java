/**
 * The OpenID Connect provider core for the issuing side of "Log in with the national e-ID".
 *
 * <p>{@link io.github.eidvn.oidc.provider.EidOidcProvider} is the entry point of the protocol (its parts are
 * package-private collaborators): discovery, JWKS, pushed authorization requests, the authorization code flow with
 * PKCE S256, {@code private_key_jwt} or mutual-TLS client authentication, assurance levels and OpenID Connect for
 * Identity Assurance {@code verified_claims} built from the citizen's consent receipt. The integrator owns the
 * pages: its authorization endpoint calls {@link io.github.eidvn.oidc.provider.EidOidcProvider#begin begin}, then
 * {@link io.github.eidvn.oidc.provider.EidOidcProvider#authenticated authenticated} once its login (the account
 * rules, the VNeID app approval) has identified the citizen, then
 * {@link io.github.eidvn.oidc.provider.EidOidcProvider#consent consent} or
 * {@link io.github.eidvn.oidc.provider.EidOidcProvider#decline decline}, and redirects the browser where the step
 * says. {@link io.github.eidvn.oidc.provider.OidcEndpoints} mounts the machine endpoints on a JDK
 * {@code HttpServer}.
 */
package io.github.eidvn.oidc.provider;
