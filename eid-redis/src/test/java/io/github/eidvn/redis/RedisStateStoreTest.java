package io.github.eidvn.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.eidvn.account.device.LoginResult;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.core.spi.StateStoreException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;

/** Key naming, configuration, and what the store does when Redis is down, hangs or is back. */
class RedisStateStoreTest {

    private static final String PN = "001099012345";
    private static final Duration MIN = Duration.ofMinutes(1);
    private static RedisServerProcess server;

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        if (server != null) {
            server.close();
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static RedisStateStore store(String ns) {
        return RedisStateStore.builder().uri(server.uri()).namespace(ns).connectTimeout(Duration.ofSeconds(1))
                .commandTimeout(Duration.ofMillis(500)).build();
    }

    // ------------------------------------------------------------------ keys

    @Test
    void redisKey_accountSegmentBecomesHashTag() {
        try (RedisStateStore s = store("bank1")) {
            assertThat(s.redisKey("eid:dev:bind:" + PN)).isEqualTo("bank1:eid:dev:bind:{" + PN + "}");
            assertThat(s.redisKey("eid:dev:chal:" + PN + ":abc")).isEqualTo("bank1:eid:dev:chal:{" + PN + "}:abc");
            assertThat(s.redisKey("eid:lock:brute_force:" + PN)).isEqualTo("bank1:eid:lock:brute_force:{" + PN + "}");
            assertThat(s.redisKey(PN)).isEqualTo("bank1:{" + PN + "}");
            assertThat(s.redisKey("a:" + PN + ":" + "999999999999")).as("first one only")
                    .isEqualTo("bank1:a:{" + PN + "}:999999999999");
            assertThat(s.redisKey("eid:sess:Zx9")).as("no account segment").isEqualTo("bank1:eid:sess:Zx9");
            assertThat(s.redisKey("eid:x:0010990123456")).as("13 digits").isEqualTo("bank1:eid:x:0010990123456");
            assertThat(s.redisKey("eid:x:00109901234a")).isEqualTo("bank1:eid:x:00109901234a");
            assertThat(s.redisKey("eid:x:" + PN + "5:" + PN)).isEqualTo("bank1:eid:x:" + PN + "5:{" + PN + "}");
            assertThat(s.redisKey("eid:dev:bind:" + AccountRig.tag(PN))).as("the account services' own tag")
                    .isEqualTo("bank1!eid:dev:bind:" + AccountRig.tag(PN));
            assertThat(s.redisKey("own:{tag}:" + PN)).as("caller's tag kept, other separator")
                    .isEqualTo("bank1!own:{tag}:" + PN);
            assertThat(s.namespace()).isEqualTo("bank1");
        }
    }

    @Test
    void accountKeys_allInOneClusterSlot_namespacesSeparate() throws Exception {
        try (RedisStateStore s = store("slots"); RedisStateStore other = store("other")) {
            AccountRig rig = new AccountRig(s);
            AccountRig.Device phone = AccountRig.Device.create("phone-1");
            AccountRig.Device tablet = AccountRig.Device.create("tablet-1");
            assertThat(rig.loginAndConfirm(PN, phone, "10.0.0.1")).isInstanceOf(LoginResult.LoggedIn.class);
            assertThat(rig.password(PN, tablet, "10.0.0.2")).isInstanceOf(LoginResult.NewDeviceRequired.class);
            rig.password(PN, phone, "10.0.0.3");
            rig.login.beginUnlock(AccountRig.acct(PN), phone.id());
            rig.login.locks().lockByUser(AccountRig.acct(PN), MIN, "test");

            assertThat(other.get("eid:dev:bind:" + AccountRig.tag(PN))).as("other namespace sees nothing").isEmpty();
            assertThat(rig.login.activeDevice(AccountRig.acct(PN))).isPresent();

            List<String> keys = rawKeys("slots[:!]*");
            assertThat(keys).as("no key holds the personal number").noneMatch(k -> k.contains(PN));
            List<String> accountKeys = keys.stream().filter(k -> k.contains(AccountRig.tag(PN))).toList();
            assertThat(accountKeys).hasSizeGreaterThanOrEqualTo(4);
            Set<Integer> slots = new TreeSet<>();
            accountKeys.forEach(k -> slots.add(SlotHash.getSlot(k)));
            assertThat(slots).as("one slot for " + accountKeys).hasSize(1);
            assertThat(keys).allMatch(k -> k.startsWith("slots:") || k.startsWith("slots!"));
        }
    }

    private static List<String> rawKeys(String pattern) {
        RedisClient c = RedisClient.create(server.uri());
        try (StatefulRedisConnection<String, String> conn = c.connect()) {
            return new ArrayList<>(conn.sync().keys(pattern));
        } finally {
            c.shutdown(0, 1, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ configuration

    @Test
    void builder_optionsOnceOnly_andChecked() {
        RedisStateStore.Builder b = RedisStateStore.builder().uri(server.uri());
        assertThatThrownBy(() -> b.uri(server.uri())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.cluster(server.uri())).isInstanceOf(IllegalStateException.class);
        b.namespace("ns");
        assertThatThrownBy(() -> b.namespace("ns")).isInstanceOf(IllegalStateException.class);
        b.commandTimeout(Duration.ofSeconds(1));
        assertThatThrownBy(() -> b.commandTimeout(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        b.connectTimeout(Duration.ofSeconds(1));
        assertThatThrownBy(() -> b.connectTimeout(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(() -> RedisStateStore.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RedisStateStore.builder().uri("http://x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisStateStore.builder().cluster("redis-sentinel://x#m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisStateStore.builder().cluster()).isInstanceOf(IllegalArgumentException.class);
        for (String bad : List.of("", "a:b", "a{b}", "a b", "x".repeat(65), "ns!")) {
            assertThatThrownBy(() -> RedisStateStore.builder().namespace(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RedisStateStore.builder().commandTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisStateStore.builder().uri(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void build_wrongPassword_failsClosedWithoutEchoingIt() {
        String uri = "redis://eid:s3cret-pw@127.0.0.1:" + server.port();
        assertThatThrownBy(() -> RedisStateStore.builder().uri(uri).build())
                .isInstanceOf(StateUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret").contains("127.0.0.1"));
        assertThatThrownBy(() -> RedisStateStore.builder().uri("redis://u:s3cret@[::1:bad").build())
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void toString_namesModeAndAddress_neverCredentials() {
        try (RedisStateStore s = store("shown")) {
            assertThat(s.toString()).contains("standalone 127.0.0.1:" + server.port()).contains("namespace=shown");
        }
    }

    @Test
    void build_nothingListening_failsFastWithStateUnavailable() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket()) {
            free.bind(new InetSocketAddress("127.0.0.1", 0));
            port = free.getLocalPort();
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> RedisStateStore.builder().uri("redis://127.0.0.1:" + port)
                .connectTimeout(Duration.ofSeconds(1)).build()).isInstanceOf(StateUnavailableException.class)
                .isInstanceOf(StateStoreException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void serverError_otherRedisType_isStateStoreException() {
        try (RedisStateStore s = store("types")) {
            RedisClient c = RedisClient.create(server.uri());
            try (StatefulRedisConnection<String, String> conn = c.connect()) {
                conn.sync().lpush(s.redisKey("list"), "x");
            } finally {
                c.shutdown(0, 1, TimeUnit.SECONDS);
            }
            assertThatThrownBy(() -> s.get("list")).isInstanceOf(StateStoreException.class)
                    .isNotInstanceOf(StateUnavailableException.class).hasMessageContaining("WRONGTYPE");
            assertThatThrownBy(() -> s.compareAndSet("list", b("x"), b("y"), MIN))
                    .isInstanceOf(StateStoreException.class);
        }
    }

    // ------------------------------------------------------------------ Redis down, hanging, back

    @Test
    void redisKilled_everyOperationFailsFastWithStateUnavailable_thenRecoversByItself() {
        try (RedisServerProcess own = RedisServerProcess.start();
                RedisStateStore s = RedisStateStore.builder().uri(own.uri()).namespace("down")
                        .commandTimeout(Duration.ofSeconds(2)).build()) {
            s.put("k", b("v"), MIN);
            own.kill();
            List<Runnable> ops = List.of(() -> s.get("k"), () -> s.put("k", b("v"), MIN),
                    () -> s.putIfAbsent("n", b("v"), MIN), () -> s.compareAndSet("k", b("v"), b("w"), MIN),
                    () -> s.delete("k"), () -> s.deleteIfEquals("k", b("v")), () -> s.consume("k"),
                    () -> s.incrementBy("c", 1, MIN));
            for (Runnable op : ops) {
                long t0 = System.nanoTime();
                assertThatThrownBy(op::run).isInstanceOf(StateUnavailableException.class)
                        .hasMessageNotContaining("down:");
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("rejected, not waiting for the timeout")
                        .isLessThan(Duration.ofMillis(1500));
            }
            own.restart();
            awaitUsable(s);
            assertThat(s.putIfAbsent("after", b("v"), MIN)).isTrue();
            assertThat(s.isConnected()).isTrue();
        }
    }

    @Test
    void redisHanging_commandTimesOutWithStateUnavailable() throws Exception {
        assumeThat(System.getProperty("os.name")).as("SIGSTOP needs a POSIX system").doesNotContain("Windows");
        try (RedisServerProcess own = RedisServerProcess.start();
                RedisStateStore s = RedisStateStore.builder().uri(own.uri()).namespace("hang")
                        .commandTimeout(Duration.ofMillis(300)).build()) {
            AccountRig rig = new AccountRig(s);
            AccountRig.Device phone = AccountRig.Device.create("phone-1");
            long pid = own.pid();
            signal("STOP", pid);
            try {
                long t0 = System.nanoTime();
                assertThatThrownBy(() -> s.get("k")).isInstanceOf(StateUnavailableException.class);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(3));
                assertThatThrownBy(() -> rig.password(PN, phone, "10.0.0.1"))
                        .isInstanceOf(StateUnavailableException.class);
            } finally {
                signal("CONT", pid);
            }
            awaitUsable(s);
        }
    }

    static void awaitUsable(StateStore s) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                s.get("probe");
                return;
            } catch (StateUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            }
        }
    }

    private static void signal(String sig, long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    // ------------------------------------------------------------------ round trips (issue 18, P7)

    @Test
    void passwordLogin_fromTheBoundDevice_twoCommandsCountedOnTheClient() {
        try (RedisStateStore s = store("roundtrips")) {
            AccountRig rig = new AccountRig(s);
            AccountRig.Device phone = AccountRig.Device.create("phone-rt");
            String pn = "079099012399";
            LoginResult first = rig.password(pn, phone, "10.0.0.7");
            assertThat(first).isInstanceOf(LoginResult.LoggedIn.class);
            long before = s.commandsSent();
            for (int i = 0; i < 20; i++) {
                assertThat(rig.password(pn, phone, "10.0.0.7")).isInstanceOf(LoginResult.LoggedIn.class);
            }
            assertThat(s.commandsSent() - before).as("Redis commands for 20 logins").isEqualTo(40);

            String token = ((LoginResult.LoggedIn) first).token().value();
            before = s.commandsSent();
            assertThat(rig.login.validateSession(token))
                    .isInstanceOf(io.github.eidvn.account.device.SessionValidation.Valid.class);
            assertThat(s.commandsSent() - before).as("session read, then binding and locks").isBetween(2L, 3L);
        }
    }

    @Test
    void passwordLogin_wrongPassword_countsAndRefusesInFewCommands() {
        try (RedisStateStore s = store("roundtrips-fail")) {
            AccountRig rig = new AccountRig(s);
            AccountRig.Device phone = AccountRig.Device.create("phone-rt2");
            String pn = "079099012398";
            assertThat(rig.password(pn, phone, "10.0.0.8")).isInstanceOf(LoginResult.LoggedIn.class);
            long before = s.commandsSent();
            LoginResult r = rig.login.passwordLogin(AccountRig.request(pn, "sai mật khẩu", AccountRig.STORED_HASH,
                    phone.id(), phone.publicKey(), "10.0.0.8"));
            assertThat(r).isInstanceOf(LoginResult.Refused.class);
            assertThat(((LoginResult.Refused) r).reason()).isEqualTo(LoginResult.Reason.INVALID_CREDENTIALS);
            // first step, the two failure counts, the lease release
            assertThat(s.commandsSent() - before).isEqualTo(3);
        }
    }
}
