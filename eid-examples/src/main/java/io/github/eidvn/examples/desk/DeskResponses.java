package io.github.eidvn.examples.desk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import io.github.eidvn.verifier.hospital.CheckInDecision;

/**
 * The desk's answers: every response carries the same security headers; a body is JSON, plain text or one of the
 * page's static files.
 */
final class DeskResponses {

    /** The Content-Security-Policy of every answer: no inline script or style, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private DeskResponses() {
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

    /** A static file for GET (and its headers only for HEAD); any other method: 405. */
    static void sendStatic(HttpExchange ex, String method, byte[] body, String type) throws IOException {
        RequestBodies.drain(ex);
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

    static void sendDecision(HttpExchange ex, int status, CheckInDecision d) throws IOException {
        sendJson(ex, status, d.toJson());
    }

    static void sendJsonError(HttpExchange ex, int status, String error) throws IOException {
        sendJson(ex, status, DeskJson.error(error));
    }

    static void sendJson(HttpExchange ex, int status, String json) throws IOException {
        Headers h = ex.getResponseHeaders();
        securityHeaders(h);
        h.set("Content-Type", JSON_TYPE);
        send(ex, status, json.getBytes(StandardCharsets.UTF_8));
    }

    static void sendText(HttpExchange ex, int status, String text) throws IOException {
        Headers h = ex.getResponseHeaders();
        securityHeaders(h);
        h.set("Content-Type", "text/plain; charset=utf-8");
        send(ex, status, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An error for a page route ({@code text/plain}) or an API route ({@code {"error":…}}). */
    static void sendError(HttpExchange ex, boolean api, int status, String apiError, String pageText)
            throws IOException {
        if (api) {
            sendJsonError(ex, status, apiError);
        } else {
            sendText(ex, status, pageText);
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
