package io.github.eidvn.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.SelfSignedTLSClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

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
import io.github.eidvn.oidc.client.EidOidcClient;
import io.github.eidvn.oidc.client.LoggedIn;
import io.github.eidvn.oidc.client.LoginRefusal;
import io.github.eidvn.oidc.client.LoginRefused;
import io.github.eidvn.oidc.client.LoginResult;
import io.github.eidvn.oidc.client.LoginStart;
import io.github.eidvn.oidc.client.LoginStarted;
import io.github.eidvn.oidc.provider.AuthorizationStep;
import io.github.eidvn.oidc.provider.EidOidcProvider;
import io.github.eidvn.oidc.provider.OidcClientRegistration;
import io.github.eidvn.oidc.provider.OidcEndpoints;
import io.github.eidvn.oidc.provider.TlsClientAuthentication;
import io.github.eidvn.testing.ConsentFixtures;

/**
 * Mutual-TLS client authentication (RFC 8705) at the PAR and token endpoints over a loopback HTTPS server. Keys and
 * certificates are made by the JDK's {@code keytool}; the client side is the Nimbus SDK's own TLS client
 * authentication.
 */
class MutualTlsClientAuthTest {

    private static final URI REDIRECT = URI.create("https://bank.example.vn/login/callback");
    private static final Set<CitizenField> FIELDS = EnumSet.of(CitizenField.NAME);
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final String BANK_DN = "CN=bank.example.vn, O=Sandbox Bank, C=VN";

    @TempDir
    static Path dir;
    private static KeyStore serverKeys;
    private static KeyStore bankKeys;
    private static KeyStore otherKeys;

    private final ConsentFixtures.Party bank = ConsentFixtures.bank();
    private HttpsServer server;
    private URI issuer;
    private EidOidcProvider provider;

