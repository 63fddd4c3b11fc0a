package io.github.eidvn.examples.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.hospital.CheckInDecision;
import io.github.eidvn.verifier.hospital.HospitalCheckIn;

/**
 * The hospital reception desk over HTTP: a page for the receptionist (scanner text box, image upload, webcam) and a
 * JSON endpoint for hospital information systems, both a thin layer over {@link HospitalCheckIn}.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>{@code GET /}</td><td>the page (Vietnamese, English toggle); {@code /desk.js}, {@code /desk.css}</td></tr>
 *   <tr><td>{@code POST /api/check}</td><td>body: the scanned text ({@code text/plain}, UTF-8, at most
 *       {@value #MAX_TEXT_CHARS} characters) or a photo ({@code image/png}, {@code image/jpeg}, at most
 *       {@value #MAX_IMAGE_BYTES} bytes); answer: {@link CheckInDecision#toJson()}, status 200. Too large: 413,
 *       another content type: 415, another method: 405; each with a JSON decision ({@code REJECTED}).</td></tr>
 *   <tr><td>{@code GET /api/config}</td><td>{@code {"sandbox":…,"facility":…,"max_text_chars":…,
 *       "max_image_bytes":…}}</td></tr>
 *   <tr><td>{@code POST /api/sample}</td><td>sandbox only: body {@code valid}, {@code expired-card},
 *       {@code legacy-chip-card} or {@code tampered}; a fresh {@link SampleCodes} code as
 *       {@code {"sandbox":true,"kind":…,"text":…,"png":"data:image/png;base64,…"}}</td></tr>
 * </table>
 *
 * <p>Runs the JDK's {@link HttpServer} on a bounded thread pool (requests beyond the pool and its queue are
 * dropped, never queued without bound); at most {@value #MAX_PARALLEL_IMAGES} images are decoded at once (others wait
 * up to 10 seconds, then get 503 with a {@code CHECK_UNAVAILABLE} decision).
 *
 * <p><b>Security.</b> Scanner text and image bytes are untrusted input from anywhere on the network: bodies are
 * size-limited before they are read in full, content types are checked (and an image's first bytes must match its
 * declared type), and every answer of {@code /api/check} is a JSON decision; an unexpected error is a 500 with a
 * {@code CHECK_UNAVAILABLE} decision and never a stack trace. Nothing about a patient is stored: the log holds the
 * decision, the reason code and the masked personal number only. Every response carries a Content-Security-Policy
 * without inline script or style ({@code default-src 'self'}, images also {@code data:}/{@code blob:},
 * {@code frame-ancestors 'none'}), {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer} and
 * {@code Cache-Control: no-store}. GET requests change nothing. A POST whose {@code Origin} is another site, or
 * which the browser marks {@code Sec-Fetch-Site: cross-site}, is refused (403), so another web page cannot use the
 * receptionist's browser to burn a patient's single-use code; a {@code Host} that is not this desk's is refused
 * (421) against DNS rebinding. The desk listens on loopback unless told otherwise; on a network it belongs behind
 * TLS.
 */
public final class DeskServer implements AutoCloseable {

