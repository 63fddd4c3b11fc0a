package io.github.eidvn.examples.oidc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.assurance.InMemoryPopulationRegistry;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.InMemoryRelyingPartyRegistry;
import io.github.eidvn.core.consent.Purpose;
import io.github.eidvn.core.consent.PurposeCatalogue;
import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.oidc.provider.Authorization;
import io.github.eidvn.oidc.provider.AuthorizationStep;
import io.github.eidvn.oidc.provider.EidOidcProvider;
import io.github.eidvn.oidc.provider.OidcClientRegistration;
import io.github.eidvn.oidc.provider.OidcEndpoints;
import io.github.eidvn.testkit.SandboxPlatform;
import io.github.eidvn.verifier.sharing.PartyDecryptionKey;

/**
 * A sandbox "Log in with the national e-ID" provider: the eid-oidc provider core on the JDK HTTP server with the
 * made-up citizens of {@link SandboxPlatform}, one registered client (a sandbox bank) and pages in Vietnamese and
 * English where a button press stands in for the approval in the VNeID app.
 *
 * <pre>
 * java -cp eid-examples/target/eid-examples.jar io.github.eidvn.examples.oidc.SandboxProvider --port 8090 \
 *     [--redirect http://127.0.0.1:8081/callback]
 * </pre>
 * It prints the issuer, the client id and, for this sandbox only, the client's private signing JWK to use with
 * {@link io.github.eidvn.oidc.client.EidOidcClient}. Citizens: Nguyễn Thị Minh Khai, Trần Văn Đức and Phạm Văn Bình
 * hold level-2 accounts; Lê Hoàng Yến's account is level 1 (a level-2 request for her ends with
 * {@code unmet_authentication_requirements}).
 *
 * <p><b>Security.</b> SANDBOX ONLY: made-up citizens, no password, the "app approval" is a button, keys generated at
 * start, everything in memory. It listens on loopback, sends a strict Content-Security-Policy and refuses
 * cross-site form posts.
 */
public final class SandboxProvider implements AutoCloseable {

    /** The client id of the sandbox bank. */
    public static final String CLIENT_ID = "sandbox-bank";
    /** The purpose the sandbox bank registered. */
    public static final String PURPOSE = "sandbox-bank-login";
    /** The fields the sandbox bank may ask for. */
    public static final Set<CitizenField> FIELDS = Set.copyOf(EnumSet.of(CitizenField.PERSONAL_NUMBER,
            CitizenField.NAME, CitizenField.BIRTHDATE, CitizenField.GENDER, CitizenField.PERMANENT_RESIDENCE));

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:;"
            + " frame-ancestors 'none'; base-uri 'none'";
    private static final int MAX_FORM_BYTES = 16 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final EidOidcProvider provider;
    private final URI issuer;
    private final Map<PersonalNumber, CitizenProfile> citizens = new LinkedHashMap<>();
    private final Map<PersonalNumber, AssuranceLevel> levels = new LinkedHashMap<>();

