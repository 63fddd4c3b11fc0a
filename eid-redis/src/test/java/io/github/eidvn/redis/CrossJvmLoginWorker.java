package io.github.eidvn.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.github.eidvn.account.device.DeviceBinding;
import io.github.eidvn.account.device.LoginResult;
import io.github.eidvn.account.device.SessionInfo;
import io.github.eidvn.account.device.SessionValidation;

/**
 * One bank node in its own JVM, started by {@link CrossJvmSingleDeviceTest}: {@code threads} threads log one account
 * in through {@link io.github.eidvn.account.device.AccountLogin} on Redis, each from its own device, until the
 * deadline (new device: confirm with the code pushed to the active phone, on a 100 ms tick of the wall clock shared by
 * both JVMs, so that pending confirmations race). Every session token obtained is published
 * in Redis, so a monitor thread in each node checks the sessions of both nodes: whenever the binding did not change
 * during a scan, every valid session belongs to the active device and its binding generation.
 *
 * <p>Arguments: redis URI, namespace, node name, threads, duration in ms, names of all nodes (comma-separated).
 * Prints {@code READY}, waits for the start key, then prints one {@code RESULT} line and any {@code VIOLATION} lines.
 */
public final class CrossJvmLoginWorker {

    static final String PN = "001099012345";
    private static final Duration LONG = Duration.ofHours(1);

    private CrossJvmLoginWorker() {
    }

    static String tokenKey(String node, int thread) {
        return "xjvm:token:" + node + ":" + thread;
    }

    /**
     * One observation: reads the binding, validates a published session, reads the binding again. When the binding
     * did not change meanwhile (its generation only grows), a valid session must be of the active device and its
     * generation: exactly one device is active and every session of a device that lost is invalid.
     */
    static void observe(AccountRig rig, RedisStateStore store, String tokenKey, AtomicLong observations,
            AtomicLong sessionsChecked, List<String> violations) {
        Optional<byte[]> t = store.get(tokenKey);
        if (t.isEmpty()) {
            return;
        }
        Optional<DeviceBinding> b1 = rig.login.activeDevice(AccountRig.acct(PN));
        SessionValidation v = rig.login.validateSession(new String(t.get(), StandardCharsets.US_ASCII));
        Optional<DeviceBinding> b2 = rig.login.activeDevice(AccountRig.acct(PN));
        sessionsChecked.incrementAndGet();
        if (b1.isPresent() && b2.isPresent() && b1.get().generation() == b2.get().generation()) {
            observations.incrementAndGet();
            if (v instanceof SessionValidation.Valid ok) {
                SessionInfo s = ok.session();
                if (!s.deviceId().equals(b1.get().deviceId()) || s.generation() != b1.get().generation()) {
                    violations.add("valid session of " + s.deviceId() + " generation " + s.generation() + " while "
                            + b1.get().deviceId() + " generation " + b1.get().generation() + " is active");
                }
            }
        }
    }

    /**
     * Runs the node.
     *
     * @param args see the class documentation
     * @throws Exception on setup failure
     */
    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String ns = args[1];
        String node = args[2];
        int threads = Integer.parseInt(args[3]);
        long durationMs = Long.parseLong(args[4]);
        String[] nodes = args[5].split(",");

