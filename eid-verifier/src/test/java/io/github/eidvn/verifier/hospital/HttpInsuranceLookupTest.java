package io.github.eidvn.verifier.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.SettableClock;

/** The HTTP adapter against a local stub of the documented JSON contract, including a gateway that misbehaves. */
class HttpInsuranceLookupTest extends HealthInsuranceLookupContract {

    enum Mode { CONTRACT, SLOW, ERROR_503, MALFORMED, HUGE, BAD_CARD, NOT_FOUND_404, REDIRECT, TRICKLE, NOT_OBJECT }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer stub;
    private static ExecutorService stubThreads;
    private static volatile Mode mode = Mode.CONTRACT;
    private static final AtomicInteger calls = new AtomicInteger();
    private static final AtomicReference<String> authorization = new AtomicReference<>();
    private static final AtomicReference<String> query = new AtomicReference<>();

    @BeforeAll
    static void startStub() throws IOException {
        stubThreads = Executors.newCachedThreadPool();
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        stub.setExecutor(stubThreads);
        stub.createContext("/gw/", HttpInsuranceLookupTest::serve);
        stub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.stop(0);
        stubThreads.shutdownNow();
    }

    @BeforeEach
    void reset() {
        mode = Mode.CONTRACT;
        calls.set(0);
        authorization.set(null);
        query.set(null);
    }

    private static URI base() {
        return URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/gw");
    }

    /** The contract's server side: {@code GET cards?personal_number=} or {@code ?social_insurance_number=}. */
    private static void serve(HttpExchange ex) throws IOException {
        calls.incrementAndGet();
        authorization.set(ex.getRequestHeaders().getFirst("Authorization"));
        query.set(ex.getRequestURI().getRawPath() + "?" + ex.getRequestURI().getRawQuery());
        try (ex) {
            switch (mode) {
                case SLOW:
                    sleep(5_000);
                    send(ex, 200, "{\"cards\":[]}");
                    return;
                case ERROR_503:
                    send(ex, 503, "{\"error\":\"maintenance\"}");
                    return;
                case MALFORMED:
                    send(ex, 200, "{\"cards\":[{\"number\":");
                    return;
                case NOT_OBJECT:
                    send(ex, 200, "[]");
                    return;
                case BAD_CARD:
                    send(ex, 200, "{\"cards\":[{\"personal_number\":\"001088001234\",\"number\":\"XX\"}]}");
                    return;
                case NOT_FOUND_404:
                    send(ex, 404, "");
                    return;
                case REDIRECT:
                    ex.getResponseHeaders().set("Location", "http://127.0.0.1:1/cards");
                    send(ex, 302, "");
                    return;
                case HUGE: {
                    ex.sendResponseHeaders(200, 0);
                    byte[] chunk = ("{\"cards\":[" + " ".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII);
                    try (OutputStream out = ex.getResponseBody()) {
                        for (int i = 0; i < 64; i++) {
                            out.write(chunk);
                        }
                    } catch (IOException closedByClient) {
                        // expected: the client stops reading over its limit
                    }
                    return;
                }
                case TRICKLE: {
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        for (int i = 0; i < 50; i++) {
                            out.write(' ');
                            out.flush();
                            sleep(200);
                        }
                    } catch (IOException closedByClient) {
                        // expected
                    }
                    return;
                }
                default:
                    break;
            }
            String q = ex.getRequestURI().getRawQuery();
            String number = q.substring(q.indexOf('=') + 1);
            boolean personal = q.startsWith("personal_number=");
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode c : JSON.readTree(CARDS)) {
                boolean match = personal ? number.equals(c.path("personal_number").asText())
                        : c.get("number").asText().endsWith(number);
                if (match) {
                    out.add(c);
                }
            }
            ObjectNode root = JSON.createObjectNode();
            root.set("cards", out);
            send(ex, 200, JSON.writeValueAsString(root));
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    HealthInsuranceLookup lookup() {
        return HttpInsuranceLookup.builder().baseUri(base()).cache(Duration.ZERO, 1).build();
    }

    private static HttpInsuranceLookup.Builder fast() {
        return HttpInsuranceLookup.builder().baseUri(base()).timeout(Duration.ofMillis(500));
    }

