package io.github.eidvn.redis;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.StateStoreContract;

/**
 * The shared state-store contract on a real redis-server (the system one when on the PATH, else the embedded-redis
 * binary). TTLs are measured by Redis, so the TTL tests sleep for real with a 400 ms unit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisStateStoreContractTest extends StateStoreContract {

    private RedisServerProcess server;
    private RedisStateStore shared;

    /**
     * @return the server to test against
     */
    RedisServerProcess startServer() {
        return RedisServerProcess.start();
    }

    RedisServerProcess server() {
        return server;
    }

    @BeforeAll
    void startRedis() {
        server = startServer();
        shared = connect(server);
    }

    /**
     * @param server the started server
     * @return a store on it
     */
    RedisStateStore connect(RedisServerProcess server) {
        return RedisStateStore.builder().uri(server.uri()).namespace("contract").build();
    }

    @AfterAll
    void stopRedis() {
        if (shared != null) {
            shared.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected StateStore newStore() {
        return shared;
    }

    @Override
    protected void release(StateStore s) {
        // shared across the tests of this class; keys are prefixed per test
    }

    @Override
    protected void elapse(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Duration unit() {
        return Duration.ofMillis(400);
    }
}
