package io.github.eidvn.verifier.banking;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import io.github.eidvn.core.assurance.BiometricMatch;
import io.github.eidvn.core.assurance.BiometricMethod;
import io.github.eidvn.core.assurance.ChipEvidence;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.testing.SettableClock;

/** Holders, transfers and chip + face evidence for the bank-rule tests. */
final class BankFixtures {

    static final String HOLDER_NUMBER = "079303012345";
    static final String DEVICE = "phone-1";
    /** A holder matched through level-2 e-ID (Thông tư 17/2024/TT-NHNN), ID card valid until 2043. */
    static final AccountHolder HOLDER = AccountHolder.builder().personalNumber(PersonalNumber.of(HOLDER_NUMBER))
            .matchedBy(AccountHolder.Match.LEVEL_2_EID).idCardValidUntil(LocalDate.of(2043, 5, 17)).build();

    private BankFixtures() {
    }

    static Transfer transfer(String account, long amount) {
        return transfer(account, DEVICE, Transfer.Kind.TRANSFER, amount, HOLDER);
    }

    static Transfer transfer(String account, String device, Transfer.Kind kind, long amount, AccountHolder holder) {
        return Transfer.builder().account(account).device(device).kind(kind).amountVnd(amount).holder(holder).build();
    }

    /** The holder's chip read now and a live face scoring 0.95 against it. */
    static TransferEvidence face(Clock clock, String challenge) {
        ChipEvidence chip = ChipEvidence.builder().personalNumber(PersonalNumber.of(HOLDER_NUMBER))
                .fullName(PersonName.of("Nguyễn Thị Minh Khai")).dateOfExpiry(LocalDate.of(2043, 5, 17))
                .verifiedAt(clock.instant()).build();
        return TransferEvidence.chipAndFace(chip, new BiometricMatch(BiometricMethod.FACE, 0.95, true), challenge);
    }

    /** Asks the rules for a challenge for {@code t}, passes the face check against the chip, and decides. */
    static TransferDecision decideWithFace(TransferRules rules, Transfer t, Clock clock) {
        return rules.decide(t, face(clock, rules.challenge(t)));
    }

    /**
     * The account's first online transaction (1 VND with face against the chip) on the day before the clock's, so
     * that {@link #DEVICE} is the account's device and today's total is untouched.
     */
    static void deviceKnown(TransferRules rules, SettableClock clock, String account) {
        java.time.Instant now = clock.instant();
        clock.set(now.minus(Duration.ofDays(1)));
        TransferDecision d = decideWithFace(rules, transfer(account, 1), clock);
        clock.set(now);
        if (!(d instanceof TransferDecision.Allow)
                || ((TransferDecision.Allow) d).rule() != TransferDecision.Rule.FIRST_ONLINE_TRANSACTION) {
            throw new AssertionError("first transaction not allowed: " + d);
        }
    }
}
