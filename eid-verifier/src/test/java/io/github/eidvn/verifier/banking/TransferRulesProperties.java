package io.github.eidvn.verifier.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.SettableClock;
import io.github.eidvn.verifier.banking.TransferDecision.Outcome;

class TransferRulesProperties {

    @Provide
    Arbitrary<List<Long>> amounts() {
        Arbitrary<Long> any = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 12_000_000),
                Arbitraries.longs().between(9_999_990, 10_000_010),
                Arbitraries.longs(),
                Arbitraries.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 20_000_000L, 20_000_001L));
        return any.list().ofMaxSize(30);
    }

    /**
     * With an OTP only, the day total never gets over 20,000,000 VND, no allowed transfer is over 10,000,000 VND,
     * and the total is exactly the sum of the allowed amounts; every answer is the one the rules predict.
     */
    @Property(tries = 300)
    void otpOnly_neverOverEitherThreshold_totalIsTheSumOfAllowed(@ForAll("amounts") List<Long> amounts) {
        SettableClock clock = SettableClock.at(Instant.parse("2026-09-17T03:00:00Z"));
        TransferRules rules = TransferRules.builder().stateStore(InMemoryStateStore.create(clock)).clock(clock)
                .build();
        BankFixtures.deviceKnown(rules, clock, "acct");
        long total = 0;
        for (long amount : amounts) {
            TransferDecision d = rules.decide(BankFixtures.transfer("acct", amount), TransferEvidence.otp());
            Outcome expected = amount <= 0 || amount > TransferRules.DEFAULT_MAX_TRANSFER_VND ? Outcome.REFUSED
                    : amount > 10_000_000 || total + amount > 20_000_000 ? Outcome.STEP_UP_BIOMETRIC
                    : Outcome.ALLOW;
            assertThat(d.outcome()).as("amount %d after %d", amount, total).isEqualTo(expected);
            if (d instanceof TransferDecision.Allow) {
                total += amount;
            }
            assertThat(rules.dayTotalVnd("acct")).isEqualTo(total).isLessThanOrEqualTo(20_000_000);
        }
    }

    /** With a biometric factor every positive amount up to the maximum is allowed and counted. */
    @Property(tries = 200)
    void biometric_allowsEveryValidAmount(@ForAll("amounts") List<Long> amounts) {
        SettableClock clock = SettableClock.at(Instant.parse("2026-09-17T03:00:00Z"));
        TransferRules rules = TransferRules.builder().stateStore(InMemoryStateStore.create(clock)).clock(clock)
                .build();
        BankFixtures.deviceKnown(rules, clock, "acct");
        long total = 0;
        for (long amount : amounts) {
            TransferDecision d = BankFixtures.decideWithFace(rules, BankFixtures.transfer("acct", amount), clock);
            boolean valid = amount > 0 && amount <= TransferRules.DEFAULT_MAX_TRANSFER_VND
                    && total <= Long.MAX_VALUE - amount;
            assertThat(d.outcome()).isEqualTo(valid ? Outcome.ALLOW : Outcome.REFUSED);
            if (valid) {
                total += amount;
            }
        }
        assertThat(rules.dayTotalVnd("acct")).isEqualTo(total);
    }
}