    private SandboxProvider(HttpServer server, SigningKey clientKey, URI redirect) {
        this.server = server;
        this.issuer = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        for (CitizenProfile c : SandboxPlatform.create(Clock.systemUTC()).citizens()) {
            citizens.put(c.personalNumber(), c);
            levels.put(c.personalNumber(),
                    c.personalNumber().value().equals("048195004321") ? AssuranceLevel.LEVEL_1 : AssuranceLevel.LEVEL_2);
        }
        Purpose purpose = Purpose.of(PURPOSE, "Đăng nhập và mở tài khoản ngân hàng trực tuyến (sandbox)",
                "Log in and open a bank account online (sandbox)", Purpose.Kind.OTHER_SERVICE, FIELDS);
        PurposeCatalogue catalogue = PurposeCatalogue.builder().addAll(PurposeCatalogue.standard()).add(purpose)
                .build();
        InMemoryRelyingPartyRegistry parties = InMemoryRelyingPartyRegistry.create(catalogue);
        parties.register(RelyingParty.builder().id(CLIENT_ID)
                .legalName("Ngân hàng Sandbox", "Sandbox Bank").contact("dpo@sandbox-bank.example.vn")
                .purpose(purpose, FIELDS)
                .signingJwks("{\"keys\":[" + clientKey.publicJwkJson() + "]}")
                .encryptionKey(PartyDecryptionKey.generateEc().publicKey())
                .build());
        KeyRing keys = KeyRing.generate();
        CitizenReferences references = CitizenReferences.generate();
        InMemoryStateStore store = InMemoryStateStore.create();
        this.provider = EidOidcProvider.builder().issuer(issuer).keyRing(keys).stateStore(store).parties(parties)
                .client(OidcClientRegistration.of(CLIENT_ID, List.of(redirect)))
                .receipts(ConsentReceiptIssuer.builder().issuer(issuer.toString()).keyRing(keys)
                        .references(references).build())
                .ledger(ConsentLedger.builder().store(store).references(references).build())
                .references(references).population(InMemoryPopulationRegistry.of(citizens.values())).build();
        OidcEndpoints.mount(server, provider, "");
        server.createContext("/authorize", this::authorize);
        server.createContext("/approve", this::approve);
        server.createContext("/consent", this::consent);
        server.createContext("/", this::index);
        this.executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a sandbox provider on loopback.
     *
     * @param port the port (0 for any free one)
     * @param clientKey the sandbox bank's signing key (only its public half is registered)
     * @param redirect the sandbox bank's redirect URI
     * @return the running provider
     * @throws IOException when the port cannot be bound
     */
    public static SandboxProvider start(int port, SigningKey clientKey, URI redirect) throws IOException {
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(redirect, "redirect");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
        return new SandboxProvider(server, clientKey, redirect);
    }

    /** @return the issuer identifier ({@code http://127.0.0.1:<port>}) */
    public URI issuer() {
        return issuer;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------ pages

    private void index(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"/".equals(ex.getRequestURI().getPath())) {
                page(ex, 404, "Không tìm thấy / Not found", "<p>Không tìm thấy trang. / Page not found.</p>");
                return;
            }
            page(ex, 200, "Sandbox: Đăng nhập bằng định danh điện tử / Log in with e-ID",
                    "<p>Nhà cung cấp OpenID Connect thử nghiệm. / A sandbox OpenID Connect provider.</p>"
                    + "<p>Issuer: <code>" + esc(issuer.toString()) + "</code><br>Discovery: <code>"
                    + esc(issuer + EidOidcProvider.DISCOVERY_PATH) + "</code><br>client_id: <code>" + CLIENT_ID
                    + "</code></p>");
        }
    }

