/**
 * "Log in with e-ID" through Spring Security's {@code oauth2Login}: from {@code eid.oidc.client.*}, a client
 * registration read from the provider's discovery document with {@code private_key_jwt} (ES256), an authorization
 * request resolver that pushes the request (PKCE S256, nonce, {@code acr_values}, the signed consent request) to the
 * provider's PAR endpoint and redirects with {@code request_uri}, the token client's client assertion, ES256 ID-token
 * decoding, and a user service that accepts only the required assurance level with {@code verified_claims}
 * ({@link io.github.eidvn.spring.boot.oidc.EidOidcUser}). Spring Security types stay in this package.
 */
package io.github.eidvn.spring.boot.oidc;
