package io.github.eidvn.core.assurance;

import io.github.eidvn.core.identity.CitizenProfile;

/**
 * Service-provider interface to a biometric comparison service (face against the registry portrait, fingerprint
 * against enrolled prints), including liveness / presentation-attack detection.
 *
 * <p>Implementations must be thread-safe and return a match of the probe's {@link BiometricProbe#method()}.
 * Infrastructure failures are thrown as unchecked exceptions and propagate out of
 * {@link IdentityProofing#proof(ProofingRequest)}.
 *
 * <p><b>Security.</b> The score scale must be calibrated to the threshold configured in {@link IdentityProofing}
 * (default {@value IdentityProofing#DEFAULT_THRESHOLD}): document the false-match rate at that threshold. A matcher
 * that cannot run liveness detection must report {@code livenessPassed = false}.
 */
public interface BiometricMatcher {

    /**
     * Compares a probe with the citizen's enrolled data.
     *
     * @param citizen the registry record of the citizen being proofed
     * @param probe the sample
     * @return the match, never null
     */
    BiometricMatch match(CitizenProfile citizen, BiometricProbe probe);

    /**
     * Compares a probe when the person also presented the chip of their ID card, e.g. the live face against the
     * chip's portrait ({@link ChipEvidence#portrait()}). {@link IdentityProofing} calls this form whenever chip
     * evidence is given. The default ignores the chip and compares with the enrolled data
     * ({@link #match(CitizenProfile, BiometricProbe)}).
     *
     * @param citizen the registry record of the citizen being proofed
     * @param probe the sample
     * @param chip the verified chip evidence, already matched to {@code citizen}
     * @return the match, never null
     */
    default BiometricMatch match(CitizenProfile citizen, BiometricProbe probe, ChipEvidence chip) {
        return match(citizen, probe);
    }
}
