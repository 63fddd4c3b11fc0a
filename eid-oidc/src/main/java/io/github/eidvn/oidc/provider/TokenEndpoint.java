package io.github.eidvn.oidc.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        return OAuthErrors.answer(OAuthErrors.Endpoint.TOKEN, () -> {
            TokenRequest request = TokenRequest.parse(httpRequest);
            String clientId = clientAuthenticator.authenticate(request.getClientAuthentication()).id();
            if (!(request.getAuthorizationGrant() instanceof AuthorizationCodeGrant grant)) {
                throw new OAuthErrors.Refused(OAuth2Error.UNSUPPORTED_GRANT_TYPE);
            }
            Map<String, Object> g = store.take(ProviderStore.CODE, grant.getAuthorizationCode().getValue())
                    .orElseThrow(() -> invalidGrant("unknown, used or expired code"));
            if (!clientId.equals(g.get("client"))) {
                throw invalidGrant("the code was issued to another client");
            }
            if (grant.getRedirectionURI() == null || !grant.getRedirectionURI().toString().equals(g.get("redirect"))) {
                throw invalidGrant("redirect_uri does not match");
            }
            if (!pkceMatches(grant.getCodeVerifier(), (String) g.get("challenge"))) {
                throw invalidGrant("PKCE code_verifier does not match");
            }
            String receiptId = (String) g.get("receipt");
            ReceiptState receipt = ledger.check(receiptId, clientId, clock.instant());
            if (receipt.status() == ReceiptState.Status.UNAVAILABLE) {
                throw new OAuthErrors.Refused(OAuth2Error.SERVER_ERROR.setDescription("consent ledger unavailable"));
            }
            if (receipt.status() != ReceiptState.Status.ACTIVE) {
                throw invalidGrant("the consent is " + receipt.status().name().toLowerCase(Locale.ROOT));
            }
            PersonalNumber citizen = PersonalNumber.of((String) g.get("citizen"));
            CitizenProfile profile = population.lookup(citizen)
                    .orElseThrow(() -> invalidGrant("the citizen is no longer registered"));
            @SuppressWarnings("unchecked")
            Set<CitizenField> fields = CitizenField.parseAll((List<String>) g.get("fields"));
            fields.retainAll(receipt.grantedFields());
            SharedClaims claims = SharedClaims.fromProfile(profile).only(fields);
            AssuranceLevel level = AuthorizationSteps.level(g, "achieved");
            SignedJWT idToken = idTokens.issue(clientId, citizen, g, level, claims, receiptId);
            BearerAccessToken accessToken = new BearerAccessToken(43,
                    EidOidcProvider.ID_TOKEN_LIFETIME.getSeconds(), new Scope(OIDCScopeValue.OPENID));
            LOG.info("ID token issued to {} at {} (receipt {})", clientId, level.acr(), receiptId);
            return new OIDCTokenResponse(new OIDCTokens(idToken, accessToken, null),
                    Map.of(EidOidcProvider.RECEIPT_CLAIM, receiptId)).toHTTPResponse();
        });
    }

    /** PKCE S256 (RFC 7636 §4.6), compared in constant time. */
    private static boolean pkceMatches(CodeVerifier verifier, String challenge) {
        return verifier != null && MessageDigest.isEqual(
                CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue()
                        .getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    private static OAuthErrors.Refused invalidGrant(String description) {
        return new OAuthErrors.Refused(OAuth2Error.INVALID_GRANT.setDescription(description));
    }
}