    @BeforeAll
    static void certificates() throws Exception {
        serverKeys = keytool("server", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
        bankKeys = keytool("bank", BANK_DN, null);
        otherKeys = keytool("other", BANK_DN, null); // same subject, another key: not the registered certificate
    }

    private static KeyStore keytool(String name, String dn, String san) throws Exception {
        Path file = dir.resolve(name + ".p12");
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", dn, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        if (san != null) {
            cmd.addAll(List.of("-ext", san));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    private static X509Certificate certificate(KeyStore ks) throws Exception {
        return (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
    }

    private static KeyStore trusting(KeyStore... stores) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (KeyStore ks : stores) {
            trust.setCertificateEntry("c" + i++, certificate(ks));
        }
        return trust;
    }

    private static SSLContext tls(KeyStore keys, KeyStore trust) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keys == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** A provider on HTTPS that asks clients for a certificate; the TLS layer accepts both test client certificates. */
    private void start(TlsClientAuthentication tls) throws Exception {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        SSLContext ctx = tls(serverKeys, trusting(bankKeys, otherKeys));
        server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ctx.getDefaultSSLParameters();
                p.setWantClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        issuer = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        KeyRing keys = KeyRing.generate();
        CitizenReferences references = CitizenReferences.generate();
        InMemoryStateStore store = InMemoryStateStore.create();
        provider = EidOidcProvider.builder().issuer(issuer).keyRing(keys).stateStore(store)
                .parties(ConsentFixtures.registry(bank))
                .client(new OidcClientRegistration(bank.party().id(), Set.of(REDIRECT))
                        .withTlsClientAuthentication(tls))
                .receipts(ConsentReceiptIssuer.builder().issuer(issuer.toString()).keyRing(keys)
                        .references(references).build())
                .ledger(ConsentLedger.builder().store(store).references(references).build()).references(references)
                .population(InMemoryPopulationRegistry.of(ConsentFixtures.profile())).build();
        OidcEndpoints.mount(server, provider, "");
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private ClientAuthentication tlsAuth(KeyStore clientKeys) throws Exception {
        return new SelfSignedTLSClientAuthentication(new ClientID(bank.party().id()),
                tls(clientKeys, trusting(serverKeys)).getSocketFactory());
    }

    private HTTPResponse push(ClientAuthentication auth, Nonce nonce, CodeVerifier verifier, KeyStore clientKeys)
            throws Exception {
        String consent = ConsentRequestSigner.builder().partyId(bank.party().id()).signingKey(bank.signingKey())
                .audience(issuer.toString()).build().request("bank-ekyc", FIELDS).nonce(nonce.getValue()).sign()
                .compactJws();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
                new ClientID(bank.party().id()), REDIRECT).state(new State()).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).acrValues(List.of(new ACR(EidOidcProvider.ACR_LOA2)))
                .customParameter(EidOidcProvider.CONSENT_PARAMETER, consent).build();
        HTTPRequest http = new PushedAuthorizationRequest(URI.create(issuer + EidOidcProvider.PAR_PATH), auth,
                request).toHTTPRequest();
        // the certificate goes with the connection: PrivateKeyJWT sets no socket factory, so give it the TLS one
        http.setSSLSocketFactory(tls(clientKeys, trusting(serverKeys)).getSocketFactory());
        return http.send();
    }

    @Test
    void selfSignedTlsClientAuth_registeredCertificate_parAndTokenAccepted() throws Exception {
        start(TlsClientAuthentication.selfSigned(certificate(bankKeys)));
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        HTTPResponse par = push(tlsAuth(bankKeys), nonce, verifier, bankKeys);
        assertThat(par.getStatusCode()).as(par.getBody()).isEqualTo(201);
        URI requestUri = PushedAuthorizationResponse.parse(par).toSuccessResponse().getRequestURI();

        AuthorizationStep step = provider.begin(bank.party().id(), requestUri.toString());
        var auth = ((AuthorizationStep.Authenticate) step).authorization();
        step = provider.authenticated(auth.transactionId(), PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER),
                AssuranceLevel.LEVEL_2, List.of("swk", "face"), List.of(Evidence.of("electronic_record", "bvr")));
        step = provider.consent(auth.transactionId(), FIELDS);
        URI callback = ((AuthorizationStep.Redirect) step).location();
        Map<String, List<String>> q = URLUtils.parseParameters(callback.getRawQuery());

        HTTPRequest token = new TokenRequest.Builder(URI.create(issuer + EidOidcProvider.TOKEN_PATH),
                tlsAuth(bankKeys), new AuthorizationCodeGrant(new AuthorizationCode(q.get("code").get(0)), REDIRECT,
                        verifier)).build().toHTTPRequest();
        HTTPResponse response = token.send();
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        OIDCTokenResponse tokens = (OIDCTokenResponse) OIDCTokenResponseParser.parse(response).toSuccessResponse();
        assertThat(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getStringClaim("acr"))
                .isEqualTo(EidOidcProvider.ACR_LOA2);
        assertThat(provider.discoveryJson()).contains("\"self_signed_tls_client_auth\"")
                .doesNotContain("\"private_key_jwt\"");
    }

    @Test
    void eidOidcClient_withTlsClientAuthentication_logsInOverHttps() throws Exception {
        start(TlsClientAuthentication.pki(BANK_DN));
        EidOidcClient client = EidOidcClient.builder().issuer(issuer).clientId(bank.party().id())
                .signingKey(bank.signingKey()).redirectUri(REDIRECT)
                .tlsClientAuthentication(tls(bankKeys, trusting(serverKeys))).build();
        LoginStart start = client.start("bank-ekyc", FIELDS, AssuranceLevel.LEVEL_2);
        assertThat(start).as(start.toString()).isInstanceOf(LoginStarted.class);
        LoginStarted s = (LoginStarted) start;
        Map<String, List<String>> q = URLUtils.parseParameters(s.authorizationUri().getRawQuery());
        AuthorizationStep step = provider.begin(bank.party().id(), q.get("request_uri").get(0));
        var auth = ((AuthorizationStep.Authenticate) step).authorization();
        provider.authenticated(auth.transactionId(), PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER),
                AssuranceLevel.LEVEL_2, List.of("swk", "face"), List.of(Evidence.of("electronic_record", "bvr")));
        step = provider.consent(auth.transactionId(), FIELDS);
        LoginResult result = client.finish(s.session(), ((AuthorizationStep.Redirect) step).location());
        assertThat(result).as(result.toString()).isInstanceOf(LoggedIn.class);
        assertThat(((LoggedIn) result).level()).isEqualTo(AssuranceLevel.LEVEL_2);

