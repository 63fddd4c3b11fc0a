package io.github.eidvn.core.assurance;

import java.util.Objects;

/**
 * The outcome of a {@link BiometricMatcher}: a similarity score and whether the sample passed presentation-attack
 * (liveness) detection.
 *
 * @param method the modality compared
 * @param score similarity in {@code [0, 1]}, calibrated by the matcher so that {@link IdentityProofing}'s threshold
 *     is meaningful
 * @param livenessPassed whether liveness / presentation-attack detection passed
 */
public record BiometricMatch(BiometricMethod method, double score, boolean livenessPassed) {

    /**
     * @param method the modality, not null
     * @param score in {@code [0, 1]}, not NaN
     * @param livenessPassed liveness result
     * @throws IllegalArgumentException if the score is outside {@code [0, 1]} or NaN
     */
    public BiometricMatch {
        Objects.requireNonNull(method, "method");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
    }
}
