package io.github.eidvn.examples.desk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * the library's {@link CheckInRequests}; this class keeps routing and HTTP hardening (its helpers: the request
 * guards, body reading, the check endpoint, the page and its resources, the answers and their JSON). Runs the JDK's
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

    private final DeskPage page;
    private final CheckEndpoint checks;
    private final RequestGuards guards;
    private final DeskPools pools;
    private final List<AutoCloseable> closeWith;
    private final HttpServer server;

    private DeskServer(Builder b) throws IOException {
        if (b.checkIn == null) {
            throw new IllegalStateException("checkIn is required");
        }
        Clock clock = b.clock == null ? Clock.systemUTC() : b.clock;
        ZoneId zone = b.zone == null ? HospitalCheckIn.VIETNAM : b.zone;
        CheckInRequests requests = CheckInRequests.builder().checkIn(b.checkIn).clock(clock).zone(zone).build();
        Duration textDeadline = b.textDeadline == null ? DEFAULT_TEXT_DEADLINE : b.textDeadline;
        Duration imageDeadline = b.imageDeadline == null ? DEFAULT_IMAGE_DEADLINE : b.imageDeadline;
        this.closeWith = List.copyOf(b.closeWith);
        this.page = new DeskPage(b.samples, b.facility == null ? "" : b.facility, textDeadline);
        InetSocketAddress bind = b.address == null
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080) : b.address;
        this.pools = new DeskPools(IO_THREADS, b.threads == 0 ? DEFAULT_THREADS : b.threads,
                b.maxPerAddress == 0 ? DEFAULT_MAX_PER_ADDRESS : b.maxPerAddress);
        this.checks = new CheckEndpoint(requests, pools.decisions, textDeadline, imageDeadline, clock, zone);
        this.server = HttpServer.create(bind, 128);
        server.setExecutor(pools.io);
        server.createContext("/", this::handle);
        this.guards = new RequestGuards(server.getAddress().getAddress(), b.allowedHosts);
        if (guards.anyHost()) {
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
        return page.sandbox();
    }

    /** Stops the server (waiting at most one second for requests in progress), its threads and what it owns. */
    @Override
    public void close() {
        server.stop(1);
        pools.close();
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
        return "DeskServer[" + uri() + (isSandbox() ? ", SANDBOX" : "") + "]";
    }

    // ------------------------------------------------------------------ request handling

    private void handle(HttpExchange ex) {
        try (DeskPools.Slot slot = pools.enter(ex.getRemoteAddress().getAddress())) {
            try {
                if (slot.overLimit()) {
                    ex.getResponseHeaders().set("Connection", "close");
                    ex.getResponseHeaders().set("Retry-After", "5");
                    checks.refuse(ex, 429, Reason.CHECK_UNAVAILABLE,
                            "too many requests in progress from this address");
                    return;
                }
                route(ex);
            } catch (IOException e) {
                LOG.debug("client connection failed: {}", e.getClass().getSimpleName());
            } catch (RuntimeException e) {
                LOG.warn("request failed: {}", e.getClass().getName());
                if (ex.getResponseCode() == -1) {
                    try {
                        checks.refuse(ex, 500, Reason.CHECK_UNAVAILABLE, "internal error");
                    } catch (IOException | RuntimeException ignored) {
                        // the client is gone or the response cannot be written: nothing more to do
                    }
                }
            } finally {
                ex.close();
            }
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        boolean api = path != null && path.startsWith("/api/");
        if (!guards.hostAllowed(ex)) {
            RequestBodies.drain(ex);
            DeskResponses.sendError(ex, api, 421, "host not served here", "Misdirected request");
            return;
        }
        if (path == null) {
            path = "";
        }
        switch (path) {
            case "/api/config" -> {
                if (refusedMethod(ex, method, "GET")) {
                    return;
                }
                page.sendConfig(ex);
            }
            case "/api/check" -> {
                if (!"POST".equals(method)) {
                    RequestBodies.drain(ex);
                    ex.getResponseHeaders().set("Allow", "POST");
                    checks.refuse(ex, 405, Reason.MALFORMED,
                            "method " + RequestGuards.safe(method) + " not allowed; POST the scanned text or image");
                    return;
                }
                if (!RequestGuards.sameOrigin(ex)) {
                    RequestBodies.drain(ex);
                    checks.refuse(ex, 403, Reason.MALFORMED, "cross-origin request refused");
                    return;
                }
                checks.check(ex);
            }
            case "/api/sample" -> {
                if (!page.sandbox()) {
                    RequestBodies.drain(ex);
                    DeskResponses.sendJsonError(ex, 404, "sample codes exist only in the sandbox");
                    return;
                }
                if (refusedMethod(ex, method, "POST")) {
                    return;
                }
                if (!RequestGuards.sameOrigin(ex)) {
                    RequestBodies.drain(ex);
                    DeskResponses.sendJsonError(ex, 403, "cross-origin request refused");
                    return;
                }
                page.sample(ex);
            }
            default -> {
                if (!page.serveStatic(ex, path, method)) {
                    RequestBodies.drain(ex);
                    DeskResponses.sendError(ex, api, 404, "not found", "Không tìm thấy / Not found");
                }
            }
        }
    }

    /** Answers 405 (JSON) when an API route is called with another method than its own. */
    private static boolean refusedMethod(HttpExchange ex, String method, String allowed) throws IOException {
        if (allowed.equals(method)) {
            return false;
        }
        RequestBodies.drain(ex);
        ex.getResponseHeaders().set("Allow", allowed);
        DeskResponses.sendJsonError(ex, 405, "method not allowed");
        return true;
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
            LOG.info("reception desk listening on {}{}", desk.uri(), desk.isSandbox() ? " (SANDBOX)" : "");
            return desk;
        }
    }
}
