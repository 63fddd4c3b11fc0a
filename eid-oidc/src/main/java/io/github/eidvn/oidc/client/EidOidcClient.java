package io.github.eidvn.oidc.client;

import static io.github.eidvn.core.internal.Once.once;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.oidc.provider.EidOidcProvider;

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
    private final URI redirectUri;
    private final ConsentRequestSigner consentSigner;
    private final ProviderConnection connection;
    private final RequestPusher pusher;
    private final TokenExchange tokens;
    private final IdTokenChecks idTokens;

    private EidOidcClient(Builder b) {
        if (b.issuer == null || b.clientId == null || b.key == null || b.redirectUri == null) {
            throw new IllegalStateException("issuer, clientId, signingKey and redirectUri are required");
        }
        this.issuer = new Issuer(b.issuer.toString());
        this.clientId = new ClientID(b.clientId);
        this.redirectUri = b.redirectUri;
        Duration skew = b.skew == null ? Duration.ofSeconds(60) : b.skew;
        Duration timeout = b.timeout == null ? Duration.ofSeconds(10) : b.timeout;
        Clock clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.consentSigner = ConsentRequestSigner.builder().partyId(b.clientId).signingKey(b.key)
                .audience(issuer.getValue()).clock(clock).build();
        this.connection = new ProviderConnection(issuer, clientId, b.key, skew, timeout,
                b.tls == null ? null : b.tls.getSocketFactory(), clock);
        this.pusher = new RequestPusher(connection, issuer, clientId, b.key, b.signedRequestObject, clock);
        this.tokens = new TokenExchange(connection, redirectUri);
        this.idTokens = new IdTokenChecks(issuer, clientId, skew, clock);
    }

    /**
     * A builder; each option may be set once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
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
        String consent = consentRequest(purposeCode, fields, nonce);
        try {
            ProviderConnection.Provider p = connection.provider();
            AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                    new Scope(OIDCScopeValue.OPENID), clientId, redirectUri)
                    .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                    .acrValues(List.of(new ACR(level.acr())))
                    .customParameter(EidOidcProvider.CONSENT_PARAMETER, consent)
                    .endpointURI(p.metadata().getAuthorizationEndpointURI()).build();
            URI authorize = pusher.push(p, request);
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
            Map<String, List<String>> multi = new LinkedHashMap<>();
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
        String consent = consentRequest(purposeCode, fields, request.getNonce());
        request = new AuthenticationRequest.Builder(request).acrValues(List.of(new ACR(level.acr())))
                .customParameter(EidOidcProvider.CONSENT_PARAMETER, consent).build();
        return pusher.push(connection.provider(), request);
    }

    /** The party's signed consent request for the purpose and fields, bound to the login's nonce. */
    private String consentRequest(String purposeCode, Collection<CitizenField> fields, Nonce nonce) {
        return consentSigner.request(purposeCode, fields).nonce(nonce.getValue()).ttl(ConsentRequestSigner.MAX_TTL)
                .sign().compactJws();
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
            return connection.privateKeyJwt().getClientAssertion().serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion: " + e.getMessage(), e);
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
        try {
            ProviderConnection.Provider p = connection.provider();
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
                return new LoginRefused(reason, ProviderErrors.describe(error));
            }
            AuthorizationSuccessResponse success = (AuthorizationSuccessResponse) response;
            if (success.getAuthorizationCode() == null) {
                return new LoginRefused(LoginRefusal.MALFORMED, "callback without code");
            }
            return idTokens.validate(p, session, tokens.exchange(p, session, success.getAuthorizationCode()));
        } catch (LoginRefusedException e) {
            return e.refusal();
        }
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
        return IdTokenChecks.accept(claims, required, idToken);
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
            this.issuer = once(this.issuer, issuer, "issuer");
            return this;
        }

        /**
         * Required: the client id (the party id registered with the provider).
         *
         * @param clientId the id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = once(this.clientId, clientId, "clientId");
            return this;
        }

        /**
         * Required: the party's registered ES256 signing key (client assertions, consent requests, request objects).
         *
         * @param key the key
         * @return this builder
         */
        public Builder signingKey(SigningKey key) {
            this.key = once(this.key, key, "signingKey");
            return this;
        }

        /**
         * Required: the registered redirect URI this client's callback listens on.
         *
         * @param uri the URI
         * @return this builder
         */
        public Builder redirectUri(URI uri) {
            this.redirectUri = once(this.redirectUri, uri, "redirectUri");
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
            this.tls = once(this.tls, context, "tlsClientAuthentication");
            return this;
        }

        /**
         * Sends the authorization request as a signed request object (RFC 9101, ES256, {@code typ}
         * {@code oauth-authz-req+jwt}) inside the pushed request.
         *
         * @return this builder
         */
        public Builder signedRequestObject() {
            once(signedRequestObject, "signedRequestObject");
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
            this.clock = once(this.clock, clock, "clock");
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
