package io.github.eidvn.oidc.provider;

import static io.github.eidvn.core.internal.Once.once;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.PushedAuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.TLSClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientAuthenticationVerifier;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientCredentialsSelector;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.auth.verifier.JWTAudienceCheck;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.assurance.IdentityTrustFramework;
import com.nimbusds.openid.connect.sdk.assurance.evidences.IdentityEvidenceType;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.AMR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.AuthenticationRequestResolver;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.op.ResolveException;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.assurance.PopulationRegistry;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.ReceiptState;
import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.consent.RelyingPartyRegistry;
import io.github.eidvn.core.consent.RequestRejected;
import io.github.eidvn.core.consent.RequestResult;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustedKey;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.core.spi.StateStoreException;
import io.github.eidvn.oidc.internal.Jws;

/**
 * The OpenID Connect provider core of "Log in with the national e-ID" (the issuing side).
 *
 * <p>Endpoints (paths under the issuer URI; {@link OidcEndpoints} mounts the machine ones): discovery
 * {@value #DISCOVERY_PATH}, JWKS {@value #JWKS_PATH}, pushed authorization requests {@value #PAR_PATH} (required:
 * the authorization endpoint accepts only a {@code request_uri} from it), token {@value #TOKEN_PATH}; the
 * authorization endpoint ({@value #AUTHORIZE_PATH} unless configured) is the integrator's page, which runs the steps
 * {@link #begin} → {@link #authenticated} → {@link #consent} / {@link #decline}.
 *
 * <p>What a client must send, in a pushed request authenticated with {@code private_key_jwt} (ES256, a key from its
 * party registration; each assertion's {@code jti} is accepted once, remembered in the {@link StateStore}):
 * {@code response_type=code}, {@code scope} with {@code openid}, a registered {@code redirect_uri} (exact match),
 * {@code code_challenge} with {@code code_challenge_method=S256}, a {@code nonce}, optionally {@code state} and
 * {@code acr_values} ({@value #ACR_LOA1} / {@value #ACR_LOA2}; the highest known value is required, level 1 when
 * none), and {@value #CONSENT_PARAMETER}: the party's signed consent request ({@code vneid-request+jwt}, made with
 * {@link io.github.eidvn.core.consent.ConsentRequestSigner}) naming the purpose and the fields, addressed to this
 * issuer, with the same nonce. A signed request object ({@code request}, ES256 by the party's key, {@code typ}
 * {@code oauth-authz-req+jwt} or {@code JWT}) may carry all of these instead.
 *
 * <p>The ID token (ES256, the key ring's current key) carries {@code iss}, a pairwise {@code sub} (the party's
 * reference of the citizen, {@link CitizenReferences#forParty}, also the receipt's citizen reference), {@code aud},
 * {@code nonce}, {@code auth_time}, {@code acr} and {@code amr} as the citizen actually authenticated,
 * {@code verified_claims} (OpenID Connect for Identity Assurance 1.0: trust framework {@value #TRUST_FRAMEWORK}, the
 * assurance level, the evidence; the claims are exactly the fields the citizen granted that the registry holds) and
 * {@value #RECEIPT_CLAIM}, the id of the consent receipt recorded in the {@link ConsentLedger}. The token response
 * repeats the receipt id. The access token is opaque and only proves the exchange: this core has no UserInfo
 * endpoint, the claims are in the ID token.
 *
 * <p>Immutable and thread-safe; all state is in the {@link StateStore}, so several nodes share one store.
 *
 * <p><b>Security.</b> Fail closed: any check that cannot be made refuses. Request URIs, transactions and codes are
 * single-use ({@link StateStore#consume}) and short-lived (90 s, 10 min, 60 s); codes are stored under their
 * SHA-256 only. A level-2 request answered by a level-1 authentication is refused with
 * {@code unmet_authentication_requirements}. The receipt is checked in the ledger again at the token endpoint, so a
 * consent withdrawn in between gives {@code invalid_grant}. Between the login and the token request the store holds
 * the citizen's personal number (for at most the transaction and code lifetimes, 10 min and 60 s), never the
 * claims: protect it like the account store.
 */
public final class EidOidcProvider {

    /** Discovery path. */
    public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    /** JWKS path. */
    public static final String JWKS_PATH = "/jwks";
    /** Pushed authorization request path. */
    public static final String PAR_PATH = "/par";
    /** Token path. */
    public static final String TOKEN_PATH = "/token";
    /** Default authorization endpoint path (the integrator's page). */
    public static final String AUTHORIZE_PATH = "/authorize";
    /** Level 1 {@code acr}. */
    public static final String ACR_LOA1 = "urn:vn:eid:loa:1";
    /** Level 2 {@code acr}. */
    public static final String ACR_LOA2 = "urn:vn:eid:loa:2";
    /** The trust framework named in {@code verified_claims}, as in eid's assertions. */
    public static final String TRUST_FRAMEWORK = "vn_eid";
    /** The authorization request parameter carrying the party's signed consent request. */
    public static final String CONSENT_PARAMETER = "vneid_consent_request";
    /** The ID token claim and token response member carrying the consent receipt id. */
    public static final String RECEIPT_CLAIM = "vneid_receipt";
    /** Lifetime of a pushed request URI. */
    public static final Duration REQUEST_URI_LIFETIME = Duration.ofSeconds(90);
    /** Lifetime of an authorization transaction (login and consent pages). */
    public static final Duration TRANSACTION_LIFETIME = Duration.ofMinutes(10);
    /** Lifetime of an authorization code. */
    public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    /** Lifetime of an ID token. */
    public static final Duration ID_TOKEN_LIFETIME = Duration.ofMinutes(5);
    /** Longest client assertion accepted (its {@code exp} at most this far ahead), bounding the replay store. */
    public static final Duration MAX_CLIENT_ASSERTION_LIFETIME = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(EidOidcProvider.class);
    private static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";
    private static final JOSEObjectType REQUEST_OBJECT_TYPE = new JOSEObjectType("oauth-authz-req+jwt");

