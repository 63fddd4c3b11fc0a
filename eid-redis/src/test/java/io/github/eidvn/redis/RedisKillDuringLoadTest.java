package io.github.eidvn.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.github.eidvn.account.device.LoginResult;
import io.github.eidvn.account.device.SessionValidation;
import io.github.eidvn.account.otp.OtpChannel;
import io.github.eidvn.account.otp.OtpSendResult;
import io.github.eidvn.account.otp.OtpVerification;
import io.github.eidvn.core.spi.StateStoreException;

/**
 * {@code redis-server} (append-only file, {@code appendfsync always}) is killed with SIGKILL while 8 threads run
 * logins, device switches, session checks and SMS one-time codes on Redis. Every operation either completes with a
 * result or fails closed with {@link StateStoreException}; no operation that started after the kill and ended before
 * the restart was granted, and no code was delivered meanwhile. After the restart: an account the load never touched
 * has the same device binding, its session is valid, its unconsumed SMS code and its pending new-device code work
 * exactly once; the busy accounts kept every acknowledged device switch; the load is served again.
 * {@code -Deid.killtest.seconds} sets the load time before the kill (default 3; 20 with {@code -Pload}).
 */
class RedisKillDuringLoadTest {

    private static final String STABLE = "001200000001";
    private static final String STABLE_PHONE_NO = "0901111111";
    private static final List<String> BUSY = List.of("001200000010", "001200000011", "001200000012",
            "001200000013");
    private static final int THREADS = 8;

    private enum Outcome {
        GRANTED, REFUSED, FAILED_CLOSED
    }

    private record Op(String what, long startNs, long endNs, Outcome outcome) {
    }

    private final List<Op> ops = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Long> ackedGeneration = new ConcurrentHashMap<>();
    private final Map<String, String> latestToken = new ConcurrentHashMap<>();
    private final AtomicLong confirmsAttempted = new AtomicLong();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void killDuringLoginAndOtpLoad_failsClosed_aofRestoresBindingAndCodes() throws Exception {
        long loadMs = Long.getLong("eid.killtest.seconds", 3) * 1000;
        try (RedisServerProcess redis = RedisServerProcess.startDurable();
                RedisStateStore store = RedisStateStore.builder().uri(redis.uri()).namespace("kill")
                        .commandTimeout(Duration.ofSeconds(1)).build()) {
            AccountRig rig = new AccountRig(store);

            // an account the load never touches: bound phone, a session, a pending SMS code, a pending new device
            AccountRig.Device phone = AccountRig.Device.create("stable-phone");
            AccountRig.Device tablet = AccountRig.Device.create("stable-tablet");
            String stableToken = ((LoginResult.LoggedIn) rig.loginAndConfirm(STABLE, phone, "10.1.0.1")).token()
                    .value();
            var pending = (LoginResult.NewDeviceRequired) rig.password(STABLE, tablet, "10.1.0.2");
            String tabletCode = rig.newDeviceCodes.get(tablet.id());
            assertThat(rig.otp.send("login", OtpChannel.SMS, STABLE_PHONE_NO)).isInstanceOf(OtpSendResult.Sent.class);
            String smsCode = rig.smsCodes.get("+84901111111");
            assertThat(smsCode).isNotNull();
            byte[] stableBinding = store.get("eid:dev:bind:" + AccountRig.tag(STABLE)).orElseThrow();

            AccountRig.Device[][] devices = new AccountRig.Device[BUSY.size()][4];
            for (int a = 0; a < BUSY.size(); a++) {
                for (int d = 0; d < 4; d++) {
                    devices[a][d] = AccountRig.Device.create("busy" + a + "-device" + d);
                }
            }

            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> load = startLoad(rig, devices, running);
            Thread.sleep(loadMs);
            long killStart = System.nanoTime();
            Map<String, Long> ackedBeforeKill = Map.copyOf(ackedGeneration);
            redis.kill();
            long killDone = System.nanoTime();
            Thread.sleep(1500);
            long restartStart = System.nanoTime();
            running.set(false);
            for (Thread t : load) {
                t.join();
            }
            redis.restart();
            RedisStateStoreTest.awaitUsable(store);

            // 1. every operation completed or failed closed; nothing granted or delivered while Redis was down
            assertThat(violations).isEmpty();
            List<Op> whileDown = ops.stream().filter(o -> o.startNs > killDone && o.endNs < restartStart).toList();
            assertThat(whileDown).as("the load ran while Redis was down").hasSizeGreaterThan(10);
            assertThat(whileDown).allMatch(o -> o.outcome == Outcome.FAILED_CLOSED);
            assertThat(rig.deliveryNanos).noneMatch(t -> t > killDone && t < restartStart);
            long grantedBefore = ops.stream().filter(o -> o.endNs < killStart && o.outcome == Outcome.GRANTED).count();
            assertThat(grantedBefore).as("the load was served before the kill").isPositive();

            // 2. after the AOF restart: the untouched account is exactly as before
            assertThat(store.get("eid:dev:bind:" + AccountRig.tag(STABLE)).orElseThrow()).isEqualTo(stableBinding);
            assertThat(rig.login.validateSession(stableToken)).isInstanceOf(SessionValidation.Valid.class);
            assertThat(rig.otp.verify("login", OtpChannel.SMS, STABLE_PHONE_NO, smsCode, "10.1.0.1"))
                    .isInstanceOf(OtpVerification.Accepted.class);
            assertThat(rig.otp.verify("login", OtpChannel.SMS, STABLE_PHONE_NO, smsCode, "10.1.0.1"))
                    .isInstanceOf(OtpVerification.Rejected.class);
            assertThat(rig.login.confirmNewDevice(AccountRig.confirmation(STABLE, pending.challengeId(), tabletCode, "10.1.0.2")))
                    .isInstanceOf(LoginResult.LoggedIn.class);
            assertThat(rig.login.confirmNewDevice(AccountRig.confirmation(STABLE, pending.challengeId(), tabletCode, "10.1.0.2")))
                    .isInstanceOf(LoginResult.Refused.class);

            // 3. the busy accounts kept every acknowledged binding generation (an in-flight switch may have landed)
            for (String pn : BUSY) {
                long acked = ackedBeforeKill.getOrDefault(pn, 0L);
                long now = rig.login.activeDevice(AccountRig.acct(pn)).map(b -> b.generation()).orElse(0L);
                assertThat(now).as(pn).isGreaterThanOrEqualTo(acked).isLessThanOrEqualTo(1 + confirmsAttempted.get());
            }

            // 4. served again
            ops.clear();
            running.set(true);
            load = startLoad(rig, devices, running);
            Thread.sleep(1000);
            running.set(false);
            for (Thread t : load) {
                t.join();
            }
            assertThat(violations).isEmpty();
            assertThat(ops).anyMatch(o -> o.outcome == Outcome.GRANTED);
            System.out.printf("kill test: %d ms load, %d granted before the kill, %d operations failed closed while "
                    + "Redis was down, binding generations %s%n", loadMs, grantedBefore, whileDown.size(),
                    ackedBeforeKill);
        }
    }

