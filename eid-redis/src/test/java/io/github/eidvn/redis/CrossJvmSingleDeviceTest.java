package io.github.eidvn.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.github.eidvn.account.device.DeviceBinding;
import io.github.eidvn.account.device.SessionValidation;

/**
 * Two bank nodes in two forked JVMs ({@link CrossJvmLoginWorker}), 32 threads each, log one account in from 64
 * distinct devices through {@code AccountLogin} on one real Redis for {@code -Deid.crossjvm.seconds} (default 5 s in
 * the normal build; 30 s with {@code mvn -Pload}). While it runs, both nodes observe sessions of both nodes
 * between two reads of the binding (and the last session of every device that just lost), and report any valid
 * session that is not the active device's. Afterwards the test checks from a third JVM: no violation; the first binding
 * happened once; the binding generation counts exactly that binding plus every successful switch of both nodes (a lost
 * or duplicated compare-and-set fails here: a Java read-then-write CAS was caught); every challenge ended exactly once
 * (switched, or refused as binding-changed); and of the 64 last sessions exactly one is valid, the active device's.
 */
class CrossJvmSingleDeviceTest {

    private static final int THREADS = 32;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void twoJvms_32ThreadsEach_exactlyOneActiveDevice_losingSessionsInvalid() throws Exception {
        long seconds = Long.getLong("eid.crossjvm.seconds", 5);
        String ns = "xjvm";
        List<String> nodes = List.of("A", "B");
        try (RedisServerProcess redis = RedisServerProcess.start();
                RedisStateStore store = RedisStateStore.builder().uri(redis.uri()).namespace(ns).build()) {
            List<Process> procs = new ArrayList<>();
            List<String> output = new CopyOnWriteArrayList<>();
            CountDownLatch ready = new CountDownLatch(nodes.size());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (String node : nodes) {
                ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                        CrossJvmLoginWorker.class.getName(), redis.uri(), ns, node, Integer.toString(THREADS),
                        Long.toString(seconds * 1000), String.join(",", nodes)).redirectErrorStream(true);
                Process p = pb.start();
                procs.add(p);
                Thread reader = new Thread(() -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            if (line.startsWith("READY")) {
                                ready.countDown();
                            }
                            output.add(node + "> " + line);
                        }
                    } catch (IOException e) {
                        output.add(node + "> read failed " + e);
                    }
                }, "out-" + node);
                reader.setDaemon(true);
                reader.start();
            }
            try {
                assertThat(ready.await(120, TimeUnit.SECONDS)).as("both JVMs ready: " + output).isTrue();
                long t0 = System.nanoTime();
                store.put("xjvm:go", new byte[] {1}, Duration.ofHours(1));
                for (Process p : procs) {
                    assertThat(p.waitFor(seconds + 180, TimeUnit.SECONDS)).as("JVM finished: " + output).isTrue();
                    assertThat(p.exitValue()).as("exit code; output: " + output).isZero();
                }
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                Thread.sleep(100); // let the readers drain

                Map<String, Map<String, Long>> results = new HashMap<>();
                List<String> violations = new ArrayList<>();
                for (String line : output) {
                    String body = line.substring(3);
                    if (body.startsWith("RESULT ")) {
                        Map<String, Long> m = new HashMap<>();
                        String node = null;
                        for (String kv : body.substring(7).split(" ")) {
                            String[] x = kv.split("=");
                            if (x[0].equals("node")) {
                                node = x[1];
                            } else {
                                m.put(x[0], Long.parseLong(x[1]));
                            }
                        }
                        results.put(node, m);
                    } else if (body.startsWith("VIOLATION")) {
                        violations.add(line);
                    }
                }
                System.out.printf("cross-JVM: 2 JVMs x %d threads, %d s (%d ms wall): %s%n", THREADS, seconds, ms,
                        results);
                assertThat(results).as("output: " + output).containsOnlyKeys(nodes);
                assertThat(violations).isEmpty();
                long switches = 0;
                long bound = 0;
                for (String n : nodes) {
                    Map<String, Long> m = results.get(n);
                    assertThat(m.get("violations")).isZero();
                    assertThat(m.get("switches") + m.get("bindingChanged")).as("every challenge of " + n + " ends once")
                            .isEqualTo(m.get("challenges"));
                    assertThat(m.get("challenges")).as("node " + n + " raced for the device").isPositive();
                    assertThat(m.get("scans")).as("node " + n + " watched").isPositive();
                    switches += m.get("switches");
                    bound += m.get("deviceBound");
                }
                assertThat(bound).as("the first binding happened once, in one node").isEqualTo(1);
                assertThat(switches).as("devices switched").isGreaterThanOrEqualTo(2);

                AccountRig rig = new AccountRig(store);
                DeviceBinding b = rig.login.activeDevice(AccountRig.acct(CrossJvmLoginWorker.PN)).orElseThrow();
                assertThat(b.generation()).as("generation = first bind + all switches").isEqualTo(1 + switches);
                int valid = 0;
                for (String n : nodes) {
                    for (int i = 0; i < THREADS; i++) {
                        var t = store.get(CrossJvmLoginWorker.tokenKey(n, i));
                        if (t.isPresent() && rig.login.validateSession(new String(t.get(), StandardCharsets.US_ASCII))
                                instanceof SessionValidation.Valid v) {
                            valid++;
                            assertThat(v.session().deviceId()).isEqualTo(b.deviceId());
                            assertThat(v.session().generation()).isEqualTo(b.generation());
                        }
                    }
                }
                assertThat(valid).as("exactly one device holds a valid session").isEqualTo(1);
                System.out.printf("cross-JVM: final generation %d, active %s%n", b.generation(), b.deviceId());
            } finally {
                for (Process p : procs) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
