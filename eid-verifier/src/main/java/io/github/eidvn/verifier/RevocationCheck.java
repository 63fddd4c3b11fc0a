package io.github.eidvn.verifier;

import io.github.eidvn.core.assurance.Assertion;

/**
 * Service-provider hook for the revocation stage: whether an assertion (by {@code jti}, subject, or signing
 * {@code kid}) is revoked.
 *
 * <p>Implementations must be thread-safe. Called only for tokens that passed signature, type, time, audience and
 * replay checks. A thrown exception or a null answer counts as {@link RevocationStatus#UNKNOWN} (fail closed).
 * When no check is configured the stage passes, explicitly.
 */
@FunctionalInterface
public interface RevocationCheck {

    /**
     * @param assertion the signature-checked assertion
     * @return its revocation status
     */
    RevocationStatus status(Assertion assertion);
}
