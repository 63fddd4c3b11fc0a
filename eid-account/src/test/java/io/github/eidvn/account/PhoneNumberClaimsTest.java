package io.github.eidvn.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.spi.InMemoryStateStore;

class PhoneNumberClaimsTest {

    private final InMemoryStateStore store = InMemoryStateStore.create();
    private final PhoneNumberClaims claims = PhoneNumberClaims.create(store, SecurityAudit.loggingOnly(Clock.systemUTC()));

    @Test
    void claim_thenAnotherPersonRefused() {
        assertThat(claims.claim("001099012345", "0912345678"))
                .isEqualTo(new PhoneClaimResult.Claimed("+84912345678", Optional.empty()));
        assertThat(claims.claim("001099012345", "+84 912 345 678")).as("idempotent")
                .isInstanceOf(PhoneClaimResult.Claimed.class);
        assertThat(claims.claim("079203001234", "84912345678"))
                .isEqualTo(new PhoneClaimResult.Refused(PhoneClaimResult.Reason.HELD_BY_ANOTHER_PERSON));
        assertThat(claims.holderOf("0912345678")).contains("001099012345");
        assertThat(claims.phoneOf("001099012345")).contains("+84912345678");
    }

    @Test
    void change_releasesOldNumber_onePhonePerPerson() {
        claims.claim("001099012345", "0912345678");
        assertThat(claims.claim("001099012345", "0987654321"))
                .isEqualTo(new PhoneClaimResult.Claimed("+84987654321", Optional.of("+84912345678")));
        assertThat(claims.holderOf("0912345678")).isEmpty();
        assertThat(claims.claim("079203001234", "0912345678")).isInstanceOf(PhoneClaimResult.Claimed.class);
    }

    @Test
    void release_onlyByHolder() {
        claims.claim("001099012345", "0912345678");
        assertThat(claims.release("079203001234", "0912345678")).isFalse();
        assertThat(claims.release("001099012345", "0912345678")).isTrue();
        assertThat(claims.phoneOf("001099012345")).isEmpty();
    }

    @Test
    void invalidInput_refused() {
        assertThat(claims.claim("123", "0912345678"))
                .isEqualTo(new PhoneClaimResult.Refused(PhoneClaimResult.Reason.INVALID_PERSONAL_NUMBER));
        assertThat(claims.claim("001099012345", "12345"))
                .isEqualTo(new PhoneClaimResult.Refused(PhoneClaimResult.Reason.INVALID_PHONE));
    }

    @Test
    void concurrentClaims_exactlyOnePersonWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            for (int round = 0; round < 50; round++) {
                String phone = "09100000" + String.format("%02d", round);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<PhoneClaimResult>> fs = new ArrayList<>();
                for (int p = 0; p < 32; p++) {
                    String pn = String.format("0010990%05d", p);
                    fs.add(pool.submit(() -> {
                        go.await();
                        return claims.claim(pn, phone);
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<PhoneClaimResult> f : fs) {
                    if (f.get(10, TimeUnit.SECONDS) instanceof PhoneClaimResult.Claimed) {
                        won++;
                    }
                }
                assertThat(won).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One person switching between numbers concurrently ends with exactly one number held, pointing back. */
    @Test
    void concurrentChangesBySamePerson_consistentEndState() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            String pn = "001099012345";
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PhoneClaimResult>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String phone = "091234560" + i;
                fs.add(pool.submit(() -> {
                    go.await();
                    return claims.claim(pn, phone);
                }));
            }
            go.countDown();
            for (Future<PhoneClaimResult> f : fs) {
                f.get(10, TimeUnit.SECONDS);
            }
            String held = claims.phoneOf(pn).orElseThrow();
            int holders = 0;
            for (int i = 0; i < 8; i++) {
                Optional<String> h = claims.holderOf("091234560" + i);
                if (h.isPresent()) {
                    holders++;
                    assertThat(PhoneNumbers.normalize("091234560" + i)).contains(held);
                }
            }
            assertThat(holders).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
