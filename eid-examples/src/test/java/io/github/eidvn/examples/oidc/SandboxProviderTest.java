package io.github.eidvn.examples.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.oidc.client.EidOidcClient;
import io.github.eidvn.oidc.client.LoggedIn;
import io.github.eidvn.oidc.client.LoginRefusal;
import io.github.eidvn.oidc.client.LoginRefused;
import io.github.eidvn.oidc.client.LoginResult;
import io.github.eidvn.oidc.client.LoginStarted;

/**
 * The relying-party client against the sandbox provider over real HTTP on loopback, with a scripted browser on the
 * sandbox's pages: PAR → authorize → approve → consent → callback → token → verified claims.
 */
class SandboxProviderTest {

    private static final URI CALLBACK = URI.create("http://127.0.0.1:8081/callback");
    private static final Pattern TX = Pattern.compile("name=tx value=\"([A-Za-z0-9_-]+)\"");

    private final SigningKey bankKey = SigningKey.generate();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private SandboxProvider sandbox;
    private EidOidcClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxProvider.start(0, bankKey, CALLBACK);
        client = EidOidcClient.builder().issuer(sandbox.issuer()).clientId(SandboxProvider.CLIENT_ID)
                .signingKey(bankKey).redirectUri(CALLBACK).build();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private LoginStarted start(AssuranceLevel level) {
        return (LoginStarted) client.start(SandboxProvider.PURPOSE,
                EnumSet.of(CitizenField.NAME, CitizenField.BIRTHDATE, CitizenField.PERSONAL_NUMBER), level);
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(sandbox.issuer().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tx(HttpResponse<String> page) {
        Matcher m = TX.matcher(page.body());
        assertThat(m.find()).as("transaction id on the page").isTrue();
        return m.group(1);
    }

    /** The browser: login page, the "app approval" for a citizen; returns the consent page or the redirect. */
    private HttpResponse<String> approveAs(LoginStarted started, String citizen) throws Exception {
        HttpResponse<String> login = get(started.authorizationUri());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Phê duyệt trên ứng dụng VNeID").contains("Approve in the VNeID app");
        return post("/approve", "tx=" + tx(login) + "&citizen=" + citizen);
    }

    private URI consentAll(HttpResponse<String> consentPage, String action) throws Exception {
        assertThat(consentPage.statusCode()).isEqualTo(200);
        assertThat(consentPage.body()).contains("Đồng ý chia sẻ").contains("Agree and share");
        HttpResponse<String> done = post("/consent", "tx=" + tx(consentPage) + "&action=" + action
                + "&field=name&field=birthdate&field=personal_number");
        assertThat(done.statusCode()).isEqualTo(303);
        return URI.create(done.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void login_levelTwoCitizen_verifiedClaimsAtLevelTwo() throws Exception {
        LoginStarted s = start(AssuranceLevel.LEVEL_2);
        URI callback = consentAll(approveAs(s, "079303012345"), "agree");
        assertThat(callback.toString()).startsWith(CALLBACK + "?");

        LoginResult result = client.finish(s.session(), callback);

        assertThat(result).isInstanceOf(LoggedIn.class);
        LoggedIn in = (LoggedIn) result;
        assertThat(in.level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(in.methods()).contains("face");
        assertThat(in.claims().name()).contains("Nguyễn Thị Minh Khai");
        assertThat(in.claims().birthdate()).hasValueSatisfying(d -> assertThat(d.getYear()).isEqualTo(2003));
        assertThat(in.claims().personalNumber().orElseThrow().value()).isEqualTo("079303012345");
        assertThat(in.receiptId()).isNotBlank();
    }

    @Test
    void levelTwoAskedOfLevelOneCitizen_refusedWithLevelNotMet() throws Exception {
        LoginStarted s = start(AssuranceLevel.LEVEL_2);
        HttpResponse<String> redirect = approveAs(s, "048195004321");
        assertThat(redirect.statusCode()).isEqualTo(303);
        URI callback = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getRawQuery()).contains("error=unmet_authentication_requirements");

        LoginResult result = client.finish(s.session(), callback);

        assertThat(((LoginRefused) result).reason()).isEqualTo(LoginRefusal.LEVEL_NOT_MET);
    }

    @Test
    void levelOneAskedOfLevelOneCitizen_loggedInAtLevelOne() throws Exception {
        LoginStarted s = start(AssuranceLevel.LEVEL_1);
        LoginResult result = client.finish(s.session(), consentAll(approveAs(s, "048195004321"), "agree"));
        assertThat(((LoggedIn) result).level()).isEqualTo(AssuranceLevel.LEVEL_1);
        assertThat(((LoggedIn) result).claims().name()).contains("Lê Hoàng Yến");
    }

    @Test
    void citizenDeclines_refusedWithDenied() throws Exception {
        LoginStarted s = start(AssuranceLevel.LEVEL_1);
        LoginResult result = client.finish(s.session(), consentAll(approveAs(s, "001088001234"), "decline"));
        assertThat(((LoginRefused) result).reason()).isEqualTo(LoginRefusal.DENIED);
    }

    @Test
    void code_reused_refusedByTokenEndpoint() throws Exception {
        LoginStarted s = start(AssuranceLevel.LEVEL_2);
        URI callback = consentAll(approveAs(s, "001088001234"), "agree");
        assertThat(client.finish(s.session(), callback)).isInstanceOf(LoggedIn.class);
        LoginResult again = client.finish(s.session(), callback);
        assertThat(((LoginRefused) again).reason()).isEqualTo(LoginRefusal.TOKEN_REFUSED);
    }

    @Test
    void authorize_requestUriUsedTwice_errorPageInBothLanguages() throws Exception {
        LoginStarted s = start(AssuranceLevel.LEVEL_1);
        assertThat(get(s.authorizationUri()).statusCode()).isEqualTo(200);
        HttpResponse<String> again = get(s.authorizationUri());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("không hợp lệ hoặc đã hết hạn").contains("invalid or has expired");
        assertThat(again.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void approve_crossSitePost_refused() throws Exception {
        LoginStarted s = start(AssuranceLevel.LEVEL_1);
        String tx = tx(get(s.authorizationUri()));
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(sandbox.issuer().resolve("/approve"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("tx=" + URLEncoder.encode(tx, StandardCharsets.UTF_8)
                        + "&citizen=079303012345")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
