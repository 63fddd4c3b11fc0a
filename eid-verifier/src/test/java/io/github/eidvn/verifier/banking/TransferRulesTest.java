package io.github.eidvn.verifier.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.core.spi.StateStoreException;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.SettableClock;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Verified;
import io.github.eidvn.verifier.banking.TransferDecision.Outcome;
import io.github.eidvn.verifier.banking.TransferDecision.Rule;

class TransferRulesTest {

    /** 10:00 in Hồ Chí Minh City on 17 September 2026. */
    private static final Instant MORNING = Instant.parse("2026-09-17T03:00:00Z");
    private static final String HOLDER = "079303012345";

    private final SettableClock clock = SettableClock.at(MORNING);
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final TransferRules rules = TransferRules.builder().stateStore(store).clock(clock)
            .eidAudience("wallet-demo").eidPurpose("payment").build();

    @BeforeEach
    void accountHasTransactedOnThisDevice() {
        BankFixtures.deviceKnown(rules, clock, "wallet-0042");
    }

    private static Transfer t(long amount) {
        return BankFixtures.transfer("wallet-0042", amount);
    }

    private TransferDecision face(TransferRules r, Transfer transfer) {
        return BankFixtures.decideWithFace(r, transfer, clock);
    }

    private TransferDecision otp(long amount) {
        return rules.decide(t(amount), TransferEvidence.otp());
    }

