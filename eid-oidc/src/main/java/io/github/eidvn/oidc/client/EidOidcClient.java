package io.github.eidvn.oidc.client;

import static io.github.eidvn.core.internal.Once.once;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PKITLSClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.AMR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.oidc.internal.Jws;

/**
 * The relying-party side of "Log in with the national e-ID".
 *
 * <pre>{@code
 * EidOidcClient eid = EidOidcClient.builder()
 *         .issuer(URI.create("https://id.example.gov.vn")).clientId("vcb-bank")
 *         .signingKey(bankKey).redirectUri(URI.create("https://bank.example.vn/login/callback")).build();
 * // login button:
 * LoginStart start = eid.start("bank-ekyc", EnumSet.of(CitizenField.NAME, CitizenField.BIRTHDATE),
 *         AssuranceLevel.LEVEL_2);
 * if (start instanceof LoginStarted s) { keep(s.session()); redirect(s.authorizationUri()); }
 * // callback:
 * LoginResult result = eid.finish(session, callbackUri);
 * if (result instanceof LoggedIn in) { ... in.subject(), in.level(), in.claims() ... }
 * }</pre>
 *
 * <p>{@link #start} pushes the authorization request (RFC 9126) authenticated with {@code private_key_jwt} (ES256,
 * the party's registered signing key): PKCE S256, a fresh {@code state} and {@code nonce}, {@code acr_values} for
 * the level, and the party's signed consent request for the purpose and fields; optionally the whole request as a
 * signed request object ({@link Builder#signedRequestObject()}). {@link #finish} checks the callback's
 * {@code state} and {@code iss} (RFC 9207), exchanges the code with {@code private_key_jwt} and the PKCE verifier,
 * and validates the ID token with Nimbus's {@link IDTokenValidator}: ES256 signature by a key of the provider's JWKS
 * (fetched from discovery, cached, refetched when an unknown {@code kid} appears), issuer, audience, nonce, expiry
 * and issue time with the clock skew; then {@code acr} at least the required level and the {@code verified_claims}.
 *
 * <p>Immutable and thread-safe; the provider metadata is fetched on first use.
 *
 * <p><b>Security.</b> Every failure is a {@link LoginRefused} with a closed {@link LoginRefusal}; nothing is logged in
 * with a partial check. Keep the {@link LoginSession} server-side.
 */
public final class EidOidcClient {

    /** Longest clock skew accepted. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(2);

    private final Issuer issuer;
    private final ClientID clientId;
    private final SigningKey key;
    private final URI redirectUri;
    private final Duration skew;
    private final Duration timeout;
    private final boolean signedRequestObject;
    private final SSLSocketFactory tls;
    private final Clock clock;
    private final ConsentRequestSigner consentSigner;
    private volatile Provider provider;

    /** The provider's metadata and the validator made from it. */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    private EidOidcClient(Builder b) {
        if (b.issuer == null || b.clientId == null || b.key == null || b.redirectUri == null) {
            throw new IllegalStateException("issuer, clientId, signingKey and redirectUri are required");
        }
        this.issuer = new Issuer(b.issuer.toString());
        this.clientId = new ClientID(b.clientId);
        this.key = b.key;
        this.redirectUri = b.redirectUri;
        this.skew = b.skew == null ? Duration.ofSeconds(60) : b.skew;
        this.timeout = b.timeout == null ? Duration.ofSeconds(10) : b.timeout;
        this.signedRequestObject = b.signedRequestObject;
        this.tls = b.tls == null ? null : b.tls.getSocketFactory();
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.consentSigner = ConsentRequestSigner.builder().partyId(b.clientId).signingKey(b.key)
                .audience(issuer.getValue()).clock(clock).build();
    }