    /** The longest scanned text accepted, in characters (as {@link SignedQrText#MAX_TEXT_LENGTH}). */
    public static final int MAX_TEXT_CHARS = SignedQrText.MAX_TEXT_LENGTH;
    /** The largest image accepted, in bytes (5 MiB). */
    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    /** The default number of worker threads. */
    public static final int DEFAULT_THREADS = 8;
    /**
     * How many images are decoded at once: a photo can hold up to 40 million pixels
     * ({@link io.github.eidvn.qr.QrImageDecoder#MAX_PIXELS}), so decoding is the one step whose memory is bounded by
     * this, not by the worker count.
     */
    public static final int MAX_PARALLEL_IMAGES = 2;

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    static {
        // TCP_NODELAY for the JDK server (read once, when its classes load): without it every small JSON answer
        // waits ~40 ms for the client's delayed ACK. Set only when the operator has not chosen.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeskServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final int MAX_TEXT_BYTES = MAX_TEXT_CHARS * 4;
    /** How much of an over-limit body is read and thrown away so the client sees the answer; beyond it: close. */
    private static final long DRAIN_CAP = 16L * 1024 * 1024;
    private static final String RESOURCES = "/io/github/eidvn/examples/desk/";

    private final HospitalCheckIn checkIn;
    private final SampleCodes samples;
    private final String facility;
    private final Clock clock;
    private final ZoneId zone;
    private final Set<String> allowedHosts;
    private final byte[] indexHtml;
    private final byte[] deskJs;
    private final byte[] deskCss;
    private final Semaphore imagePermits = new Semaphore(MAX_PARALLEL_IMAGES, true);
    private final ThreadPoolExecutor pool;
    private final HttpServer server;

    private DeskServer(Builder b) throws IOException {
        if (b.checkIn == null) {
            throw new IllegalStateException("checkIn is required");
        }
        this.checkIn = b.checkIn;
        this.samples = b.samples;
        this.facility = b.facility == null ? "" : b.facility;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.zone = b.zone == null ? HospitalCheckIn.VIETNAM : b.zone;
        this.indexHtml = resource("index.html");
        this.deskJs = resource("desk.js");
        this.deskCss = resource("desk.css");
        InetSocketAddress bind = b.address == null
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080) : b.address;
        int threads = b.threads == 0 ? DEFAULT_THREADS : b.threads;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "eid-desk-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 16), factory, new ThreadPoolExecutor.AbortPolicy());
        this.server = HttpServer.create(bind, 64);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        this.allowedHosts = allowedHosts(server.getAddress().getAddress(), b.allowedHosts);
        if (allowedHosts.isEmpty()) {
            LOG.warn("desk bound to {} accepts any Host header; name the hosts with --allowed-host",
                    server.getAddress());
        }
    }

    /**
     * A builder; each option may be set once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the address the server listens on (with the actual port when port 0 was asked for) */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** @return the page's URL, e.g. {@code http://127.0.0.1:8080/} */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** @return true when sample codes are offered (sandbox trust store) */
    public boolean isSandbox() {
        return samples != null;
    }

    /** Stops the server (waiting at most one second for requests in progress) and its threads. */
    @Override
    public void close() {
        server.stop(1);
        pool.shutdownNow();
    }

    @Override
    public String toString() {
        return "DeskServer[" + uri() + (samples != null ? ", SANDBOX" : "") + "]";
    }