    private static void assertUnavailable(HttpInsuranceLookup lookup, String detail) {
        long start = System.nanoTime();
        LookupResult r = lookup.lookup(InsuranceQuery.of("001088001234"));
        assertThat(r).isInstanceOf(LookupResult.Unavailable.class);
        assertThat(((LookupResult.Unavailable) r).detail()).contains(detail);
        // bounded by the timeout (0.5 s), with a generous margin for a loaded machine
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void request_followsTheContract_pathQueryAndCredentials() {
        AtomicInteger token = new AtomicInteger();
        HttpInsuranceLookup lookup = HttpInsuranceLookup.builder().baseUri(base())
                .credentials(() -> "Bearer t" + token.incrementAndGet()).cache(Duration.ZERO, 1).build();
        assertThat(lookup.lookup(InsuranceQuery.of("079303012345"))).isInstanceOf(LookupResult.Found.class);
        assertThat(query.get()).isEqualTo("/gw/cards?personal_number=079303012345");
        assertThat(authorization.get()).isEqualTo("Bearer t1");
        lookup.lookup(InsuranceQuery.of("7901208788"));
        assertThat(query.get()).isEqualTo("/gw/cards?social_insurance_number=7901208788");
        assertThat(authorization.get()).isEqualTo("Bearer t2"); // asked for again: a rotated token is used
        assertThat(lookup.toString()).doesNotContain("Bearer", "t2");
    }

    @Test
    void gatewayTooSlow_unavailableWithinTheTimeout() {
        mode = Mode.SLOW;
        assertUnavailable(fast().build(), "no answer within 500 ms");
    }

    @Test
    void bodyTrickledPastTheTimeout_unavailable() {
        mode = Mode.TRICKLE;
        assertUnavailable(fast().build(), "no answer within");
    }

    @Test
    void serverError_unavailable() {
        mode = Mode.ERROR_503;
        assertUnavailable(fast().build(), "HTTP 503");
    }

    @Test
    void malformedJson_notAnObject_invalidCard_unavailable() {
        mode = Mode.MALFORMED;
        assertUnavailable(fast().build(), "malformed");
        mode = Mode.NOT_OBJECT;
        assertUnavailable(fast().build(), "not a JSON object");
        mode = Mode.BAD_CARD;
        assertUnavailable(fast().build(), "card 0");
    }

    @Test
    void hugeBody_unavailable_downloadStoppedAtTheLimit() {
        mode = Mode.HUGE;
        assertUnavailable(fast().maxBodyBytes(64 * 1024).build(), "over 65536 bytes");
    }

    @Test
    void redirect_notFollowed_unavailable() {
        mode = Mode.REDIRECT;
        assertUnavailable(fast().build(), "HTTP 302");
    }

    @Test
    void notFoundStatus_notFound() {
        mode = Mode.NOT_FOUND_404;
        assertThat(fast().build().lookup(InsuranceQuery.of("001088001234"))).isInstanceOf(LookupResult.NotFound.class);
    }

    @Test
    void gatewayDown_unavailable() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HttpInsuranceLookup down = HttpInsuranceLookup.builder()
                .baseUri(URI.create("http://127.0.0.1:" + closedPort + "/")).timeout(Duration.ofMillis(500)).build();
        assertUnavailable(down, "request failed");
    }

    @Test
    void credentialsSupplierFailsOrIsEmpty_unavailable_noCall() {
        assertUnavailable(fast().credentials(() -> {
            throw new IllegalStateException("vault down");
        }).build(), "credentials supplier failed");
        assertUnavailable(fast().credentials(() -> "").build(), "no credentials");
        assertUnavailable(fast().credentials(() -> "Bearer a\r\nX-Injected: 1").build(), "not a valid header");
        assertThat(calls.get()).isZero();
    }

    @Test
    void cache_samePatientTwice_oneCall_expiresAfterTtl_failuresNotCached() {
        SettableClock clock = SettableClock.at(AssertionFixtures.NOW);
        HttpInsuranceLookup lookup = fast().cache(Duration.ofSeconds(60), 8).clock(clock).build();
        InsuranceQuery q = InsuranceQuery.of("001088001234");
        assertThat(lookup.lookup(q)).isInstanceOf(LookupResult.Found.class);
        assertThat(lookup.lookup(q)).isInstanceOf(LookupResult.Found.class);
        assertThat(calls.get()).isEqualTo(1);
        lookup.lookup(InsuranceQuery.of("001099999999"));
        lookup.lookup(InsuranceQuery.of("001099999999"));
        assertThat(calls.get()).isEqualTo(2); // NOT_FOUND cached too
        clock.advance(Duration.ofSeconds(61));
        lookup.lookup(q);
        assertThat(calls.get()).isEqualTo(3);

        mode = Mode.ERROR_503;
        InsuranceQuery other = InsuranceQuery.of("079303012345");
        assertThat(lookup.lookup(other)).isInstanceOf(LookupResult.Unavailable.class);
        mode = Mode.CONTRACT;
        assertThat(lookup.lookup(other)).isInstanceOf(LookupResult.Found.class);
        assertThat(calls.get()).isEqualTo(5);
    }

