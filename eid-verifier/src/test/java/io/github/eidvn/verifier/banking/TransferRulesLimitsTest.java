package io.github.eidvn.verifier.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.SettableClock;

/**
 * The day total a decision reports and keeps, corrupt stored totals (fail closed), account ids at their limits, and
 * the configure-once builder.
 */
class TransferRulesLimitsTest {

    private static final Instant MORNING = Instant.parse("2026-09-17T03:00:00Z");

    private final SettableClock clock = SettableClock.at(MORNING);
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final TransferRules rules = TransferRules.builder().stateStore(store).clock(clock).build();

    @Test
    void allow_reportsTheNewDayTotal() {
        BankFixtures.deviceKnown(rules, clock, "wallet-1");
        rules.decide(BankFixtures.transfer("wallet-1", 1_000_000), TransferEvidence.otp());
        TransferDecision second = rules.decide(BankFixtures.transfer("wallet-1", 2_000_000), TransferEvidence.otp());
        assertThat(second.outcome()).isEqualTo(TransferDecision.Outcome.ALLOW);
        assertThat(second.vietnamese()).contains("3.000.000");
        assertThat(second.english()).contains("3,000,000");
        assertThat(rules.dayTotalVnd("wallet-1")).isEqualTo(3_000_000);
    }

    @Test
    void corruptStoredTotal_refusedCheckUnavailable_orThrownWhenRead() {
        for (String bad : new String[] {"", "12a", "-5", "/", ":", "1".repeat(20), "9".repeat(19)}) {
            store.put(TransferRules.KEY_PREFIX + "2026-09-17:wallet-2", bad.getBytes(StandardCharsets.US_ASCII),
                    StateStore.NO_EXPIRY);
            TransferDecision d = rules.decide(BankFixtures.transfer("wallet-2", 1_000), TransferEvidence.otp());
            assertThat(d).as(bad).isInstanceOf(TransferDecision.Refused.class);
            assertThat(((TransferDecision.Refused) d).refusal()).as(bad)
                    .isEqualTo(TransferDecision.Refusal.CHECK_UNAVAILABLE);
            assertThatThrownBy(() -> rules.dayTotalVnd("wallet-2")).isInstanceOf(IllegalStateException.class);
        }
        store.put(TransferRules.KEY_PREFIX + "2026-09-17:wallet-2", "1".repeat(19).getBytes(StandardCharsets.US_ASCII),
                StateStore.NO_EXPIRY);
        assertThat(rules.dayTotalVnd("wallet-2")).isEqualTo(Long.parseLong("1".repeat(19)));
        store.put(TransferRules.KEY_PREFIX + "2026-09-17:wallet-2", "0".getBytes(StandardCharsets.US_ASCII),
                StateStore.NO_EXPIRY);
        assertThat(rules.dayTotalVnd("wallet-2")).isZero();
    }

