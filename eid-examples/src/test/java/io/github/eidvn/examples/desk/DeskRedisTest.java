package io.github.eidvn.examples.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.github.eidvn.examples.desk.SampleCodes.Kind;

/**
 * Two desks started with {@code --redis} on one real {@code redis-server}: a signed code accepted at one is refused
 * at the other. Skipped with a message when {@code redis-server} is missing, unless {@code CI=true} (then it fails).
 */
class DeskRedisTest {

    private static final Path REDIS = Path.of(System.getProperty("eid.redis.server", "/usr/bin/redis-server"));

    @Test
    void twoDesksWithTheSameRedis_secondScanOfACodeRefused() throws Exception {
        if (!Files.isExecutable(REDIS)) {
            String message = "SKIPPED DeskRedisTest: " + REDIS + " is missing (Debian: apt-get install redis-server)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + ", and CI=true");
            }
            Assumptions.abort(message);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process redis = new ProcessBuilder(REDIS.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (DeskFixture client = DeskFixture.sandbox()) {
            waitForPort(port);
            String jwks = Files.createTempFile("desk-jwks", ".json").toString();
            Path.of(jwks).toFile().deleteOnExit();
            Files.writeString(Path.of(jwks), client.samples.issuerJwks());
            String[] args = {"--jwks", jwks, "--port", "0", "--redis", "redis://127.0.0.1:" + port};
            try (DeskServer one = ReceptionDesk.start(ReceptionDesk.parse(args), client.clock);
                    DeskServer two = ReceptionDesk.start(ReceptionDesk.parse(args), client.clock)) {
                String code = client.samples.issue(Kind.VALID).text();
                assertThat(client.json(post(client, one, code)).get("decision").asText()).isEqualTo("VALID");
                assertThat(client.json(post(client, two, code)).get("reason").asText()).isEqualTo("REPLAYED");
            }
        } finally {
            redis.destroyForcibly();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static java.net.http.HttpResponse<String> post(DeskFixture client, DeskServer desk, String text) {
        return client.send(HttpRequest.newBuilder(desk.uri().resolve("/api/check"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    private static void waitForPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }
}
