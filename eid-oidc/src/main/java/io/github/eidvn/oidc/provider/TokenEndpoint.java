package io.github.eidvn.oidc.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.PopulationRegistry;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ReceiptState;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.core.spi.StateStoreException;

/**
 * The token endpoint: authenticates the client, takes the code once, checks it was issued to this client for this
 * redirect URI with this PKCE verifier, checks the consent receipt in the ledger again, reads the granted claims from
 * the population registry and answers with the ID token.
 */
final class TokenEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(EidOidcProvider.class);

    private final ClientAuthenticator clientAuthenticator;
    private final ProviderStore store;
    private final ConsentLedger ledger;
    private final PopulationRegistry population;
    private final IdTokens idTokens;
    private final Clock clock;

    TokenEndpoint(ClientAuthenticator clientAuthenticator, ProviderStore store, ConsentLedger ledger,
            PopulationRegistry population, IdTokens idTokens, Clock clock) {
        this.clientAuthenticator = clientAuthenticator;
        this.store = store;
        this.ledger = ledger;
        this.population = population;
        this.idTokens = idTokens;
        this.clock = clock;
    }

    HTTPResponse handle(HTTPRequest httpRequest) {
        try {
            TokenRequest request;
            try {
                request = TokenRequest.parse(httpRequest);
            } catch (com.nimbusds.oauth2.sdk.ParseException e) {
                return OAuthErrors.token(OAuthErrors.malformed(e));
            }
            String clientId = clientAuthenticator.authenticate(request.getClientAuthentication()).id();
            if (!(request.getAuthorizationGrant() instanceof AuthorizationCodeGrant grant)) {
                return OAuthErrors.token(OAuth2Error.UNSUPPORTED_GRANT_TYPE);
            }
            Optional<Map<String, Object>> stored = store.take(ProviderStore.CODE,
                    grant.getAuthorizationCode().getValue());
            if (stored.isEmpty()) {
                return invalidGrant("unknown, used or expired code");
            }
            Map<String, Object> g = stored.get();
            if (!clientId.equals(g.get("client"))) {
                return invalidGrant("the code was issued to another client");
            }
            if (grant.getRedirectionURI() == null || !grant.getRedirectionURI().toString().equals(g.get("redirect"))) {
                return invalidGrant("redirect_uri does not match");
            }
            if (!pkceMatches(grant.getCodeVerifier(), (String) g.get("challenge"))) {
                return invalidGrant("PKCE code_verifier does not match");
            }
            String receiptId = (String) g.get("receipt");
            ReceiptState receipt = ledger.check(receiptId, clientId, clock.instant());
            if (receipt.status() != ReceiptState.Status.ACTIVE) {
                return receipt.status() == ReceiptState.Status.UNAVAILABLE
                        ? OAuthErrors.token(OAuth2Error.SERVER_ERROR.setDescription("consent ledger unavailable"))
                        : invalidGrant("the consent is " + receipt.status().name().toLowerCase(Locale.ROOT));
            }
            PersonalNumber citizen = PersonalNumber.of((String) g.get("citizen"));
            Optional<CitizenProfile> profile = population.lookup(citizen);
            if (profile.isEmpty()) {
                return invalidGrant("the citizen is no longer registered");
            }
            @SuppressWarnings("unchecked")
            Set<CitizenField> fields = CitizenField.parseAll((List<String>) g.get("fields"));
            fields.retainAll(receipt.grantedFields());
            SharedClaims claims = SharedClaims.fromProfile(profile.get()).only(fields);
            AssuranceLevel level = AuthorizationSteps.level(g, "achieved");
            SignedJWT idToken = idTokens.issue(clientId, citizen, g, level, claims, receiptId);
            BearerAccessToken accessToken = new BearerAccessToken(43,
                    EidOidcProvider.ID_TOKEN_LIFETIME.getSeconds(), new Scope(OIDCScopeValue.OPENID));
            LOG.info("ID token issued to {} at {} (receipt {})", clientId, level.acr(), receiptId);
            return new OIDCTokenResponse(new OIDCTokens(idToken, accessToken, null),
                    Map.of(EidOidcProvider.RECEIPT_CLAIM, receiptId)).toHTTPResponse();
        } catch (OAuthErrors.Refused e) {
            return OAuthErrors.token(e.error());
        } catch (StateStoreException e) {
            LOG.warn("token refused: state store unavailable");
            return OAuthErrors.token(OAuth2Error.SERVER_ERROR.setDescription("state store unavailable"));
        } catch (RuntimeException e) {
            LOG.error("token request failed: {}", e.getClass().getName());
            return OAuthErrors.token(OAuth2Error.SERVER_ERROR);
        }
    }

    /** PKCE S256 (RFC 7636 §4.6), compared in constant time. */
    private static boolean pkceMatches(CodeVerifier verifier, String challenge) {
        return verifier != null && MessageDigest.isEqual(
                CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue()
                        .getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    private static HTTPResponse invalidGrant(String description) {
        return OAuthErrors.token(OAuth2Error.INVALID_GRANT.setDescription(description));
    }
}
