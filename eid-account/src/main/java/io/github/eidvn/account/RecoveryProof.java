package io.github.eidvn.account;

import java.time.Instant;

/**
 * What account recovery needs from a fresh level-2 identity assertion (the verifier module's verified result is
 * adapted to this interface).
 *
 * <p><b>Security.</b> Only pass an object built from an assertion whose signature, issuer, audience and time were
 * verified: the account services trust these values. They additionally require level 2, the account's personal
 * number, an issue time within a short window, and an assertion id never used before.
 */
public interface RecoveryProof {

    /** @return the personal identification number the assertion is about (12 digits) */
    String personalNumber();

    /** @return the assurance level number (1 or 2) */
    int assuranceLevel();

    /** @return the assertion's unique id ({@code jti}) */
    String assertionId();

    /** @return when the assertion was issued ({@code iat}) */
    Instant issuedAt();
}
