package io.github.eidvn.verifier.banking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.BiometricMatch;
import io.github.eidvn.core.assurance.BiometricMethod;
import io.github.eidvn.core.assurance.ChipEvidence;
import io.github.eidvn.core.spi.StateStore;

/**
 * The biometric step-up evidence of {@link TransferRules}: a verified level-2 e-ID assertion, or a chip reading with a
 * face match, counts only for the account holder, only with the challenge issued for this very transfer (consumed
 * here, whatever the outcome) and only when made after that challenge and recently; an e-ID assertion counts once.
 */
final class StepUpEvidence {

    private static final String USED_EVIDENCE_PREFIX = "eid:bank:evidence:";
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final StateStore store;
    private final Duration maxEvidenceAge;
    private final String eidAudience;
    private final String eidPurpose;
    private final double faceThreshold;

    StepUpEvidence(StateStore store, Duration maxEvidenceAge, String eidAudience, String eidPurpose,
            double faceThreshold) {
        this.store = store;
        this.maxEvidenceAge = maxEvidenceAge;
        this.eidAudience = eidAudience;
        this.eidPurpose = eidPurpose;
        this.faceThreshold = faceThreshold;
    }

    /** The biometric factor that counts (consumed now), or why none does. */
    record Checked(TransferEvidence.Factor factor, String problem) {
    }

    Checked check(Transfer transfer, TransferEvidence evidence, Instant now, LocalDate today) {
        if (evidence.challenge().isEmpty()) {
            return new Checked(null, "");
        }
        String eidProblem = evidence.eidAssertion().map(a -> eidProblem(a, transfer.holder())).orElse(null);
        String chipProblem = evidence.chip().map(c -> chipProblem(c, evidence.face().orElseThrow(),
                transfer.holder(), today)).orElse(null);
        boolean eidCounts = evidence.eidAssertion().isPresent() && eidProblem == null;
        boolean chipCounts = evidence.chip().isPresent() && chipProblem == null;
        if (!eidCounts && !chipCounts) {
            return new Checked(null, eidProblem != null ? eidProblem : chipProblem);
        }
        // single use: the challenge is consumed whatever it says, so it can never be tried against another transfer
        Optional<byte[]> bound = store.consume(TransferRules.CHALLENGE_PREFIX + evidence.challenge().get());
        if (bound.isEmpty()) {
            return new Checked(null, "challenge unknown, expired or already used");
        }
        String value = new String(bound.get(), StandardCharsets.UTF_8);
        int nl = value.indexOf('\n');
        if (nl < 0 || !value.substring(nl + 1).equals(TransferRules.binding(transfer))) {
            return new Checked(null, "challenge was issued for another transfer (account, device, kind or amount)");
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(value.substring(0, nl)));
        if (eidCounts) {
            Assertion a = evidence.eidAssertion().get();
            String timing = timing("e-ID assertion", a.issuedAt(), issued, now);
            if (timing != null) {
                eidCounts = false;
                eidProblem = timing;
            } else {
                String used = USED_EVIDENCE_PREFIX + TransferRules.sha256(a.issuer() + "\n" + a.jti());
                if (!store.putIfAbsent(used, new byte[] {1}, maxEvidenceAge.plus(SKEW).plus(SKEW))) {
                    eidCounts = false;
                    eidProblem = "e-ID assertion already used for a transfer";
                }
            }
        }
        if (eidCounts) {
            return new Checked(TransferEvidence.Factor.EID_LEVEL_2, "");
        }
        if (chipCounts) {
            String timing = timing("chip reading", evidence.chip().get().verifiedAt(), issued, now);
            if (timing == null) {
                return new Checked(TransferEvidence.Factor.FACE_MATCHED_WITH_CHIP, "");
            }
            chipProblem = timing;
        }
        return new Checked(null, eidProblem != null ? eidProblem : chipProblem);
    }

    /** Null when the time is after the challenge and recent; else why not. */
    private String timing(String what, Instant at, Instant challengeIssued, Instant now) {
        if (at.isBefore(challengeIssued.minus(SKEW))) {
            return what + " is older than the challenge";
        }
        if (at.isBefore(now.minus(maxEvidenceAge))) {
            return what + " made more than " + maxEvidenceAge.toSeconds() + " s ago";
        }
        if (at.isAfter(now.plus(SKEW))) {
            return what + " is dated in the future";
        }
        return null;
    }

    /** Null when a verified e-ID assertion may count for the holder (timing and single use aside); else why not. */
    private String eidProblem(Assertion a, AccountHolder holder) {
        if (eidAudience == null || eidPurpose == null) {
            return "e-ID evidence not configured (eidAudience, eidPurpose)";
        }
        if (!a.audience().contains(eidAudience)) {
            return "e-ID assertion is for another audience";
        }
        if (!a.purpose().map(eidPurpose::equals).orElse(false)) {
            return "e-ID assertion is for another purpose";
        }
        if (!a.level().satisfies(AssuranceLevel.LEVEL_2)) {
            return "e-ID assertion is level " + a.level().number() + ", level 2 needed";
        }
        if (!a.personalNumber().map(holder.personalNumber().value()::equals).orElse(false)) {
            return "e-ID assertion is not for the account holder";
        }
        return null;
    }

    /** Null when a chip reading and face match may count for the holder (timing aside); else why not. */
    private String chipProblem(ChipEvidence chip, BiometricMatch face, AccountHolder holder, LocalDate today) {
        if (!chip.personalNumber().equals(holder.personalNumber())) {
            return "chip is not the account holder's ID card";
        }
        if (chip.dateOfExpiry().map(today::isAfter).orElse(false)) {
            return "chip ID card has expired";
        }
        if (face.method() != BiometricMethod.FACE) {
            return "biometric match is not a face match";
        }
        if (!face.livenessPassed()) {
            return "face liveness check failed";
        }
        if (face.score() < faceThreshold) {
            return "face score under the threshold";
        }
        return null;
    }
}