    private final Issuer issuer;
    private final URI authorizationEndpoint;
    private final KeyRing keys;
    private final StateStore store;
    private final String prefix;
    private final RelyingPartyRegistry parties;
    private final Map<String, OidcClientRegistration> clients;
    private final ConsentRequestVerifier consentRequests;
    private final ConsentReceiptIssuer receipts;
    private final ConsentLedger ledger;
    private final CitizenReferences references;
    private final PopulationRegistry population;
    private final Duration consentValidity;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ClientAuthenticationVerifier<Void> clientAuthVerifier;

    private EidOidcProvider(Builder b) {
        if (b.issuer == null || b.keys == null || b.store == null || b.parties == null || b.receipts == null
                || b.ledger == null || b.references == null || b.population == null) {
            throw new IllegalStateException(
                    "issuer, keyRing, stateStore, parties, receipts, ledger, references and population are required");
        }
        if (b.clients.isEmpty()) {
            throw new IllegalStateException("register at least one client");
        }
        this.issuer = new Issuer(b.issuer.toString());
        this.authorizationEndpoint = b.authorizationEndpoint == null ? endpoint(AUTHORIZE_PATH)
                : b.authorizationEndpoint;
        this.keys = b.keys;
        this.store = b.store;
        this.prefix = b.prefix == null ? "eid:oidc:" : b.prefix;
        this.parties = b.parties;
        this.clients = Map.copyOf(b.clients);
        this.receipts = b.receipts;
        this.ledger = b.ledger;
        this.references = b.references;
        this.population = b.population;
        this.consentValidity = b.consentValidity == null ? Duration.ofDays(30) : b.consentValidity;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.consentRequests = ConsentRequestVerifier.builder().registry(parties).audience(issuer.getValue())
                .clock(clock).build();
        for (OidcClientRegistration c : clients.values()) {
            if (parties.find(c.clientId()).isEmpty()) {
                throw new IllegalStateException("client " + c.clientId() + " is not a registered party");
            }
        }
        Set<Audience> audiences = Set.of(new Audience(issuer), new Audience(endpoint(TOKEN_PATH)),
                new Audience(endpoint(PAR_PATH)));
        this.clientAuthVerifier = new ClientAuthenticationVerifier<>(new PartyKeys(), audiences,
                JWTAudienceCheck.LEGACY);
    }

    /**
     * A builder; each option may be set once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the issuer identifier */
    public URI issuer() {
        return URI.create(issuer.getValue());
    }

    /** @return the authorization endpoint (the integrator's page) */
    public URI authorizationEndpoint() {
        return authorizationEndpoint;
    }