        try (RedisStateStore store = RedisStateStore.builder().uri(uri).namespace(ns).build()) {
            AccountRig rig = new AccountRig(store);
            AccountRig.Device[] devices = new AccountRig.Device[threads];
            for (int i = 0; i < threads; i++) {
                devices[i] = AccountRig.Device.create(node + "-device-" + i);
            }
            AtomicLong logins = new AtomicLong();
            AtomicLong switches = new AtomicLong();
            AtomicLong challenges = new AtomicLong();
            AtomicLong bindingChanged = new AtomicLong();
            AtomicLong busy = new AtomicLong();
            AtomicLong scans = new AtomicLong();
            AtomicLong sessionsChecked = new AtomicLong();
            List<String> violations = new CopyOnWriteArrayList<>();

            System.out.println("READY " + node);
            System.out.flush();
            long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (store.get("xjvm:go").isEmpty()) {
                if (System.nanoTime() > waitUntil) {
                    throw new IllegalStateException("no start signal");
                }
                LockSupport.parkNanos(2_000_000);
            }
            long deadline = System.nanoTime() + Duration.ofMillis(durationMs).toNanos();

            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int me = i;
                workers.add(new Thread(() -> {
                    String source = "10.9." + Math.abs(node.hashCode() % 200) + "." + me;
                    try {
                        while (System.nanoTime() < deadline) {
                            LoginResult r = rig.password(PN, devices[me], source);
                            while (r instanceof LoginResult.Refused x && x.reason() == LoginResult.Reason.BUSY
                                    && System.nanoTime() < deadline) {
                                busy.incrementAndGet();
                                // another attempt on this account holds the password lease (in either JVM)
                                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(2_000_000, 8_000_000));
                                r = rig.password(PN, devices[me], source);
                            }
                            if (r instanceof LoginResult.Refused x && x.reason() == LoginResult.Reason.BUSY) {
                                break;
                            }
                            if (r instanceof LoginResult.NewDeviceRequired n) {
                                challenges.incrementAndGet();
                                Optional<DeviceBinding> loser = rig.login.activeDevice(AccountRig.acct(PN));
                                // confirm on a shared 100 ms tick of the wall clock, so that the confirmations
                                // pending in both JVMs race on the binding's compare-and-set at the same instant
                                long now = System.currentTimeMillis();
                                LockSupport.parkNanos((100 - now % 100) * 1_000_000L);
                                r = rig.login.confirmNewDevice(AccountRig.confirmation(PN, n.challengeId(),
                                        rig.newDeviceCodes.get(devices[me].id()), source));
                                if (r instanceof LoginResult.LoggedIn) {
                                    switches.incrementAndGet();
                                    // the device that just lost: its last session must be invalid now
                                    loser.ifPresent(l -> {
                                        String[] parts = l.deviceId().split("-device-");
                                        observe(rig, store, tokenKey(parts[0], Integer.parseInt(parts[1])), scans,
                                                sessionsChecked, violations);
                                    });
                                } else if (r instanceof LoginResult.Refused x
                                        && x.reason() == LoginResult.Reason.BINDING_CHANGED) {
                                    bindingChanged.incrementAndGet();
                                } else {
                                    violations.add("unexpected confirmation result " + r);
                                }
                            } else if (r instanceof LoginResult.LoggedIn) {
                                logins.incrementAndGet();
                            } else {
                                violations.add("unexpected login result " + r);
                            }
                            if (r instanceof LoginResult.LoggedIn li) {
                                store.put(tokenKey(node, me), li.token().value().getBytes(StandardCharsets.US_ASCII),
                                        LONG);
                            }
                        }
                    } catch (RuntimeException e) {
                        violations.add("worker " + me + " failed: " + e);
                    }
                }, node + "-login-" + i));
            }
            AtomicBoolean running = new AtomicBoolean(true);
            Thread monitor = new Thread(() -> {
                try {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    while (running.get()) {
                        String n = nodes[rnd.nextInt(nodes.length)];
                        observe(rig, store, tokenKey(n, rnd.nextInt(threads)), scans, sessionsChecked, violations);
                        LockSupport.parkNanos(1_000_000);
                    }
                } catch (RuntimeException e) {
                    violations.add("monitor failed: " + e);
                }
            }, node + "-monitor");
            workers.forEach(Thread::start);
            monitor.start();
            for (Thread t : workers) {
                t.join();
            }
            running.set(false);
            monitor.join();

            System.out.println("RESULT node=" + node + " logins=" + logins + " switches=" + switches + " challenges="
                    + challenges + " bindingChanged=" + bindingChanged + " busy=" + busy + " deviceBound="
                    + rig.deviceBoundEvents + " scans=" + scans + " sessionsChecked=" + sessionsChecked
                    + " violations=" + violations.size());
            for (String v : violations.subList(0, Math.min(20, violations.size()))) {
                System.out.println("VIOLATION " + v);
            }
            System.out.flush();
        }
    }
}
