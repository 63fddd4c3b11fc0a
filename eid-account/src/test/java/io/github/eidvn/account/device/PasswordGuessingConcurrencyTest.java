package io.github.eidvn.account.device;

import static io.github.eidvn.account.device.LoginFixture.acct;
import static io.github.eidvn.account.device.LoginFixture.PN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.SecurityEventType;

/** 64 concurrent password guessers on one account (each from its own source) get at most 5 wrong guesses checked. */
class PasswordGuessingConcurrencyTest {

    @Test
    void concurrentGuessers_atMostMaxFailuresPasswordsCompared_thenLocked() throws Exception {
        LoginFixture f = new LoginFixture();
        TestDevice attacker = new TestDevice("attacker");
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<LoginResult>> fs = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String guess = "guess-" + i;
                String source = "198.51.100." + i;
                fs.add(pool.submit(() -> {
                    go.await();
                    for (int tries = 0; tries < 10; tries++) {
                        LoginResult r = f.password(attacker, guess, source);
                        if (!(r instanceof LoginResult.Refused x) || x.reason() != LoginResult.Reason.BUSY) {
                            return r;
                        }
                        LockSupport.parkNanos(100_000);
                    }
                    return f.password(attacker, guess, source);
                }));
            }
            go.countDown();
            for (Future<LoginResult> fu : fs) {
                assertThat(fu.get(30, TimeUnit.SECONDS)).isInstanceOf(LoginResult.Refused.class);
            }
        } finally {
            pool.shutdownNow();
        }
        // Under load some guessers give up while BUSY, so the parallel phase may check fewer than 5: never more.
        assertThat(compared(f)).isLessThanOrEqualTo(5);
        for (int i = 0; i < 10 && !f.login.locks().status(acct(PN)).isLocked(); i++) {
            f.password(attacker, "late-guess-" + i, "203.0.113." + i);
        }
        assertThat(compared(f)).isEqualTo(5);
        assertThat(f.login.locks().status(acct(PN)).isLocked()).isTrue();
        assertThat(((LoginResult.Refused) f.password(new TestDevice("owner"))).reason())
                .isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);
    }

    private static long compared(LoginFixture f) {
        return f.events.stream().filter(e -> e.type() == SecurityEventType.LOGIN_FAILED).count();
    }
}
