package io.github.eidvn.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** Keys bound to their issuer, command-line JWKS options, and an issuer's JWKS read from its URL. */
class TrustStoreIssuersTest {

    private static final String A = "https://issuer-a.example.vn";
    private static final String B = "https://issuer-b.example.vn";

    private final KeyRing ringA = KeyRing.generate();
    private final KeyRing ringB = KeyRing.generate();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A local JWKS endpoint serving whatever {@code body} holds (null: HTTP 503), counting requests. */
    private URI serve(AtomicReference<String> body, AtomicInteger hits) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", exchange -> {
            hits.incrementAndGet();
            String text = body.get();
            if (text == null) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }

    @Test
    void bareJwks_keysStandForAnyIssuer() {
        TrustStore bare = TrustStore.of(ringA);
        assertThat(bare.issuers()).isEmpty();
        TrustedKey k = bare.keys().get(0);
        assertThat(k.issuer()).isEmpty();
        assertThat(k.acceptsIssuer(A)).isTrue();
        assertThat(k.acceptsIssuer("anything")).isTrue();
    }

    @Test
    void perIssuer_eachKeyAcceptsOnlyItsIssuer() {
        TrustStore store = TrustStore.builder().issuer(A, TrustStore.of(ringA)).issuer(B, TrustStore.of(ringB)).build();
        assertThat(store.issuers()).containsExactly(A, B);
        TrustedKey a = store.candidates(ringA.current().kid()).get(0);
        TrustedKey b = store.candidates(ringB.current().kid()).get(0);
        assertThat(a.issuer()).contains(A);
        assertThat(a.acceptsIssuer(A)).isTrue();
        assertThat(a.acceptsIssuer(B)).isFalse();
        assertThat(a.acceptsIssuer(null)).isFalse();
        assertThat(b.acceptsIssuer(B)).isTrue();
        assertThat(b.acceptsIssuer(A)).isFalse();
        assertThat(store.toString()).contains(A).contains(B);
    }

    @Test
    void builder_refusesTwiceTheSameIssuer_nestedBinding_andEmptiness() {
        assertThatThrownBy(() -> TrustStore.builder().issuer(A, TrustStore.of(ringA)).issuer(A, TrustStore.of(ringB)))
                .isInstanceOf(IllegalStateException.class);
        TrustStore bound = TrustStore.builder().issuer(A, TrustStore.of(ringA)).build();
        assertThatThrownBy(() -> TrustStore.builder().issuer(B, bound)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustStore.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TrustStore.builder().issuer("", TrustStore.of(ringA)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustStore.builder().issuerJwksUrl(A, URI.create("http://example.com/jwks.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> TrustStore.builder().issuerJwksUrl(A, URI.create("https://u:p@example.com/j")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustStore.builder().jwksRefreshInterval(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustStore.builder().issuerJwksUrl(A, URI.create("https://example.com/j"))
                .jwksRefreshInterval(Duration.ofSeconds(10)).jwksMinRefreshInterval(Duration.ofSeconds(10)).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void jwksOptions_issEqualsFile_bareFile_andMixingRefused(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.writeString(a, ringA.publicJwksJson());
        Files.writeString(b, ringB.publicJwksJson());
        TrustStore two = TrustStore.fromJwksOptions(List.of(A + "=" + a, B + "=" + b));
        assertThat(two.issuers()).containsExactly(A, B);
        assertThat(two.candidates(ringB.current().kid()).get(0).acceptsIssuer(A)).isFalse();
        TrustStore bare = TrustStore.fromJwksOptions(List.of(a.toString()));
        assertThat(bare.issuers()).isEmpty();
        assertThat(bare.keys()).hasSize(1);
        assertThatThrownBy(() -> TrustStore.fromJwksOptions(List.of(a.toString(), B + "=" + b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bare JWKS");
        assertThatThrownBy(() -> TrustStore.fromJwksOptions(List.of(a.toString(), b.toString())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustStore.fromJwksOptions(List.of(A + "=" + a, A + "=" + b)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustStore.fromJwksOptions(List.of("=" + a)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustStore.fromJwksOptions(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustStore.fromJwksOptions(List.of(A + "=" + dir.resolve("missing.json"))))
                .isInstanceOf(IOException.class);
    }

    @Test
    void url_readOnce_cached_thenUnknownKidRefreshes_rateLimited() throws Exception {
        AtomicReference<String> body = new AtomicReference<>(ringA.publicJwksJson());
        AtomicInteger hits = new AtomicInteger();
        URI url = serve(body, hits);
        TrustStore store = TrustStore.builder().issuerJwksUrl(A, url).jwksRefreshInterval(Duration.ofMinutes(5))
                .jwksMinRefreshInterval(Duration.ofSeconds(1)).build();
        assertThat(hits).hasValue(0); // nothing read until a token needs a key
        String kid = ringA.current().kid();
        assertThat(store.candidates(kid)).singleElement().satisfies(k -> assertThat(k.issuer()).contains(A));
        assertThat(store.candidates(kid)).hasSize(1);
        assertThat(store.candidates(kid.substring(0, TrustStore.MIN_KID_PREFIX))).hasSize(1); // QR short kid
        assertThat(hits).hasValue(1); // cached

        // the issuer rotates: past the minimum refresh interval, a token with the new kid triggers one refresh
        KeyRing rotated = ringA.rotate();
        body.set(rotated.publicJwksJson());
        String newKid = rotated.current().kid();
        Thread.sleep(1_100);
        assertThat(store.candidates(newKid)).hasSize(1);
        assertThat(hits).hasValue(2);
        // a burst of unknown kids within the minimum interval reads the URL at most once more
        for (int i = 0; i < 20; i++) {
            assertThat(store.candidates("no-such-kid-" + i)).isEmpty();
        }
        assertThat(hits.get()).isBetween(2, 3);
        assertThat(store.keys()).hasSize(2); // the last set read: current and previous key
    }

    @Test
    void url_down_lastGoodSetStillUsed_neverReadable_failsClosed() throws Exception {
        AtomicReference<String> body = new AtomicReference<>(ringA.publicJwksJson());
        AtomicInteger hits = new AtomicInteger();
        URI url = serve(body, hits);
        TrustStore store = TrustStore.builder().issuerJwksUrl(A, url).jwksRefreshInterval(Duration.ofSeconds(2))
                .jwksMinRefreshInterval(Duration.ofSeconds(1)).build();
        String kid = ringA.current().kid();
        assertThat(store.candidates(kid)).hasSize(1);
        body.set(null); // the URL now answers 503
        Thread.sleep(2_200); // past the refresh interval: the set is read again and fails
        assertThat(store.candidates(kid)).hasSize(1); // outage tolerance: last good set
        assertThat(hits.get()).isGreaterThan(1);

        TrustStore never = TrustStore.builder().issuerJwksUrl(B, url).build();
        assertThatThrownBy(() -> never.candidates(kid)).isInstanceOf(KeysUnavailableException.class)
                .hasMessageContaining(B);
    }

    @Test
    void url_servingAPrivateKey_refused_failsClosed() throws Exception {
        AtomicReference<String> body = new AtomicReference<>(ringA.privateJwksJson());
        URI url = serve(body, new AtomicInteger());
        TrustStore store = TrustStore.builder().issuerJwksUrl(A, url).build();
        assertThatThrownBy(() -> store.candidates(ringA.current().kid())).isInstanceOf(KeysUnavailableException.class)
                .hasMessageContaining("refused").hasMessageNotContaining("\"d\":\"");
    }

    @Test
    void bareUrlOption_oneIssuerWhateverItsName() throws Exception {
        URI url = serve(new AtomicReference<>(ringA.publicJwksJson()), new AtomicInteger());
        TrustStore store = TrustStore.fromJwksOptions(List.of(url.toString()));
        assertThat(store.issuers()).isEmpty();
        assertThat(store.candidates(ringA.current().kid())).singleElement()
                .satisfies(k -> assertThat(k.acceptsIssuer("any")).isTrue());
        TrustStore bound = TrustStore.fromJwksOptions(List.of(A + "=" + url));
        assertThat(bound.candidates(ringA.current().kid()).get(0).acceptsIssuer("any")).isFalse();
    }
}
