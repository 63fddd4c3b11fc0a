package io.github.eidvn.account.device;

import static io.github.eidvn.account.device.LoginFixture.acct;
import static io.github.eidvn.account.device.LoginFixture.confirmation;
import static io.github.eidvn.account.device.LoginFixture.PN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 64 threads each log one account in from their own device, 1,000 rounds: at every moment exactly one device is
 * active, every session of any other device (or of an older binding generation) is invalid, and the binding
 * generation counts exactly the first bind plus the successful switches (no lost or duplicated update).
 */
class AccountLoginConcurrencyTest {

    private static final int THREADS = 64;
    private static final int ROUNDS = 1_000;

    private final LoginFixture f = new LoginFixture();
    private final TestDevice[] devices = new TestDevice[THREADS];
    private final AtomicReferenceArray<String> latest = new AtomicReferenceArray<>(THREADS);
    private final List<String> thisRound = new CopyOnWriteArrayList<>();
    private final AtomicLong switches = new AtomicLong();
    private final AtomicLong challenges = new AtomicLong();
    private final AtomicLong bindingChanged = new AtomicLong();
    private final AtomicLong busyRetries = new AtomicLong();
    private final AtomicLong monitorScans = new AtomicLong();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sixtyFourDevices_thousandRounds_exactlyOneActiveDevice() throws Exception {
        f.recordNotices = false;
        f.recordEvents = false;
        for (int i = 0; i < THREADS; i++) {
            devices[i] = new TestDevice("device-" + i);
        }
        CyclicBarrier start = new CyclicBarrier(THREADS);
        CyclicBarrier end = new CyclicBarrier(THREADS, this::checkBetweenRounds);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int me = i;
            workers.add(new Thread(() -> work(me, start, end), "login-" + i));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Thread monitor = new Thread(() -> monitor(running), "monitor");
        long t0 = System.nanoTime();
        workers.forEach(Thread::start);
        monitor.start();
        for (Thread th : workers) {
            th.join();
        }
        running.set(false);
        monitor.join();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        assertThat(violations).isEmpty();
        assertThat(f.deviceBoundEvents.get()).isEqualTo(1);
        assertThat(f.login.activeDevice(acct(PN)).orElseThrow().generation()).isEqualTo(1 + switches.get());
        assertThat(switches.get() + bindingChanged.get()).as("every challenge ends once").isEqualTo(challenges.get());
        assertThat(switches.get()).isGreaterThan(ROUNDS);
        assertThat(monitorScans.get()).isPositive();
        System.out.printf("concurrency: %d rounds x %d threads in %d ms: %d switches, %d binding-changed, "
                + "%d busy retries, %d monitor scans%n", ROUNDS, THREADS, ms, switches.get(), bindingChanged.get(),
                busyRetries.get(), monitorScans.get());
    }

    private void work(int me, CyclicBarrier start, CyclicBarrier end) {
        String source = "10.0.0." + me;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                start.await();
                LoginResult r = f.password(devices[me], LoginFixture.PASSWORD, source);
                while (r instanceof LoginResult.Refused x && x.reason() == LoginResult.Reason.BUSY) {
                    busyRetries.incrementAndGet();
                    LockSupport.parkNanos(200_000);
                    r = f.password(devices[me], LoginFixture.PASSWORD, source);
                }
                if (r instanceof LoginResult.NewDeviceRequired n) {
                    challenges.incrementAndGet();
                    r = f.login.confirmNewDevice(confirmation(PN, n.challengeId(), f.lastCodeForNewDevice.get(devices[me].id),
                            source));
                    if (r instanceof LoginResult.LoggedIn) {
                        switches.incrementAndGet();
                    } else if (r instanceof LoginResult.Refused x && x.reason() == LoginResult.Reason.BINDING_CHANGED) {
                        bindingChanged.incrementAndGet();
                    } else {
                        violations.add("unexpected confirmation result " + r);
                    }
                } else if (!(r instanceof LoginResult.LoggedIn)) {
                    violations.add("unexpected login result " + r);
                }
                if (r instanceof LoginResult.LoggedIn li) {
                    latest.set(me, li.token().value());
                    thisRound.add(li.token().value());
                }
                end.await();
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            violations.add("worker " + me + ": " + e);
        }
    }

    /** Runs between rounds (barrier action): the whole state is quiescent. */
    private void checkBetweenRounds() {
        Optional<DeviceBinding> ob = f.login.activeDevice(acct(PN));
        if (ob.isEmpty()) {
            violations.add("no binding");
            return;
        }
        DeviceBinding b = ob.get();
        if (b.generation() != f.deviceBoundEvents.get() + switches.get()) {
            violations.add("generation " + b.generation() + " != binds + switches " + switches.get());
        }
        int valid = 0;
        for (int i = 0; i < THREADS; i++) {
            String t = latest.get(i);
            if (t != null && f.login.validateSession(t) instanceof SessionValidation.Valid v) {
                valid++;
                if (!v.session().deviceId().equals(b.deviceId()) || v.session().generation() != b.generation()) {
                    violations.add("valid session of " + v.session().deviceId() + " while " + b.deviceId()
                            + " is active");
                }
            }
        }
        if (valid != 1) {
            violations.add(valid + " devices hold a valid session");
        }
        for (String t : thisRound) {
            if (f.login.validateSession(t) instanceof SessionValidation.Valid v
                    && (!v.session().deviceId().equals(b.deviceId()) || v.session().generation() != b.generation())) {
                violations.add("session of this round valid for an inactive device");
            }
        }
        thisRound.clear();
        if (f.store.get(io.github.eidvn.account.internal.AccountKeys.loginLease(acct(PN))).isPresent()) {
            violations.add("password lease left behind");
        }
    }

    /** Runs during the rounds: whenever the binding did not change during a scan, only its sessions are valid. */
    private void monitor(AtomicBoolean running) {
        while (running.get()) {
            Optional<DeviceBinding> b1 = f.login.activeDevice(acct(PN));
            List<SessionInfo> valid = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String t = latest.get(i);
                if (t != null && f.login.validateSession(t) instanceof SessionValidation.Valid v) {
                    valid.add(v.session());
                }
            }
            Optional<DeviceBinding> b2 = f.login.activeDevice(acct(PN));
            if (b1.isPresent() && b2.isPresent() && b1.get().generation() == b2.get().generation()) {
                monitorScans.incrementAndGet();
                for (SessionInfo s : valid) {
                    if (!s.deviceId().equals(b1.get().deviceId()) || s.generation() != b1.get().generation()) {
                        violations.add("monitor: valid session of " + s.deviceId() + " while " + b1.get().deviceId()
                                + " is active");
                    }
                }
            }
            LockSupport.parkNanos(2_000_000);
        }
    }
}
