package io.github.eidvn.oidc.provider;

import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.AuthenticationRequestResolver;
import com.nimbusds.openid.connect.sdk.op.ResolveException;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.consent.RequestRejected;
import io.github.eidvn.core.consent.RequestResult;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.keys.TrustedKey;

/**
 * The pushed authorization request endpoint (RFC 9126): authenticates the client, resolves a signed request object
 * (RFC 9101), checks the request against the client's registration and the party's signed consent request, and
 * stores it for {@link EidOidcProvider#REQUEST_URI_LIFETIME} under a single-use request URI.
 */
final class PushedAuthorizations {

    /** The prefix of the request URIs this endpoint gives (RFC 9126 §2.2). */
    static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

    private static final JOSEObjectType REQUEST_OBJECT_TYPE = new JOSEObjectType("oauth-authz-req+jwt");

    private final Issuer issuer;
    private final Map<String, OidcClientRegistration> clients;
    private final ClientAuthenticator clientAuthenticator;
    private final ConsentRequestVerifier consentRequests;
    private final ProviderStore store;

    PushedAuthorizations(Issuer issuer, Map<String, OidcClientRegistration> clients,
            ClientAuthenticator clientAuthenticator, ConsentRequestVerifier consentRequests, ProviderStore store) {
        this.issuer = issuer;
        this.clients = clients;
        this.clientAuthenticator = clientAuthenticator;
        this.consentRequests = consentRequests;
        this.store = store;
    }

    HTTPResponse handle(HTTPRequest httpRequest) {
        return OAuthErrors.answer(OAuthErrors.Endpoint.PAR, () -> {
            PushedAuthorizationRequest par = PushedAuthorizationRequest.parse(httpRequest);
            RelyingParty party = clientAuthenticator.authenticate(par.getClientAuthentication());
            AuthenticationRequest request = resolve(par.getAuthorizationRequest(), party);
            check(request, party);
            Map<String, Object> pending = new LinkedHashMap<>();
            pending.put("client", party.id());
            pending.put("redirect", request.getRedirectionURI().toString());
            pending.put("state", request.getState() == null ? null : request.getState().getValue());
            pending.put("nonce", request.getNonce().getValue());
            pending.put("challenge", request.getCodeChallenge().getValue());
            pending.put("level", requestedLevel(request).number());
            pending.put("consent", request.getCustomParameter(EidOidcProvider.CONSENT_PARAMETER).get(0));
            String id = store.newId();
            store.put(ProviderStore.PUSHED_REQUEST, id, pending, EidOidcProvider.REQUEST_URI_LIFETIME);
            return new PushedAuthorizationSuccessResponse(URI.create(REQUEST_URI_PREFIX + id),
                    EidOidcProvider.REQUEST_URI_LIFETIME.getSeconds()).toHTTPResponse();
        });
    }

