package io.github.eidvn.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.device.LoginResult;

/**
 * Configuration through a Sentinel URI ({@code redis-sentinel://host:port#master}): the store asks the sentinel for
 * the master and runs the account services on it.
 */
class RedisSentinelTest {

    @Test
    void sentinelUri_findsTheMaster_andServesTheAccountRules() throws IOException {
        try (RedisServerProcess master = RedisServerProcess.start()) {
            Path conf = Files.createTempFile("eid-sentinel", ".conf");
            Files.writeString(conf, "sentinel monitor eidmaster 127.0.0.1 " + master.port() + " 1\n"
                    + "sentinel down-after-milliseconds eidmaster 5000\n");
            try (RedisServerProcess sentinel = RedisServerProcess.start(false,
                    List.of(conf.toString(), "--sentinel"), true);
                    RedisStateStore store = RedisStateStore.builder()
                            .uri("redis-sentinel://127.0.0.1:" + sentinel.port() + "#eidmaster")
                            .namespace("sentinel").commandTimeout(Duration.ofSeconds(1)).build()) {
                assertThat(store.toString()).contains("sentinel master eidmaster via 127.0.0.1:" + sentinel.port());
                AccountRig rig = new AccountRig(store);
                AccountRig.Device phone = AccountRig.Device.create("phone");
                assertThat(rig.loginAndConfirm("001099012345", phone, "10.0.0.1"))
                        .isInstanceOf(LoginResult.LoggedIn.class);
                assertThat(store.incrementBy("n", 2, Duration.ofMinutes(1))).isEqualTo(2);
                assertThat(master.ping()).isEqualTo("+PONG");
            } finally {
                Files.deleteIfExists(conf);
            }
        }
    }
}
