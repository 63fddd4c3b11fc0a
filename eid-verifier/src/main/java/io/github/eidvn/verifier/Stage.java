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
    /** {@code typ}, form, low-S signature (eid's profiles), and claim decoding by that form's profile. */
    TYPE,
    /** The key that verified is bound to the token's {@code iss}. */
    ISSUER,
    /** {@code iat}, {@code exp}, {@code nbf}, lifetime cap, maximum age, clock skew. */
    TIME,
    /** {@code aud} and {@code purpose}. */
    AUDIENCE,
    /** {@code jti} seen before. */
    REPLAY,
    /** Revocation hook. */
    REVOCATION,
    /** A level-2 claim backed by a level-2 method; the required assurance level. */
    POLICY
}