    /** The authorization endpoint: takes the pushed request, shows who asks, lets the citizen approve "in the app". */
    private void authorize(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                page(ex, 405, "Lỗi / Error", "<p>GET</p>");
                return;
            }
            Map<String, List<String>> q = form(ex.getRequestURI().getRawQuery());
            AuthorizationStep step = provider.begin(first(q, "client_id"), first(q, "request_uri"));
            if (step instanceof AuthorizationStep.Authenticate a) {
                loginPage(ex, a.authorization());
            } else {
                follow(ex, step);
            }
        }
    }

    private void approve(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, List<String>> f = postedForm(ex);
            if (f == null) {
                return;
            }
            PersonalNumber number;
            try {
                number = PersonalNumber.of(first(f, "citizen"));
            } catch (RuntimeException e) {
                page(ex, 400, "Lỗi / Error", "<p>Chọn một công dân. / Choose a citizen.</p>");
                return;
            }
            AssuranceLevel level = levels.get(number);
            if (level == null) {
                page(ex, 400, "Lỗi / Error", "<p>Không có công dân này. / No such citizen.</p>");
                return;
            }
            List<String> amr = level == AssuranceLevel.LEVEL_2 ? List.of("swk", "face") : List.of("swk", "pin");
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(Evidence.of("electronic_record", "data"));
            if (level == AssuranceLevel.LEVEL_2) {
                evidence.add(Evidence.of("biometric", "face"));
            }
            AuthorizationStep step = provider.authenticated(first(f, "tx"), number, level, amr, evidence);
            if (step instanceof AuthorizationStep.Consent c) {
                consentPage(ex, c.authorization(), citizens.get(number));
            } else {
                follow(ex, step);
            }
        }
    }

    private void consent(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, List<String>> f = postedForm(ex);
            if (f == null) {
                return;
            }
            String tx = first(f, "tx");
            if (!"agree".equals(first(f, "action"))) {
                follow(ex, provider.decline(tx));
                return;
            }
            Set<CitizenField> granted = EnumSet.noneOf(CitizenField.class);
            for (String name : f.getOrDefault("field", List.of())) {
                CitizenField.fromClaimName(name).ifPresent(granted::add);
            }
            AuthorizationStep step;
            try {
                step = provider.consent(tx, granted);
            } catch (IllegalArgumentException e) {
                page(ex, 400, "Lỗi / Error", "<p>Chỉ chia sẻ được thông tin đã được yêu cầu. / Only requested "
                        + "information can be shared.</p>");
                return;
            }
            follow(ex, step);
        }
    }

    private void loginPage(HttpExchange ex, Authorization a) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<p><b>").append(esc(a.party().legalNameVi())).append("</b> / ").append(esc(a.party().legalNameEn()))
                .append(" yêu cầu đăng nhập bằng tài khoản định danh điện tử mức độ ")
                .append(a.requiredLevel().number()).append(" / asks you to log in with a level ")
                .append(a.requiredLevel().number()).append(" e-ID account.</p>");
        b.append("<form method=post action=/approve><input type=hidden name=tx value=\"")
                .append(esc(a.transactionId())).append("\"><fieldset><legend>Công dân mẫu / Sample citizens</legend>");
        boolean firstOne = true;
        for (CitizenProfile c : citizens.values()) {
            AssuranceLevel l = levels.get(c.personalNumber());
            b.append("<label><input type=radio name=citizen value=\"").append(c.personalNumber().value())
                    .append('"').append(firstOne ? " checked" : "").append("> ").append(esc(c.fullName().value()))
                    .append(" — ").append(c.personalNumber().value()).append(" (mức độ / level ")
                    .append(l.number()).append(")</label><br>");
            firstOne = false;
        }
        b.append("</fieldset><p><button type=submit>Phê duyệt trên ứng dụng VNeID (mô phỏng) / "
                + "Approve in the VNeID app (simulated)</button></p></form>");
        page(ex, 200, "Đăng nhập bằng VNeID / Log in with VNeID", b.toString());
    }

    private void consentPage(HttpExchange ex, Authorization a, CitizenProfile citizen) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<p>Xin chào / Hello, <b>").append(esc(citizen.fullName().value())).append("</b>.</p>");
        b.append("<p><b>").append(esc(a.party().legalNameVi())).append("</b> / ").append(esc(a.party().legalNameEn()))
                .append(" đề nghị được chia sẻ các thông tin sau cho mục đích / asks to receive the following for: <i>")
                .append(esc(a.purpose().nameVi())).append("</i> / <i>").append(esc(a.purpose().nameEn()))
                .append("</i></p>");
        b.append("<form method=post action=/consent><input type=hidden name=tx value=\"")
                .append(esc(a.transactionId())).append("\">");
        for (CitizenField f : a.fields()) {
            b.append("<label><input type=checkbox name=field value=\"").append(f.claimName()).append("\" checked> ")
                    .append(esc(f.vietnamese())).append(" / ").append(esc(f.english())).append("</label><br>");
        }
        b.append("<p>Căn cứ Nghị định 13/2023/NĐ-CP, bạn có thể rút lại sự đồng ý bất cứ lúc nào. / Under Decree "
                + "13/2023/ND-CP you may withdraw this consent at any time.</p>");
        b.append("<p><button type=submit name=action value=agree>Đồng ý chia sẻ / Agree and share</button> "
                + "<button type=submit name=action value=decline>Từ chối / Decline</button></p></form>");
        page(ex, 200, "Đồng ý chia sẻ thông tin / Consent to share", b.toString());
    }

    private static void follow(HttpExchange ex, AuthorizationStep step) throws IOException {
        if (step instanceof AuthorizationStep.Redirect r) {
            securityHeaders(ex.getResponseHeaders());
            ex.getResponseHeaders().set("Location", r.location().toString());
            ex.sendResponseHeaders(303, -1);
        } else if (step instanceof AuthorizationStep.Refused r) {
            page(ex, 400, "Không thể tiếp tục / Cannot continue", "<p>" + esc(r.reason().vietnamese()) + "</p><p>"
                    + esc(r.reason().english()) + "</p>");
        } else {
            page(ex, 409, "Lỗi / Error", "<p>Bước không hợp lệ. / Invalid step.</p>");
        }
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    /** The posted form, or null after answering a refused request (wrong method, cross-site, too large). */
    private static Map<String, List<String>> postedForm(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            page(ex, 405, "Lỗi / Error", "<p>POST</p>");
            return null;
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        if (origin != null && !"null".equals(origin) && !origin.equalsIgnoreCase("http://" + host)) {
            page(ex, 403, "Lỗi / Error", "<p>Yêu cầu từ trang khác bị từ chối. / Cross-site request refused.</p>");
            return null;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_FORM_BYTES + 1);
        }
        if (body.length > MAX_FORM_BYTES) {
            page(ex, 413, "Lỗi / Error", "<p>Yêu cầu quá lớn. / Request too large.</p>");
            return null;
        }
        return form(new String(body, StandardCharsets.US_ASCII));
    }

    private static Map<String, List<String>> form(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String first(Map<String, List<String>> m, String key) {
        List<String> v = m.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static void securityHeaders(Headers h) {
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
    }

    private static void page(HttpExchange ex, int status, String title, String body) throws IOException {
        String html = "<!doctype html><html lang=vi><head><meta charset=utf-8><title>" + esc(title)
                + "</title><style>body{font-family:sans-serif;max-width:42em;margin:2em auto}"
                + "button{font-size:1.1em;padding:.4em 1em}</style></head><body><h1>" + esc(title) + "</h1>" + body
                + "<hr><small>SANDBOX — dữ liệu giả lập, không dùng cho thật / made-up data, not for real use"
                + "</small></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        securityHeaders(ex.getResponseHeaders());
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ main

    /**
     * Runs the sandbox until the process is stopped.
     *
     * @param args {@code [--port N] [--redirect URI]}
     * @throws IOException when the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = 8090;
        URI redirect = URI.create("http://127.0.0.1:8081/callback");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (("--port".equals(a) || "--redirect".equals(a)) && i + 1 < args.length) {
                String v = args[++i];
                try {
                    if ("--port".equals(a)) {
                        port = Integer.parseInt(v);
                    } else {
                        redirect = URI.create(v);
                    }
                } catch (IllegalArgumentException e) {
                    System.err.println("Giá trị không hợp lệ / invalid value for " + a + ": " + v);
                    System.exit(2);
                }
            } else {
                System.err.println("Cách dùng / usage: SandboxProvider [--port N] [--redirect URI]");
                System.exit(2);
            }
        }
        SigningKey clientKey = SigningKey.generate();
        SandboxProvider sandbox;
        try {
            sandbox = start(port, clientKey, redirect);
        } catch (IllegalArgumentException e) {
            System.err.println("Không khởi động được / cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        out.println("Sandbox OpenID Connect provider (Đăng nhập bằng định danh điện tử / Log in with e-ID)");
        out.println("  issuer:       " + sandbox.issuer());
        out.println("  discovery:    " + sandbox.issuer() + EidOidcProvider.DISCOVERY_PATH);
        out.println("  client_id:    " + CLIENT_ID + "   purpose: " + PURPOSE);
        out.println("  redirect_uri: " + redirect);
        out.println("  client private JWK (SANDBOX ONLY, give it to EidOidcClient.signingKey):");
        out.println("  " + clientKey.privateJwkJson());
    }
}
