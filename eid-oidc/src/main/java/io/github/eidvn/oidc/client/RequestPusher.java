package io.github.eidvn.oidc.client;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.SerializeException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;

import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.oidc.internal.Jws;

/**
 * Pushes an authorization request to the provider's PAR endpoint (RFC 9126) with the client's authentication,
 * optionally as a signed request object (RFC 9101, ES256, {@code typ} {@code oauth-authz-req+jwt}, five minutes),
 * and builds the authorization URI with the {@code request_uri} it gets back.
 */
final class RequestPusher {

    private final ProviderConnection connection;
    private final Issuer issuer;
    private final ClientID clientId;
    private final SigningKey key;
    private final boolean signedRequestObject;
    private final Clock clock;

    RequestPusher(ProviderConnection connection, Issuer issuer, ClientID clientId, SigningKey key,
            boolean signedRequestObject, Clock clock) {
        this.connection = connection;
        this.issuer = issuer;
        this.clientId = clientId;
        this.key = key;
        this.signedRequestObject = signedRequestObject;
        this.clock = clock;
    }

    /**
     * @param p the provider
     * @param request the authorization request
     * @return the authorization URI with {@code client_id} and {@code request_uri}
     * @throws LoginRefusedException when the provider is unavailable or refuses the request
     */
    URI push(ProviderConnection.Provider p, AuthenticationRequest request) {
        try {
            AuthorizationRequest pushed = signedRequestObject ? signed(request) : request;
            HTTPRequest http = new PushedAuthorizationRequest(
                    p.metadata().getPushedAuthorizationRequestEndpointURI(), connection.clientAuthentication(),
                    pushed).toHTTPRequest();
            PushedAuthorizationResponse response = PushedAuthorizationResponse.parse(connection.send(http));
            if (!response.indicatesSuccess()) {
                throw new LoginRefusedException(ProviderErrors.refusal(response.toErrorResponse().getErrorObject(),
                        LoginRefusal.REQUEST_REFUSED));
            }
            URI requestUri = response.toSuccessResponse().getRequestURI();
            return new AuthorizationRequest.Builder(requestUri, clientId)
                    .endpointURI(p.metadata().getAuthorizationEndpointURI()).build().toURI();
        } catch (IOException | ParseException | JOSEException | SerializeException e) {
            throw new LoginRefusedException(new LoginRefused(LoginRefusal.PROVIDER_UNAVAILABLE,
                    "PAR: " + e.getMessage()));
        }
    }

    private AuthenticationRequest signed(AuthenticationRequest request) throws JOSEException {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder(request.toJWTClaimsSet())
                .issuer(clientId.getValue()).audience(issuer.getValue())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(new JWTID().getValue()).build();
        SignedJWT jwt = Jws.sign(key, "oauth-authz-req+jwt", claims);
        return new AuthenticationRequest.Builder(jwt, clientId).build();
    }
}
