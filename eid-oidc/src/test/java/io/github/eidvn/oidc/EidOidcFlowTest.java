package io.github.eidvn.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.assurance.InMemoryPopulationRegistry;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.core.spi.StateStoreException;
import io.github.eidvn.testing.ForwardingStateStore;
import io.github.eidvn.oidc.client.EidOidcClient;
import io.github.eidvn.oidc.client.LoggedIn;
import io.github.eidvn.oidc.client.LoginRefusal;
import io.github.eidvn.oidc.client.LoginRefused;
import io.github.eidvn.oidc.client.LoginResult;
import io.github.eidvn.oidc.client.LoginSession;
import io.github.eidvn.oidc.client.LoginStart;
import io.github.eidvn.oidc.client.LoginStarted;
import io.github.eidvn.oidc.provider.AuthorizationStep;
import io.github.eidvn.oidc.provider.EidOidcProvider;
import io.github.eidvn.oidc.provider.OidcClientRegistration;
import io.github.eidvn.oidc.provider.OidcEndpoints;
import io.github.eidvn.testing.ConsentFixtures;

/**
 * The provider core and the client over real HTTP on loopback (discovery, JWKS, PAR and token endpoints); the
 * integrator's page steps are called directly.
 */
class EidOidcFlowTest {

    private static final URI REDIRECT = URI.create("https://bank.example.vn/login/callback");
    private static final Set<CitizenField> FIELDS = EnumSet.of(CitizenField.NAME, CitizenField.BIRTHDATE,
            CitizenField.PERSONAL_NUMBER);
    private static final PersonalNumber CITIZEN = PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER);

    private final ConsentFixtures.Party bank = ConsentFixtures.bank();
    private final AtomicBoolean tamperTokens = new AtomicBoolean();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private HttpServer server;
    private URI issuer;
    private EidOidcProvider provider;
    private ConsentLedger ledger;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        issuer = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        KeyRing keys = KeyRing.generate();
        CitizenReferences references = CitizenReferences.generate();
        StateStore store = new ForwardingStateStore(InMemoryStateStore.create()) {
            @Override
            public Optional<byte[]> get(String key) {
                check();
                return super.get(key);
            }

            @Override
            public void put(String key, byte[] value, Duration ttl) {
                check();
                super.put(key, value, ttl);
            }

            @Override
            public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
                check();
                return super.putIfAbsent(key, value, ttl);
            }

            @Override
            public Optional<byte[]> consume(String key) {
                check();
                return super.consume(key);
            }

            private void check() {
                if (storeDown.get()) {
                    throw new StateStoreException("down (test)", null);
                }
            }
        };
        ledger = ConsentLedger.builder().store(store).references(references).build();
        provider = EidOidcProvider.builder().issuer(issuer).keyRing(keys).stateStore(store)
                .parties(ConsentFixtures.registry(bank))
                .client(OidcClientRegistration.of(bank.party().id(), List.of(REDIRECT)))
                .receipts(ConsentReceiptIssuer.builder().issuer(issuer.toString()).keyRing(keys)
                        .references(references).build())
                .ledger(ledger).references(references)
                .population(InMemoryPopulationRegistry.of(ConsentFixtures.profile())).build();
        for (Map.Entry<String, HttpHandler> e : OidcEndpoints.handlers(provider).entrySet()) {
            HttpContext ctx = server.createContext(e.getKey(), e.getValue());
            if (e.getKey().equals(EidOidcProvider.TOKEN_PATH)) {
                ctx.getFilters().add(new TamperIdToken());
            }
        }
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private EidOidcClient.Builder clientBuilder() {
        return EidOidcClient.builder().issuer(issuer).clientId(bank.party().id()).signingKey(bank.signingKey())
                .redirectUri(REDIRECT);
    }

    private LoginStarted started(EidOidcClient client, AssuranceLevel level) {
        LoginStart start = client.start("bank-ekyc", FIELDS, level);
        assertThat(start).isInstanceOf(LoginStarted.class);
        return (LoginStarted) start;
    }

    /** The integrator's pages: begin, the citizen authenticates at {@code reached}, consents to all fields. */
    private URI approve(LoginStarted started, AssuranceLevel reached) {
        Map<String, List<String>> q = com.nimbusds.oauth2.sdk.util.URLUtils
                .parseParameters(started.authorizationUri().getRawQuery());
        AuthorizationStep step = provider.begin(q.get("client_id").get(0), q.get("request_uri").get(0));
        assertThat(step).isInstanceOf(AuthorizationStep.Authenticate.class);
        var auth = ((AuthorizationStep.Authenticate) step).authorization();
        assertThat(auth.fields()).isEqualTo(FIELDS);
        assertThat(auth.purpose().code()).isEqualTo("bank-ekyc");
        List<String> amr = reached == AssuranceLevel.LEVEL_2 ? List.of("swk", "face") : List.of("pwd", "otp");
        step = provider.authenticated(auth.transactionId(), CITIZEN, reached, amr,
                List.of(Evidence.of("electronic_record", "bvr")));
        if (step instanceof AuthorizationStep.Redirect r) {
            return r.location();
        }
        assertThat(step).isInstanceOf(AuthorizationStep.Consent.class);
        step = provider.consent(auth.transactionId(), FIELDS);
        assertThat(step).isInstanceOf(AuthorizationStep.Redirect.class);
        return ((AuthorizationStep.Redirect) step).location();
    }

    @Test
    void login_levelTwo_verifiedClaimsLevelMethodsAndReceipt() {
        EidOidcClient client = clientBuilder().build();
        LoginStarted s = started(client, AssuranceLevel.LEVEL_2);
        LoginResult result = client.finish(s.session(), approve(s, AssuranceLevel.LEVEL_2));

        assertThat(result).isInstanceOf(LoggedIn.class);
        LoggedIn in = (LoggedIn) result;
        assertThat(in.level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(in.methods()).containsExactly("swk", "face");
        assertThat(in.claims().fields()).isEqualTo(FIELDS);
        assertThat(in.claims().name()).contains("Nguyễn Thị Minh Khai");
        assertThat(in.claims().personalNumber()).contains(CITIZEN);
        assertThat(in.subject()).hasSize(43).doesNotContain(CITIZEN.value());
        assertThat(ledger.check(in.receiptId(), bank.party().id(), java.time.Instant.now()).status())
                .isEqualTo(io.github.eidvn.core.consent.ReceiptState.Status.ACTIVE);
        assertThat(in.toString()).doesNotContain("Nguyễn");
        assertThat(ledger.list(CITIZEN).get(0).receipt().citizenRef()).isEqualTo(in.subject());
    }

    @Test
    void login_signedRequestObject_accepted() {
        EidOidcClient client = clientBuilder().signedRequestObject().build();
        LoginStarted s = started(client, AssuranceLevel.LEVEL_1);
        LoginResult result = client.finish(s.session(), approve(s, AssuranceLevel.LEVEL_2));
        assertThat(result).isInstanceOf(LoggedIn.class);
        assertThat(((LoggedIn) result).level()).isEqualTo(AssuranceLevel.LEVEL_2);
    }

    @Test
    void login_twiceSameCitizen_samePairwiseSubject() {
        EidOidcClient client = clientBuilder().build();
        LoginStarted a = started(client, AssuranceLevel.LEVEL_1);
        LoggedIn first = (LoggedIn) client.finish(a.session(), approve(a, AssuranceLevel.LEVEL_1));
        LoginStarted b = started(client, AssuranceLevel.LEVEL_1);
        LoggedIn second = (LoggedIn) client.finish(b.session(), approve(b, AssuranceLevel.LEVEL_1));
        assertThat(second.subject()).isEqualTo(first.subject());
        assertThat(second.receiptId()).isNotEqualTo(first.receiptId());
    }

    @Test
    void levelTwoAskedOfLevelOneCitizen_refusedWithUnmetAuthenticationRequirements() {
        EidOidcClient client = clientBuilder().build();
        LoginStarted s = started(client, AssuranceLevel.LEVEL_2);
        URI callback = approve(s, AssuranceLevel.LEVEL_1);
        assertThat(callback.getRawQuery()).contains("error=unmet_authentication_requirements");
        LoginResult result = client.finish(s.session(), callback);
        assertThat(result).isInstanceOf(LoginRefused.class);
        assertThat(((LoginRefused) result).reason()).isEqualTo(LoginRefusal.LEVEL_NOT_MET);
    }

    @Test
    void code_reused_refusedByTokenEndpoint() {
        EidOidcClient client = clientBuilder().build();
        LoginStarted s = started(client, AssuranceLevel.LEVEL_2);
        URI callback = approve(s, AssuranceLevel.LEVEL_2);
        assertThat(client.finish(s.session(), callback)).isInstanceOf(LoggedIn.class);
        LoginResult again = client.finish(s.session(), callback);
        assertThat(again).isInstanceOf(LoginRefused.class);
        assertThat(((LoginRefused) again).reason()).isEqualTo(LoginRefusal.TOKEN_REFUSED);
        assertThat(((LoginRefused) again).detail()).startsWith("invalid_grant");
    }

    @Test
    void wrongNonce_refusedWithNonceMismatch() {
        EidOidcClient client = clientBuilder().build();
        LoginStarted a = started(client, AssuranceLevel.LEVEL_2);
        LoginStarted b = started(client, AssuranceLevel.LEVEL_2);
        URI callbackA = approve(a, AssuranceLevel.LEVEL_2);
        // session A, but with B's nonce: the ID token of A must not be accepted for it
        String nonceB = (String) parse(b.session().toJson()).get("nonce");
        Map<String, Object> m = parse(a.session().toJson());
        m.put("nonce", nonceB);
        LoginSession tampered = LoginSession.fromJson(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(m));
        LoginResult result = client.finish(tampered, callbackA);
        assertThat(result).isInstanceOf(LoginRefused.class);
        assertThat(((LoginRefused) result).reason()).isEqualTo(LoginRefusal.NONCE_MISMATCH);
    }

    @Test
    void tamperedIdToken_refusedWithBadSignature() {
        EidOidcClient client = clientBuilder().build();
        LoginStarted s = started(client, AssuranceLevel.LEVEL_2);
        URI callback = approve(s, AssuranceLevel.LEVEL_2);
        tamperTokens.set(true);
        LoginResult result = client.finish(s.session(), callback);
        assertThat(result).isInstanceOf(LoginRefused.class);
        assertThat(((LoginRefused) result).reason()).isEqualTo(LoginRefusal.BAD_SIGNATURE);
    }

    @Test
    void stateOfAnotherLogin_refusedWithStateMismatch() {
        EidOidcClient client = clientBuilder().build();
        LoginStarted a = started(client, AssuranceLevel.LEVEL_1);
        LoginStarted b = started(client, AssuranceLevel.LEVEL_1);
        LoginResult result = client.finish(b.session(), approve(a, AssuranceLevel.LEVEL_1));
        assertThat(((LoginRefused) result).reason()).isEqualTo(LoginRefusal.STATE_MISMATCH);
    }

    @Test
    void consentWithdrawnBeforeTokenExchange_tokenRefused() {
        EidOidcClient client = clientBuilder().build();
        LoginStarted s = started(client, AssuranceLevel.LEVEL_1);
        URI callback = approve(s, AssuranceLevel.LEVEL_1);
        var entries = ledger.list(CITIZEN);
        assertThat(entries).hasSize(1);
        ledger.withdraw(CITIZEN, entries.get(0).receipt().id());
        LoginResult result = client.finish(s.session(), callback);
        assertThat(((LoginRefused) result).reason()).isEqualTo(LoginRefusal.TOKEN_REFUSED);
        assertThat(((LoginRefused) result).detail()).contains("withdrawn");
    }

    @Test
    void stateStoreDown_everyStepFailsClosed() {
        EidOidcClient client = clientBuilder().build();
        LoginStarted s = started(client, AssuranceLevel.LEVEL_2);
        URI callback = approve(s, AssuranceLevel.LEVEL_2);
        LoginStarted pending = started(client, AssuranceLevel.LEVEL_2);
        storeDown.set(true);

        LoginStart start = client.start("bank-ekyc", FIELDS, AssuranceLevel.LEVEL_2);
        assertThat(((LoginRefused) start).reason()).isEqualTo(LoginRefusal.PROVIDER_UNAVAILABLE);
        Map<String, List<String>> q = com.nimbusds.oauth2.sdk.util.URLUtils
                .parseParameters(pending.authorizationUri().getRawQuery());
        assertThat(provider.begin(q.get("client_id").get(0), q.get("request_uri").get(0))).isEqualTo(
                new AuthorizationStep.Refused(io.github.eidvn.oidc.provider.ProviderRefusal.UNAVAILABLE));
        LoginResult result = client.finish(s.session(), callback);
        assertThat(((LoginRefused) result).reason()).isEqualTo(LoginRefusal.PROVIDER_UNAVAILABLE);

        storeDown.set(false);
        assertThat(client.finish(s.session(), callback)).isInstanceOf(LoggedIn.class);
    }

    // --------------------------------------------------------------------------- raw PAR, with Nimbus directly

    private PrivateKeyJWT assertion() throws Exception {
        ECKey key = ECKey.parse(bank.signingKey().privateJwkJson());
        return new PrivateKeyJWT(new ClientID(bank.party().id()), issuer, JWSAlgorithm.ES256, key.toECPrivateKey(),
                key.getKeyID(), null);
    }

    private HTTPResponse rawPar(PrivateKeyJWT auth, URI redirect, Consumer<AuthenticationRequest.Builder> tweak)
            throws Exception {
        Nonce nonce = new Nonce();
        String consent = ConsentRequestSigner.builder().partyId(bank.party().id()).signingKey(bank.signingKey())
                .audience(issuer.toString()).build().request("bank-ekyc", FIELDS).nonce(nonce.getValue()).sign()
                .compactJws();
        AuthenticationRequest.Builder b = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
                new ClientID(bank.party().id()), redirect).nonce(nonce)
                .customParameter(EidOidcProvider.CONSENT_PARAMETER, consent)
                .endpointURI(provider.authorizationEndpoint());
        tweak.accept(b);
        return new PushedAuthorizationRequest(URI.create(issuer + EidOidcProvider.PAR_PATH), auth, b.build())
                .toHTTPRequest().send();
    }

    private static final Consumer<AuthenticationRequest.Builder> PKCE = b -> b.codeChallenge(new CodeVerifier(),
            CodeChallengeMethod.S256);

    @Test
    void par_wellFormedWithNimbusMadeAssertion_created() throws Exception {
        HTTPResponse r = rawPar(assertion(), REDIRECT, PKCE);
        assertThat(r.getStatusCode()).isEqualTo(201);
        assertThat(r.getBodyAsJSONObject().get("request_uri").toString())
                .startsWith("urn:ietf:params:oauth:request_uri:");
    }

    @Test
    void par_withoutPkce_refusedWithInvalidRequest() throws Exception {
        HTTPResponse r = rawPar(assertion(), REDIRECT, b -> { });
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getBodyAsJSONObject().get("error")).isEqualTo("invalid_request");
        assertThat(r.getBodyAsJSONObject().get("error_description").toString()).contains("PKCE");
    }

    @Test
    void par_plainPkce_refused() throws Exception {
        HTTPResponse r = rawPar(assertion(), REDIRECT,
                b -> b.codeChallenge(new CodeVerifier(), CodeChallengeMethod.PLAIN));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getBodyAsJSONObject().get("error_description").toString()).contains("S256");
    }

    @Test
    void par_unregisteredRedirectUri_refused() throws Exception {
        HTTPResponse r = rawPar(assertion(), URI.create("https://attacker.example/cb"), PKCE);
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getBodyAsJSONObject().get("error_description").toString()).contains("redirect_uri");
    }

    @Test
    void par_replayedClientAssertion_refusedWithInvalidClient() throws Exception {
        PrivateKeyJWT once = assertion();
        assertThat(rawPar(once, REDIRECT, PKCE).getStatusCode()).isEqualTo(201);
        HTTPResponse replay = rawPar(once, REDIRECT, PKCE);
        assertThat(replay.getStatusCode()).isEqualTo(401);
        assertThat(replay.getBodyAsJSONObject().get("error")).isEqualTo("invalid_client");
    }

    @Test
    void par_assertionSignedByAnotherKey_refusedWithInvalidClient() throws Exception {
        ECKey other = ECKey.parse(io.github.eidvn.core.keys.SigningKey.generate().privateJwkJson());
        PrivateKeyJWT forged = new PrivateKeyJWT(new ClientID(bank.party().id()), issuer, JWSAlgorithm.ES256,
                other.toECPrivateKey(), other.getKeyID(), null);
        HTTPResponse r = rawPar(forged, REDIRECT, PKCE);
        assertThat(r.getStatusCode()).isEqualTo(401);
    }

    @Test
    void par_requestObjectSignedByAnotherKey_refusedWithInvalidRequestObject() throws Exception {
        AuthenticationRequest inner = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
                new ClientID(bank.party().id()), REDIRECT).nonce(new Nonce())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).build();
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder(inner.toJWTClaimsSet())
                .issuer(bank.party().id()).audience(issuer.toString())
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000)).build();
        ECKey other = ECKey.parse(io.github.eidvn.core.keys.SigningKey.generate().privateJwkJson());
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.ES256).keyID(other.getKeyID()).build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.ECDSASigner(other));
        HTTPResponse r = new PushedAuthorizationRequest(URI.create(issuer + EidOidcProvider.PAR_PATH), assertion(),
                new AuthenticationRequest.Builder(jwt, new ClientID(bank.party().id())).build()).toHTTPRequest()
                .send();
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getBodyAsJSONObject().get("error")).isEqualTo("invalid_request_object");
    }

    @Test
    void consent_fieldNotRequested_throwsAndKeepsTransaction() {
        EidOidcClient client = clientBuilder().build();
        LoginStarted s = started(client, AssuranceLevel.LEVEL_1);
        Map<String, List<String>> q = com.nimbusds.oauth2.sdk.util.URLUtils
                .parseParameters(s.authorizationUri().getRawQuery());
        var auth = ((AuthorizationStep.Authenticate) provider.begin(q.get("client_id").get(0),
                q.get("request_uri").get(0))).authorization();
        provider.authenticated(auth.transactionId(), CITIZEN, AssuranceLevel.LEVEL_1, List.of("pwd"), List.of());
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.consent(auth.transactionId(), EnumSet.of(CitizenField.RELIGION)));
        assertThat(provider.consent(auth.transactionId(), FIELDS)).isInstanceOf(AuthorizationStep.Redirect.class);
    }

    @Test
    void authorize_unknownRequestUri_refusedWithoutRedirect() {
        AuthorizationStep step = provider.begin(bank.party().id(),
                "urn:ietf:params:oauth:request_uri:not-issued-by-this-provider");
        assertThat(step).isEqualTo(new AuthorizationStep.Refused(
                io.github.eidvn.oidc.provider.ProviderRefusal.UNKNOWN_REQUEST));
    }

    @Test
    void discovery_advertisesParPkceLevelsAndVerifiedClaims() throws Exception {
        var m = com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata.parse(provider.discoveryJson());
        assertThat(m.requiresPushedAuthorizationRequests()).isTrue();
        assertThat(m.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
        assertThat(m.getACRs()).extracting(Object::toString)
                .containsExactly(EidOidcProvider.ACR_LOA1, EidOidcProvider.ACR_LOA2);
        assertThat(m.supportsVerifiedClaims()).isTrue();
        assertThat(m.getIdentityTrustFrameworks()).extracting(Object::toString).containsExactly("vn_eid");
    }

    private static Map<String, Object> parse(String json) {
        try {
            return com.nimbusds.jose.util.JSONObjectUtils.parse(json);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Flips one character of the ID token's payload in the token response, keeping its length. */
    private final class TamperIdToken extends Filter {
        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            if (tamperTokens.get()) {
                OutputStream raw = exchange.getResponseBody();
                exchange.setStreams(null, new FilterOutputStream(new ByteArrayOutputStream()) {
                    private final ByteArrayOutputStream buf = (ByteArrayOutputStream) out;

                    @Override
                    public void close() throws IOException {
                        String body = buf.toString(StandardCharsets.UTF_8);
                        int at = body.indexOf("\"id_token\":\"");
                        int dot = body.indexOf('.', at);
                        int i = dot + 12;
                        char c = body.charAt(i);
                        String tampered = body.substring(0, i) + (c == 'A' ? 'B' : 'A') + body.substring(i + 1);
                        raw.write(tampered.getBytes(StandardCharsets.UTF_8));
                        raw.close();
                    }
                });
            }
            chain.doFilter(exchange);
        }

        @Override
        public String description() {
            return "tampers with ID tokens";
        }
    }
}