    @Test
    void accountId_printableAsciiWithoutSpaces() {
        assertThat(BankFixtures.transfer("!~", 1).account()).isEqualTo("!~");
        assertThatThrownBy(() -> Transfer.builder().account("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.builder().account("a\u007f")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.builder().account("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.builder().device("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.builder().account("a").device("d").kind(Transfer.Kind.TRANSFER)
                .amountVnd(1).build()).isInstanceOf(IllegalStateException.class); // no holder
    }

    @Test
    void builder_eachOptionOnce_evidenceAgeUpToAnHour() {
        TransferRules.Builder b = TransferRules.builder();
        b.stateStore(store);
        assertThatThrownBy(() -> b.stateStore(store)).isInstanceOf(IllegalStateException.class);
        b.clock(clock);
        assertThatThrownBy(() -> b.clock(clock)).isInstanceOf(IllegalStateException.class);
        b.zone(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThatThrownBy(() -> b.zone(ZoneId.of("UTC"))).isInstanceOf(IllegalStateException.class);
        b.dailyBiometricAboveVnd(20_000_000);
        assertThatThrownBy(() -> b.dailyBiometricAboveVnd(20_000_000)).isInstanceOf(IllegalStateException.class);
        b.maxTransferVnd(1_000_000_000);
        assertThatThrownBy(() -> b.maxTransferVnd(1_000_000_000)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.maxEvidenceAge(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxEvidenceAge(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxEvidenceAge(Duration.ofHours(1).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        b.maxEvidenceAge(Duration.ofHours(1));
        assertThatThrownBy(() -> b.maxEvidenceAge(Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class);
        assertThat(b.build().dailyBiometricAboveVnd()).isEqualTo(20_000_000);
    }
    @Test
    void storedTotalOfTwentyDigits_refused_evenWhenItWouldWrapToAPositiveNumber() {
        // 2 x 10^19 wraps to 1,553,255,926,290,448,384 in 64 bits: refused by its length, not by its sign
        store.put(TransferRules.KEY_PREFIX + "2026-09-17:wallet-3", "20000000000000000000".getBytes(
                StandardCharsets.US_ASCII), StateStore.NO_EXPIRY);
        assertThatThrownBy(() -> rules.dayTotalVnd("wallet-3")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builder_evidenceOptionsOnce_faceThresholdInZeroToOne_namesNotBlank() {
        TransferRules.Builder b = TransferRules.builder().eidAudience("wallet-demo").eidPurpose("payment")
                .walletTopUpBiometricAboveVnd(5_000_000).faceThreshold(1.0);
        assertThatThrownBy(() -> b.eidAudience("other")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.eidPurpose("other")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.walletTopUpBiometricAboveVnd(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.faceThreshold(0.9)).isInstanceOf(IllegalStateException.class);
        for (double bad : new double[] {0.0, -0.1, Math.nextUp(1.0), Double.NaN}) {
            assertThatThrownBy(() -> TransferRules.builder().faceThreshold(bad)).as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        TransferRules.builder().faceThreshold(Double.MIN_VALUE);
        assertThatThrownBy(() -> TransferRules.builder().eidAudience(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransferRules.builder().eidPurpose("")).isInstanceOf(IllegalArgumentException.class);
        TransferRules built = TransferRules.builder().maxEvidenceAge(Duration.ofMinutes(1)).stateStore(store)
                .walletTopUpBiometricAboveVnd(3_000_000).build();
        assertThat(built.walletTopUpBiometricAboveVnd()).isEqualTo(3_000_000);
        assertThat(built.toString()).contains("top-ups above 3000000 VND", "zone Asia/Ho_Chi_Minh")
                .contains("10000000 VND per transfer", "20000000 VND per day");
    }

    @Test
    void strictFaceThreshold_aGoodButLowerScore_doesNotCount() {
        TransferRules strict = TransferRules.builder().stateStore(store).clock(clock).faceThreshold(0.99).build();
        BankFixtures.deviceKnown(rules, clock, "wallet-4");
        TransferDecision d = strict.decide(BankFixtures.transfer("wallet-4", 15_000_000),
                BankFixtures.face(clock, strict.challenge(BankFixtures.transfer("wallet-4", 15_000_000))));
        assertThat(d.outcome()).isEqualTo(TransferDecision.Outcome.STEP_UP_BIOMETRIC);
        assertThat(((TransferDecision.StepUp) d).detail()).contains("threshold");
    }

    @Test
    void withoutAClock_todayIsTheSystemDay() {
        TransferRules systemClock = TransferRules.builder().stateStore(InMemoryStateStore.create()).build();
        assertThat(systemClock.dayTotalVnd("wallet-5")).isZero();
        TransferDecision d = systemClock.decide(BankFixtures.transfer("wallet-5", 1_000), TransferEvidence.otp());
        assertThat(d.outcome()).isEqualTo(TransferDecision.Outcome.STEP_UP_BIOMETRIC);
    }

    @Test
    void decisions_speakTheLocaleLanguage_andPrintNoPersonalData() {
        BankFixtures.deviceKnown(rules, clock, "wallet-6");
        TransferDecision allow = rules.decide(BankFixtures.transfer("wallet-6", 1_000), TransferEvidence.otp());
        assertThat(allow.message(java.util.Locale.forLanguageTag("vi"))).isEqualTo(allow.vietnamese())
                .contains("1.000 đ");
        assertThat(allow.message(java.util.Locale.ENGLISH)).isEqualTo(allow.english()).contains("1,000 VND");
        assertThat(((TransferDecision.Allow) allow).amountVnd()).isEqualTo(1_000);
        assertThat(allow.toString()).doesNotContain(BankFixtures.HOLDER_NUMBER).isNotEmpty();
        TransferDecision stepUp = rules.decide(BankFixtures.transfer("wallet-6", 2_000), TransferEvidence.none());
        assertThat(((TransferDecision.StepUp) stepUp).amountVnd()).isEqualTo(2_000);
        assertThat(stepUp.toString()).contains("OTP_FOR_OTHER_TRANSFERS");
        TransferDecision refused = rules.decide(BankFixtures.transfer("wallet-6", 0), TransferEvidence.otp());
        assertThat(((TransferDecision.Refused) refused).detail()).contains("not positive");
        assertThat(refused.toString()).contains("INVALID_AMOUNT");
    }
}
