package io.github.eidvn.examples.wallet;

import static io.github.eidvn.examples.wallet.EWalletExample.PAYMENT_PURPOSE;
import static io.github.eidvn.examples.wallet.EWalletExample.PHONE;
import static io.github.eidvn.examples.wallet.EWalletExample.WALLET_ID;
import static io.github.eidvn.examples.wallet.EWalletExample.cardExpiry;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.eidvn.core.account.otp.OtpSecret;
import io.github.eidvn.core.account.otp.OtpVerification;
import io.github.eidvn.core.account.otp.OtpVerifier;
import io.github.eidvn.core.account.otp.Totp;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.BiometricMatch;
import io.github.eidvn.core.assurance.ChipEvidence;
import io.github.eidvn.core.assurance.IdentityProofing;
import io.github.eidvn.core.assurance.ProofingResult;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.examples.wallet.EWalletExample.Link;
import io.github.eidvn.examples.wallet.EWalletExample.Step;
import io.github.eidvn.testkit.FakeFaceMatcher;
import io.github.eidvn.testkit.SandboxPlatform;
import io.github.eidvn.testkit.SettableClock;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Rejected;
import io.github.eidvn.verifier.VerificationResult;
import io.github.eidvn.verifier.Verified;
import io.github.eidvn.verifier.banking.AccountHolder;
import io.github.eidvn.verifier.banking.Transfer;
import io.github.eidvn.verifier.banking.TransferDecision;
import io.github.eidvn.verifier.banking.TransferEvidence;
import io.github.eidvn.verifier.banking.TransferRules;

/** The wallet's side of a transfer: ask the rules, collect the step-up, ask again. */
final class Wallet {

    private static final ZoneId VIETNAM = SandboxPlatform.VIETNAM;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("dd/MM HH:mm", Locale.ROOT);

    private final PrintStream out;
    private final TransferRules rules;
    private final SettableClock clock;
    private final SandboxPlatform vneid;
    private final CitizenProfile citizen;
    private final Link link;
    private final AccountHolder holder;
    private final OtpVerifier otp;
    private final OtpSecret smartOtp;
    private final Totp totp;
    private final AssertionVerifier paymentVerifier;
    private final FakeFaceMatcher chipFaceMatcher = new FakeFaceMatcher();
    private TransferEvidence lastEid = TransferEvidence.none();

    Wallet(PrintStream out, TransferRules rules, SettableClock clock, SandboxPlatform vneid, CitizenProfile citizen,
            Link link, AccountHolder holder, OtpVerifier otp, OtpSecret smartOtp, Totp totp) {
        this.out = out;
        this.rules = rules;
        this.clock = clock;
        this.vneid = vneid;
        this.citizen = citizen;
        this.link = link;
        this.holder = holder;
        this.otp = otp;
        this.smartOtp = smartOtp;
        this.totp = totp;
        this.paymentVerifier = AssertionVerifier.builder()
                .trustStore(TrustStore.fromJwks(vneid.publicJwksJson())).clock(clock)
                .expectedAudience(WALLET_ID).expectedPurpose(PAYMENT_PURPOSE)
                .requiredLevel(AssuranceLevel.LEVEL_2).build();
    }

    private Transfer transferOf(Transfer.Kind kind, String device, long amount, AccountHolder who) {
        return Transfer.builder().account(link.account()).device(device).kind(kind).amountVnd(amount)
                .holder(who).build();
    }

    private void header(LocalDate day, LocalTime time, Transfer.Kind kind, String device, long amount, String vi,
            String en) {
        clock.set(day.atTime(time).atZone(VIETNAM).toInstant());
        out.println();
        out.println("   " + HM.format(clock.instant().atZone(VIETNAM)) + "  " + amount + " VND  " + kind + " ("
                + device + ")  " + vi + " / " + en);
    }

    Step transfer(LocalDate day, LocalTime time, Transfer.Kind kind, String device, long amount, String vi,
            String en) {
        header(day, time, kind, device, amount, vi, en);
        Transfer t = transferOf(kind, device, amount, holder);
        TransferDecision first = rules.decide(t, TransferEvidence.none());
        print("hỏi quy tắc / ask the rules", first);
        List<TransferDecision> attempts = new ArrayList<>();
        TransferDecision d = first;
        if (d.outcome() == TransferDecision.Outcome.STEP_UP_BIOMETRIC
                && ((TransferDecision.StepUp) d).rule() == TransferDecision.Rule.DAILY_TOTAL_CROSSES_LIMIT) {
            // the customer first tries the OTP they are used to: not enough
            d = rules.decide(t, smartOtp());
            attempts.add(d);
            print("chỉ có OTP / OTP only", d);
        }
        if (d.outcome() == TransferDecision.Outcome.STEP_UP_OTP) {
            d = rules.decide(t, smartOtp());
            attempts.add(d);
            print("Smart OTP", d);
        } else if (d.outcome() == TransferDecision.Outcome.STEP_UP_BIOMETRIC) {
            TransferDecision.StepUp s = (TransferDecision.StepUp) d;
            String challenge = s.challenge().orElseThrow();
            TransferEvidence evidence = s.rule() == TransferDecision.Rule.SINGLE_TRANSFER_OVER_LIMIT
                    ? levelTwoEid(challenge) : faceAgainstChip(challenge);
            d = rules.decide(t, evidence);
            attempts.add(d);
            print(evidence.factors().contains(TransferEvidence.Factor.EID_LEVEL_2)
                    ? "VNeID mức độ 2 / level-2 e-ID" : "khuôn mặt - chip / face vs chip", d);
        }
        return new Step(clock.instant(), amount, first, attempts);
    }