    /**
     * A builder; each option may be set once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private Provider provider() throws IOException, GeneralException {
        Provider p = provider;
        if (p == null) {
            synchronized (this) {
                p = provider;
                if (p == null) {
                    int ms = (int) timeout.toMillis();
                    OIDCProviderMetadata m = OIDCProviderMetadata.resolve(issuer, r -> {
                        r.setConnectTimeout(ms);
                        r.setReadTimeout(ms);
                        if (tls != null) {
                            r.setSSLSocketFactory(tls);
                        }
                    });
                    if (m.getPushedAuthorizationRequestEndpointURI() == null || m.getTokenEndpointURI() == null
                            || m.getJWKSetURI() == null || m.getAuthorizationEndpointURI() == null) {
                        throw new GeneralException("the provider metadata lacks an endpoint");
                    }
                    URL jwks = m.getJWKSetURI().toURL();
                    JWKSource<SecurityContext> source = (tls == null ? JWKSourceBuilder.<SecurityContext>create(jwks)
                            : JWKSourceBuilder.<SecurityContext>create(jwks, new DefaultResourceRetriever(
                                    JWKSourceBuilder.DEFAULT_HTTP_CONNECT_TIMEOUT,
                                    JWKSourceBuilder.DEFAULT_HTTP_READ_TIMEOUT,
                                    JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT, true, tls))).build();
                    IDTokenValidator v = new IDTokenValidator(issuer, clientId,
                            new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, source), null);
                    v.setMaxClockSkew((int) skew.getSeconds());
                    p = new Provider(m, v);
                    provider = p;
                }
            }
        }
        return p;
    }

    /**
     * Starts a login: pushes the authorization request.
     *
     * @param purposeCode the registered purpose the citizen's data is asked for
     * @param fields the citizen fields asked for (registered for that purpose); at least one
     * @param level the assurance level required
     * @return {@link LoginStarted}, or {@link LoginRefused} ({@code PROVIDER_UNAVAILABLE}, {@code REQUEST_REFUSED})
     * @throws IllegalArgumentException for a malformed purpose code or no field
     */
    public LoginStart start(String purposeCode, Collection<CitizenField> fields, AssuranceLevel level) {
        Objects.requireNonNull(level, "level");
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        String consent = consentSigner.request(purposeCode, fields).nonce(nonce.getValue())
                .ttl(ConsentRequestSigner.MAX_TTL).sign().compactJws();
        Provider p;
        try {
            p = provider();
        } catch (IOException | GeneralException | RuntimeException e) {
            return new LoginRefused(LoginRefusal.PROVIDER_UNAVAILABLE, "discovery: " + e.getMessage());
        }
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(OIDCScopeValue.OPENID), clientId, redirectUri)
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .acrValues(List.of(new ACR(level.acr())))
                .customParameter(io.github.eidvn.oidc.provider.EidOidcProvider.CONSENT_PARAMETER, consent)
                .endpointURI(p.metadata().getAuthorizationEndpointURI()).build();
        try {
            URI authorize = pushRequest(p, request);
            return new LoginStarted(authorize, new LoginSession(state.getValue(), nonce.getValue(),
                    verifier.getValue(), level));
        } catch (LoginRefusedException e) {
            return e.refusal();
        }
    }

    /**
     * Pushes an authorization request made by another OpenID Connect client to the provider's PAR endpoint, with
     * this client's {@code private_key_jwt} (and signed as a request object when {@link Builder#signedRequestObject()}
     * is set). For frameworks that keep their own {@code state}, nonce and PKCE verifier, such as Spring Security's
     * {@code oauth2Login}; {@link #start} does all of it for other callers.
     *
     * @param parameters the authorization request's parameters (query of the authorization URI, decoded): this
     *     client's {@code client_id}, {@code response_type=code}, {@code scope} with {@code openid}, the
     *     {@code redirect_uri}, {@code state}, {@code nonce}, a PKCE S256 {@code code_challenge}
     * @param purposeCode the registered purpose the citizen's data is asked for
     * @param fields the citizen fields asked for (registered for that purpose); at least one
     * @param level the assurance level required (sent as {@code acr_values})
     * @return where to send the browser: the authorization endpoint with {@code client_id} and {@code request_uri}
     * @throws IllegalArgumentException when the parameters are not such a request (no PKCE S256, no nonce, another
     *     client id)
     * @throws LoginRefusedException when the provider is unavailable ({@code PROVIDER_UNAVAILABLE}) or refuses the
     *     request ({@code REQUEST_REFUSED})
     */
    public URI push(Map<String, String> parameters, String purposeCode, Collection<CitizenField> fields,
            AssuranceLevel level) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(level, "level");
        AuthenticationRequest request;
        try {
            Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
            parameters.forEach((k, v) -> multi.put(k, List.of(v)));
            request = AuthenticationRequest.parse(multi);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not an OpenID Connect authorization request: " + e.getMessage());
        }
        if (!clientId.equals(request.getClientID())) {
            throw new IllegalArgumentException("client_id is not this client's");
        }
        if (request.getCodeChallenge() == null || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            throw new IllegalArgumentException("PKCE S256 is required");
        }
        if (request.getNonce() == null || request.getState() == null) {
            throw new IllegalArgumentException("state and nonce are required");
        }
        String consent = consentSigner.request(purposeCode, fields).nonce(request.getNonce().getValue())
                .ttl(ConsentRequestSigner.MAX_TTL).sign().compactJws();
        request = new AuthenticationRequest.Builder(request).acrValues(List.of(new ACR(level.acr())))
                .customParameter(io.github.eidvn.oidc.provider.EidOidcProvider.CONSENT_PARAMETER, consent).build();
        Provider p;
        try {
            p = provider();
        } catch (IOException | GeneralException | RuntimeException e) {
            throw new LoginRefusedException(
                    new LoginRefused(LoginRefusal.PROVIDER_UNAVAILABLE, "discovery: " + e.getMessage()));
        }
        return pushRequest(p, request);
    }

    /**
     * A fresh {@code private_key_jwt} client assertion (RFC 7523: {@code iss} and {@code sub} this client,
     * {@code aud} the issuer, two minutes, a new {@code jti}), for a framework's own token request.
     *
     * @return the compact JWS
     * @throws IllegalStateException when the signing key fails (such as a token removed)
     */
    public String clientAssertion() {
        try {
            return privateKeyJwt().getClientAssertion().serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion: " + e.getMessage(), e);
        }
    }

    /** Pushes the request (as a signed request object when configured); the authorization URI with request_uri. */
    private URI pushRequest(Provider p, AuthenticationRequest request) {
        AuthorizationRequest pushed = request;
        try {
            if (signedRequestObject) {
                Instant now = clock.instant();
                JWTClaimsSet claims = new JWTClaimsSet.Builder(request.toJWTClaimsSet())
                        .issuer(clientId.getValue()).audience(issuer.getValue())
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                        .jwtID(new JWTID().getValue()).build();
                SignedJWT jwt = Jws.sign(key, "oauth-authz-req+jwt", claims);
                pushed = new AuthenticationRequest.Builder(jwt, clientId).build();
            }
            HTTPRequest http = new PushedAuthorizationRequest(
                    p.metadata().getPushedAuthorizationRequestEndpointURI(), clientAuthentication(), pushed)
                    .toHTTPRequest();
            PushedAuthorizationResponse response = PushedAuthorizationResponse.parse(send(http));
            if (!response.indicatesSuccess()) {
                ErrorObject error = response.toErrorResponse().getErrorObject();
                throw new LoginRefusedException(new LoginRefused(unavailable(error)
                        ? LoginRefusal.PROVIDER_UNAVAILABLE : LoginRefusal.REQUEST_REFUSED, describe(error)));
            }
            URI requestUri = response.toSuccessResponse().getRequestURI();
            return new AuthorizationRequest.Builder(requestUri, clientId)
                    .endpointURI(p.metadata().getAuthorizationEndpointURI()).build().toURI();
        } catch (IOException e) {
            throw new LoginRefusedException(new LoginRefused(LoginRefusal.PROVIDER_UNAVAILABLE, "PAR: " + e.getMessage()));
        } catch (ParseException | JOSEException | com.nimbusds.oauth2.sdk.SerializeException e) {
            throw new LoginRefusedException(new LoginRefused(LoginRefusal.PROVIDER_UNAVAILABLE, "PAR: " + e.getMessage()));
        }
    }

    /**
     * Finishes a login at the redirect URI.
     *
     * @param session the session kept since {@link #start}
     * @param callback the full callback URI the browser came back with (with its query)
     * @return {@link LoggedIn} or {@link LoginRefused}
     */
    public LoginResult finish(LoginSession session, URI callback) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(callback, "callback");
        Provider p;
        try {
            p = provider();
        } catch (IOException | GeneralException | RuntimeException e) {
            return new LoginRefused(LoginRefusal.PROVIDER_UNAVAILABLE, "discovery: " + e.getMessage());
        }
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(callback);
        } catch (ParseException e) {
            return new LoginRefused(LoginRefusal.MALFORMED, "callback: " + e.getMessage());
        }
        if (response.getState() == null || !session.state().equals(response.getState().getValue())) {
            return new LoginRefused(LoginRefusal.STATE_MISMATCH, "state differs");
        }
        if (response.getIssuer() == null ? p.metadata().supportsAuthorizationResponseIssuerParam()
                : !issuer.equals(response.getIssuer())) {
            return new LoginRefused(LoginRefusal.WRONG_ISSUER, "callback iss differs or is missing");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = ((AuthorizationErrorResponse) response).getErrorObject();
            LoginRefusal reason = LoginRefusal.ofProviderError(error == null ? null : error.getCode());
            return new LoginRefused(reason, describe(error));
        }
        AuthorizationSuccessResponse success = (AuthorizationSuccessResponse) response;
        if (success.getAuthorizationCode() == null) {
            return new LoginRefused(LoginRefusal.MALFORMED, "callback without code");
        }
        OIDCTokenResponse tokens;
        try {
            HTTPRequest http = new TokenRequest.Builder(p.metadata().getTokenEndpointURI(), clientAuthentication(),
                    new AuthorizationCodeGrant(success.getAuthorizationCode(), redirectUri,
                            new CodeVerifier(session.codeVerifier()))).build().toHTTPRequest();
            TokenResponse tr = OIDCTokenResponseParser.parse(send(http));
            if (!tr.indicatesSuccess()) {
                ErrorObject error = tr.toErrorResponse().getErrorObject();
                return new LoginRefused(unavailable(error) ? LoginRefusal.PROVIDER_UNAVAILABLE
                        : LoginRefusal.TOKEN_REFUSED, describe(error));
            }
            tokens = (OIDCTokenResponse) tr.toSuccessResponse();
        } catch (IOException | JOSEException e) {
            return new LoginRefused(LoginRefusal.PROVIDER_UNAVAILABLE, "token: " + e.getMessage());
        } catch (ParseException | ClassCastException e) {
            return new LoginRefused(LoginRefusal.MALFORMED, "token response: " + e.getMessage());
        }
        return validate(p, session, tokens.getOIDCTokens().getIDTokenString());
    }

    private LoginResult validate(Provider p, LoginSession session, String idToken) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken);
        } catch (java.text.ParseException | RuntimeException e) {
            return new LoginRefused(LoginRefusal.MALFORMED, "ID token is not a signed JWT");
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            return new LoginRefused(LoginRefusal.BAD_SIGNATURE, "ID token is not ES256");
        }
        IDTokenClaimsSet claims;
        try {
            claims = p.validator().validate(jwt, new Nonce(session.nonce()));
        } catch (BadJWSException e) {
            return new LoginRefused(LoginRefusal.BAD_SIGNATURE, e.getMessage());
        } catch (BadJWTException e) {
            return new LoginRefused(classify(jwt, session), e.getMessage());
        } catch (BadJOSEException e) {
            return new LoginRefused(LoginRefusal.BAD_SIGNATURE, e.getMessage());
        } catch (JOSEException e) {
            return new LoginRefused(LoginRefusal.PROVIDER_UNAVAILABLE, "JWKS: " + e.getMessage());
        }
        return accept(claims.toJSONObject(), session.level(), jwt.serialize());
    }

    /**
     * Checks what eid adds to an ID token that another OpenID Connect client (such as Spring Security's) has already
     * validated (signature from the provider's JWKS, issuer, audience, time, nonce): a known {@code acr} at least the
     * level asked, {@code verified_claims} under eid's trust framework at that same level, and the consent receipt
     * id. {@link #finish} does this itself.
     *
     * @param claims the validated ID token's claims ({@code acr}, {@code amr}, {@code auth_time} as seconds, a
     *     {@link Date} or an {@link Instant}, {@code verified_claims}, the receipt id, {@code sub})
     * @param required the level the login asked for
     * @param idToken the ID token as received
     * @return {@link LoggedIn}, or {@link LoginRefused} ({@code LEVEL_TOO_LOW}, {@code MALFORMED})
     */
    public static LoginResult accept(Map<String, ?> claims, AssuranceLevel required, String idToken) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(idToken, "idToken");
        AssuranceLevel level = claims.get("acr") instanceof String acr ? AssuranceLevel.fromAcr(acr).orElse(null) : null;
        if (level == null) {
            return new LoginRefused(LoginRefusal.MALFORMED, "ID token without a known acr");
        }
        if (!level.satisfies(required)) {
            return new LoginRefused(LoginRefusal.LEVEL_TOO_LOW, "acr " + level.acr() + " < " + required.acr());
        }
        SharedClaims verified;
        try {
            verified = verifiedClaims(claims.get("verified_claims"), level);
        } catch (IllegalArgumentException | ClassCastException e) {
            return new LoginRefused(LoginRefusal.MALFORMED, "verified_claims: " + e.getMessage());
        }
        if (!(claims.get(io.github.eidvn.oidc.provider.EidOidcProvider.RECEIPT_CLAIM) instanceof String receipt)) {
            return new LoginRefused(LoginRefusal.MALFORMED, "ID token without a consent receipt id");
        }
        if (!(claims.get("sub") instanceof String subject) || subject.isEmpty()) {
            return new LoginRefused(LoginRefusal.MALFORMED, "ID token without a subject");
        }
        List<String> methods = new ArrayList<>();
        if (claims.get("amr") instanceof Collection<?> amr) {
            for (Object a : amr) {
                methods.add(String.valueOf(a));
            }
        }
        Object at = claims.get("auth_time");
        Instant authTime = at instanceof Number n ? Instant.ofEpochSecond(n.longValue())
                : at instanceof Date d ? d.toInstant() : at instanceof Instant i ? i : null;
        return new LoggedIn(subject, level, methods, authTime, verified, receipt, idToken);
    }

    /** After Nimbus refused the claims (the signature has verified by then), names the first failed check. */
    private LoginRefusal classify(SignedJWT jwt, LoginSession session) {
        try {
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            if (!issuer.getValue().equals(c.getIssuer())) {
                return LoginRefusal.WRONG_ISSUER;
            }
            if (c.getAudience() == null || !c.getAudience().contains(clientId.getValue())) {
                return LoginRefusal.WRONG_AUDIENCE;
            }
            if (!session.nonce().equals(c.getStringClaim("nonce"))) {
                return LoginRefusal.NONCE_MISMATCH;
            }
            Instant now = clock.instant();
            if (c.getExpirationTime() == null || c.getIssueTime() == null
                    || !c.getExpirationTime().toInstant().plus(skew).isAfter(now)
                    || c.getIssueTime().toInstant().minus(skew).isAfter(now)) {
                return LoginRefusal.EXPIRED;
            }
            return LoginRefusal.MALFORMED;
        } catch (java.text.ParseException e) {
            return LoginRefusal.MALFORMED;
        }
    }

    private static SharedClaims verifiedClaims(Object raw, AssuranceLevel level) {
        if (!(raw instanceof Map<?, ?> vc)) {
            throw new IllegalArgumentException("missing");
        }
        if (!(vc.get("verification") instanceof Map<?, ?> verification)) {
            throw new IllegalArgumentException("missing verification");
        }
        if (!io.github.eidvn.oidc.provider.EidOidcProvider.TRUST_FRAMEWORK.equals(verification.get("trust_framework"))) {
            throw new IllegalArgumentException("unknown trust framework");
        }
        if (!Integer.toString(level.number()).equals(verification.get("assurance_level"))) {
            throw new IllegalArgumentException("assurance_level differs from acr");
        }
        if (!(vc.get("claims") instanceof Map<?, ?> claims)) {
            throw new IllegalArgumentException("missing claims");
        }
        Map<String, Object> named = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> e : claims.entrySet()) {
            named.put((String) e.getKey(), e.getValue());
        }
        return SharedClaims.of(named);
    }

    /** Mutual TLS when configured, else a fresh private_key_jwt. */
    private ClientAuthentication clientAuthentication() throws JOSEException {
        return tls != null ? new PKITLSClientAuthentication(clientId, tls) : privateKeyJwt();
    }

    private PrivateKeyJWT privateKeyJwt() throws JOSEException {
        Instant now = clock.instant();
        JWTAuthenticationClaimsSet set = new JWTAuthenticationClaimsSet(clientId, List.of(new Audience(issuer)),
                Date.from(now.plusSeconds(120)), null, Date.from(now), new JWTID());
        return new PrivateKeyJWT(Jws.sign(key, null, set.toJWTClaimsSet()));
    }

    private HTTPResponse send(HTTPRequest request) throws IOException {
        int ms = (int) timeout.toMillis();
        request.setConnectTimeout(ms);
        request.setReadTimeout(ms);
        return request.send();
    }

    /** The provider's own trouble, not a refusal of this client's request. */
    private static boolean unavailable(ErrorObject e) {
        return e != null && (OAuth2Error.SERVER_ERROR.equals(e) || OAuth2Error.TEMPORARILY_UNAVAILABLE.equals(e));
    }

    private static String describe(ErrorObject e) {
        return e == null ? "no error object"
                : e.getCode() + (e.getDescription() == null ? "" : ": " + e.getDescription());
    }

    @Override
    public String toString() {
        return "EidOidcClient[issuer=" + issuer + ", client=" + clientId + "]";
    }

    /** Builder of {@link EidOidcClient}; each option may be set once. */
    public static final class Builder {
        private URI issuer;
        private String clientId;
        private SigningKey key;
        private URI redirectUri;
        private Duration skew;
        private Duration timeout;
        private boolean signedRequestObject;
        private SSLContext tls;
        private Clock clock;

        private Builder() {
        }

        /**
         * Required: the provider's issuer identifier; its discovery document is read from
         * {@code <issuer>/.well-known/openid-configuration}.
         *
         * @param issuer the issuer
         * @return this builder
         */
        public Builder issuer(URI issuer) {
            once(this.issuer, "issuer");
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /**
         * Required: the client id (the party id registered with the provider).
         *
         * @param clientId the id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            once(this.clientId, "clientId");
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            return this;
        }

        /**
         * Required: the party's registered ES256 signing key (client assertions, consent requests, request objects).
         *
         * @param key the key
         * @return this builder
         */
        public Builder signingKey(SigningKey key) {
            once(this.key, "signingKey");
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Required: the registered redirect URI this client's callback listens on.
         *
         * @param uri the URI
         * @return this builder
         */
        public Builder redirectUri(URI uri) {
            once(this.redirectUri, "redirectUri");
            this.redirectUri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /**
         * Clock skew for the ID token's times; default 60 seconds, at most {@link #MAX_CLOCK_SKEW}.
         *
         * @param skew the skew
         * @return this builder
         */
        public Builder clockSkew(Duration skew) {
            once(this.skew, "clockSkew");
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("clock skew must be 0 to " + MAX_CLOCK_SKEW);
            }
            this.skew = skew;
            return this;
        }

        /**
         * Connect and read timeout of each call to the provider; default 10 seconds.
         *
         * @param timeout the timeout, 1 second to 1 minute
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            once(this.timeout, "timeout");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.getSeconds() < 1 || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("timeout must be 1 second to 1 minute");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Authenticates at the PAR and token endpoints with the TLS client certificate of this context (RFC 8705,
         * for a client registered with {@code tls_client_auth} or {@code self_signed_tls_client_auth}) instead of
         * {@code private_key_jwt}. The context also carries discovery and JWKS requests (its trust managers check the
         * provider's server certificate). The signing key still signs the consent request.
         *
         * @param context a TLS context holding the client's key and certificate
         * @return this builder
         */
        public Builder tlsClientAuthentication(SSLContext context) {
            once(this.tls, "tlsClientAuthentication");
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Sends the authorization request as a signed request object (RFC 9101, ES256, {@code typ}
         * {@code oauth-authz-req+jwt}) inside the pushed request.
         *
         * @return this builder
         */
        public Builder signedRequestObject() {
            if (signedRequestObject) {
                throw new IllegalStateException("signedRequestObject is already set");
            }
            this.signedRequestObject = true;
            return this;
        }

        /**
         * The clock of the client assertions, request objects and consent requests this client signs; default UTC
         * system clock. The ID token's {@code exp} and {@code iat} are checked by Nimbus against the system clock
         * (with {@link #clockSkew}).
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
         * Builds the client (no network access yet).
         *
         * @return the client
         */
        public EidOidcClient build() {
            return new EidOidcClient(this);
        }
    }

}