    /** The request, or the one its signed request object carries (ES256 by the party's key, for this issuer). */
    private AuthenticationRequest resolve(AuthorizationRequest raw, RelyingParty party)
            throws OAuthErrors.Refused, com.nimbusds.oauth2.sdk.ParseException {
        AuthenticationRequest request = AuthenticationRequest.parse(raw.toParameters());
        if (request.getRequestURI() != null) {
            throw new OAuthErrors.Refused(OAuth2Error.REQUEST_URI_NOT_SUPPORTED);
        }
        if (request.getRequestObject() == null) {
            return request;
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(REQUEST_OBJECT_TYPE, JOSEObjectType.JWT,
                null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(partyJwks(party))));
        // RFC 9101 §4: issued by the client, for this provider, and short-lived
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(issuer.getValue(),
                new JWTClaimsSet.Builder().issuer(party.id()).build(), Set.of("exp")));
        try {
            AuthenticationRequest resolved = new AuthenticationRequestResolver<>(processor).resolve(request, null);
            if (!party.id().equals(resolved.getClientID().getValue())) {
                throw new OAuthErrors.Refused(OAuth2Error.INVALID_REQUEST_OBJECT
                        .setDescription("the request object names another client"));
            }
            return resolved;
        } catch (ResolveException | JOSEException | RuntimeException e) {
            throw new OAuthErrors.Refused(OAuth2Error.INVALID_REQUEST_OBJECT
                    .setDescription("the request object does not verify"));
        }
    }

    private void check(AuthenticationRequest r, RelyingParty party) throws OAuthErrors.Refused {
        if (!party.id().equals(r.getClientID().getValue())) {
            throw OAuthErrors.invalidRequest("client_id is not the authenticated client");
        }
        if (!r.getResponseType().impliesCodeFlow() || r.getResponseType().size() != 1) {
            throw new OAuthErrors.Refused(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE
                    .setDescription("only response_type=code"));
        }
        if (r.getScope() == null || !r.getScope().contains(OIDCScopeValue.OPENID)) {
            throw new OAuthErrors.Refused(OAuth2Error.INVALID_SCOPE.setDescription("scope must contain openid"));
        }
        OidcClientRegistration reg = clients.get(party.id());
        if (r.getRedirectionURI() == null || !reg.redirectUris().contains(r.getRedirectionURI())) {
            throw OAuthErrors.invalidRequest("redirect_uri is not registered for this client");
        }
        if (r.getResponseMode() != null && !ResponseMode.QUERY.equals(r.getResponseMode())) {
            throw OAuthErrors.invalidRequest("only response_mode=query");
        }
        if (r.getCodeChallenge() == null) {
            throw OAuthErrors.invalidRequest("PKCE is required: code_challenge with S256");
        }
        if (!CodeChallengeMethod.S256.equals(r.getCodeChallengeMethod())) {
            throw OAuthErrors.invalidRequest("PKCE code_challenge_method must be S256");
        }
        if (r.getNonce() == null) {
            throw OAuthErrors.invalidRequest("nonce is required");
        }
        List<String> consent = r.getCustomParameter(EidOidcProvider.CONSENT_PARAMETER);
        if (consent == null || consent.size() != 1) {
            throw OAuthErrors.invalidRequest(EidOidcProvider.CONSENT_PARAMETER
                    + " is required: the party's signed consent request (purpose and fields)");
        }
        RequestResult checked = consentRequests.verify(consent.get(0));
        if (checked instanceof RequestRejected rejected) {
            throw OAuthErrors.invalidRequest("consent request refused: " + rejected.reason().english());
        }
        VerifiedRequest verified = (VerifiedRequest) checked;
        if (!verified.party().id().equals(party.id())) {
            throw OAuthErrors.invalidRequest("the consent request is from another party");
        }
        if (!verified.request().nonce().equals(r.getNonce().getValue())) {
            throw OAuthErrors.invalidRequest("the consent request carries another nonce");
        }
    }

    /** The highest known level among {@code acr_values}; level 1 when none. */
    private static AssuranceLevel requestedLevel(AuthenticationRequest r) {
        AssuranceLevel level = AssuranceLevel.LEVEL_1;
        if (r.getACRValues() != null) {
            for (ACR acr : r.getACRValues()) {
                Optional<AssuranceLevel> l = AssuranceLevel.fromAcr(acr.getValue());
                if (l.isPresent() && l.get().satisfies(level)) {
                    level = l.get();
                }
            }
        }
        return level;
    }

    private static JWKSet partyJwks(RelyingParty party) {
        List<JWK> list = new ArrayList<>();
        for (TrustedKey k : party.signingKeys().keys()) {
            if ("ES256".equals(k.algorithm())) {
                try {
                    list.add(JWK.parse(k.jwkJson()));
                } catch (ParseException e) {
                    throw new IllegalStateException("a registered key does not parse", e);
                }
            }
        }
        return new JWKSet(list);
    }
}