    @Test
    void perTransferThreshold_exactly10Million_isOtp_oneDongMore_isBiometric() {
        TransferDecision at = rules.decide(t(10_000_000), TransferEvidence.none());
        assertThat(at.outcome()).isEqualTo(Outcome.STEP_UP_OTP);
        assertThat(((TransferDecision.StepUp) at).rule()).isEqualTo(Rule.OTP_FOR_OTHER_TRANSFERS);

        TransferDecision over = rules.decide(t(10_000_001), TransferEvidence.none());
        assertThat(over.outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(((TransferDecision.StepUp) over).rule()).isEqualTo(Rule.SINGLE_TRANSFER_OVER_LIMIT);
        assertThat(over.vietnamese()).contains("trên 10.000.000 đ", "sinh trắc học", "chip", "mức độ 2",
                "2345/QĐ-NHNN");
        assertThat(over.english()).contains("over 10,000,000 VND", "biometric", "level-2");

        assertThat(otp(10_000_000).outcome()).isEqualTo(Outcome.ALLOW);
        TransferDecision overWithOtp = otp(10_000_001);
        assertThat(overWithOtp.outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        TransferDecision face = face(rules, t(10_000_001));
        assertThat(face.outcome()).isEqualTo(Outcome.ALLOW);
        TransferDecision.Allow allow = (TransferDecision.Allow) face;
        assertThat(allow.rule()).isEqualTo(Rule.SINGLE_TRANSFER_OVER_LIMIT);
        assertThat(allow.satisfiedBy()).isEqualTo(TransferEvidence.Factor.FACE_MATCHED_WITH_CHIP);
        assertThat(allow.dayTotalBeforeVnd()).isEqualTo(10_000_000);
        assertThat(allow.dayTotalAfterVnd()).isEqualTo(20_000_001);
    }

    @Test
    void stepUp_recordsNothing_allow_recordsTheAmount() {
        assertThat(rules.decide(t(4_000_000), TransferEvidence.none()).outcome()).isEqualTo(Outcome.STEP_UP_OTP);
        assertThat(rules.dayTotalVnd("wallet-0042")).isZero();
        TransferDecision d = otp(4_000_000);
        assertThat(d).isInstanceOf(TransferDecision.Allow.class);
        assertThat(((TransferDecision.Allow) d).satisfiedBy()).isEqualTo(TransferEvidence.Factor.OTP);
        assertThat(d.vietnamese()).contains("4.000.000 đ", "mã OTP");
        assertThat(d.message(Locale.ENGLISH)).contains("4,000,000 VND", "one-time password");
        assertThat(rules.dayTotalVnd("wallet-0042")).isEqualTo(4_000_000);
        assertThat(rules.dayTotalVnd("another-wallet")).isZero();
    }

    @Test
    void dailyTotal_reaching20MillionExactly_isOtp_crossingIt_isBiometric() {
        assertThat(otp(10_000_000).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(otp(10_000_000).outcome()).isEqualTo(Outcome.ALLOW); // total 20,000,000: not over
        assertThat(rules.dayTotalVnd("wallet-0042")).isEqualTo(20_000_000);

        TransferDecision one = otp(1);
        assertThat(one.outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        TransferDecision.StepUp s = (TransferDecision.StepUp) one;
        assertThat(s.rule()).isEqualTo(Rule.DAILY_TOTAL_CROSSES_LIMIT);
        assertThat(s.dayTotalBeforeVnd()).isEqualTo(20_000_000);
        assertThat(s.day()).isEqualTo(LocalDate.of(2026, 9, 17));
        assertThat(one.vietnamese()).contains("vượt 20.000.000 đ", "đã giao dịch 20.000.000 đ");
        assertThat(one.english()).contains("over 20,000,000 VND", "so far 20,000,000 VND");

        TransferDecision crossed = face(rules, t(1));
        assertThat(crossed.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(((TransferDecision.Allow) crossed).rule()).isEqualTo(Rule.DAILY_TOTAL_CROSSES_LIMIT);
        // the total is over the threshold now; a later transfer does not take it over again
        TransferDecision later = otp(5_000_000);
        assertThat(later.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(((TransferDecision.Allow) later).rule()).isEqualTo(Rule.OTP_FOR_OTHER_TRANSFERS);
        assertThat(rules.dayTotalVnd("wallet-0042")).isEqualTo(25_000_001);
        // but a large one is still over the per-transfer threshold
        assertThat(otp(10_000_001).outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
    }

    @Test
    void dailyTotal_crossingFromJustBelow_isBiometric() {
        assertThat(otp(9_999_999).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(otp(10_000_000).outcome()).isEqualTo(Outcome.ALLOW); // 19,999,999
        assertThat(otp(1).outcome()).isEqualTo(Outcome.ALLOW); // 20,000,000
        assertThat(otp(2).outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(rules.dayTotalVnd("wallet-0042")).isEqualTo(20_000_000);
    }

    @Test
    void biometricAlsoSatisfiesTheOtpRule() {
        TransferDecision d = face(rules, t(1_000));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(((TransferDecision.Allow) d).rule()).isEqualTo(Rule.OTP_FOR_OTHER_TRANSFERS);
        assertThat(((TransferDecision.Allow) d).satisfiedBy())
                .isEqualTo(TransferEvidence.Factor.FACE_MATCHED_WITH_CHIP);
    }

    @Test
    void dayIsTheCalendarDayInVietnam_acrossMidnight() {
        // 23:59:59 in Hồ Chí Minh City (16:59:59 UTC)
        clock.set(Instant.parse("2026-09-17T16:59:59Z"));
        assertThat(otp(10_000_000).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(otp(10_000_000).outcome()).isEqualTo(Outcome.ALLOW);
        TransferDecision beforeMidnight = otp(5_000_000);
        assertThat(beforeMidnight.outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(((TransferDecision.StepUp) beforeMidnight).day()).isEqualTo(LocalDate.of(2026, 9, 17));

        // one second later it is 00:00:00 on the 18th in Vietnam (still the 17th in UTC): a new day
        clock.advance(Duration.ofSeconds(1));
        assertThat(rules.dayTotalVnd("wallet-0042")).isZero();
        TransferDecision afterMidnight = otp(5_000_000);
        assertThat(afterMidnight.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(((TransferDecision.Allow) afterMidnight).day()).isEqualTo(LocalDate.of(2026, 9, 18));
        assertThat(((TransferDecision.Allow) afterMidnight).dayTotalBeforeVnd()).isZero();

        // UTC midnight (07:00 in Vietnam) is not a new day
        clock.set(Instant.parse("2026-09-18T00:00:00Z"));
        assertThat(rules.dayTotalVnd("wallet-0042")).isEqualTo(5_000_000);
        assertThat(otp(10_000_000).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(otp(5_000_001).outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        // and the next Vietnamese midnight is
        clock.set(Instant.parse("2026-09-18T17:00:00Z"));
        assertThat(otp(5_000_001).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void anotherZone_countsItsOwnDay() {
        TransferRules utc = TransferRules.builder().stateStore(store).clock(clock).zone(java.time.ZoneOffset.UTC)
                .build();
        clock.set(Instant.parse("2026-09-17T17:30:00Z")); // 18th in Vietnam, 17th in UTC
        assertThat(utc.decide(t(10_000_000), TransferEvidence.otp()).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(utc.dayTotalVnd("wallet-0042")).isEqualTo(10_000_000);
        assertThat(rules.dayTotalVnd("wallet-0042")).isZero();
    }

    @Test
    void thresholdsAreConfiguration() {
        TransferRules strict = TransferRules.builder().stateStore(InMemoryStateStore.create(clock)).clock(clock)
                .biometricAboveVnd(5_000_000).dailyBiometricAboveVnd(8_000_000).build();
        BankFixtures.deviceKnown(strict, clock, "wallet-0042");
        assertThat(strict.biometricAboveVnd()).isEqualTo(5_000_000);
        assertThat(strict.dailyBiometricAboveVnd()).isEqualTo(8_000_000);
        assertThat(strict.decide(t(5_000_001), TransferEvidence.otp()).outcome())
                .isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(strict.decide(t(5_000_000), TransferEvidence.otp()).outcome()).isEqualTo(Outcome.ALLOW);
        TransferDecision crossing = strict.decide(t(3_000_001), TransferEvidence.otp());
        assertThat(((TransferDecision.StepUp) crossing).rule()).isEqualTo(Rule.DAILY_TOTAL_CROSSES_LIMIT);
        assertThat(crossing.vietnamese()).contains("vượt 8.000.000 đ");
        assertThat(rules.biometricAboveVnd()).isEqualTo(TransferRules.DEFAULT_BIOMETRIC_ABOVE_VND);
        assertThat(rules.dailyBiometricAboveVnd()).isEqualTo(20_000_000);
    }

    @Test
    void zeroNegativeAndHugeAmounts_refused_nothingRecorded() {
        for (long bad : new long[] {0, -1, -10_000_000, Long.MIN_VALUE}) {
            TransferDecision d = face(rules, t(bad));
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(((TransferDecision.Refused) d).refusal()).isEqualTo(TransferDecision.Refusal.INVALID_AMOUNT);
            assertThat(d.vietnamese()).isEqualTo("Số tiền không hợp lệ.");
        }
        TransferDecision huge = face(rules, t(Long.MAX_VALUE));
        assertThat(((TransferDecision.Refused) huge).refusal())
                .isEqualTo(TransferDecision.Refusal.AMOUNT_OVER_MAXIMUM);
        assertThat(face(rules, t(TransferRules.DEFAULT_MAX_TRANSFER_VND))
                .outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(rules.dayTotalVnd("wallet-0042")).isEqualTo(TransferRules.DEFAULT_MAX_TRANSFER_VND);
    }

    @Test
    void dayTotalThatWouldOverflow_refused() {
        TransferRules loose = TransferRules.builder().stateStore(store).clock(clock).maxTransferVnd(Long.MAX_VALUE)
                .build();
        assertThat(face(loose, t(Long.MAX_VALUE - 5)).outcome())
                .isEqualTo(Outcome.ALLOW);
        assertThat(face(loose, t(5)).outcome()).isEqualTo(Outcome.ALLOW);
        TransferDecision d = face(loose, t(1));
        assertThat(((TransferDecision.Refused) d).refusal()).isEqualTo(TransferDecision.Refusal.DAY_TOTAL_OVERFLOW);
        assertThat(loose.dayTotalVnd("wallet-0042")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void corruptOrFailingStore_failsClosed() {
        store.put(TransferRules.KEY_PREFIX + "2026-09-17:wallet-0042", "12x".getBytes(StandardCharsets.US_ASCII),
                Duration.ofDays(1));
        TransferDecision corrupt = otp(1_000);
        assertThat(((TransferDecision.Refused) corrupt).refusal())
                .isEqualTo(TransferDecision.Refusal.CHECK_UNAVAILABLE);

        TransferRules down = TransferRules.builder().stateStore(new FailingStore()).clock(clock).build();
        TransferDecision d = down.decide(t(1_000), BankFixtures.face(clock, "a-challenge"));
        assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(down.decide(t(1_000), TransferEvidence.otp()).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(((TransferDecision.Refused) d).refusal()).isEqualTo(TransferDecision.Refusal.CHECK_UNAVAILABLE);
        assertThat(d.english()).contains("try again");
    }

    @Test
    void parallelTransfers_cannotSplitACrossingIntoOtpOnlyTransfers() throws Exception {
        assertThat(otp(10_000_000).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(otp(4_000_000).outcome()).isEqualTo(Outcome.ALLOW); // 14,000,000
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TransferDecision>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<TransferDecision> task = () -> {
                    start.await();
                    return otp(5_000_000);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            int allowed = 0;
            for (Future<TransferDecision> f : futures) {
                TransferDecision d = f.get();
                if (d.outcome() == Outcome.ALLOW) {
                    allowed++;
                } else {
                    assertThat(d.outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
                }
            }
            assertThat(allowed).isEqualTo(1);
            assertThat(rules.dayTotalVnd("wallet-0042")).isEqualTo(19_000_000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelSmallTransfers_noLostUpdates() throws Exception {
        int n = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    int ok = 0;
                    for (int k = 0; k < each; k++) {
                        ok += otp(1_000).outcome() == Outcome.ALLOW ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int allowed = 0;
            for (Future<Integer> f : futures) {
                allowed += f.get();
            }
            assertThat(allowed).isEqualTo(n * each);
            assertThat(rules.dayTotalVnd("wallet-0042")).isEqualTo(1_000L * n * each);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- the level-2 e-ID factor ---

    private final KeyRing ring = KeyRing.generate();

    private Verified eid(AssuranceLevel level, String personalNumber, Instant issuedAt) {
        AssertionIssuer issuer = AssertionFixtures.issuer(ring, AssertionFixtures.clockAt(issuedAt));
        String jwt = issuer.issueJwt(AssertionRequest.builder().level(level)
                .methods(level == AssuranceLevel.LEVEL_2 ? "face" : "pwd")
                .claims(Map.of("personal_number", personalNumber, "name", "Nguyễn Thị Minh Khai"))
                .audience("wallet-demo").purpose("payment").build());
        AssertionVerifier verifier = AssertionVerifier.builder().trustStore(TrustStore.fromJwks(ring.publicJwksJson()))
                .clock(clock).expectedAudience("wallet-demo").expectedPurpose("payment").anyLevel().build();
        return (Verified) verifier.verify(jwt);
    }

    private String challenge(Transfer transfer) {
        return rules.challenge(transfer);
    }

    @Test
    void levelTwoEid_ofTheHolder_freshlyIssued_satisfiesTheBiometricRule() {
        TransferDecision d = rules.decide(t(15_000_000), TransferEvidence.eid(eid(AssuranceLevel.LEVEL_2, HOLDER,
                MORNING.minusSeconds(30)), challenge(t(15_000_000))));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(((TransferDecision.Allow) d).satisfiedBy()).isEqualTo(TransferEvidence.Factor.EID_LEVEL_2);
        assertThat(d.vietnamese()).contains("định danh điện tử mức độ 2");
    }

    @Test
    void eidThatDoesNotCount_stepUpWithTheReason() {
        Verified level1 = eid(AssuranceLevel.LEVEL_1, HOLDER, MORNING);
        TransferDecision d1 = rules.decide(t(15_000_000), TransferEvidence.eid(level1, challenge(t(15_000_000))));
        assertThat(d1.outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(((TransferDecision.StepUp) d1).detail()).contains("level 1");

        Verified someoneElse = eid(AssuranceLevel.LEVEL_2, "001088001234", MORNING);
        TransferDecision d2 = rules.decide(t(15_000_000), TransferEvidence.eid(someoneElse,
                challenge(t(15_000_000))));
        assertThat(((TransferDecision.StepUp) d2).detail()).contains("not for the account holder");

        Verified fresh = eid(AssuranceLevel.LEVEL_2, HOLDER, MORNING);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        TransferDecision d3 = rules.decide(t(15_000_000), TransferEvidence.eid(fresh, challenge(t(15_000_000))));
        assertThat(((TransferDecision.StepUp) d3).detail()).contains("older than the challenge");

        // a level-1 e-ID still leaves an OTP transfer to the OTP
        TransferDecision small = rules.decide(t(1_000), TransferEvidence.eid(level1, challenge(t(1_000))));
        assertThat(small.outcome()).isEqualTo(Outcome.STEP_UP_OTP);
        assertThat(rules.decide(t(1_000), TransferEvidence.eid(level1, challenge(t(1_000)))
                .and(TransferEvidence.otp())).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(rules.dayTotalVnd("wallet-0042")).isEqualTo(1_000);
    }

    @Test
    void evidence_combines_andPrintsNoPersonalData() {
        Verified v = eid(AssuranceLevel.LEVEL_2, HOLDER, MORNING);
        String c = challenge(t(1));
        TransferEvidence e = TransferEvidence.otp().and(TransferEvidence.eid(v, c));
        assertThat(e.factors()).containsExactlyInAnyOrder(TransferEvidence.Factor.OTP,
                TransferEvidence.Factor.EID_LEVEL_2);
        assertThat(e.toString()).doesNotContain(HOLDER).doesNotContain("Nguyễn").doesNotContain(c);
        assertThat(TransferEvidence.none().factors()).isEmpty();
        assertThat(TransferEvidence.Factor.OTP.isBiometric()).isFalse();
        assertThat(TransferEvidence.Factor.EID_LEVEL_2.isBiometric()).isTrue();
        assertThatThrownBy(() -> e.and(TransferEvidence.eid(v, c))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.and(BankFixtures.face(clock, "another")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(e.and(BankFixtures.face(clock, c)).factors()).hasSize(3);
        assertThatThrownBy(() -> TransferEvidence.eid(null, c)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TransferEvidence.eid(v, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void builder_storeRequired_eachOptionOnce_badValuesRejected() {
        assertThatThrownBy(() -> TransferRules.builder().build()).isInstanceOf(IllegalStateException.class);
        TransferRules.Builder b = TransferRules.builder().stateStore(store);
        assertThatThrownBy(() -> b.stateStore(store)).isInstanceOf(IllegalStateException.class);
        b.biometricAboveVnd(1);
        assertThatThrownBy(() -> b.biometricAboveVnd(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.dailyBiometricAboveVnd(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxTransferVnd(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxEvidenceAge(Duration.ofHours(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> rules.decide(null, TransferEvidence.none())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> rules.decide(t(1), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void transfer_accountIdIsValidated_amountIsNot() {
        assertThatThrownBy(() -> Transfer.builder().account("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.builder().account("has space"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.builder().account("x".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.builder().account("ví")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.builder().account(null)).isInstanceOf(NullPointerException.class);
        assertThat(BankFixtures.transfer("a:b", -5).amountVnd()).isEqualTo(-5);
        assertThat(BankFixtures.transfer("a:b", -5).toString()).doesNotContain(BankFixtures.DEVICE);
        assertThat(Vnd.vi(1_234_567)).isEqualTo("1.234.567 đ");
        assertThat(Vnd.en(999)).isEqualTo("999 VND");
        assertThat(Vnd.en(-20_000_000)).isEqualTo("-20,000,000 VND");
    }

    /** A store whose backend is down. */
    private static final class FailingStore implements StateStore {
        private static StateStoreException down() {
            return new StateStoreException("backend down", null);
        }

        @Override
        public Optional<byte[]> get(String key) {
            throw down();
        }

        @Override
        public void put(String key, byte[] value, Duration ttl) {
            throw down();
        }

        @Override
        public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
            throw down();
        }

        @Override
        public boolean compareAndSet(String key, byte[] expected, byte[] newValue, Duration ttl) {
            throw down();
        }

        @Override
        public boolean delete(String key) {
            throw down();
        }

        @Override
        public boolean deleteIfEquals(String key, byte[] expected) {
            throw down();
        }

        @Override
        public Optional<byte[]> consume(String key) {
            throw down();
        }

        @Override
        public long incrementBy(String key, long delta, Duration ttlIfCreated) {
            throw down();
        }
    }
}
