package io.github.eidvn.oidc.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import javax.net.ssl.SSLPeerUnverifiedException;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The provider's machine endpoints as JDK {@link HttpServer} handlers: discovery, JWKS, PAR and token. The
 * authorization endpoint is the integrator's page (see {@link EidOidcProvider#begin}).
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8443), 0);
 * OidcEndpoints.mount(server, provider, "");
 * server.start();
 * }</pre>
 *
 * <p><b>Security.</b> Request bodies are limited to {@value #MAX_BODY_BYTES} bytes; PAR and token accept POST
 * only; responses carry {@code Cache-Control: no-store}. Run the server behind TLS in production. On an
 * {@code HttpsServer} whose {@code SSLParameters} want or need client authentication, the client's certificate is
 * passed on for mutual-TLS client authentication ({@link TlsClientAuthentication}, RFC 8705).
 */
public final class OidcEndpoints {

    /** Largest request body accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private OidcEndpoints() {
    }

    /**
     * Mounts the four endpoints on a server, each at {@code basePath} + the provider's path.
     *
     * @param server the server
     * @param provider the provider
     * @param basePath the path of the issuer URI on this server ({@code ""} when the issuer is the server root)
     */
    public static void mount(HttpServer server, EidOidcProvider provider, String basePath) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(basePath, "basePath");
        for (Map.Entry<String, HttpHandler> e : handlers(provider).entrySet()) {
            server.createContext(basePath + e.getKey(), e.getValue());
        }
    }

    /**
     * The handlers by path, to mount with filters of one's own.
     *
     * @param provider the provider
     * @return path → handler, for {@link EidOidcProvider#DISCOVERY_PATH}, {@link EidOidcProvider#JWKS_PATH},
     *     {@link EidOidcProvider#PAR_PATH} and {@link EidOidcProvider#TOKEN_PATH}
     */
    public static Map<String, HttpHandler> handlers(EidOidcProvider provider) {
        Objects.requireNonNull(provider, "provider");
        return Map.of(
                EidOidcProvider.DISCOVERY_PATH, document(provider::discoveryJson),
                EidOidcProvider.JWKS_PATH, document(provider::jwksJson),
                EidOidcProvider.PAR_PATH, post(provider::pushedAuthorization),
                EidOidcProvider.TOKEN_PATH, post(provider::token));
    }

    private static HttpHandler document(java.util.function.Supplier<String> json) {
        return exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    send(exchange, 405, "application/json", "{\"error\":\"invalid_request\"}");
                    return;
                }
                exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
                send(exchange, 200, "application/json", json.get());
            }
        };
    }

    private static HttpHandler post(Function<HTTPRequest, HTTPResponse> endpoint) {
        return exchange -> {
            try (exchange) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    send(exchange, 405, "application/json", "{\"error\":\"invalid_request\"}");
                    return;
                }
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readNBytes(MAX_BODY_BYTES + 1);
                }
                if (body.length > MAX_BODY_BYTES) {
                    send(exchange, 413, "application/json",
                            "{\"error\":\"invalid_request\",\"error_description\":\"request too large\"}");
                    return;
                }
                URI uri = requestUri(exchange);
                HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, uri);
                for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
                    request.setHeader(h.getKey(), h.getValue().toArray(new String[0]));
                }
                request.setBody(new String(body, StandardCharsets.UTF_8));
                X509Certificate certificate = clientCertificate(exchange);
                if (certificate != null) {
                    request.setClientX509Certificate(certificate);
                }
                HTTPResponse response = endpoint.apply(request);
                for (Map.Entry<String, List<String>> h : response.getHeaderMap().entrySet()) {
                    for (String v : h.getValue()) {
                        exchange.getResponseHeaders().add(h.getKey(), v);
                    }
                }
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                byte[] out = response.getBody() == null ? new byte[0]
                        : response.getBody().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(response.getStatusCode(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(out);
                    }
                }
            }
        };
    }

    private static URI requestUri(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
        }
        return URI.create((exchange instanceof HttpsExchange ? "https://" : "http://") + host
                + exchange.getRequestURI().getRawPath());
    }

    /** The client's certificate on an HTTPS connection (mutual TLS, RFC 8705), or null. */
    private static X509Certificate clientCertificate(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https) || https.getSSLSession() == null) {
            return null;
        }
        try {
            Certificate[] chain = https.getSSLSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }
}
