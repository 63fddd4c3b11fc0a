package io.github.eidvn.oidc.provider;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.TLSClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientAuthenticationVerifier;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientCredentialsSelector;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.auth.verifier.JWTAudienceCheck;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;

import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.consent.RelyingPartyRegistry;
import io.github.eidvn.core.keys.TrustedKey;

/**
 * Client authentication at the PAR and token endpoints, with the method the client registered: a fresh
 * {@code private_key_jwt} (ES256 by a key of its party registration, checked by Nimbus's verifier; its {@code jti}
 * accepted once) or the certificate of the TLS connection (RFC 8705, {@link TlsClientAuthentication}).
 */
final class ClientAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(EidOidcProvider.class);

    private final Map<String, OidcClientRegistration> clients;
    private final RelyingPartyRegistry parties;
    private final ProviderStore store;
    private final Clock clock;
    private final ClientAuthenticationVerifier<Void> verifier;

    /**
     * @param audiences the values a client assertion's {@code aud} may hold: the issuer, the token and PAR endpoints
     */
    ClientAuthenticator(Map<String, OidcClientRegistration> clients, RelyingPartyRegistry parties,
            ProviderStore store, Clock clock, Issuer issuer, URI tokenEndpoint, URI parEndpoint) {
        this.clients = clients;
        this.parties = parties;
        this.store = store;
        this.clock = clock;
        Set<Audience> audiences = Set.of(new Audience(issuer), new Audience(tokenEndpoint),
                new Audience(parEndpoint));
        this.verifier = new ClientAuthenticationVerifier<>(new PartyKeys(), audiences, JWTAudienceCheck.LEGACY);
    }

    /**
     * Authenticates the client of a request.
     *
     * @param auth the request's client authentication, or null
     * @return the client's party
     * @throws OAuthErrors.Refused with {@code invalid_client} when the client did not authenticate as registered
     */
    RelyingParty authenticate(ClientAuthentication auth) throws OAuthErrors.Refused {
        if (auth == null) {
            throw refused("client authentication is required");
        }
        String clientId = auth.getClientID().getValue();
        OidcClientRegistration registration = clients.get(clientId);
        Optional<RelyingParty> party = parties.find(clientId);
        if (registration == null || party.isEmpty()) {
            throw refused("unknown client");
        }
        if (registration.tls() != null) {
            if (!(auth instanceof TLSClientAuthentication tls)) {
                throw refused(registration.tls().method() + " is required");
            }
            if (!registration.tls().accepts(tls.getClientX509Certificate(), clock.instant())) {
                LOG.warn("client certificate refused for {}", clientId);
                throw refused("client certificate refused");
            }
            return party.get();
        }
        if (!(auth instanceof PrivateKeyJWT jwt)) {
            throw refused("private_key_jwt is required");
        }
        try {
            verifier.verify(auth, null, new Context<>());
        } catch (InvalidClientException e) {
            throw refused("client assertion refused");
        } catch (JOSEException e) {
            throw refused("client assertion not checked");
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getClientAssertion().getHeader().getAlgorithm())) {
            throw refused("client assertion must be ES256");
        }
        var claims = jwt.getJWTAuthenticationClaimsSet();
        Instant now = clock.instant();
        if (claims.getJWTID() == null || claims.getExpirationTime() == null || claims.getExpirationTime().toInstant()
                .isAfter(now.plus(EidOidcProvider.MAX_CLIENT_ASSERTION_LIFETIME))) {
            throw refused("client assertion needs a jti and an exp at most 10 minutes ahead");
        }
        Duration ttl = Duration.between(now, claims.getExpirationTime().toInstant()).plusMinutes(2);
        if (!store.firstUse(clientId, claims.getJWTID().getValue(), ttl)) {
            LOG.warn("replayed client assertion from {}", clientId);
            throw refused("client assertion replayed");
        }
        return party.get();
    }

    private static OAuthErrors.Refused refused(String description) {
        return new OAuthErrors.Refused(OAuth2Error.INVALID_CLIENT.setDescription(description));
    }

    /** The party's ES256 keys, for Nimbus's client authentication verifier. */
    private final class PartyKeys implements ClientCredentialsSelector<Void> {
        @Override
        public List<Secret> selectClientSecrets(ClientID claimedClientID, ClientAuthenticationMethod authMethod,
                Context<Void> context) {
            return List.of();
        }

        @Override
        public List<? extends PublicKey> selectPublicKeys(ClientID claimedClientID,
                ClientAuthenticationMethod authMethod, JWSHeader jwsHeader, boolean forceRefresh,
                Context<Void> context) {
            if (!ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(authMethod)
                    || !JWSAlgorithm.ES256.equals(jwsHeader.getAlgorithm())) {
                return List.of();
            }
            Optional<RelyingParty> party = parties.find(claimedClientID.getValue());
            if (party.isEmpty()) {
                return List.of();
            }
            List<PublicKey> out = new ArrayList<>();
            String kid = jwsHeader.getKeyID();
            for (TrustedKey k : kid == null ? party.get().signingKeys().keys()
                    : party.get().signingKeys().candidates(kid)) {
                if ("ES256".equals(k.algorithm())) {
                    out.add(k.publicKey());
                }
            }
            return out;
        }
    }
}
