package io.github.eidvn.examples.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;

/**
 * What the receptionist's page needs: its static files ({@code /}, {@code /desk.js}, {@code /desk.css}), its
 * configuration ({@code GET /api/config}) and, in the sandbox only, sample codes ({@code POST /api/sample}).
 */
final class DeskPage {

    /** The desk's one log category, whichever part of it writes. */
    private static final Logger LOG = LoggerFactory.getLogger(DeskServer.class);
    private static final String RESOURCES = "/io/github/eidvn/examples/desk/";

    private final byte[] indexHtml = resource("index.html");
    private final byte[] deskJs = resource("desk.js");
    private final byte[] deskCss = resource("desk.css");
    private final SampleCodes samples;
    private final Duration readDeadline;
    private final String config;

    /**
     * @param samples the sample codes, or null outside the sandbox
     * @param facility the facility code shown on the page
     * @param readDeadline the time the body of a sample request may take to arrive
     */
    DeskPage(SampleCodes samples, String facility, Duration readDeadline) {
        this.samples = samples;
        this.readDeadline = readDeadline;
        this.config = DeskJson.config(samples != null, facility, DeskServer.MAX_TEXT_CHARS,
                DeskServer.MAX_IMAGE_BYTES);
    }

    /** @return true when sample codes are offered */
    boolean sandbox() {
        return samples != null;
    }

    /**
     * Serves a static file of the page.
     *
     * @return false when {@code path} is not one
     */
    boolean serveStatic(HttpExchange ex, String path, String method) throws IOException {
        switch (path) {
            case "/", "/index.html" -> DeskResponses.sendStatic(ex, method, indexHtml, "text/html; charset=utf-8");
            case "/desk.js" -> DeskResponses.sendStatic(ex, method, deskJs, "text/javascript; charset=utf-8");
            case "/desk.css" -> DeskResponses.sendStatic(ex, method, deskCss, "text/css; charset=utf-8");
            default -> {
                return false;
            }
        }
        return true;
    }

    void sendConfig(HttpExchange ex) throws IOException {
        DeskResponses.sendJson(ex, 200, config);
    }

    /** Issues a fresh sample code of the kind named in the body; only called in the sandbox. */
    void sample(HttpExchange ex) throws IOException {
        RequestBodies.Body body = RequestBodies.read(ex, 64, readDeadline);
        SampleCodes.Kind kind = body.failure() != null ? null
                : SampleCodes.Kind.parse(new String(body.bytes(), StandardCharsets.US_ASCII).trim());
        if (kind == null) {
            DeskResponses.sendJsonError(ex, 400,
                    "body must be valid, expired-card, legacy-chip-card, legacy-no-card or tampered");
            return;
        }
        SampleCodes.Sample s = samples.issue(kind);
        LOG.info("sandbox sample issued: {}", kind.slug());
        DeskResponses.sendJson(ex, 200, DeskJson.sample(s));
    }

    private static byte[] resource(String name) {
        try (InputStream in = DeskPage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
