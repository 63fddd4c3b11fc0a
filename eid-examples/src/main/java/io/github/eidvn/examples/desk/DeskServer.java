package io.github.eidvn.examples.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
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

import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.hospital.CheckInDecision;
import io.github.eidvn.verifier.hospital.CheckInRequests;
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
 * <p>The product logic (body and type → decision, size limits, image decode budget, bounded parallel decoding) is
 * the library's {@link CheckInRequests}; this class keeps routing and HTTP hardening. Runs the JDK's
 * {@link HttpServer} with two bounded pools: connection threads read requests, a separate pool of
 * {@code threads} decision workers runs the checks, so slow uploads never hold up a decision (requests beyond a
 * pool and its queue are refused, never queued without bound). A whole request body must arrive within its read
 * deadline ({@link #DEFAULT_TEXT_DEADLINE} for text, {@link #DEFAULT_IMAGE_DEADLINE} for an image), else 408;
 * one client address holds at most {@link #DEFAULT_MAX_PER_ADDRESS} requests at once, beyond that 429 (both with a
 * {@code CHECK_UNAVAILABLE} decision). A client that stops sending altogether is cut off by the JDK server's
 * {@code sun.net.httpserver.maxReqTime} (set to 30 seconds unless the operator chose).
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

    /** The longest scanned text accepted, in characters ({@link CheckInRequests#MAX_TEXT_CHARS}). */
    public static final int MAX_TEXT_CHARS = CheckInRequests.MAX_TEXT_CHARS;
    /** The largest image accepted, in bytes ({@link CheckInRequests#MAX_IMAGE_BYTES}). */
    public static final int MAX_IMAGE_BYTES = CheckInRequests.MAX_IMAGE_BYTES;
    /** The default number of decision workers. */
    public static final int DEFAULT_THREADS = 8;
    /** The default time for a whole text request body to arrive. */
    public static final Duration DEFAULT_TEXT_DEADLINE = Duration.ofSeconds(5);
    /** The default time for a whole image request body to arrive. */
    public static final Duration DEFAULT_IMAGE_DEADLINE = Duration.ofSeconds(30);
    /** The default number of requests one client address may have in progress at once. */
    public static final int DEFAULT_MAX_PER_ADDRESS = 16;
    /** The number of connection threads (reading requests, writing answers). */
    static final int IO_THREADS = 48;

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    static {
        // TCP_NODELAY for the JDK server (read once, when its classes load): without it every small JSON answer
        // waits ~40 ms for the client's delayed ACK. Set only when the operator has not chosen.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // a client that stops sending in the middle of a request is cut off after this many seconds
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeskServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    /** How much of an over-limit body is read and thrown away so the client sees the answer; beyond it: close. */
    private static final long DRAIN_CAP = 16L * 1024 * 1024;
    private static final String RESOURCES = "/io/github/eidvn/examples/desk/";

    private final CheckInRequests requests;
    private final SampleCodes samples;
    private final String facility;
    private final Clock clock;
    private final ZoneId zone;
    private final Set<String> allowedHosts;
    private final byte[] indexHtml;
    private final byte[] deskJs;
    private final byte[] deskCss;
    private final Duration textDeadline;
    private final Duration imageDeadline;
    private final int maxPerAddress;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> inProgress = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor ioPool;
    private final ThreadPoolExecutor decisionPool;
    private final List<AutoCloseable> closeWith;
    private final HttpServer server;

    private DeskServer(Builder b) throws IOException {
        if (b.checkIn == null) {
            throw new IllegalStateException("checkIn is required");
        }
        this.samples = b.samples;
        this.facility = b.facility == null ? "" : b.facility;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.zone = b.zone == null ? HospitalCheckIn.VIETNAM : b.zone;
        this.requests = CheckInRequests.builder().checkIn(b.checkIn).clock(clock).zone(zone).build();
        this.textDeadline = b.textDeadline == null ? DEFAULT_TEXT_DEADLINE : b.textDeadline;
        this.imageDeadline = b.imageDeadline == null ? DEFAULT_IMAGE_DEADLINE : b.imageDeadline;
        this.maxPerAddress = b.maxPerAddress == 0 ? DEFAULT_MAX_PER_ADDRESS : b.maxPerAddress;
        this.closeWith = List.copyOf(b.closeWith);
        this.indexHtml = resource("index.html");
        this.deskJs = resource("desk.js");
        this.deskCss = resource("desk.css");
        InetSocketAddress bind = b.address == null
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080) : b.address;
        int threads = b.threads == 0 ? DEFAULT_THREADS : b.threads;
        this.ioPool = new ThreadPoolExecutor(IO_THREADS, IO_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(IO_THREADS * 4), threads("eid-desk-io-"), new ThreadPoolExecutor.AbortPolicy());
        this.decisionPool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 16), threads("eid-desk-check-"),
                new ThreadPoolExecutor.AbortPolicy());
        this.server = HttpServer.create(bind, 128);
        server.setExecutor(ioPool);
        server.createContext("/", this::handle);
        this.allowedHosts = allowedHosts(server.getAddress().getAddress(), b.allowedHosts);
        if (allowedHosts.isEmpty()) {
            LOG.warn("desk bound to {} accepts any Host header; name the hosts with --allowed-host",
                    server.getAddress());
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
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

    /** Stops the server (waiting at most one second for requests in progress), its threads and what it owns. */
    @Override
    public void close() {
        server.stop(1);
        ioPool.shutdownNow();
        decisionPool.shutdownNow();
        for (AutoCloseable c : closeWith) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.getClass().getSimpleName());
            }
        }
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
        InetAddress client = ex.getRemoteAddress().getAddress();
        AtomicInteger count = inProgress.computeIfAbsent(client, a -> new AtomicInteger());
        try {
            if (count.incrementAndGet() > maxPerAddress) {
                ex.getResponseHeaders().set("Connection", "close");
                ex.getResponseHeaders().set("Retry-After", "5");
                sendDecision(ex, 429, CheckInDecision.rejected(today(), Reason.CHECK_UNAVAILABLE,
                        "too many requests in progress from this address"));
                return;
            }
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
            if (count.decrementAndGet() <= 0) {
                inProgress.remove(client, count);
            }
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
        Optional<CheckInRequests.Input> input = CheckInRequests.Input.ofContentType(
                ex.getRequestHeaders().getFirst("Content-Type"));
        if (input.isEmpty()) {
            drain(ex);
            sendDecision(ex, 415, requests.unsupportedType());
            return;
        }
        CheckInRequests.Input in = input.get();
        String kind = in == CheckInRequests.Input.TEXT ? "text" : "image";
        Body body = readBody(ex, in.maxBytes(), in == CheckInRequests.Input.TEXT ? textDeadline : imageDeadline);
        if (body.failure == ReadFailure.TIMEOUT) {
            CheckInDecision d = CheckInDecision.rejected(today(), Reason.CHECK_UNAVAILABLE,
                    "request body not received within its deadline");
            log(kind, d);
            ex.getResponseHeaders().set("Connection", "close");
            sendDecision(ex, 408, d);
            return;
        }
        CheckInRequests.Answer answer;
        if (body.failure == ReadFailure.TOO_LARGE) {
            answer = requests.tooLarge(in);
        } else {
            // the decision runs on a decision worker: connection threads only read and write
            Future<CheckInRequests.Answer> f;
            try {
                f = decisionPool.submit(() -> requests.check(in, body.bytes));
            } catch (RejectedExecutionException e) {
                sendDecision(ex, 503, CheckInDecision.rejected(today(), Reason.CHECK_UNAVAILABLE,
                        "too many checks waiting; try again"));
                return;
            }
            try {
                answer = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                throw new IllegalStateException("interrupted while checking", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("check failed", e.getCause());
            }
        }
        log(kind, answer.decision());
        int status;
        switch (answer.result()) {
            case TOO_LARGE:
                status = 413;
                break;
            case BUSY:
                status = 503;
                break;
            default:
                status = 200;
        }
        sendDecision(ex, status, answer.decision());
    }

    /** The only log line about a check: decision, reason code, masked number. No name, no card number. */
    private static void log(String kind, CheckInDecision d) {
        LOG.info("check {}: {} {} {}", kind, d.decision(), d.reasonCode().orElse("-"),
                d.patient().flatMap(CheckInDecision.Patient::maskedPersonalNumber).orElse("-"));
    }

    private void sample(HttpExchange ex) throws IOException {
        byte[] body = readSmallBody(ex, 64);
        SampleCodes.Kind kind = body == null ? null
                : SampleCodes.Kind.parse(new String(body, StandardCharsets.US_ASCII).trim());
        if (kind == null) {
            sendJsonError(ex, 400, "body must be valid, expired-card, legacy-chip-card, legacy-no-card or tampered");
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

    private enum ReadFailure { TOO_LARGE, TIMEOUT }

    /** A body read in full, or why not. */
    private static final class Body {
        final byte[] bytes;
        final ReadFailure failure;

        Body(byte[] bytes, ReadFailure failure) {
            this.bytes = bytes;
            this.failure = failure;
        }
    }

    /**
     * The body if it has at most {@code limit} bytes and arrives within {@code deadline}; else why not (an
     * over-limit rest is thrown away, bounded). The deadline is checked after every read, so a client trickling a
     * byte at a time is answered 408 at its first byte past the deadline.
     */
    private static Body readBody(HttpExchange ex, int limit, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
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
                return new Body(null, ReadFailure.TOO_LARGE);
            }
        }
        InputStream in = ex.getRequestBody();
        byte[] buf = new byte[Math.min(limit + 1, 16 * 1024)];
        int length = 0;
        while (true) {
            if (System.nanoTime() - end > 0) {
                return new Body(null, ReadFailure.TIMEOUT);
            }
            if (length == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(limit + 1, buf.length * 2));
            }
            int n = in.read(buf, length, buf.length - length);
            if (n < 0) {
                break;
            }
            length += n;
            if (length > limit) {
                drain(ex);
                return new Body(null, ReadFailure.TOO_LARGE);
            }
        }
        return new Body(Arrays.copyOf(buf, length), null);
    }

    /** The body if it has at most {@code limit} bytes within the text deadline; null otherwise. */
    private byte[] readSmallBody(HttpExchange ex, int limit) throws IOException {
        Body b = readBody(ex, limit, textDeadline);
        return b.failure == null ? b.bytes : null;
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
        private Duration textDeadline;
        private Duration imageDeadline;
        private int maxPerAddress;
        private final List<AutoCloseable> closeWith = new ArrayList<>();
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
         * The number of decision workers ({@value #DEFAULT_THREADS} by default, 1 to 64).
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
         * The time a whole request body may take to arrive, for text and for an image
         * ({@link #DEFAULT_TEXT_DEADLINE} and {@link #DEFAULT_IMAGE_DEADLINE} by default); past it: 408.
         *
         * @param text for scanner text, positive
         * @param image for a photo, positive
         * @return this builder
         */
        public Builder readDeadlines(Duration text, Duration image) {
            once(this.textDeadline, "readDeadlines");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(image, "image");
            if (text.isNegative() || text.isZero() || image.isNegative() || image.isZero()) {
                throw new IllegalArgumentException("read deadlines must be positive");
            }
            this.textDeadline = text;
            this.imageDeadline = image;
            return this;
        }

        /**
         * How many requests one client address may have in progress at once ({@value #DEFAULT_MAX_PER_ADDRESS} by
         * default); beyond it: 429. Behind a reverse proxy every client has the proxy's address: raise it there (the
         * proxy then enforces its own per-client limits).
         *
         * @param n 1 to {@value #IO_THREADS}
         * @return this builder
         */
        public Builder maxPerAddress(int n) {
            if (this.maxPerAddress != 0) {
                throw new IllegalStateException("maxPerAddress is already set");
            }
            if (n < 1 || n > IO_THREADS) {
                throw new IllegalArgumentException("maxPerAddress must be 1 to " + IO_THREADS);
            }
            this.maxPerAddress = n;
            return this;
        }

        /**
         * Something the server owns and closes when it stops (e.g. the Redis connection of its replay guard); may be
         * called several times.
         *
         * @param resource the resource
         * @return this builder
         */
        public Builder closeWith(AutoCloseable resource) {
            closeWith.add(Objects.requireNonNull(resource, "resource"));
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
