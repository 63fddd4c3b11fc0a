/**
 * eid OpenID Connect: "Log in with the national e-ID". The provider core for the issuing side
 * ({@code io.github.eidvn.oidc.provider}: discovery, JWKS, pushed authorization requests, authorization code flow with
 * PKCE, {@code private_key_jwt}, assurance levels, verified claims from the citizen's consent) and the relying-party
 * client for banks and other services ({@code io.github.eidvn.oidc.client}). OAuth 2.0 and OpenID Connect messages
 * are made and checked by the Nimbus OAuth 2.0 / OpenID Connect SDK; its types stay inside this module.
 */
module io.github.eidvn.oidc {
    requires transitive io.github.eidvn.core;
    requires transitive jdk.httpserver;
    requires oauth2.oidc.sdk;
    requires com.nimbusds.jose.jwt;
    requires json.smart;
    requires java.net.http;
    requires org.slf4j;

    exports io.github.eidvn.oidc.provider;
    exports io.github.eidvn.oidc.client;
}
