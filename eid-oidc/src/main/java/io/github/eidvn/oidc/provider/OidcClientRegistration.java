package io.github.eidvn.oidc.provider;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import io.github.eidvn.core.consent.RelyingParty;

/**
 * What the provider knows about an OpenID Connect client beyond its {@link RelyingParty} registration: its
 * {@code client_id} is the party id (so its purposes, fields and signing keys are the party's) and its redirect
 * URIs, compared exactly.
 *
 * @param clientId the client id, a registered party id
 * @param redirectUris the redirect URIs, absolute, without fragment; at least one
 * @param tls mutual-TLS client authentication (RFC 8705) instead of {@code private_key_jwt}, or null for
 *     {@code private_key_jwt}
 */
public record OidcClientRegistration(String clientId, Set<URI> redirectUris, TlsClientAuthentication tls) {

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException for a malformed id or a redirect URI that is relative, has a fragment, or is
     *     not https (plain http is allowed for loopback hosts only)
     */
    public OidcClientRegistration {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUris, "redirectUris");
        if (!RelyingParty.isWellFormedId(clientId)) {
            throw new IllegalArgumentException("client id must be a party id: " + clientId);
        }
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("register at least one redirect URI");
        }
        for (URI u : redirectUris) {
            Objects.requireNonNull(u, "redirect URI");
            if (!u.isAbsolute() || u.getFragment() != null || u.getHost() == null) {
                throw new IllegalArgumentException("a redirect URI is absolute, with a host, without fragment: " + u);
            }
            boolean loopback = "127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost())
                    || "[::1]".equals(u.getHost());
            if (!"https".equals(u.getScheme()) && !("http".equals(u.getScheme()) && loopback)) {
                throw new IllegalArgumentException("a redirect URI is https (http only on loopback): " + u);
            }
        }
        redirectUris = Set.copyOf(new LinkedHashSet<>(redirectUris));
    }

    /**
     * A registration authenticating with {@code private_key_jwt}.
     *
     * @param clientId the party id
     * @param redirectUris the redirect URIs
     */
    public OidcClientRegistration(String clientId, Set<URI> redirectUris) {
        this(clientId, redirectUris, null);
    }

    /**
     * This registration with mutual-TLS client authentication instead of {@code private_key_jwt}.
     *
     * @param tls the method and the client's certificate or subject
     * @return a new registration
     */
    public OidcClientRegistration withTlsClientAuthentication(TlsClientAuthentication tls) {
        return new OidcClientRegistration(clientId, redirectUris, Objects.requireNonNull(tls, "tls"));
    }

    /**
     * A registration.
     *
     * @param clientId the party id
     * @param redirectUris the redirect URIs
     * @return the registration
     */
    public static OidcClientRegistration of(String clientId, Collection<URI> redirectUris) {
        return new OidcClientRegistration(clientId, Set.copyOf(redirectUris));
    }
}