    private static final byte[] SECRET = "desk-shared-secret-desk-shared-secret!".getBytes(StandardCharsets.US_ASCII);

    /** A desk's lookup with the answer cache in {@code store} (these tests count calls: no tight timeout). */
    private static HttpInsuranceLookup sharedDesk(StateStore store) {
        return patient().sharedCache(store, SECRET).build();
    }

    @Test
    void sharedCache_samePatientAtTwoDesks_oneGatewayCall_sameAnswer() {
        StateStore store = InMemoryStateStore.create();
        HttpInsuranceLookup deskA = sharedDesk(store);
        HttpInsuranceLookup deskB = sharedDesk(store);
        InsuranceQuery q = InsuranceQuery.of("079303012345");
        LookupResult first = deskA.lookup(q);
        LookupResult second = deskB.lookup(q);
        assertThat(first).isInstanceOf(LookupResult.Found.class);
        assertThat(second).isEqualTo(first);
        assertThat(calls.get()).isEqualTo(1);
        InsuranceQuery nobody = InsuranceQuery.of("001099999999");
        assertThat(deskA.lookup(nobody)).isInstanceOf(LookupResult.NotFound.class);
        assertThat(deskB.lookup(nobody)).isInstanceOf(LookupResult.NotFound.class);
        assertThat(calls.get()).isEqualTo(2); // NOT_FOUND shared too
        assertThat(deskA.toString()).contains("shared").doesNotContain("desk-shared-secret");
    }

