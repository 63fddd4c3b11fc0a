package io.github.eidvn.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The Have I Been Pwned range client against a local stub server (com.sun.net.httpserver). */
class PwnedPasswordsClientTest {

    /** SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8. */
    private static final String PASSWORD_SUFFIX = "1E4C9B93F3F0682250B6CF8331B7EE68FD8";

    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> paddingHeaders = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private String start(int status, Function<String, String> body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", (HttpExchange ex) -> {
            paths.add(ex.getRequestURI().getPath());
            paddingHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Add-Padding")));
            byte[] b = body.apply(ex.getRequestURI().getPath()).getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private static String rangeBody(String suffix, long count) {
        return "0018A45C4D1DEF81644B54AB7F969B88D65:10\r\n"
                + "00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0\r\n"
                + suffix + ":" + count + "\r\n"
                + "011053FD0102E94D6AE2F8B83D76FAF94F6:1\r\n";
    }

    @Test
    void found_sendsOnlyThePrefix_withPaddingHeader() throws IOException {
        String base = start(200, p -> rangeBody(PASSWORD_SUFFIX, 3861493));
        PwnedPasswordsClient c = PwnedPasswordsClient.builder().baseUrl(base + "/").build();
        assertThat(c.check("password")).isEqualTo(new BreachCheckResult.Found(3861493));
        assertThat(paths).containsExactly("/range/5BAA6");
        assertThat(paddingHeaders).containsExactly("true");
    }

    @Test
    void notFound_andPaddingLinesNeverMatch() throws IOException {
        String base = start(200, p -> rangeBody(PASSWORD_SUFFIX, 0));
        PwnedPasswordsClient c = PwnedPasswordsClient.builder().baseUrl(base).build();
        assertThat(c.check("password")).isEqualTo(new BreachCheckResult.NotFound());
        assertThat(c.check("something else entirely")).isEqualTo(new BreachCheckResult.NotFound());
    }

    @Test
    void serverError_unavailable() throws IOException {
        String base = start(503, p -> "busy");
        PwnedPasswordsClient c = PwnedPasswordsClient.builder().baseUrl(base).build();
        assertThat(c.check("password")).isInstanceOf(BreachCheckResult.Unavailable.class);
    }

    @Test
    void malformedBody_unavailable() throws IOException {
        String base = start(200, p -> "<html>not the API</html>");
        PwnedPasswordsClient c = PwnedPasswordsClient.builder().baseUrl(base).build();
        assertThat(c.check("password")).isInstanceOf(BreachCheckResult.Unavailable.class);
    }

    @Test
    void slowServer_timesOut_unavailable() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        PwnedPasswordsClient c = PwnedPasswordsClient.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .requestTimeout(Duration.ofMillis(300)).build();
        long t0 = System.nanoTime();
        assertThat(c.check("password")).isEqualTo(new BreachCheckResult.Unavailable("timed out"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5000);
    }

    @Test
    void noServer_unavailable() throws IOException {
        String base = start(200, p -> "");
        server.stop(0);
        server = null;
        PwnedPasswordsClient c = PwnedPasswordsClient.builder().baseUrl(base)
                .connectTimeout(Duration.ofSeconds(1)).build();
        assertThat(c.check("password")).isInstanceOf(BreachCheckResult.Unavailable.class);
    }

    @Test
    void policyWithClient_reportsBreachedAndCheckUnavailable() throws IOException {
        // SHA-1("Sen#Hong7Lua") computed by the client; the stub says every suffix it is asked about is breached
        String base = start(200, p -> rangeBody(PwnedPasswordsClient.sha1Hex("Sen#Hong7Lua").substring(5), 2));
        PasswordPolicy p = PasswordPolicy.vneid().withBreachedPasswordCheck(
                PwnedPasswordsClient.builder().baseUrl(base).build());
        assertThat(((PasswordCheckResult.Rejected) p.check("Sen#Hong7Lua", PasswordContext.empty())).rules())
                .containsExactly(PasswordRule.BREACHED);
        PasswordPolicy down = PasswordPolicy.vneid().withBreachedPasswordCheck(
                PwnedPasswordsClient.builder().baseUrl("http://127.0.0.1:1").connectTimeout(Duration.ofSeconds(1))
                        .build());
        assertThat(((PasswordCheckResult.Rejected) down.check("Sen#Hong7Lua", PasswordContext.empty())).rules())
                .containsExactly(PasswordRule.CHECK_UNAVAILABLE);
    }

    @Test
    void match_parsesRealFormat() {
        assertThat(PwnedPasswordsClient.match(rangeBody("ABC", 1), "ABC"))
                .isInstanceOf(BreachCheckResult.Unavailable.class);
        assertThat(PwnedPasswordsClient.match("", PASSWORD_SUFFIX)).isInstanceOf(BreachCheckResult.Unavailable.class);
        assertThat(PwnedPasswordsClient.sha1Hex("password")).isEqualTo("5BAA6" + PASSWORD_SUFFIX);
    }
}
