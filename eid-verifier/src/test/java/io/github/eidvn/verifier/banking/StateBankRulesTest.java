package io.github.eidvn.verifier.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.BiometricMatch;
import io.github.eidvn.core.assurance.BiometricMethod;
import io.github.eidvn.core.assurance.ChipEvidence;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.SettableClock;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Verified;
import io.github.eidvn.verifier.banking.TransferDecision.Outcome;
import io.github.eidvn.verifier.banking.TransferDecision.Refusal;
import io.github.eidvn.verifier.banking.TransferDecision.Rule;

/**
 * The State Bank rules of issue 15 (Quyết định 2345/QĐ-NHNN: first online transaction, new device, e-wallet top-ups
 * over 10,000,000 VND; Thông tư 17/2024/TT-NHNN: unmatched holders and expired ID cards) and the single-use, bound
 * step-up evidence of issue 13.
 */
class StateBankRulesTest {

    /** 10:00 in Hồ Chí Minh City on 17 September 2026. */
    private static final Instant MORNING = Instant.parse("2026-09-17T03:00:00Z");
    private static final String ACCOUNT = "wallet-0042";

    private final SettableClock clock = SettableClock.at(MORNING);
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final TransferRules rules = TransferRules.builder().stateStore(store).clock(clock)
            .eidAudience("wallet-demo").eidPurpose("payment").build();
    private final KeyRing ring = KeyRing.generate();

    private static Transfer t(long amount) {
        return BankFixtures.transfer(ACCOUNT, amount);
    }

    private static Rule rule(TransferDecision d) {
        return d instanceof TransferDecision.StepUp ? ((TransferDecision.StepUp) d).rule()
                : ((TransferDecision.Allow) d).rule();
    }

    /** A verified assertion for the holder, at level 2 by face, issued now, for the given audience and purpose. */
    private Verified eid(String audience, String purpose) {
        AssertionIssuer issuer = AssertionFixtures.issuer(ring, AssertionFixtures.clockAt(clock.instant()));
        String jwt = issuer.issueJwt(AssertionRequest.builder().level(AssuranceLevel.LEVEL_2).methods("face")
                .claims(Map.of("personal_number", BankFixtures.HOLDER_NUMBER, "name", "Nguyễn Thị Minh Khai"))
                .audience(audience).purpose(purpose).build());
        // a verifier set up for whatever the token names (e.g. the hospital's own verifier): it accepts the token
        AssertionVerifier lax = AssertionVerifier.builder().trustStore(TrustStore.fromJwks(ring.publicJwksJson()))
                .clock(clock).expectedAudience(audience).expectedPurpose(purpose).anyLevel().build();
        return (Verified) lax.verify(jwt);
    }

    // --- Quyết định 2345/QĐ-NHNN: first online transaction, new device, top-ups

