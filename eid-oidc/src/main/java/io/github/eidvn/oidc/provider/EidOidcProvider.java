package io.github.eidvn.oidc.provider;

import static io.github.eidvn.core.internal.Once.once;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.assurance.PopulationRegistry;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.RelyingPartyRegistry;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.spi.StateStore;

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

    private final Issuer issuer;
    private final KeyRing keys;
    private final Map<String, OidcClientRegistration> clients;
    private final Discovery discovery;
    private final PushedAuthorizations pushedAuthorizations;
    private final AuthorizationSteps steps;
    private final TokenEndpoint tokenEndpoint;

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
        this.keys = b.keys;
        this.clients = Map.copyOf(b.clients);
        Clock clock = b.clock == null ? Clock.systemUTC() : b.clock;
        ConsentRequestVerifier consentRequests = ConsentRequestVerifier.builder().registry(b.parties)
                .audience(issuer.getValue()).clock(clock).build();
        for (OidcClientRegistration c : clients.values()) {
            if (b.parties.find(c.clientId()).isEmpty()) {
                throw new IllegalStateException("client " + c.clientId() + " is not a registered party");
            }
        }
        this.discovery = new Discovery(issuer, b.authorizationEndpoint, clients.values());
        ProviderStore store = new ProviderStore(b.store, b.prefix == null ? "eid:oidc:" : b.prefix);
        ClientAuthenticator clientAuthenticator = new ClientAuthenticator(clients, b.parties, store, clock, issuer,
                discovery.endpoint(TOKEN_PATH), discovery.endpoint(PAR_PATH));
        this.pushedAuthorizations = new PushedAuthorizations(issuer, clients, clientAuthenticator, consentRequests,
                store);
        this.steps = new AuthorizationSteps(issuer, store, consentRequests, b.receipts, b.ledger,
                b.consentValidity == null ? Duration.ofDays(30) : b.consentValidity, clock);
        this.tokenEndpoint = new TokenEndpoint(clientAuthenticator, store, b.ledger, b.population,
                new IdTokens(issuer, keys, b.references, clock), clock);
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
        return discovery.authorizationEndpoint();
    }

    // ------------------------------------------------------------------------------------------------ documents

    /**
     * The discovery document (OpenID Connect Discovery 1.0, with RFC 9126 and RFC 9207 members and the Identity
     * Assurance ones).
     *
     * @return the JSON
     */
    public String discoveryJson() {
        return discovery.json();
    }

    /**
     * The public JWKS that verifies ID tokens.
     *
     * @return the JSON
     */
    public String jwksJson() {
        return keys.publicJwksJson();
    }

    // ------------------------------------------------------------------------------------------------ endpoints

    /** The PAR endpoint ({@link PushedAuthorizations}). */
    HTTPResponse pushedAuthorization(HTTPRequest httpRequest) {
        return pushedAuthorizations.handle(httpRequest);
    }

    /** The token endpoint ({@link TokenEndpoint}). */
    HTTPResponse token(HTTPRequest httpRequest) {
        return tokenEndpoint.handle(httpRequest);
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
        return steps.begin(clientId, requestUri);
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
        return steps.authenticated(transactionId, citizen, level, methods, evidence);
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
        return steps.consent(transactionId, granted);
    }

    /**
     * Step 3, the other answer: the citizen declines (or cancels the login); the client receives
     * {@code access_denied}.
     *
     * @param transactionId the transaction id
     * @return a {@link AuthorizationStep.Redirect} with {@code access_denied}, or {@link AuthorizationStep.Refused}
     */
    public AuthorizationStep decline(String transactionId) {
        return steps.decline(transactionId);
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
            this.authorizationEndpoint = once(this.authorizationEndpoint, uri, "authorizationEndpoint");
            return this;
        }

        /**
         * Required: the keys that sign ID tokens (the current one signs; all are published).
         *
         * @param keys the key ring
         * @return this builder
         */
        public Builder keyRing(KeyRing keys) {
            this.keys = once(this.keys, keys, "keyRing");
            return this;
        }

        /**
         * Required: where request URIs, transactions, codes and used client-assertion ids live.
         *
         * @param store the store
         * @return this builder
         */
        public Builder stateStore(StateStore store) {
            this.store = once(this.store, store, "stateStore");
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
            this.parties = once(this.parties, parties, "parties");
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
            this.receipts = once(this.receipts, receipts, "receipts");
            return this;
        }

        /**
         * Required: the ledger where receipts are recorded and checked.
         *
         * @param ledger the ledger
         * @return this builder
         */
        public Builder ledger(ConsentLedger ledger) {
            this.ledger = once(this.ledger, ledger, "ledger");
            return this;
        }

        /**
         * Required: the pairwise references (the same secret as the receipt issuer's), which give {@code sub}.
         *
         * @param references the references
         * @return this builder
         */
        public Builder references(CitizenReferences references) {
            this.references = once(this.references, references, "references");
            return this;
        }

        /**
         * Required: the population registry the consented claims are read from.
         *
         * @param population the registry
         * @return this builder
         */
        public Builder population(PopulationRegistry population) {
            this.population = once(this.population, population, "population");
            return this;
        }

        /**
         * How long a login consent lasts; default 30 days (one minute to the receipt issuer's maximum).
         *
         * @param validity the validity
         * @return this builder
         */
        public Builder consentValidity(Duration validity) {
            this.consentValidity = once(this.consentValidity, validity, "consentValidity");
            return this;
        }

        /**
         * The clock; default UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = once(this.clock, clock, "clock");
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