    private static byte[] resource(String name) {
        try (InputStream in = DeskServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> allowedHosts(InetAddress bound, Set<String> extra) {
        Set<String> hosts = new LinkedHashSet<>();
        if (bound.isLoopbackAddress()) {
            hosts.add("localhost");
            hosts.add("127.0.0.1");
            hosts.add("[::1]");
        } else if (!bound.isAnyLocalAddress()) {
            String ip = bound.getHostAddress();
            hosts.add(ip.contains(":") ? "[" + ip + "]" : ip);
        }
        if (!hosts.isEmpty() || !extra.isEmpty()) {
            hosts.addAll(extra);
        }
        return hosts;
    }

    // ------------------------------------------------------------------ request handling

    private void handle(HttpExchange ex) {
        try {
            route(ex);
        } catch (IOException e) {
            LOG.debug("client connection failed: {}", e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.warn("request failed: {}", e.getClass().getName());
            if (ex.getResponseCode() == -1) {
                try {
                    sendDecision(ex, 500, CheckInDecision.rejected(today(), Reason.CHECK_UNAVAILABLE,
                            "internal error"));
                } catch (IOException | RuntimeException ignored) {
                    // the client is gone or the response cannot be written: nothing more to do
                }
            }
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        boolean api = path != null && path.startsWith("/api/");
        if (!hostAllowed(ex)) {
            drain(ex);
            if (api) {
                sendJsonError(ex, 421, "host not served here");
            } else {
                sendText(ex, 421, "Misdirected request");
            }
            return;
        }
        if (path == null) {
            path = "";
        }
        switch (path) {
            case "/":
            case "/index.html":
                sendStatic(ex, method, indexHtml, "text/html; charset=utf-8");
                return;
            case "/desk.js":
                sendStatic(ex, method, deskJs, "text/javascript; charset=utf-8");
                return;
            case "/desk.css":
                sendStatic(ex, method, deskCss, "text/css; charset=utf-8");
                return;
            case "/api/config":
                if (!"GET".equals(method)) {
                    drain(ex);
                    ex.getResponseHeaders().set("Allow", "GET");
                    sendJsonError(ex, 405, "method not allowed");
                    return;
                }
                sendConfig(ex);
                return;
            case "/api/check":
                if (!"POST".equals(method)) {
                    drain(ex);
                    ex.getResponseHeaders().set("Allow", "POST");
                    sendDecision(ex, 405, CheckInDecision.rejected(today(), Reason.MALFORMED,
                            "method " + safe(method) + " not allowed; POST the scanned text or image"));
                    return;
                }
                if (!sameOrigin(ex)) {
                    drain(ex);
                    sendDecision(ex, 403, CheckInDecision.rejected(today(), Reason.MALFORMED,
                            "cross-origin request refused"));
                    return;
                }
                check(ex);
                return;
            case "/api/sample":
                if (samples == null) {
                    drain(ex);
                    sendJsonError(ex, 404, "sample codes exist only in the sandbox");
                    return;
                }
                if (!"POST".equals(method)) {
                    drain(ex);
                    ex.getResponseHeaders().set("Allow", "POST");
                    sendJsonError(ex, 405, "method not allowed");
                    return;
                }
                if (!sameOrigin(ex)) {
                    drain(ex);
                    sendJsonError(ex, 403, "cross-origin request refused");
                    return;
                }
                sample(ex);
                return;
            default:
                drain(ex);
                if (api) {
                    sendJsonError(ex, 404, "not found");
                } else {
                    sendText(ex, 404, "Không tìm thấy / Not found");
                }
        }
    }

    private void check(HttpExchange ex) throws IOException {
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        String media = mediaType(contentType);
        CheckInDecision decision;
        String kind;
        if ("text/plain".equals(media)) {
            String charset = parameter(contentType, "charset");
            if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("us-ascii")) {
                drain(ex);
                sendDecision(ex, 415, CheckInDecision.rejected(today(), Reason.MALFORMED,
                        "text must be UTF-8"));
                return;
            }
            byte[] body = readBody(ex, MAX_TEXT_BYTES);
            if (body == null) {
                tooLargeText(ex);
                return;
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e) {
                respond(ex, "text", CheckInDecision.rejected(today(), Reason.MALFORMED, "text is not UTF-8"));
                return;
            }
            if (text.length() > MAX_TEXT_CHARS) {
                tooLargeText(ex);
                return;
            }
            decision = checkIn.check(text);
            kind = "text";
        } else if ("image/png".equals(media) || "image/jpeg".equals(media)) {
            byte[] body = readBody(ex, MAX_IMAGE_BYTES);
            if (body == null) {
                CheckInDecision d = CheckInDecision.unreadable(today(), new QrScanResult.Failed(
                        QrScanResult.Reason.IMAGE_TOO_LARGE, "upload over " + MAX_IMAGE_BYTES + " bytes"));
                log("image", d);
                sendDecision(ex, 413, d);
                return;
            }
            boolean png = "image/png".equals(media);
            if (png ? !isPng(body) : !isJpeg(body)) {
                decision = CheckInDecision.unreadable(today(), new QrScanResult.Failed(
                        QrScanResult.Reason.UNREADABLE_IMAGE, "content is not " + (png ? "a PNG" : "a JPEG")));
            } else {
                boolean permitted;
                try {
                    permitted = imagePermits.tryAcquire(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    permitted = false;
                }
                if (!permitted) {
                    sendDecision(ex, 503, CheckInDecision.rejected(today(), Reason.CHECK_UNAVAILABLE,
                            "too many images being decoded; try again"));
                    return;
                }
                try {
                    decision = checkIn.check(body);
                } finally {
                    imagePermits.release();
                }
            }
            kind = "image";
        } else {
            drain(ex);
            sendDecision(ex, 415, CheckInDecision.rejected(today(), Reason.MALFORMED,
                    "Content-Type must be text/plain, image/png or image/jpeg"));
            return;
        }
        respond(ex, kind, decision);
    }

    private void tooLargeText(HttpExchange ex) throws IOException {
        CheckInDecision d = CheckInDecision.rejected(today(), Reason.TOO_LARGE,
                "scanned text over " + MAX_TEXT_CHARS + " characters");
        log("text", d);
        sendDecision(ex, 413, d);
    }

    private void respond(HttpExchange ex, String kind, CheckInDecision decision) throws IOException {
        log(kind, decision);
        sendDecision(ex, 200, decision);
    }

    /** The only log line about a check: decision, reason code, masked number. No name, no card number. */
    private static void log(String kind, CheckInDecision d) {
        LOG.info("check {}: {} {} {}", kind, d.decision(), d.reasonCode().orElse("-"),
                d.patient().flatMap(CheckInDecision.Patient::maskedPersonalNumber).orElse("-"));
    }

    private void sample(HttpExchange ex) throws IOException {
        byte[] body = readBody(ex, 64);
        SampleCodes.Kind kind = body == null ? null
                : SampleCodes.Kind.parse(new String(body, StandardCharsets.US_ASCII).trim());
        if (kind == null) {
            sendJsonError(ex, 400, "body must be valid, expired-card, legacy-chip-card or tampered");
            return;
        }
        SampleCodes.Sample s = samples.issue(kind);
        ObjectNode root = JSON.createObjectNode();
        root.put("sandbox", true);
        root.put("kind", kind.slug());
        ObjectNode label = root.putObject("label");
        label.put("vi", kind.labelVi());
        label.put("en", kind.labelEn());
        root.put("text", s.text());
        root.put("png", "data:image/png;base64," + Base64.getEncoder().encodeToString(s.png()));
        LOG.info("sandbox sample issued: {}", kind.slug());
        sendJson(ex, 200, write(root));
    }

    private void sendConfig(HttpExchange ex) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("sandbox", samples != null);
        root.put("facility", facility);
        root.put("max_text_chars", MAX_TEXT_CHARS);
        root.put("max_image_bytes", MAX_IMAGE_BYTES);
        sendJson(ex, 200, write(root));
    }

    // ------------------------------------------------------------------ checks on the request

    private boolean hostAllowed(HttpExchange ex) {
        if (allowedHosts.isEmpty()) {
            return true;
        }
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return false;
        }
        host = host.trim().toLowerCase(Locale.ROOT);
        String name;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            name = end < 0 ? host : host.substring(0, end + 1);
        } else {
            int colon = host.indexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
        }
        return allowedHosts.contains(name);
    }

    /** A browser's cross-site POST is refused; clients that send neither header (a hospital system) pass. */
    private static boolean sameOrigin(HttpExchange ex) {
        Headers h = ex.getRequestHeaders();
        String site = h.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return false;
        }
        String origin = h.getFirst("Origin");
        if (origin == null) {
            return true;
        }
        String host = h.getFirst("Host");
        return host != null && (origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://"
                + host));
    }

    /** The media type in lower case without parameters, or null. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** A parameter of a Content-Type header (quotes removed), or null. */
    static String parameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    static boolean isPng(byte[] b) {
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isJpeg(byte[] b) {
        return b.length >= 3 && b[0] == (byte) 0xFF && b[1] == (byte) 0xD8 && b[2] == (byte) 0xFF;
    }

    /** The body if it has at most {@code limit} bytes; null (and the rest thrown away, bounded) if larger. */
    private static byte[] readBody(HttpExchange ex, int limit) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = Long.MAX_VALUE;
            }
            if (length > limit) {
                drain(ex);
                return null;
            }
        }
        InputStream in = ex.getRequestBody();
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            drain(ex);
            return null;
        }
        return body;
    }

    /** Reads and discards what is left of the body, up to a cap (past it the connection is closed). */
    private static void drain(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while (total < DRAIN_CAP && (n = in.read(buf)) > 0) {
            total += n;
        }
    }

    // ------------------------------------------------------------------ responses

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static void securityHeaders(Headers h) {
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        h.set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        h.set("Cache-Control", "no-store");
    }

    private static void sendStatic(HttpExchange ex, String method, byte[] body, String type) throws IOException {
        drain(ex);
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            sendText(ex, 405, "Method not allowed");
            return;
        }
        Headers h = ex.getResponseHeaders();
        securityHeaders(h);
        h.set("Content-Type", type);
        if ("HEAD".equals(method)) {
            h.set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(200, -1);
            return;
        }
        send(ex, 200, body);
    }

    private static void sendDecision(HttpExchange ex, int status, CheckInDecision d) throws IOException {
        sendJson(ex, status, d.toJson());
    }

    private static void sendJsonError(HttpExchange ex, int status, String error) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("error", error);
        sendJson(ex, status, write(root));
    }

    private static void sendJson(HttpExchange ex, int status, String json) throws IOException {
        Headers h = ex.getResponseHeaders();
        securityHeaders(h);
        h.set("Content-Type", JSON_TYPE);
        send(ex, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendText(HttpExchange ex, int status, String text) throws IOException {
        Headers h = ex.getResponseHeaders();
        securityHeaders(h);
        h.set("Content-Type", "text/plain; charset=utf-8");
        send(ex, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON writing failed", e);
        }
    }

    /** A request method for a detail text: letters only, at most 16. */
    private static String safe(String method) {
        String letters = method == null ? "" : method.replaceAll("[^A-Za-z]", "");
        return letters.substring(0, Math.min(16, letters.length()));
    }

    /** Builds and starts a {@link DeskServer}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private HospitalCheckIn checkIn;
        private SampleCodes samples;
        private String facility;
        private InetSocketAddress address;
        private int threads;
        private Clock clock;
        private ZoneId zone;
        private final Set<String> allowedHosts = new LinkedHashSet<>();

        private Builder() {
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " is already set");
            }
        }

        /**
         * Required: the check-in desk (its verifier holds the trust store, the facility code and the purpose).
         *
         * @param checkIn the check
         * @return this builder
         */
        public Builder checkIn(HospitalCheckIn checkIn) {
            once(this.checkIn, "checkIn");
            this.checkIn = Objects.requireNonNull(checkIn, "checkIn");
            return this;
        }

        /**
         * Offers SANDBOX sample codes on the page; only when the check trusts the samples' issuer alone.
         *
         * @param samples the samples
         * @return this builder
         */
        public Builder samples(SampleCodes samples) {
            once(this.samples, "samples");
            this.samples = Objects.requireNonNull(samples, "samples");
            return this;
        }

        /**
         * The hospital's facility code, shown on the page.
         *
         * @param facility the code
         * @return this builder
         */
        public Builder facility(String facility) {
            once(this.facility, "facility");
            this.facility = Objects.requireNonNull(facility, "facility");
            return this;
        }

        /**
         * Where to listen; {@code 127.0.0.1:8080} by default (port 0: any free port).
         *
         * @param address the address
         * @return this builder
         */
        public Builder address(InetSocketAddress address) {
            once(this.address, "address");
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Adds a host name the desk answers to (the {@code Host} header), besides the loopback names or the bound
         * address; may be called several times.
         *
         * @param host the name, e.g. {@code desk.benhvien.local}
         * @return this builder
         */
        public Builder allowedHost(String host) {
            String h = Objects.requireNonNull(host, "host").trim().toLowerCase(Locale.ROOT);
            if (h.isEmpty() || h.contains(":") && !h.startsWith("[")) {
                throw new IllegalArgumentException("host name without port expected");
            }
            allowedHosts.add(h);
            return this;
        }

        /**
         * The number of worker threads ({@value #DEFAULT_THREADS} by default, 1 to 64).
         *
         * @param threads the number
         * @return this builder
         */
        public Builder threads(int threads) {
            if (this.threads != 0) {
                throw new IllegalStateException("threads is already set");
            }
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("threads must be 1 to 64");
            }
            this.threads = threads;
            return this;
        }

        /**
         * The clock of the dates in refusals made before the check runs; {@link Clock#systemUTC()} by default.
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
         * The zone of those dates; {@code Asia/Ho_Chi_Minh} by default.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            once(this.zone, "zone");
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @return the running server
         * @throws IOException when the address cannot be bound
         * @throws IllegalStateException when the check is missing
         */
        public DeskServer start() throws IOException {
            DeskServer desk = new DeskServer(this);
            desk.server.start();
            LOG.info("reception desk listening on {}{}", desk.uri(), desk.samples != null ? " (SANDBOX)" : "");
            return desk;
        }
    }
}
