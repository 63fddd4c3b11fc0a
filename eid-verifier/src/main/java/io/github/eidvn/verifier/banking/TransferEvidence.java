package io.github.eidvn.verifier.banking;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.assurance.BiometricMatch;
import io.github.eidvn.core.assurance.ChipEvidence;
import io.github.eidvn.verifier.Verified;

/**
 * The authentication the customer has passed for a transfer: what {@link TransferRules} weighs against the rule that
 * applies. Combine with {@link #and(TransferEvidence)}, e.g. {@code TransferEvidence.otp().and(faceEvidence)}.
 *
 * <p><b>Binding.</b> A biometric factor is single-use and bound to one transfer: it names the challenge
 * ({@link TransferDecision.StepUp#challenge()} or {@link TransferRules#challenge(Transfer)}) the rules issued for that
 * transfer (account, device, kind and amount). The rules consume the challenge, and the e-ID assertion's
 * {@code iss}+{@code jti}, atomically in the state store the first time the evidence is presented, so it can never
 * count for another transfer, another account or a larger amount, nor twice.
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Security.</b> {@link #otp()} is the caller's statement that it checked a one-time password for this very
 * transfer; the rules cannot check it. The biometric factors are checked: {@link #chipAndFace} takes the chip data
 * the caller read and authenticated ({@link ChipEvidence}) and the matcher's result ({@link BiometricMatch}), and
 * {@link TransferRules} counts it only for the account holder's card, unexpired, read after the challenge, with a live
 * face scoring at least the threshold. {@link #eid} takes a {@link Verified} (only an
 * {@link io.github.eidvn.verifier.AssertionVerifier} can make one), and the rules count it only at level 2, for the
 * account holder, issued after the challenge and recently, for the audience and purpose the rules were configured
 * with (an assertion for a hospital is refused even when a lax verifier accepted it).
 */
public final class TransferEvidence {

    /** An authentication factor. */
    public enum Factor {
        /** A one-time password for this transfer (SMS OTP, Smart OTP), checked by the caller. */
        OTP,
        /**
         * A face biometric check of the customer against the portrait in the chip of their ID card (căn cước gắn
         * chip), with liveness detection.
         */
        FACE_MATCHED_WITH_CHIP,
        /** An authentication through the customer's level-2 electronic identity (VNeID). */
        EID_LEVEL_2;

        /** @return true for the factors that satisfy the biometric rules */
        public boolean isBiometric() {
            return this != OTP;
        }
    }

    private static final TransferEvidence NONE = new TransferEvidence(false, null, null, null, null);

    private final boolean otp;
    private final ChipEvidence chip;
    private final BiometricMatch face;
    private final Assertion eid;
    private final String challenge;

    private TransferEvidence(boolean otp, ChipEvidence chip, BiometricMatch face, Assertion eid, String challenge) {
        this.otp = otp;
        this.chip = chip;
        this.face = face;
        this.eid = eid;
        this.challenge = challenge;
    }

    /** @return no authentication yet: the rules answer with the step-up that is needed */
    public static TransferEvidence none() {
        return NONE;
    }

    /** @return the caller checked a one-time password for this transfer */
    public static TransferEvidence otp() {
        return new TransferEvidence(true, null, null, null, null);
    }

    /**
     * A face check against the chip of the customer's ID card, allowed by Quyết định 2345/QĐ-NHNN as the biometric
     * step-up: the caller read the chip and authenticated its data (passive authentication), then compared the
     * customer's live face with the chip's portrait.
     *
     * @param chip the authenticated chip data
     * @param match the matcher's result for the live face against the chip's portrait
     * @param challenge the challenge the rules issued for this transfer
     * @return the evidence
     * @throws NullPointerException when an argument is null
     */
    public static TransferEvidence chipAndFace(ChipEvidence chip, BiometricMatch match, String challenge) {
        return new TransferEvidence(false, Objects.requireNonNull(chip, "chip"), Objects.requireNonNull(match,
                "match"), null, Objects.requireNonNull(challenge, "challenge"));
    }

    /**
     * A level-2 e-ID authentication of the account holder: a VNeID assertion the wallet asked for after the rules
     * issued the challenge, verified with its {@link io.github.eidvn.verifier.AssertionVerifier}.
     *
     * @param verified the verified assertion
     * @param challenge the challenge the rules issued for this transfer
     * @return the evidence
     * @throws NullPointerException when an argument is null
     */
    public static TransferEvidence eid(Verified verified, String challenge) {
        Objects.requireNonNull(verified, "verified");
        return new TransferEvidence(false, null, null, verified.assertion(),
                Objects.requireNonNull(challenge, "challenge"));
    }

    /**
     * Both pieces of evidence together.
     *
     * @param other more evidence
     * @return the combination
     * @throws NullPointerException when {@code other} is null
     * @throws IllegalArgumentException when both carry the same biometric factor, or name different challenges
     */
    public TransferEvidence and(TransferEvidence other) {
        Objects.requireNonNull(other, "other");
        if (eid != null && other.eid != null || chip != null && other.chip != null) {
            throw new IllegalArgumentException("each biometric factor at most once per transfer");
        }
        if (challenge != null && other.challenge != null && !challenge.equals(other.challenge)) {
            throw new IllegalArgumentException("the factors name different challenges");
        }
        return new TransferEvidence(otp || other.otp, chip != null ? chip : other.chip,
                face != null ? face : other.face, eid != null ? eid : other.eid,
                challenge != null ? challenge : other.challenge);
    }

    /** @return the factors presented (a biometric factor is listed even when the rules will not count it) */
    public Set<Factor> factors() {
        EnumSet<Factor> f = EnumSet.noneOf(Factor.class);
        if (otp) {
            f.add(Factor.OTP);
        }
        if (chip != null) {
            f.add(Factor.FACE_MATCHED_WITH_CHIP);
        }
        if (eid != null) {
            f.add(Factor.EID_LEVEL_2);
        }
        return f;
    }

    Optional<Assertion> eidAssertion() {
        return Optional.ofNullable(eid);
    }

    Optional<ChipEvidence> chip() {
        return Optional.ofNullable(chip);
    }

    Optional<BiometricMatch> face() {
        return Optional.ofNullable(face);
    }

    Optional<String> challenge() {
        return Optional.ofNullable(challenge);
    }

    /** @return the factors; no personal data, no challenge */
    @Override
    public String toString() {
        return "TransferEvidence" + factors();
    }
}
