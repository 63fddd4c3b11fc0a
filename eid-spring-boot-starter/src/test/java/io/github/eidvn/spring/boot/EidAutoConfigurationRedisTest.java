package io.github.eidvn.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.redis.RedisStateStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ExternalTools;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Rejected;
import io.github.eidvn.verifier.Verified;

/** spring.data.redis.* selects the Redis state store; two application nodes share its replay guard. */
class EidAutoConfigurationRedisTest {

    private static Process redis;
    private static int port;

    @BeforeAll
    static void startRedis() throws Exception {
        Path server = ExternalTools.requireTool("redis-server", "redis-server");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        redis = new ProcessBuilder(server.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !redis.isAlive()) {
                    throw new IOException("redis-server did not start on port " + port, e);
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void redisHostSet_redisStoreSharedReplayGuardAcrossTwoNodes(@TempDir Path dir) throws Exception {
        KeyRing ring = KeyRing.generate();
        Path jwks = Files.writeString(dir.resolve("issuer.jwks"), ring.publicJwksJson());
        String jwt = AssertionFixtures.issuer(ring, AssertionFixtures.clock())
                .issueJwt(AssertionFixtures.hospitalRequest());
        ApplicationContextRunner node = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EidAutoConfiguration.class, EidHealthAutoConfiguration.class))
                .withBean(Clock.class, AssertionFixtures::clock)
                .withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + port,
                        "eid.verifier.issuers[0].issuer=" + AssertionFixtures.ISSUER,
                        "eid.verifier.issuers[0].jwks=" + jwks.toUri(), "eid.verifier.audience=79024",
                        "eid.verifier.purpose=bhyt-checkin");
        node.run(a -> node.run(b -> {
            assertThat(a).getBean(StateStore.class).isInstanceOf(RedisStateStore.class);
            assertThat(a.getBean("eidStateStoreHealthIndicator", HealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP);
            assertThat(a.getBean(AssertionVerifier.class).verify(jwt)).isInstanceOf(Verified.class);
            // the other node sees the same assertion id in Redis
            assertThat(b.getBean(AssertionVerifier.class).verify(jwt)).isInstanceOfSatisfying(Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Reason.REPLAYED));
        }));
    }
}