    private URI endpoint(String path) {
        String base = issuer.getValue();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    // ------------------------------------------------------------------------------------------------ documents

    /**
     * The discovery document (OpenID Connect Discovery 1.0, with RFC 9126 and RFC 9207 members and the Identity
     * Assurance ones).
     *
     * @return the JSON
     */
    public String discoveryJson() {
        OIDCProviderMetadata m = new OIDCProviderMetadata(issuer, List.of(SubjectType.PAIRWISE),
                endpoint(JWKS_PATH));
        m.setAuthorizationEndpointURI(authorizationEndpoint);
        m.setTokenEndpointURI(endpoint(TOKEN_PATH));
        m.setPushedAuthorizationRequestEndpointURI(endpoint(PAR_PATH));
        m.requiresPushedAuthorizationRequests(true);
        m.setResponseTypes(List.of(ResponseType.CODE));
        m.setResponseModes(List.of(ResponseMode.QUERY));
        m.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE));
        m.setScopes(new Scope(OIDCScopeValue.OPENID));
        m.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        Set<ClientAuthenticationMethod> methods = new java.util.LinkedHashSet<>();
        for (OidcClientRegistration c : clients.values()) {
            methods.add(c.tls() == null ? ClientAuthenticationMethod.PRIVATE_KEY_JWT
                    : ClientAuthenticationMethod.parse(c.tls().method()));
        }
        m.setTokenEndpointAuthMethods(List.copyOf(methods));
        m.setTokenEndpointJWSAlgs(List.of(JWSAlgorithm.ES256));
        m.setIDTokenJWSAlgs(List.of(JWSAlgorithm.ES256));
        m.setRequestObjectJWSAlgs(List.of(JWSAlgorithm.ES256));
        m.setSupportsRequestParam(true);
        m.setSupportsRequestURIParam(false);
        m.setSupportsAuthorizationResponseIssuerParam(true);
        m.setACRs(List.of(new ACR(ACR_LOA1), new ACR(ACR_LOA2)));
        List<String> claimNames = new ArrayList<>();
        for (CitizenField f : CitizenField.values()) {
            claimNames.add(f.claimName());
        }
        m.setSupportsVerifiedClaims(true);
        m.setIdentityTrustFrameworks(List.of(new IdentityTrustFramework(TRUST_FRAMEWORK)));
        m.setIdentityEvidenceTypes(List.of(IdentityEvidenceType.ELECTRONIC_RECORD, IdentityEvidenceType.DOCUMENT));
        m.setVerifiedClaims(claimNames);
        return m.toJSONObject().toJSONString();
    }

    /**
     * The public JWKS that verifies ID tokens.
     *
     * @return the JSON
     */
    public String jwksJson() {
        return keys.publicJwksJson();
    }

    // ------------------------------------------------------------------------------------------------ PAR

    HTTPResponse pushedAuthorization(HTTPRequest httpRequest) {
        try {
            PushedAuthorizationRequest par;
            try {
                par = PushedAuthorizationRequest.parse(httpRequest);
            } catch (com.nimbusds.oauth2.sdk.ParseException e) {
                return parError(OAuth2Error.INVALID_REQUEST.setDescription(describe(e)));
            }
            ClientFailure cf = authenticateClient(par.getClientAuthentication());
            if (cf != null) {
                return parError(cf.error);
            }
            RelyingParty party = party(par.getClientAuthentication().getClientID());
            AuthenticationRequest request;
            try {
                request = resolve(par.getAuthorizationRequest(), party);
            } catch (RefusedRequest e) {
                return parError(e.error);
            }
            ErrorObject error = checkRequest(request, party);
            if (error != null) {
                return parError(error);
            }
            String consentJws = request.getCustomParameter(CONSENT_PARAMETER).get(0);
            AssuranceLevel level = requestedLevel(request);
            Map<String, Object> pending = new LinkedHashMap<>();
            pending.put("client", party.id());
            pending.put("redirect", request.getRedirectionURI().toString());
            pending.put("state", request.getState() == null ? null : request.getState().getValue());
            pending.put("nonce", request.getNonce().getValue());
            pending.put("challenge", request.getCodeChallenge().getValue());
            pending.put("level", level.number());
            pending.put("consent", consentJws);
            String id = randomId();
            store.put(prefix + "par:" + sha256(id), json(pending), REQUEST_URI_LIFETIME);
            return new PushedAuthorizationSuccessResponse(URI.create(REQUEST_URI_PREFIX + id),
                    REQUEST_URI_LIFETIME.getSeconds()).toHTTPResponse();
        } catch (StateStoreException e) {
            LOG.warn("pushed authorization refused: state store unavailable");
            return parError(OAuth2Error.SERVER_ERROR.setDescription("state store unavailable"));
        } catch (RuntimeException e) {
            LOG.error("pushed authorization failed: {}", e.getClass().getName());
            return parError(OAuth2Error.SERVER_ERROR);
        }
    }

    private AuthenticationRequest resolve(AuthorizationRequest raw, RelyingParty party) throws RefusedRequest {
        AuthenticationRequest request;
        try {
            request = AuthenticationRequest.parse(raw.toParameters());
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new RefusedRequest(OAuth2Error.INVALID_REQUEST.setDescription(describe(e)));
        }
        if (request.getRequestURI() != null) {
            throw new RefusedRequest(OAuth2Error.REQUEST_URI_NOT_SUPPORTED);
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
                throw new RefusedRequest(OAuth2Error.INVALID_REQUEST_OBJECT
                        .setDescription("the request object names another client"));
            }
            return resolved;
        } catch (ResolveException | JOSEException | RuntimeException e) {
            throw new RefusedRequest(OAuth2Error.INVALID_REQUEST_OBJECT
                    .setDescription("the request object does not verify"));
        }
    }

    private ErrorObject checkRequest(AuthenticationRequest r, RelyingParty party) {
        if (!party.id().equals(r.getClientID().getValue())) {
            return OAuth2Error.INVALID_REQUEST.setDescription("client_id is not the authenticated client");
        }
        if (!r.getResponseType().impliesCodeFlow() || r.getResponseType().size() != 1) {
            return OAuth2Error.UNSUPPORTED_RESPONSE_TYPE.setDescription("only response_type=code");
        }
        if (r.getScope() == null || !r.getScope().contains(OIDCScopeValue.OPENID)) {
            return OAuth2Error.INVALID_SCOPE.setDescription("scope must contain openid");
        }
        OidcClientRegistration reg = clients.get(party.id());
        if (r.getRedirectionURI() == null || !reg.redirectUris().contains(r.getRedirectionURI())) {
            return OAuth2Error.INVALID_REQUEST.setDescription("redirect_uri is not registered for this client");
        }
        if (r.getResponseMode() != null && !ResponseMode.QUERY.equals(r.getResponseMode())) {
            return OAuth2Error.INVALID_REQUEST.setDescription("only response_mode=query");
        }
        if (r.getCodeChallenge() == null) {
            return OAuth2Error.INVALID_REQUEST.setDescription("PKCE is required: code_challenge with S256");
        }
        if (!CodeChallengeMethod.S256.equals(r.getCodeChallengeMethod())) {
            return OAuth2Error.INVALID_REQUEST.setDescription("PKCE code_challenge_method must be S256");
        }
        if (r.getNonce() == null) {
            return OAuth2Error.INVALID_REQUEST.setDescription("nonce is required");
        }
        List<String> consent = r.getCustomParameter(CONSENT_PARAMETER);
        if (consent == null || consent.size() != 1) {
            return OAuth2Error.INVALID_REQUEST.setDescription(CONSENT_PARAMETER
                    + " is required: the party's signed consent request (purpose and fields)");
        }
        RequestResult checked = consentRequests.verify(consent.get(0));
        if (checked instanceof RequestRejected rejected) {
            return OAuth2Error.INVALID_REQUEST.setDescription("consent request refused: "
                    + rejected.reason().english());
        }
        VerifiedRequest verified = (VerifiedRequest) checked;
        if (!verified.party().id().equals(party.id())) {
            return OAuth2Error.INVALID_REQUEST.setDescription("the consent request is from another party");
        }
        if (!verified.request().nonce().equals(r.getNonce().getValue())) {
            return OAuth2Error.INVALID_REQUEST.setDescription("the consent request carries another nonce");
        }
        return null;
    }

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

    // ------------------------------------------------------------------------------------------------ steps

    /**
     * Step 1, at the authorization endpoint: takes the pushed request named by {@code request_uri} (once).
     *
     * @param clientId the {@code client_id} query parameter
     * @param requestUri the {@code request_uri} query parameter
     * @return {@link AuthorizationStep.Authenticate}, or {@link AuthorizationStep.Refused} (show an error page)
     */
    public AuthorizationStep begin(String clientId, String requestUri) {
        if (clientId == null || requestUri == null || !requestUri.startsWith(REQUEST_URI_PREFIX)
                || requestUri.length() > 200) {
            return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_REQUEST);
        }
        try {
            Optional<Map<String, Object>> pending = take(prefix + "par:"
                    + sha256(requestUri.substring(REQUEST_URI_PREFIX.length())));
            if (pending.isEmpty() || !clientId.equals(pending.get().get("client"))) {
                return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_REQUEST);
            }
            Map<String, Object> tx = new LinkedHashMap<>(pending.get());
            tx.put("phase", "authenticate");
            String txId = randomId();
            store.put(prefix + "tx:" + sha256(txId), json(tx), TRANSACTION_LIFETIME);
            Optional<Authorization> view = view(txId, tx);
            if (view.isEmpty()) {
                store.delete(prefix + "tx:" + sha256(txId));
                return new AuthorizationStep.Redirect(errorRedirect(tx, OAuth2Error.INVALID_REQUEST
                        .setDescription("the consent request expired")));
            }
            return new AuthorizationStep.Authenticate(view.get());
        } catch (StateStoreException e) {
            return new AuthorizationStep.Refused(ProviderRefusal.UNAVAILABLE);
        }
    }

    /**
     * Step 2: the integrator's login has identified the citizen. When the level reached is below the client's
     * required level, the authorization ends with {@code unmet_authentication_requirements}.
     *
     * @param transactionId the transaction id from step 1
     * @param citizen the authenticated citizen
     * @param level the assurance level of the citizen's identity and of this authentication
     * @param methods the authentication methods used ({@code amr} values, e.g. {@code pwd}, {@code otp},
     *     {@code face}, {@code hwk}); at least one
     * @param evidence the proofing evidence to report in {@code verified_claims} (may be empty)
     * @return {@link AuthorizationStep.Consent}, a {@link AuthorizationStep.Redirect} with an error, or
     *     {@link AuthorizationStep.Refused}
     */
    public AuthorizationStep authenticated(String transactionId, PersonalNumber citizen, AssuranceLevel level,
            Collection<String> methods, Collection<Evidence> evidence) {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(evidence, "evidence");
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("name at least one authentication method");
        }
        try {
            Optional<byte[]> raw = transactionId == null ? Optional.empty()
                    : store.get(prefix + "tx:" + sha256(transactionId));
            Optional<Map<String, Object>> tx = raw.flatMap(EidOidcProvider::parse);
            if (tx.isEmpty() || !"authenticate".equals(tx.get().get("phase"))) {
                return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_TRANSACTION);
            }
            AssuranceLevel required = AssuranceLevel.ofNumber(((Number) tx.get().get("level")).intValue())
                    .orElseThrow();
            if (!level.satisfies(required)) {
                if (!store.deleteIfEquals(prefix + "tx:" + sha256(transactionId), raw.get())) {
                    return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_TRANSACTION);
                }
                return new AuthorizationStep.Redirect(errorRedirect(tx.get(),
                        OIDCError.UNMET_AUTHENTICATION_REQUIREMENTS.setDescription("the citizen's identity is at "
                                + level.acr() + ", the client requires " + required.acr())));
            }
            Map<String, Object> next = new LinkedHashMap<>(tx.get());
            next.put("phase", "consent");
            next.put("citizen", citizen.value());
            next.put("achieved", level.number());
            next.put("amr", List.copyOf(methods));
            List<Object> ev = new ArrayList<>();
            for (Evidence e : evidence) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", e.type());
                m.put("check_details", List.of(Map.of("check_method", e.method())));
                m.putAll(e.attributes());
                ev.add(m);
            }
            next.put("evidence", ev);
            next.put("auth_time", clock.instant().getEpochSecond());
            if (!store.compareAndSet(prefix + "tx:" + sha256(transactionId), raw.get(), json(next),
                    TRANSACTION_LIFETIME)) {
                return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_TRANSACTION);
            }
            return view(transactionId, next).<AuthorizationStep>map(AuthorizationStep.Consent::new)
                    .orElseGet(() -> new AuthorizationStep.Redirect(errorRedirect(next,
                            OAuth2Error.INVALID_REQUEST.setDescription("the consent request expired"))));
        } catch (StateStoreException e) {
            return new AuthorizationStep.Refused(ProviderRefusal.UNAVAILABLE);
        }
    }

    /**
     * Step 3: the citizen consents to share some of the requested fields. Issues and records the consent receipt,
     * then a single-use authorization code.
     *
     * @param transactionId the transaction id
     * @param granted the fields the citizen agrees to share (a subset of {@link Authorization#fields()}); empty is
     *     a decline
     * @return a {@link AuthorizationStep.Redirect} (code, or error), or {@link AuthorizationStep.Refused}
     * @throws IllegalArgumentException when {@code granted} holds a field that was not requested (the transaction
     *     is left as it was)
     */
    public AuthorizationStep consent(String transactionId, Collection<CitizenField> granted) {
        Objects.requireNonNull(granted, "granted");
        try {
            String key = transactionId == null ? null : prefix + "tx:" + sha256(transactionId);
            Optional<byte[]> raw = key == null ? Optional.empty() : store.get(key);
            Optional<Map<String, Object>> tx = raw.flatMap(EidOidcProvider::parse);
            if (tx.isEmpty() || !"consent".equals(tx.get().get("phase"))) {
                return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_TRANSACTION);
            }
            Map<String, Object> t = tx.get();
            RequestResult checked = consentRequests.verify((String) t.get("consent"));
            if (checked instanceof VerifiedRequest v && !v.request().fields().containsAll(granted)) {
                throw new IllegalArgumentException("only requested fields can be granted");
            }
            if (!store.deleteIfEquals(key, raw.get())) {
                return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_TRANSACTION);
            }
            if (granted.isEmpty()) {
                return new AuthorizationStep.Redirect(errorRedirect(t, OAuth2Error.ACCESS_DENIED
                        .setDescription("the citizen declined")));
            }
            if (!(checked instanceof VerifiedRequest verified)) {
                return new AuthorizationStep.Redirect(errorRedirect(t, OAuth2Error.INVALID_REQUEST
                        .setDescription("the consent request expired")));
            }
            EnumSet<CitizenField> fields = EnumSet.copyOf(granted);
            PersonalNumber citizen = PersonalNumber.of((String) t.get("citizen"));
            ConsentReceiptIssuer.Issued issued = receipts.grant(verified, citizen, fields, consentValidity);
            ConsentLedger.RecordOutcome recorded = ledger.record(citizen, issued);
            if (recorded != ConsentLedger.RecordOutcome.RECORDED) {
                return new AuthorizationStep.Redirect(errorRedirect(t, OAuth2Error.ACCESS_DENIED
                        .setDescription("the consent could not be recorded: " + recorded)));
            }
            Map<String, Object> grant = new LinkedHashMap<>(t);
            grant.remove("phase");
            grant.remove("consent");
            grant.put("receipt", issued.receipt().id());
            List<String> names = new ArrayList<>();
            for (CitizenField f : fields) {
                names.add(f.claimName());
            }
            grant.put("fields", names);
            byte[] codeBytes = new byte[32];
            random.nextBytes(codeBytes);
            AuthorizationCode code = new AuthorizationCode(Base64URL.encode(codeBytes).toString());
            store.put(prefix + "code:" + sha256(code.getValue()), json(grant), CODE_LIFETIME);
            return new AuthorizationStep.Redirect(new AuthenticationSuccessResponse(
                    URI.create((String) t.get("redirect")), code, null, null, state(t), null, issuer,
                    ResponseMode.QUERY).toURI());
        } catch (StateStoreException e) {
            return new AuthorizationStep.Refused(ProviderRefusal.UNAVAILABLE);
        }
    }

    /**
     * Step 3, the other answer: the citizen declines (or cancels the login); the client receives
     * {@code access_denied}.
     *
     * @param transactionId the transaction id
     * @return a {@link AuthorizationStep.Redirect} with {@code access_denied}, or {@link AuthorizationStep.Refused}
     */
    public AuthorizationStep decline(String transactionId) {
        try {
            Optional<Map<String, Object>> tx = transactionId == null ? Optional.empty()
                    : take(prefix + "tx:" + sha256(transactionId));
            if (tx.isEmpty()) {
                return new AuthorizationStep.Refused(ProviderRefusal.UNKNOWN_TRANSACTION);
            }
            return new AuthorizationStep.Redirect(errorRedirect(tx.get(), OAuth2Error.ACCESS_DENIED
                    .setDescription("the citizen declined")));
        } catch (StateStoreException e) {
            return new AuthorizationStep.Refused(ProviderRefusal.UNAVAILABLE);
        }
    }

    private Optional<Authorization> view(String txId, Map<String, Object> tx) {
        RequestResult checked = consentRequests.verify((String) tx.get("consent"));
        if (!(checked instanceof VerifiedRequest verified)) {
            return Optional.empty();
        }
        AssuranceLevel required = AssuranceLevel.ofNumber(((Number) tx.get("level")).intValue()).orElseThrow();
        return Optional.of(new Authorization(txId, verified.party(), verified.purpose(), verified.request().fields(),
                required));
    }

    private URI errorRedirect(Map<String, Object> tx, ErrorObject error) {
        return new AuthenticationErrorResponse(URI.create((String) tx.get("redirect")), error, state(tx), issuer,
                ResponseMode.QUERY).toURI();
    }

    private static State state(Map<String, Object> tx) {
        Object s = tx.get("state");
        return s == null ? null : new State((String) s);
    }

    // ------------------------------------------------------------------------------------------------ token

    HTTPResponse token(HTTPRequest httpRequest) {
        try {
            TokenRequest request;
            try {
                request = TokenRequest.parse(httpRequest);
            } catch (com.nimbusds.oauth2.sdk.ParseException e) {
                return tokenError(OAuth2Error.INVALID_REQUEST.setDescription(describe(e)));
            }
            ClientFailure cf = authenticateClient(request.getClientAuthentication());
            if (cf != null) {
                return tokenError(cf.error);
            }
            String clientId = request.getClientAuthentication().getClientID().getValue();
            if (!(request.getAuthorizationGrant() instanceof AuthorizationCodeGrant grant)) {
                return tokenError(OAuth2Error.UNSUPPORTED_GRANT_TYPE);
            }
            Optional<Map<String, Object>> stored = take(prefix + "code:"
                    + sha256(grant.getAuthorizationCode().getValue()));
            if (stored.isEmpty()) {
                return tokenError(OAuth2Error.INVALID_GRANT.setDescription("unknown, used or expired code"));
            }
            Map<String, Object> g = stored.get();
            if (!clientId.equals(g.get("client"))) {
                return tokenError(OAuth2Error.INVALID_GRANT.setDescription("the code was issued to another client"));
            }
            if (grant.getRedirectionURI() == null || !grant.getRedirectionURI().toString().equals(g.get("redirect"))) {
                return tokenError(OAuth2Error.INVALID_GRANT.setDescription("redirect_uri does not match"));
            }
            CodeVerifier verifier = grant.getCodeVerifier();
            if (verifier == null || !MessageDigest.isEqual(
                    CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue()
                            .getBytes(StandardCharsets.US_ASCII),
                    ((String) g.get("challenge")).getBytes(StandardCharsets.US_ASCII))) {
                return tokenError(OAuth2Error.INVALID_GRANT.setDescription("PKCE code_verifier does not match"));
            }
            String receiptId = (String) g.get("receipt");
            ReceiptState receipt = ledger.check(receiptId, clientId, clock.instant());
            if (receipt.status() != ReceiptState.Status.ACTIVE) {
                return receipt.status() == ReceiptState.Status.UNAVAILABLE
                        ? tokenError(OAuth2Error.SERVER_ERROR.setDescription("consent ledger unavailable"))
                        : tokenError(OAuth2Error.INVALID_GRANT.setDescription("the consent is "
                                + receipt.status().name().toLowerCase(java.util.Locale.ROOT)));
            }
            PersonalNumber citizen = PersonalNumber.of((String) g.get("citizen"));
            Optional<CitizenProfile> profile = population.lookup(citizen);
            if (profile.isEmpty()) {
                return tokenError(OAuth2Error.INVALID_GRANT.setDescription("the citizen is no longer registered"));
            }
            @SuppressWarnings("unchecked")
            Set<CitizenField> fields = CitizenField.parseAll((List<String>) g.get("fields"));
            fields.retainAll(receipt.grantedFields());
            SharedClaims claims = SharedClaims.fromProfile(profile.get()).only(fields);
            AssuranceLevel level = AssuranceLevel.ofNumber(((Number) g.get("achieved")).intValue()).orElseThrow();
            SignedJWT idToken = idToken(clientId, citizen, g, level, claims, receiptId);
            BearerAccessToken accessToken = new BearerAccessToken(43, ID_TOKEN_LIFETIME.getSeconds(),
                    new Scope(OIDCScopeValue.OPENID));
            LOG.info("ID token issued to {} at {} (receipt {})", clientId, level.acr(), receiptId);
            return new OIDCTokenResponse(new OIDCTokens(idToken, accessToken, null),
                    Map.of(RECEIPT_CLAIM, receiptId)).toHTTPResponse();
        } catch (StateStoreException e) {
            LOG.warn("token refused: state store unavailable");
            return tokenError(OAuth2Error.SERVER_ERROR.setDescription("state store unavailable"));
        } catch (RuntimeException e) {
            LOG.error("token request failed: {}", e.getClass().getName());
            return tokenError(OAuth2Error.SERVER_ERROR);
        }
    }

    private SignedJWT idToken(String clientId, PersonalNumber citizen, Map<String, Object> g, AssuranceLevel level,
            SharedClaims claims, String receiptId) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        IDTokenClaimsSet set = new IDTokenClaimsSet(issuer, new Subject(references.forParty(clientId, citizen)),
                List.of(new Audience(clientId)), Date.from(now.plus(ID_TOKEN_LIFETIME)), Date.from(now));
        set.setNonce(new com.nimbusds.openid.connect.sdk.Nonce((String) g.get("nonce")));
        set.setAuthenticationTime(Date.from(Instant.ofEpochSecond(((Number) g.get("auth_time")).longValue())));
        set.setACR(new ACR(level.acr()));
        List<AMR> amr = new ArrayList<>();
        for (Object m : (List<?>) g.get("amr")) {
            amr.add(new AMR((String) m));
        }
        set.setAMR(amr);
        set.setAuthorizedParty(new com.nimbusds.openid.connect.sdk.claims.AuthorizedParty(clientId));
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("trust_framework", TRUST_FRAMEWORK);
        verification.put("assurance_level", Integer.toString(level.number()));
        List<?> evidence = (List<?>) g.get("evidence");
        if (evidence != null && !evidence.isEmpty()) {
            verification.put("evidence", evidence);
        }
        Map<String, Object> verified = new LinkedHashMap<>();
        verified.put("verification", verification);
        verified.put("claims", claims.asMap());
        set.setClaim("verified_claims", verified);
        set.setClaim(RECEIPT_CLAIM, receiptId);
        try {
            return Jws.sign(keys.current(), "JWT", set.toJWTClaimsSet());
        } catch (JOSEException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException("the ID token could not be signed", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ clients

    private record ClientFailure(ErrorObject error) {
    }

    /**
     * Null when the client authenticated with its registered method: a fresh private_key_jwt, or the certificate of
     * the TLS connection (RFC 8705).
     */
    private ClientFailure authenticateClient(ClientAuthentication auth) {
        if (auth == null) {
            return new ClientFailure(OAuth2Error.INVALID_CLIENT.setDescription("client authentication is required"));
        }
        String clientId = auth.getClientID().getValue();
        OidcClientRegistration registration = clients.get(clientId);
        if (registration == null || parties.find(clientId).isEmpty()) {
            return new ClientFailure(OAuth2Error.INVALID_CLIENT.setDescription("unknown client"));
        }
        if (registration.tls() != null) {
            if (!(auth instanceof TLSClientAuthentication tls)) {
                return new ClientFailure(OAuth2Error.INVALID_CLIENT
                        .setDescription(registration.tls().method() + " is required"));
            }
            if (!registration.tls().accepts(tls.getClientX509Certificate(), clock.instant())) {
                LOG.warn("client certificate refused for {}", clientId);
                return new ClientFailure(OAuth2Error.INVALID_CLIENT.setDescription("client certificate refused"));
            }
            return null;
        }
        if (!(auth instanceof PrivateKeyJWT jwt)) {
            return new ClientFailure(OAuth2Error.INVALID_CLIENT.setDescription("private_key_jwt is required"));
        }
        try {
            clientAuthVerifier.verify(auth, null, new Context<>());
        } catch (InvalidClientException e) {
            return new ClientFailure(OAuth2Error.INVALID_CLIENT.setDescription("client assertion refused"));
        } catch (JOSEException e) {
            return new ClientFailure(OAuth2Error.INVALID_CLIENT.setDescription("client assertion not checked"));
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getClientAssertion().getHeader().getAlgorithm())) {
            return new ClientFailure(OAuth2Error.INVALID_CLIENT.setDescription("client assertion must be ES256"));
        }
        var claims = jwt.getJWTAuthenticationClaimsSet();
        Instant now = clock.instant();
        if (claims.getJWTID() == null || claims.getExpirationTime() == null
                || claims.getExpirationTime().toInstant().isAfter(now.plus(MAX_CLIENT_ASSERTION_LIFETIME))) {
            return new ClientFailure(OAuth2Error.INVALID_CLIENT
                    .setDescription("client assertion needs a jti and an exp at most 10 minutes ahead"));
        }
        Duration ttl = Duration.between(now, claims.getExpirationTime().toInstant()).plusMinutes(2);
        if (!store.putIfAbsent(prefix + "jti:" + clientId + ":" + sha256(claims.getJWTID().getValue()),
                new byte[] {1}, ttl)) {
            LOG.warn("replayed client assertion from {}", clientId);
            return new ClientFailure(OAuth2Error.INVALID_CLIENT.setDescription("client assertion replayed"));
        }
        return null;
    }

    private RelyingParty party(ClientID id) {
        return parties.find(id.getValue()).orElseThrow();
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

    /** The party's ES256 keys, for Nimbus's client authentication verifier. */
    private final class PartyKeys implements ClientCredentialsSelector<Void> {
        @Override
        public List<Secret> selectClientSecrets(ClientID claimedClientID, ClientAuthenticationMethod authMethod,
                Context<Void> context) {
            return List.of();
        }

        @Override
        public List<? extends PublicKey> selectPublicKeys(ClientID claimedClientID,
                ClientAuthenticationMethod authMethod, com.nimbusds.jose.JWSHeader jwsHeader, boolean forceRefresh,
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

    // ------------------------------------------------------------------------------------------------ helpers

    private static final class RefusedRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ErrorObject error;

        RefusedRequest(ErrorObject error) {
            super(error.getCode(), null, false, false);
            this.error = error;
        }
    }

    private static HTTPResponse parError(ErrorObject error) {
        return new PushedAuthorizationErrorResponse(withStatus(error)).toHTTPResponse();
    }

    private static HTTPResponse tokenError(ErrorObject error) {
        return new TokenErrorResponse(withStatus(error)).toHTTPResponse();
    }

    /** PAR and token errors are JSON answers (RFC 6749 §5.2, RFC 9126 §2.3), never redirects. */
    private static ErrorObject withStatus(ErrorObject e) {
        int status = OAuth2Error.INVALID_CLIENT.getCode().equals(e.getCode()) ? 401
                : OAuth2Error.SERVER_ERROR.getCode().equals(e.getCode()) ? 503 : 400;
        return e.setHTTPStatusCode(status);
    }

    private static String describe(com.nimbusds.oauth2.sdk.ParseException e) {
        ErrorObject eo = e.getErrorObject();
        return eo != null && eo.getDescription() != null ? eo.getDescription() : "malformed request";
    }

    private Optional<Map<String, Object>> take(String key) {
        return store.consume(key).flatMap(EidOidcProvider::parse);
    }

    private static Optional<Map<String, Object>> parse(byte[] bytes) {
        try {
            return Optional.of(JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8)));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static byte[] json(Map<String, Object> map) {
        return JSONObjectUtils.toJSONString(map).getBytes(StandardCharsets.UTF_8);
    }

    private String randomId() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64URL.encode(b).toString();
    }

    private static String sha256(String s) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "EidOidcProvider[issuer=" + issuer + ", clients=" + clients.keySet() + "]";
    }

    /** Builder of {@link EidOidcProvider}; each option may be set once. */
    public static final class Builder {
        private URI issuer;
        private URI authorizationEndpoint;
        private KeyRing keys;
        private StateStore store;
        private String prefix;
        private RelyingPartyRegistry parties;
        private final Map<String, OidcClientRegistration> clients = new LinkedHashMap<>();
        private ConsentReceiptIssuer receipts;
        private ConsentLedger ledger;
        private CitizenReferences references;
        private PopulationRegistry population;
        private Duration consentValidity;
        private Clock clock;

        private Builder() {
        }

        /**
         * Required: the issuer identifier, an https URI (http only on loopback, for tests and the sandbox),
         * without query or fragment; the endpoints are paths under it.
         *
         * @param issuer the issuer
         * @return this builder
         */
        public Builder issuer(URI issuer) {
            once(this.issuer, "issuer");
            Objects.requireNonNull(issuer, "issuer");
            if (!issuer.isAbsolute() || issuer.getQuery() != null || issuer.getFragment() != null
                    || issuer.getHost() == null) {
                throw new IllegalArgumentException("the issuer is an absolute URI without query or fragment");
            }
            boolean loopback = "127.0.0.1".equals(issuer.getHost()) || "localhost".equals(issuer.getHost());
            if (!"https".equals(issuer.getScheme()) && !("http".equals(issuer.getScheme()) && loopback)) {
                throw new IllegalArgumentException("the issuer is https (http only on loopback)");
            }
            this.issuer = issuer;
            return this;
        }

        /**
         * The authorization endpoint (the integrator's page); default {@code <issuer>/authorize}.
         *
         * @param uri the endpoint
         * @return this builder
         */
        public Builder authorizationEndpoint(URI uri) {
            once(this.authorizationEndpoint, "authorizationEndpoint");
            this.authorizationEndpoint = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /**
         * Required: the keys that sign ID tokens (the current one signs; all are published).
         *
         * @param keys the key ring
         * @return this builder
         */
        public Builder keyRing(KeyRing keys) {
            once(this.keys, "keyRing");
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * Required: where request URIs, transactions, codes and used client-assertion ids live.
         *
         * @param store the store
         * @return this builder
         */
        public Builder stateStore(StateStore store) {
            once(this.store, "stateStore");
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The state-store key prefix; default {@code eid:oidc:}.
         *
         * @param prefix printable ASCII, at most 64 characters
         * @return this builder
         */
        public Builder prefix(String prefix) {
            once(this.prefix, "prefix");
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.length() > 64 || !prefix.chars().allMatch(c -> c > 32 && c < 127)) {
                throw new IllegalArgumentException("prefix: at most 64 printable ASCII characters");
            }
            this.prefix = prefix;
            return this;
        }

        /**
         * Required: the relying-party registry (clients' purposes, fields and signing keys).
         *
         * @param parties the registry
         * @return this builder
         */
        public Builder parties(RelyingPartyRegistry parties) {
            once(this.parties, "parties");
            this.parties = Objects.requireNonNull(parties, "parties");
            return this;
        }

        /**
         * Registers an OpenID Connect client (at least one); its id must be a party of {@link #parties}.
         *
         * @param client the registration
         * @return this builder
         */
        public Builder client(OidcClientRegistration client) {
            Objects.requireNonNull(client, "client");
            if (clients.putIfAbsent(client.clientId(), client) != null) {
                throw new IllegalStateException("client " + client.clientId() + " is already registered");
            }
            return this;
        }

        /**
         * Required: the consent receipt issuer (its issuer should be this provider's issuer).
         *
         * @param receipts the issuer
         * @return this builder
         */
        public Builder receipts(ConsentReceiptIssuer receipts) {
            once(this.receipts, "receipts");
            this.receipts = Objects.requireNonNull(receipts, "receipts");
            return this;
        }

        /**
         * Required: the ledger where receipts are recorded and checked.
         *
         * @param ledger the ledger
         * @return this builder
         */
        public Builder ledger(ConsentLedger ledger) {
            once(this.ledger, "ledger");
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /**
         * Required: the pairwise references (the same secret as the receipt issuer's), which give {@code sub}.
         *
         * @param references the references
         * @return this builder
         */
        public Builder references(CitizenReferences references) {
            once(this.references, "references");
            this.references = Objects.requireNonNull(references, "references");
            return this;
        }

        /**
         * Required: the population registry the consented claims are read from.
         *
         * @param population the registry
         * @return this builder
         */
        public Builder population(PopulationRegistry population) {
            once(this.population, "population");
            this.population = Objects.requireNonNull(population, "population");
            return this;
        }

        /**
         * How long a login consent lasts; default 30 days (one minute to the receipt issuer's maximum).
         *
         * @param validity the validity
         * @return this builder
         */
        public Builder consentValidity(Duration validity) {
            once(this.consentValidity, "consentValidity");
            this.consentValidity = Objects.requireNonNull(validity, "validity");
            return this;
        }

        /**
         * The clock; default UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            once(this.clock, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return the provider
         * @throws IllegalStateException when a required option is missing or a client is not a registered party
         */
        public EidOidcProvider build() {
            return new EidOidcProvider(this);
        }
    }
}