    @Test
    void sharedCache_gatewayUnavailable_neverCached() {
        StateStore store = InMemoryStateStore.create();
        HttpInsuranceLookup deskA = sharedDesk(store);
        HttpInsuranceLookup deskB = sharedDesk(store);
        InsuranceQuery q = InsuranceQuery.of("079303012345");
        mode = Mode.ERROR_503;
        assertThat(deskA.lookup(q)).isInstanceOf(LookupResult.Unavailable.class);
        assertThat(store.get(new StoreLookupCache(store, SECRET).key(q))).isEmpty();
        mode = Mode.CONTRACT;
        assertThat(deskB.lookup(q)).isInstanceOf(LookupResult.Found.class);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void sharedCache_storeHoldsNoNumberNameOrBirthDate_inKeyOrValue() {
        StateStore store = InMemoryStateStore.create();
        InsuranceQuery q = InsuranceQuery.of("079303012345");
        sharedDesk(store).lookup(q);
        String key = new StoreLookupCache(store, SECRET).key(q);
        assertThat(key).startsWith("bhyt-lookup:").doesNotContain("079303012345").doesNotContain("303012345");
        byte[] value = store.get(key).orElseThrow();
        String asText = new String(value, StandardCharsets.ISO_8859_1);
        for (String personal : new String[] {"079303012345", "7901208788", "2003-05-17", "01001"}) {
            assertThat(asText).doesNotContain(personal);
        }
        assertThat(asText).doesNotContain(new String("Nguyễn".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1));
        // the key depends on the secret: without it, hashing candidate numbers does not find the entry
        byte[] other = "another-secret-another-secret-another".getBytes(StandardCharsets.US_ASCII);
        assertThat(new StoreLookupCache(store, other).key(q)).isNotEqualTo(key);
    }

    @Test
    void sharedCache_entryOfAnotherSecretOrTampered_isAMiss_gatewayAsked() {
        StateStore store = InMemoryStateStore.create();
        InsuranceQuery q = InsuranceQuery.of("079303012345");
        sharedDesk(store).lookup(q);
        String key = new StoreLookupCache(store, SECRET).key(q);
        byte[] genuine = store.get(key).orElseThrow();
        // a flipped tag bit, and another format version in the first byte
        for (int at : new int[] {genuine.length - 1, 0}) {
            byte[] sealed = genuine.clone();
            sealed[at] ^= 3;
            store.put(key, sealed, Duration.ofSeconds(60));
            assertThat(sharedDesk(store).lookup(q)).isInstanceOf(LookupResult.Found.class);
        }
        assertThat(calls.get()).isEqualTo(3);
        // an entry sealed for another number, copied under this number's key, does not open either
        InsuranceQuery duc = InsuranceQuery.of("001088001234");
        HttpInsuranceLookup desk = sharedDesk(store);
        desk.lookup(duc);
        store.put(key, store.get(new StoreLookupCache(store, SECRET).key(duc)).orElseThrow(), Duration.ofSeconds(60));
        LookupResult r = desk.lookup(q);
        assertThat(((LookupResult.Found) r).cards()).extracting(InsuranceCard::holderName)
                .containsOnly("Nguyễn Thị Minh Khai");
        assertThat(calls.get()).isEqualTo(5);
    }

    @Test
    void sharedCache_usedForTheTtlOnly_evenWhenTheStoreKeepsItLonger() {
        SettableClock clock = SettableClock.at(AssertionFixtures.NOW);
        StateStore store = InMemoryStateStore.create(); // its own (real) clock: keeps entries for the 20 s
        HttpInsuranceLookup desk = fast().cache(Duration.ofSeconds(20), 1).clock(clock).sharedCache(store, SECRET)
                .build();
        InsuranceQuery q = InsuranceQuery.of("079303012345");
        desk.lookup(q);
        clock.advance(Duration.ofSeconds(19));
        desk.lookup(q);
        assertThat(calls.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        desk.lookup(q);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void sharedCache_storeDown_gatewayStillAnswers() {
        StateStore down = (StateStore) java.lang.reflect.Proxy.newProxyInstance(StateStore.class.getClassLoader(),
                new Class<?>[] {StateStore.class}, (proxy, method, args) -> {
                    throw new io.github.eidvn.core.spi.StateStoreException("store down", null);
                });
        HttpInsuranceLookup desk = fast().sharedCache(down, SECRET).build();
        assertThat(desk.lookup(InsuranceQuery.of("079303012345"))).isInstanceOf(LookupResult.Found.class);
        assertThat(desk.lookup(InsuranceQuery.of("079303012345"))).isInstanceOf(LookupResult.Found.class);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void sharedCache_shortSecretOrZeroTtl_refused() {
        StateStore store = InMemoryStateStore.create();
        assertThatThrownBy(() -> fast().sharedCache(store, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> fast().cache(Duration.ZERO, 1).sharedCache(store, SECRET).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TTL");
        assertThatThrownBy(() -> fast().sharedCache(store, SECRET).sharedCache(store, SECRET))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builder_httpsOnlyOffThisComputer_optionsOnce() {
        assertThatThrownBy(() -> HttpInsuranceLookup.builder().baseUri(URI.create("http://gw.example/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> HttpInsuranceLookup.builder().baseUri(URI.create("https://gw.example/?a=1")))
                .isInstanceOf(IllegalArgumentException.class);
        HttpInsuranceLookup.builder().baseUri(URI.create("https://gw.example/bhyt"));
        assertThatThrownBy(() -> HttpInsuranceLookup.builder().build()).isInstanceOf(IllegalStateException.class);
        HttpInsuranceLookup.Builder b = fast();
        assertThatThrownBy(() -> b.timeout(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> HttpInsuranceLookup.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
    @Test
    void builder_baseUri_needsSchemeAndHost_noFragment_loopbackHttpOnly_once() {
        for (String bad : new String[] {"gw.example/bhyt", "https:/bhyt", "https://gw.example/#top",
            "https://gw.example/?q=1", "http://10.0.0.1/"}) {
            assertThatThrownBy(() -> HttpInsuranceLookup.builder().baseUri(URI.create(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (String loopback : new String[] {"http://localhost:8080/gw", "http://127.0.0.1/", "http://[::1]:9/"}) {
            assertThat(HttpInsuranceLookup.builder().baseUri(URI.create(loopback)).build()).as(loopback)
                    .isNotNull();
        }
        assertThat(HttpInsuranceLookup.builder().baseUri(URI.create("https://gw.example")).build().toString())
                .contains("https://gw.example/cards");
        assertThat(HttpInsuranceLookup.builder().baseUri(URI.create("https://gw.example/bhyt")).build().toString())
                .contains("https://gw.example/bhyt/cards");
        HttpInsuranceLookup.Builder b = HttpInsuranceLookup.builder().baseUri(base());
        assertThatThrownBy(() -> b.baseUri(base())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builder_limitsIncludeTheirEnds_andEachOptionOnce() {
        assertThat(HttpInsuranceLookup.builder().baseUri(base()).timeout(Duration.ofMinutes(1)).build().toString())
                .contains("timeout 60000 ms");
        assertThatThrownBy(() -> HttpInsuranceLookup.builder().timeout(Duration.ofMinutes(1).plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpInsuranceLookup.builder().timeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        HttpInsuranceLookup.builder().maxBodyBytes(1024);
        HttpInsuranceLookup.builder().maxBodyBytes(16 * 1024 * 1024);
        assertThatThrownBy(() -> HttpInsuranceLookup.builder().maxBodyBytes(1023))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpInsuranceLookup.builder().maxBodyBytes(16 * 1024 * 1024 + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpInsuranceLookup.builder().baseUri(base()).cache(Duration.ofMinutes(10), 100_000).build()
                .toString()).contains("cache 100000 for 600 s");
        HttpInsuranceLookup.builder().cache(Duration.ZERO, 1);
        assertThatThrownBy(() -> HttpInsuranceLookup.builder().cache(Duration.ofMinutes(10).plusNanos(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpInsuranceLookup.builder().cache(Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpInsuranceLookup.builder().cache(Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpInsuranceLookup.builder().cache(Duration.ofSeconds(1), 100_001))
                .isInstanceOf(IllegalArgumentException.class);
        HttpInsuranceLookup.builder().sharedCache(InMemoryStateStore.create(), new byte[32]);

        HttpInsuranceLookup.Builder b = HttpInsuranceLookup.builder().credentials(() -> "Bearer x")
                .maxBodyBytes(2048).cache(Duration.ofSeconds(1), 1).clock(AssertionFixtures.clock());
        assertThatThrownBy(() -> b.credentials(() -> "Bearer y")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.maxBodyBytes(4096)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.cache(Duration.ofSeconds(2), 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.clock(AssertionFixtures.clock())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toString_namesCredentialsAndCacheKind_neverTheirValues() {
        assertThat(fast().credentials(() -> "Bearer secret-token").build().toString()).contains("with credentials")
                .doesNotContain("secret-token");
        assertThat(fast().build().toString()).doesNotContain("credentials").contains("cache 256 for 60 s");
        assertThat(fast().sharedCache(InMemoryStateStore.create(), SECRET).build().toString())
                .contains("cache shared");
    }

    /** A lookup that waits long enough for the stub on a loaded machine: for tests that count gateway calls. */
    private static HttpInsuranceLookup.Builder patient() {
        return HttpInsuranceLookup.builder().baseUri(base()).timeout(Duration.ofSeconds(20));
    }

    @Test
    void defaultCache_samePatientTwice_oneCall() {
        HttpInsuranceLookup lookup = patient().build();
        lookup.lookup(InsuranceQuery.of("001088001234"));
        lookup.lookup(InsuranceQuery.of("001088001234"));
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void cache_fullOfOtherPatients_forgetsTheLeastRecentlyUsed() {
        InsuranceQuery a = InsuranceQuery.of("001088001234");
        InsuranceQuery b = InsuranceQuery.of("079303012345");
        HttpInsuranceLookup two = patient().cache(Duration.ofSeconds(60), 2).build();
        two.lookup(a);
        two.lookup(b);
        two.lookup(a);
        assertThat(calls.get()).as("two numbers fit a cache of two").isEqualTo(2);
        calls.set(0);
        HttpInsuranceLookup one = patient().cache(Duration.ofSeconds(60), 1).build();
        one.lookup(a);
        one.lookup(b);
        one.lookup(a);
        assertThat(calls.get()).as("a cache of one keeps only the last").isEqualTo(3);
    }
    @Test
    void sharedCache_sameAnswerSealedTwice_freshNonceEachTime() {
        StateStore a = InMemoryStateStore.create();
        StateStore b = InMemoryStateStore.create();
        InsuranceQuery q = InsuranceQuery.of("079303012345");
        patient().sharedCache(a, SECRET).build().lookup(q);
        patient().sharedCache(b, SECRET).build().lookup(q);
        String key = new StoreLookupCache(a, SECRET).key(q);
        assertThat(key).isEqualTo(new StoreLookupCache(b, SECRET).key(q));
        assertThat(a.get(key).orElseThrow()).isNotEqualTo(b.get(key).orElseThrow());
    }
}