    /** Someone presents the last level-2 e-ID evidence again, for another transfer of the same amount. */
    Step replayLastEid(LocalDate day, LocalTime time, long amount, String vi, String en) {
        header(day, time, Transfer.Kind.TRANSFER, PHONE, amount, vi, en);
        Transfer t = transferOf(Transfer.Kind.TRANSFER, PHONE, amount, holder);
        TransferDecision d = rules.decide(t, lastEid);
        print("bằng chứng cũ / replayed evidence", d);
        if (d instanceof TransferDecision.StepUp && !((TransferDecision.StepUp) d).detail().isEmpty()) {
            out.println("        (" + ((TransferDecision.StepUp) d).detail() + ")");
        }
        return new Step(clock.instant(), amount, d, List.of());
    }

    /** A transfer of a holder the Circular's rules stop before any authentication is asked for. */
    TransferDecision holderRule(String vi, String en, AccountHolder who) {
        TransferDecision d = rules.decide(transferOf(Transfer.Kind.TRANSFER, PHONE, 100_000, who),
                TransferEvidence.none());
        print(vi + " / " + en, d);
        return d;
    }

    /** The customer's phone shows the Smart OTP; the wallet checks it. */
    private TransferEvidence smartOtp() {
        String code = totp.generate(smartOtp, clock.instant());
        OtpVerification v = otp.verifyTotp(link.account(), smartOtp, totp, code);
        return v.accepted() ? TransferEvidence.otp() : TransferEvidence.none();
    }

    /**
     * The wallet reads the ID card's chip over NFC (DEMO: the sandbox record stands for the chip data that
     * passive authentication would vouch for) and compares the live face with its portrait (DEMO matcher).
     */
    private TransferEvidence faceAgainstChip(String challenge) {
        ChipEvidence chip = ChipEvidence.builder().personalNumber(citizen.personalNumber())
                .fullName(citizen.fullName()).birthDate(citizen.birthDate()).sex(citizen.sex())
                .dateOfExpiry(cardExpiry(citizen)).verifiedAt(clock.instant()).build();
        BiometricMatch m = chipFaceMatcher.match(citizen, FakeFaceMatcher.selfieOf(citizen));
        out.println("      [DEMO] khuôn mặt so với ảnh trong chip / face vs chip portrait: " + m.score()
                + (m.livenessPassed() && m.score() >= IdentityProofing.DEFAULT_THRESHOLD ? " OK" : " FAIL"));
        return TransferEvidence.chipAndFace(chip, m, challenge);
    }

    /** The wallet asks VNeID for a level-2 authentication for this payment and verifies the answer. */
    private TransferEvidence levelTwoEid(String challenge) {
        ProofingResult proofing = vneid.proof(SandboxPlatform.levelTwoRequest(citizen));
        if (!(proofing instanceof ProofingResult.Proofed)) {
            return TransferEvidence.none();
        }
        String jwt = vneid.issueJwt(vneid.presentation((ProofingResult.Proofed) proofing,
                List.of("personal_number"), WALLET_ID, PAYMENT_PURPOSE));
        VerificationResult r = paymentVerifier.verify(jwt);
        out.println("      VNeID mức độ 2 / level-2 e-ID: " + (r instanceof Verified ? "đã xác minh / verified"
                : "bị từ chối / rejected " + ((Rejected) r).reason()));
        lastEid = r instanceof Verified ? TransferEvidence.eid((Verified) r, challenge) : TransferEvidence.none();
        return lastEid;
    }

    private void print(String label, TransferDecision d) {
        String rule = d instanceof TransferDecision.Allow ? " [" + ((TransferDecision.Allow) d).rule() + "]"
                : d instanceof TransferDecision.StepUp ? " [" + ((TransferDecision.StepUp) d).rule() + "]"
                : " [" + ((TransferDecision.Refused) d).refusal() + "]";
        out.println("      " + label + ": " + d.outcome() + rule);
        out.println("        " + d.vietnamese());
        out.println("        " + d.english());
    }
}
