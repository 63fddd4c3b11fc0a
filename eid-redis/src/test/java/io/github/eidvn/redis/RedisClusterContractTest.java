package io.github.eidvn.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.github.eidvn.account.device.LoginResult;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;

/**
 * The state-store contract on a three-master Redis Cluster (started here, slots split in three): scripts reach the
 * right node by their single key, {@code EVALSHA} falls back to {@code EVAL} on nodes that never saw a script, and an
 * account's keys share one slot, so they live on one node.
 */
class RedisClusterContractTest extends RedisStateStoreContractTest {

    private final List<RedisServerProcess> others = new ArrayList<>();
    private RedisStateStore clusterStore;

    @Override
    RedisServerProcess startServer() {
        List<String> args = List.of("--save", "", "--appendonly", "no", "--cluster-enabled", "yes",
                "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000");
        RedisServerProcess first = RedisServerProcess.start(false, args);
        others.add(RedisServerProcess.start(false, args));
        others.add(RedisServerProcess.start(false, args));
        List<RedisServerProcess> all = List.of(first, others.get(0), others.get(1));
        int per = SlotHash.SLOT_COUNT / all.size();
        for (int i = 0; i < all.size(); i++) {
            int from = i * per;
            int to = i == all.size() - 1 ? SlotHash.SLOT_COUNT : from + per;
            run(all.get(i), c -> c.clusterAddSlots(IntStream.range(from, to).toArray()));
        }
        for (RedisServerProcess n : all.subList(1, all.size())) {
            run(first, c -> c.clusterMeet("127.0.0.1", n.port()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (RedisServerProcess n : all) {
            while (!run(n, c -> c.clusterInfo()).contains("cluster_state:ok")
                    || run(n, c -> c.clusterNodes()).lines().count() < all.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cluster not ready: " + run(n, c -> c.clusterInfo()));
                }
                sleep(50);
            }
        }
        return first;
    }

    @Override
    RedisStateStore connect(RedisServerProcess server) {
        clusterStore = RedisStateStore.builder().cluster(server.uri()).namespace("contract").build();
        return clusterStore;
    }

    @Override
    @AfterAll
    void stopRedis() {
        super.stopRedis();
        others.forEach(RedisServerProcess::close);
    }

    @Test
    void cluster_accountKeysOnOneNode_otherKeysSpread() {
        assertThat(clusterStore.toString()).contains("cluster 127.0.0.1:" + server().port());
        AccountRig rig = new AccountRig(clusterStore);
        String pn = "001099012345";
        AccountRig.Device phone = AccountRig.Device.create("phone");
        AccountRig.Device tablet = AccountRig.Device.create("tablet");
        assertThat(rig.loginAndConfirm(pn, phone, "10.0.0.1")).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(rig.loginAndConfirm(pn, tablet, "10.0.0.2")).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(rig.login.activeDevice(AccountRig.acct(pn)).orElseThrow().deviceId()).isEqualTo("tablet");

        List<RedisServerProcess> all = new ArrayList<>(others);
        all.add(server());
        int nodesWithAccountKeys = 0;
        int nodesWithKeys = 0;
        for (RedisServerProcess n : all) {
            List<String> keys = run(n, c -> c.keys("contract[:!]*"));
            if (!keys.isEmpty()) {
                nodesWithKeys++;
            }
            if (keys.stream().anyMatch(k -> k.contains(AccountRig.tag(pn)))) {
                nodesWithAccountKeys++;
            }
        }
        assertThat(nodesWithAccountKeys).as("all of the account's keys on one node").isEqualTo(1);
        assertThat(nodesWithKeys).as("sessions, throttles etc. spread over the cluster").isGreaterThan(1);
    }

    @Test
    void cluster_loginFromTheBoundDevice_oneScriptPerSlotTouched() {
        AccountRig rig = new AccountRig(clusterStore);
        AccountRig.Device phone = AccountRig.Device.create("phone-slots");
        String pn = "079099012397";
        assertThat(rig.password(pn, phone, "10.0.0.9")).isInstanceOf(LoginResult.LoggedIn.class);
        long before = clusterStore.commandsSent();
        assertThat(rig.password(pn, phone, "10.0.0.9")).isInstanceOf(LoginResult.LoggedIn.class);
        // step 1: the source's slot and the account's; step 2: those and the new session's (at most three slots)
        assertThat(clusterStore.commandsSent() - before).isBetween(2L, 5L);
    }

    private interface Cmd<T> {
        T apply(RedisCommands<String, String> c);
    }

    private static <T> T run(RedisServerProcess n, Cmd<T> cmd) {
        RedisClient client = RedisClient.create(n.uri());
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            return cmd.apply(conn.sync());
        } finally {
            client.shutdown(0, 1, TimeUnit.SECONDS);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