        EidOidcClient withoutCertificate = EidOidcClient.builder().issuer(issuer).clientId(bank.party().id())
                .signingKey(bank.signingKey()).redirectUri(REDIRECT)
                .tlsClientAuthentication(tls(null, trusting(serverKeys))).build();
        LoginStart refused = withoutCertificate.start("bank-ekyc", FIELDS, AssuranceLevel.LEVEL_2);
        assertThat(refused).isInstanceOf(LoginRefused.class);
        assertThat(((LoginRefused) refused).reason()).isEqualTo(LoginRefusal.REQUEST_REFUSED);
    }

    @Test
    void selfSignedTlsClientAuth_anotherCertificateWithTheSameSubject_refusedAsInvalidClient() throws Exception {
        start(TlsClientAuthentication.selfSigned(certificate(bankKeys)));
        HTTPResponse par = push(tlsAuth(otherKeys), new Nonce(), new CodeVerifier(), otherKeys);
        assertThat(par.getStatusCode()).isEqualTo(401);
        assertThat(par.getBody()).contains("invalid_client").contains("client certificate refused");
    }

    @Test
    void tlsClientAuth_noCertificateOrPrivateKeyJwtInstead_refusedAsInvalidClient() throws Exception {
        start(TlsClientAuthentication.pki(BANK_DN));
        HTTPResponse none = push(new SelfSignedTLSClientAuthentication(new ClientID(bank.party().id()),
                tls(null, trusting(serverKeys)).getSocketFactory()), new Nonce(), new CodeVerifier(), null);
        assertThat(none.getStatusCode()).isEqualTo(401);
        assertThat(none.getBody()).contains("invalid_client");

        PrivateKeyJWT jwt = new PrivateKeyJWT(new ClientID(bank.party().id()),
                URI.create(issuer + EidOidcProvider.PAR_PATH), com.nimbusds.jose.JWSAlgorithm.ES256,
                com.nimbusds.jose.jwk.ECKey.parse(bank.signingKey().privateJwkJson()).toECPrivateKey(), null, null);
        HTTPResponse withJwt = push(jwt, new Nonce(), new CodeVerifier(), null);
        assertThat(withJwt.getStatusCode()).isEqualTo(401);
        assertThat(withJwt.getBody()).contains("tls_client_auth is required");
    }

    @Test
    void tlsClientAuth_subjectMatches_parAccepted_otherSubjectRefused() throws Exception {
        start(TlsClientAuthentication.pki(BANK_DN));
        HTTPResponse ok = push(tlsAuth(bankKeys), new Nonce(), new CodeVerifier(), bankKeys);
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(201);
        stop();
        start(TlsClientAuthentication.pki("CN=another.example.vn, O=Another, C=VN"));
        HTTPResponse other = push(tlsAuth(bankKeys), new Nonce(), new CodeVerifier(), bankKeys);
        assertThat(other.getStatusCode()).isEqualTo(401);
    }

    @Test
    void registration_wrongIdentificationForMethod_rejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TlsClientAuthentication(
                TlsClientAuthentication.TLS_CLIENT_AUTH, Set.of("x"), null))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TlsClientAuthentication.selfSigned())
                .isInstanceOf(IllegalArgumentException.class);
    }

}
