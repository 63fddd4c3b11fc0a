package io.github.eidvn.oidc.client;

import java.io.IOException;
import java.net.URI;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;

/**
 * Exchanges an authorization code at the token endpoint, with the client's authentication, the redirect URI and the
 * PKCE verifier of the login.
 */
final class TokenExchange {

    private final ProviderConnection connection;
    private final URI redirectUri;

    TokenExchange(ProviderConnection connection, URI redirectUri) {
        this.connection = connection;
        this.redirectUri = redirectUri;
    }

    /**
     * @param p the provider
     * @param session the login
     * @param code the code from the callback
     * @return the compact ID token of the token response
     * @throws LoginRefusedException when the provider is unavailable, refuses the code ({@code TOKEN_REFUSED}) or
     *     answers with something malformed
     */
    String exchange(ProviderConnection.Provider p, LoginSession session, AuthorizationCode code) {
        OIDCTokenResponse tokens;
        try {
            HTTPRequest http = new TokenRequest.Builder(p.metadata().getTokenEndpointURI(),
                    connection.clientAuthentication(),
                    new AuthorizationCodeGrant(code, redirectUri, new CodeVerifier(session.codeVerifier())))
                    .build().toHTTPRequest();
            TokenResponse tr = OIDCTokenResponseParser.parse(connection.send(http));
            if (!tr.indicatesSuccess()) {
                throw new LoginRefusedException(ProviderErrors.refusal(tr.toErrorResponse().getErrorObject(),
                        LoginRefusal.TOKEN_REFUSED));
            }
            tokens = (OIDCTokenResponse) tr.toSuccessResponse();
        } catch (IOException | JOSEException e) {
            throw new LoginRefusedException(new LoginRefused(LoginRefusal.PROVIDER_UNAVAILABLE,
                    "token: " + e.getMessage()));
        } catch (ParseException | ClassCastException e) {
            throw new LoginRefusedException(new LoginRefused(LoginRefusal.MALFORMED,
                    "token response: " + e.getMessage()));
        }
        return tokens.getOIDCTokens().getIDTokenString();
    }
}