    private List<Thread> startLoad(AccountRig rig, AccountRig.Device[][] devices, AtomicBoolean running) {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int me = t;
            Thread th = new Thread(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (running.get()) {
                    int a = rnd.nextInt(BUSY.size());
                    String pn = BUSY.get(a);
                    AccountRig.Device dev = devices[a][rnd.nextInt(4)];
                    String source = "10.2." + me + "." + rnd.nextInt(250);
                    switch (rnd.nextInt(4)) {
                        case 0 -> run("login", () -> {
                            LoginResult r = rig.password(pn, dev, source);
                            if (r instanceof LoginResult.NewDeviceRequired n) {
                                confirmsAttempted.incrementAndGet();
                                r = rig.login.confirmNewDevice(AccountRig.confirmation(pn, n.challengeId(), rig.newDeviceCodes.get(dev.id()),
                                        source));
                            }
                            if (r instanceof LoginResult.LoggedIn li) {
                                latestToken.put(pn, li.token().value());
                                ackedGeneration.merge(pn, li.session().generation(), Math::max);
                                return Outcome.GRANTED;
                            }
                            return Outcome.REFUSED;
                        });
                        case 1 -> run("session", () -> {
                            String tok = latestToken.get(pn);
                            return tok != null && rig.login.validateSession(tok) instanceof SessionValidation.Valid
                                    ? Outcome.GRANTED : Outcome.REFUSED;
                        });
                        default -> run("otp", () -> {
                            String phoneNo = "09020000" + String.format("%02d", me * 4 + a);
                            if (!(rig.otp.send("login", OtpChannel.SMS, phoneNo) instanceof OtpSendResult.Sent)) {
                                return Outcome.REFUSED;
                            }
                            String code = rig.smsCodes.get("+849020000" + String.format("%02d", me * 4 + a));
                            return rig.otp.verify("login", OtpChannel.SMS, phoneNo, code, source)
                                    instanceof OtpVerification.Accepted ? Outcome.GRANTED : Outcome.REFUSED;
                        });
                    }
                }
            }, "load-" + t);
            th.start();
            threads.add(th);
        }
        return threads;
    }

    private interface Step {
        Outcome run();
    }

    private void run(String what, Step step) {
        long t0 = System.nanoTime();
        Outcome o;
        try {
            o = step.run();
        } catch (StateStoreException e) {
            o = Outcome.FAILED_CLOSED;
        } catch (RuntimeException e) {
            violations.add(what + " ended neither with a result nor failed closed: " + e);
            return;
        }
        ops.add(new Op(what, t0, System.nanoTime(), o));
    }
}
