package io.github.eidvn.verifier.banking;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.verifier.Verified;

/**
 * The authentication the customer has already passed for a transfer: what {@link TransferRules} weighs against the
 * rule that applies. Combine with {@link #and(TransferEvidence)}, e.g.
 * {@code TransferEvidence.otp().and(TransferEvidence.faceMatchedWithChip())}.
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Security.</b> {@link #otp()} and {@link #faceMatchedWithChip()} are the caller's statement that it checked
 * an OTP for this very transfer, or matched the customer's live face against the portrait read from the chip of
 * their ID card (with liveness detection); the rules cannot check those themselves. The e-ID factor is checked:
 * it takes a {@link Verified} (only an {@link io.github.eidvn.verifier.AssertionVerifier} can make one) and
 * {@link TransferRules} counts it only when it is level 2, names the account holder and is fresh.
 */
public final class TransferEvidence {

    /** An authentication factor. */
    public enum Factor {
        /** A one-time password for this transfer (SMS OTP, Smart OTP), checked by the caller. */
        OTP,
        /**
         * A face biometric check of the customer against the data in the chip of their ID card (căn cước gắn
         * chip), with liveness detection, done by the caller.
         */
        FACE_MATCHED_WITH_CHIP,
        /**
         * An authentication through the customer's level-2 electronic identity (VNeID): a verified assertion at
         * level 2 for the account holder, issued moments ago.
         */
        EID_LEVEL_2;

        /** @return true for the factors that satisfy the biometric rules */
        public boolean isBiometric() {
            return this != OTP;
        }
    }

    private static final TransferEvidence NONE = new TransferEvidence(false, false, null, null);

    private final boolean otp;
    private final boolean faceMatchedWithChip;
    private final Assertion eid;
    private final String eidHolder;

    private TransferEvidence(boolean otp, boolean faceMatchedWithChip, Assertion eid, String eidHolder) {
        this.otp = otp;
        this.faceMatchedWithChip = faceMatchedWithChip;
        this.eid = eid;
        this.eidHolder = eidHolder;
    }

    /** @return no authentication yet: the rules answer with the step-up that is needed */
    public static TransferEvidence none() {
        return NONE;
    }

    /** @return the caller checked a one-time password for this transfer */
    public static TransferEvidence otp() {
        return new TransferEvidence(true, false, null, null);
    }

    /** @return the caller matched the customer's face against the chip ID card's data, with liveness detection */
    public static TransferEvidence faceMatchedWithChip() {
        return new TransferEvidence(false, true, null, null);
    }

    /**
     * A level-2 e-ID authentication of the account holder, e.g. a VNeID assertion the wallet asked for when the
     * transfer needed it and verified with its {@link io.github.eidvn.verifier.AssertionVerifier}.
     *
     * @param verified the verified assertion
     * @param holderPersonalNumber the 12-digit personal number of the account holder, as the bank linked it; the
     *     assertion counts only when its {@code personal_number} is this one
     * @return the evidence
     * @throws NullPointerException when an argument is null
     */
    public static TransferEvidence eid(Verified verified, String holderPersonalNumber) {
        Objects.requireNonNull(verified, "verified");
        Objects.requireNonNull(holderPersonalNumber, "holderPersonalNumber");
        return new TransferEvidence(false, false, verified.assertion(), holderPersonalNumber);
    }

    /**
     * Both pieces of evidence together.
     *
     * @param other more evidence
     * @return the combination
     * @throws NullPointerException when {@code other} is null
     * @throws IllegalArgumentException when both carry an e-ID assertion
     */
    public TransferEvidence and(TransferEvidence other) {
        Objects.requireNonNull(other, "other");
        if (eid != null && other.eid != null) {
            throw new IllegalArgumentException("at most one e-ID assertion per transfer");
        }
        return new TransferEvidence(otp || other.otp, faceMatchedWithChip || other.faceMatchedWithChip,
                eid != null ? eid : other.eid, eid != null ? eidHolder : other.eidHolder);
    }

    /** @return the factors presented (an e-ID assertion is listed even when the rules will not count it) */
    public Set<Factor> factors() {
        EnumSet<Factor> f = EnumSet.noneOf(Factor.class);
        if (otp) {
            f.add(Factor.OTP);
        }
        if (faceMatchedWithChip) {
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

    String eidHolder() {
        return eidHolder;
    }

    /** @return the factors; no personal data */
    @Override
    public String toString() {
        return "TransferEvidence" + factors();
    }
}
