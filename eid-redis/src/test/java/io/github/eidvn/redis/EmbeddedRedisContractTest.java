package io.github.eidvn.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The fallback path of the tests: the redis-server binary shipped in the embedded-redis artifact (Redis 6.2, the
 * oldest version the store supports), forced even when a system one is on the PATH, runs the whole state-store
 * contract.
 */
class EmbeddedRedisContractTest extends RedisStateStoreContractTest {

    @Override
    RedisServerProcess startServer() {
        return RedisServerProcess.start(true, List.of("--save", "", "--appendonly", "no"));
    }

    @Test
    void server_isTheEmbeddedBinary() {
        assertThat(server().source()).isEqualTo(RedisServerProcess.Source.EMBEDDED);
        assertThat(server().binary().toString()).doesNotStartWith("/usr/");
        assertThat(server().log()).contains("6.2.");
    }
}
