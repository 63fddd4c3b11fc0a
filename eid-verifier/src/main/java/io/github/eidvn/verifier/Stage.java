package io.github.eidvn.verifier;

/**
 * The stages of the verification pipeline, in their fixed order (ARCHITECTURE §3). A token is verified only when
 * every stage has passed.
 */
enum Stage {
    /** Structure: three canonical base64url parts, strict JSON header with a string {@code alg}. */
    FORMAT,
    /** Text and inflated payload sizes. */
    SIZE,
    /** Candidate keys by {@code kid}, algorithm pinned to the key. */
    KEY,
    /** ECDSA/RSA signature with Nimbus. */
    SIGNATURE,
    /** {@code crit}: no extension is understood, so any is refused. */
    CRITICAL,
    /** {@code typ}, form, and claim decoding by that form's profile. */
    TYPE,
    /** {@code iat}, {@code exp}, {@code nbf}, maximum age, clock skew. */
    TIME,
    /** {@code aud} and {@code purpose}. */
    AUDIENCE,
    /** {@code jti} seen before. */
    REPLAY,
    /** Revocation hook. */
    REVOCATION,
    /** Required assurance level. */
    POLICY
}