    @Test
    void firstOnlineTransactionOfAnAccount_needsBiometrics_evenForASmallAmount_qd2345() {
        TransferDecision first = rules.decide(t(50_000), TransferEvidence.otp());
        assertThat(first.outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(rule(first)).isEqualTo(Rule.FIRST_ONLINE_TRANSACTION);
        assertThat(first.vietnamese()).contains("Giao dịch trực tuyến đầu tiên", "2345/QĐ-NHNN");
        assertThat(first.english()).contains("first online transaction");
        String challenge = ((TransferDecision.StepUp) first).challenge().orElseThrow();

        TransferDecision allowed = rules.decide(t(50_000), BankFixtures.face(clock, challenge));
        assertThat(allowed.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(rule(allowed)).isEqualTo(Rule.FIRST_ONLINE_TRANSACTION);
        // from now on this device is the account's: OTP again
        assertThat(rules.decide(t(50_000), TransferEvidence.otp()).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void firstTransactionOnANewOrDifferentDevice_needsBiometrics_thenThatDeviceIsTheAccounts_qd2345() {
        BankFixtures.deviceKnown(rules, clock, ACCOUNT);
        Transfer onTablet = BankFixtures.transfer(ACCOUNT, "tablet-7", Transfer.Kind.TRANSFER, 50_000,
                BankFixtures.HOLDER);
        TransferDecision d = rules.decide(onTablet, TransferEvidence.otp());
        assertThat(rule(d)).isEqualTo(Rule.NEW_DEVICE);
        assertThat(d.vietnamese()).contains("thiết bị mới");
        assertThat(BankFixtures.decideWithFace(rules, onTablet, clock).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(rules.decide(onTablet, TransferEvidence.otp()).outcome()).isEqualTo(Outcome.ALLOW);
        // going back to the old phone is a different device again
        assertThat(rule(rules.decide(t(50_000), TransferEvidence.otp()))).isEqualTo(Rule.NEW_DEVICE);
        // the state store keeps a hash of the device id, not the id
        assertThat(new String(store.get(TransferRules.DEVICE_KEY_PREFIX + ACCOUNT).orElseThrow(),
                java.nio.charset.StandardCharsets.US_ASCII)).hasSize(64).doesNotContain("tablet");
    }

    @Test
    void walletTopUpOver10Million_needsBiometrics_exactly10MillionIsOtp_qd2345() {
        BankFixtures.deviceKnown(rules, clock, ACCOUNT);
        Transfer at = BankFixtures.transfer(ACCOUNT, BankFixtures.DEVICE, Transfer.Kind.WALLET_TOP_UP, 10_000_000,
                BankFixtures.HOLDER);
        assertThat(rules.decide(at, TransferEvidence.otp()).outcome()).isEqualTo(Outcome.ALLOW);
        Transfer over = BankFixtures.transfer("wallet-0043", BankFixtures.DEVICE, Transfer.Kind.WALLET_TOP_UP,
                10_000_001, BankFixtures.HOLDER);
        BankFixtures.deviceKnown(rules, clock, "wallet-0043");
        TransferDecision d = rules.decide(over, TransferEvidence.otp());
        assertThat(rule(d)).isEqualTo(Rule.WALLET_TOP_UP_OVER_LIMIT);
        assertThat(d.vietnamese()).contains("Nạp tiền vào ví điện tử trên 10.000.000 đ");
        assertThat(rules.walletTopUpBiometricAboveVnd()).isEqualTo(10_000_000);
        TransferRules lower = TransferRules.builder().stateStore(store).clock(clock)
                .walletTopUpBiometricAboveVnd(5_000_000).build();
        Transfer six = BankFixtures.transfer(ACCOUNT, BankFixtures.DEVICE, Transfer.Kind.WALLET_TOP_UP, 6_000_000,
                BankFixtures.HOLDER);
        assertThat(rule(lower.decide(six, TransferEvidence.otp()))).isEqualTo(Rule.WALLET_TOP_UP_OVER_LIMIT);
    }

    // --- Thông tư 17/2024/TT-NHNN

    private static AccountHolder holder(AccountHolder.Match match, LocalDate validUntil) {
        return AccountHolder.builder().personalNumber(PersonalNumber.of(BankFixtures.HOLDER_NUMBER)).matchedBy(match)
                .idCardValidUntil(validUntil).build();
    }

    @Test
    void holderNotMatched_noOnlineTransferOrWithdrawal_from1January2025_tt17() {
        AccountHolder unmatched = holder(AccountHolder.Match.NOT_MATCHED, LocalDate.of(2043, 5, 17));
        for (Transfer.Kind kind : Transfer.Kind.values()) {
            Transfer transfer = BankFixtures.transfer(ACCOUNT, BankFixtures.DEVICE, kind, 1_000, unmatched);
            TransferDecision d = rules.decide(transfer, TransferEvidence.otp().and(BankFixtures.face(clock,
                    rules.challenge(transfer))));
            assertThat(((TransferDecision.Refused) d).refusal()).as(kind.name()).isEqualTo(Refusal.HOLDER_NOT_VERIFIED);
            assertThat(d.vietnamese()).contains("sinh trắc học", "17/2024/TT-NHNN");
            assertThat(d.english()).contains("biometrics", "17/2024/TT-NHNN");
        }
        assertThat(rules.dayTotalVnd(ACCOUNT)).isZero();
        // on 31 December 2024 (Vietnam) the circular's deadline had not come
        clock.set(Instant.parse("2024-12-31T16:59:59Z"));
        Transfer before = BankFixtures.transfer(ACCOUNT, BankFixtures.DEVICE, Transfer.Kind.TRANSFER, 1_000,
                unmatched);
        assertThat(rules.decide(before, TransferEvidence.otp()).outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        clock.set(Instant.parse("2024-12-31T17:00:00Z"));
        assertThat(rules.decide(before, TransferEvidence.otp()).outcome()).isEqualTo(Outcome.REFUSED);
        // matched by chip or by level-2 e-ID: allowed
        assertThat(AccountHolder.Match.CHIP_AND_BIOMETRICS.satisfiesCircular17()).isTrue();
        assertThat(AccountHolder.Match.LEVEL_2_EID.satisfiesCircular17()).isTrue();
    }

    @Test
    void expiredIdCard_suspendsOnlineTransactions_lastValidDayStillAllowed_tt17() {
        BankFixtures.deviceKnown(rules, clock, ACCOUNT);
        Transfer lastDay = BankFixtures.transfer(ACCOUNT, BankFixtures.DEVICE, Transfer.Kind.TRANSFER, 1_000,
                holder(AccountHolder.Match.CHIP_AND_BIOMETRICS, LocalDate.of(2026, 9, 17)));
        assertThat(rules.decide(lastDay, TransferEvidence.otp()).outcome()).isEqualTo(Outcome.ALLOW);
        Transfer expired = BankFixtures.transfer(ACCOUNT, BankFixtures.DEVICE, Transfer.Kind.WITHDRAWAL, 1_000,
                holder(AccountHolder.Match.CHIP_AND_BIOMETRICS, LocalDate.of(2026, 9, 16)));
        TransferDecision d = rules.decide(expired, TransferEvidence.otp());
        assertThat(((TransferDecision.Refused) d).refusal()).isEqualTo(Refusal.ID_CARD_EXPIRED);
        assertThat(d.vietnamese()).contains("hết hạn");
        AccountHolder lifelong = AccountHolder.builder().personalNumber(PersonalNumber.of(BankFixtures.HOLDER_NUMBER))
                .matchedBy(AccountHolder.Match.LEVEL_2_EID).idCardWithoutExpiry().build();
        assertThat(rules.decide(BankFixtures.transfer(ACCOUNT, BankFixtures.DEVICE, Transfer.Kind.TRANSFER, 1_000,
                lifelong), TransferEvidence.otp()).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(lifelong.toString()).doesNotContain(BankFixtures.HOLDER_NUMBER);
    }

    // --- issue 13: step-up evidence single-use and bound to the transfer

    /** Before the fix, one level-2 assertion allowed three 15,000,000 VND transfers, one on another account. */
    @Test
    void oneLevel2Assertion_allowsOneTransfer_notThree_notOnAnotherAccount_issue13() {
        BankFixtures.deviceKnown(rules, clock, ACCOUNT);
        BankFixtures.deviceKnown(rules, clock, "wallet-0099");
        TransferDecision.StepUp asked = (TransferDecision.StepUp) rules.decide(t(15_000_000), TransferEvidence.none());
        Verified once = eid("wallet-demo", "payment");
        TransferEvidence evidence = TransferEvidence.eid(once, asked.challenge().orElseThrow());
        assertThat(rules.decide(t(15_000_000), evidence).outcome()).isEqualTo(Outcome.ALLOW);

        TransferDecision again = rules.decide(t(15_000_000), evidence);
        assertThat(again.outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(((TransferDecision.StepUp) again).detail()).contains("already used");
        // the same assertion with a fresh challenge: its jti is spent
        TransferDecision replayed = rules.decide(t(15_000_000), TransferEvidence.eid(once,
                rules.challenge(t(15_000_000))));
        assertThat(((TransferDecision.StepUp) replayed).detail()).contains("already used");
        Transfer other = BankFixtures.transfer("wallet-0099", 15_000_000);
        assertThat(rules.decide(other, evidence).outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(rules.dayTotalVnd(ACCOUNT)).isEqualTo(15_000_000);
        assertThat(rules.dayTotalVnd("wallet-0099")).isZero();
    }

    @Test
    void challengeBoundToAccountAmountAndDevice_notToAnotherTransfer_issue13() {
        BankFixtures.deviceKnown(rules, clock, ACCOUNT);
        BankFixtures.deviceKnown(rules, clock, "wallet-0099");
        String forFifteen = rules.challenge(t(15_000_000));
        TransferDecision larger = rules.decide(t(40_000_000), BankFixtures.face(clock, forFifteen));
        assertThat(((TransferDecision.StepUp) larger).detail()).contains("another transfer");
        // the challenge was consumed by that attempt: not usable for the transfer it was made for either
        TransferDecision after = rules.decide(t(15_000_000), BankFixtures.face(clock, forFifteen));
        assertThat(((TransferDecision.StepUp) after).detail()).contains("already used");

        String mine = rules.challenge(t(15_000_000));
        assertThat(rules.decide(BankFixtures.transfer("wallet-0099", 15_000_000), BankFixtures.face(clock, mine))
                .outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        String onPhone = rules.challenge(t(15_000_000));
        Transfer fromTablet = BankFixtures.transfer(ACCOUNT, "tablet-7", Transfer.Kind.TRANSFER, 15_000_000,
                BankFixtures.HOLDER);
        assertThat(rules.decide(fromTablet, BankFixtures.face(clock, onPhone)).outcome())
                .isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(rules.decide(t(15_000_000), BankFixtures.face(clock, "never-issued")).outcome())
                .isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(rules.dayTotalVnd(ACCOUNT)).isZero();
        // a challenge expires with the evidence age
        String late = rules.challenge(t(15_000_000));
        clock.advance(TransferRules.DEFAULT_MAX_EVIDENCE_AGE.plusSeconds(1));
        assertThat(rules.decide(t(15_000_000), BankFixtures.face(clock, late)).outcome())
                .isEqualTo(Outcome.STEP_UP_BIOMETRIC);
    }

    @Test
    void hospitalAudienceOrWrongPurposeAssertion_refusedAsEvidence_evenThoughALaxVerifierAcceptedIt_issue13() {
        BankFixtures.deviceKnown(rules, clock, ACCOUNT);
        TransferDecision hospital = rules.decide(t(15_000_000), TransferEvidence.eid(eid("79024", "bhyt-checkin"),
                rules.challenge(t(15_000_000))));
        assertThat(((TransferDecision.StepUp) hospital).detail()).contains("another audience");
        TransferDecision login = rules.decide(t(15_000_000), TransferEvidence.eid(eid("wallet-demo", "login"),
                rules.challenge(t(15_000_000))));
        assertThat(((TransferDecision.StepUp) login).detail()).contains("another purpose");
        TransferRules unconfigured = TransferRules.builder().stateStore(store).clock(clock).build();
        TransferDecision none = unconfigured.decide(t(15_000_000), TransferEvidence.eid(eid("wallet-demo",
                "payment"), unconfigured.challenge(t(15_000_000))));
        assertThat(((TransferDecision.StepUp) none).detail()).contains("not configured");
        assertThat(rules.dayTotalVnd(ACCOUNT)).isZero();
    }

    @Test
    void chipAndFace_countsOnlyForTheHoldersLiveFaceOnAnUnexpiredCardReadAfterTheChallenge_qd2345() {
        BankFixtures.deviceKnown(rules, clock, ACCOUNT);
        ChipEvidence theirs = ChipEvidence.builder().personalNumber(PersonalNumber.of("001088001234"))
                .fullName(PersonName.of("Lê Văn An")).verifiedAt(clock.instant()).build();
        BiometricMatch good = new BiometricMatch(BiometricMethod.FACE, 0.95, true);
        assertThat(detail(TransferEvidence.chipAndFace(theirs, good, rules.challenge(t(15_000_000)))))
                .contains("not the account holder's");
        ChipEvidence mine = chip(clock.instant(), LocalDate.of(2043, 5, 17));
        assertThat(detail(TransferEvidence.chipAndFace(mine, new BiometricMatch(BiometricMethod.FACE, 0.95, false),
                rules.challenge(t(15_000_000))))).contains("liveness");
        assertThat(detail(TransferEvidence.chipAndFace(mine, new BiometricMatch(BiometricMethod.FACE, 0.5, true),
                rules.challenge(t(15_000_000))))).contains("threshold");
        assertThat(detail(TransferEvidence.chipAndFace(mine, new BiometricMatch(BiometricMethod.FINGERPRINT, 0.99,
                true), rules.challenge(t(15_000_000))))).contains("not a face");
        assertThat(detail(TransferEvidence.chipAndFace(chip(clock.instant(), LocalDate.of(2026, 9, 16)), good,
                rules.challenge(t(15_000_000))))).contains("expired");
        ChipEvidence readBefore = chip(clock.instant().minus(Duration.ofMinutes(2)), LocalDate.of(2043, 5, 17));
        assertThat(detail(TransferEvidence.chipAndFace(readBefore, good, rules.challenge(t(15_000_000)))))
                .contains("older than the challenge");
        assertThat(rules.decide(t(15_000_000), TransferEvidence.chipAndFace(mine, good,
                rules.challenge(t(15_000_000)))).outcome()).isEqualTo(Outcome.ALLOW);
    }

    private String detail(TransferEvidence evidence) {
        TransferDecision d = rules.decide(t(15_000_000), evidence);
        assertThat(d.outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        return ((TransferDecision.StepUp) d).detail();
    }

    private static ChipEvidence chip(Instant readAt, LocalDate expiry) {
        return ChipEvidence.builder().personalNumber(PersonalNumber.of(BankFixtures.HOLDER_NUMBER))
                .fullName(PersonName.of("Nguyễn Thị Minh Khai")).dateOfExpiry(expiry).verifiedAt(readAt).build();
    }

    @Test
    void otpStepUp_hasNoChallenge_biometricStepUp_hasOne() {
        BankFixtures.deviceKnown(rules, clock, ACCOUNT);
        assertThat(((TransferDecision.StepUp) rules.decide(t(1_000), TransferEvidence.none())).challenge()).isEmpty();
        assertThat(((TransferDecision.StepUp) rules.decide(t(15_000_000), TransferEvidence.none())).challenge())
                .hasValueSatisfying(c -> assertThat(c).hasSize(22));
    }
    @Test
    void chipAndFace_boundaries_scoreAtTheThreshold_cardOnItsLastDay_readUpToAMinuteBeforeTheChallenge() {
        BankFixtures.deviceKnown(rules, clock, ACCOUNT);
        BiometricMatch atThreshold = new BiometricMatch(BiometricMethod.FACE,
                io.github.eidvn.core.assurance.IdentityProofing.DEFAULT_THRESHOLD, true);
        ChipEvidence lastDay = chip(clock.instant(), LocalDate.of(2026, 9, 17));
        assertThat(rules.decide(t(11_000_000), TransferEvidence.chipAndFace(lastDay, atThreshold,
                rules.challenge(t(11_000_000)))).outcome()).isEqualTo(Outcome.ALLOW);
        BiometricMatch good = new BiometricMatch(BiometricMethod.FACE, 0.95, true);
        String challenge = rules.challenge(t(12_000_000));
        ChipEvidence aMinuteBefore = chip(clock.instant().minus(Duration.ofMinutes(1)), LocalDate.of(2043, 5, 17));
        assertThat(rules.decide(t(12_000_000), TransferEvidence.chipAndFace(aMinuteBefore, good, challenge))
                .outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void chipAndFace_readTooLongAgoOrInTheFuture_doesNotCount() {
        BankFixtures.deviceKnown(rules, clock, ACCOUNT);
        BiometricMatch good = new BiometricMatch(BiometricMethod.FACE, 0.95, true);
        // read 59 s before its challenge (within the minute of skew), decided four minutes later: 4 min 59 s old
        String first = rules.challenge(t(15_000_000));
        ChipEvidence justInTime = chip(clock.instant().minusSeconds(59), LocalDate.of(2043, 5, 17));
        clock.advance(Duration.ofMinutes(4));
        assertThat(rules.decide(t(15_000_000), TransferEvidence.chipAndFace(justInTime, good, first)).outcome())
                .isEqualTo(Outcome.ALLOW);
        String second = rules.challenge(t(15_000_000));
        ChipEvidence stale = chip(clock.instant().minusSeconds(59), LocalDate.of(2043, 5, 17));
        clock.advance(Duration.ofMinutes(4).plusSeconds(2));
        assertThat(detail(TransferEvidence.chipAndFace(stale, good, second))).contains("more than 300 s ago");
        String fresh = rules.challenge(t(15_000_000));
        ChipEvidence future = chip(clock.instant().plus(Duration.ofMinutes(1)).plusSeconds(1),
                LocalDate.of(2043, 5, 17));
        assertThat(detail(TransferEvidence.chipAndFace(future, good, fresh))).contains("future");
        String again = rules.challenge(t(15_000_000));
        ChipEvidence skewed = chip(clock.instant().plus(Duration.ofMinutes(1)), LocalDate.of(2043, 5, 17));
        assertThat(rules.decide(t(15_000_000), TransferEvidence.chipAndFace(skewed, good, again)).outcome())
                .isEqualTo(Outcome.ALLOW);
    }
}
