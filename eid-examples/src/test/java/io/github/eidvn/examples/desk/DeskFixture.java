package io.github.eidvn.examples.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.examples.Demo;
import io.github.eidvn.testing.SettableClock;

/** A sandbox desk on a free loopback port with its sample codes and a settable clock, and an HTTP client. */
final class DeskFixture implements AutoCloseable {

    /** 10:00 on 17 September 2026 in Hồ Chí Minh City. */
    static final Instant NOW = Instant.parse("2026-09-17T03:00:00Z");

    final SettableClock clock;
    final SampleCodes samples;
    final DeskServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private DeskFixture(SettableClock clock, SampleCodes samples, DeskServer server) {
        this.clock = clock;
        this.samples = samples;
        this.server = server;
    }

    static DeskFixture sandbox() {
        return sandbox(b -> { });
    }

    /** A sandbox desk with its sample lookup, further configured by {@code options}. */
    static DeskFixture sandbox(java.util.function.Consumer<DeskServer.Builder> options) {
        SettableClock clock = SettableClock.at(NOW);
        SampleCodes samples = SampleCodes.sandbox(clock, Demo.FACILITY, Demo.PURPOSE);
        try {
            DeskServer.Builder b = DeskServer.builder()
                    .checkIn(ReceptionDesk.checkIn(TrustStore.fromJwks(samples.issuerJwks()), Demo.FACILITY,
                            Demo.PURPOSE, clock, samples.insuranceLookup(), null))
                    .samples(samples).facility(Demo.FACILITY).clock(clock).threads(4)
                    .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            options.accept(b);
            DeskServer server = b.start();
            return new DeskFixture(clock, samples, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    HttpResponse<String> check(String text) {
        return post("/api/check", "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> check(byte[] image, String type) {
        return post("/api/check", type, image);
    }

    HttpResponse<String> request(String method, String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(HttpResponse<String> r) {
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
