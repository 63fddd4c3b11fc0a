package io.github.eidvn.verifier;

/** The answer of a {@link RevocationCheck}. */
public enum RevocationStatus {
    /** Known not to be revoked. */
    NOT_REVOKED,
    /** Revoked: the verifier rejects with {@link Reason#REVOKED}. */
    REVOKED,
    /** Cannot tell (list unavailable, stale): the verifier fails closed with {@link Reason#CHECK_UNAVAILABLE}. */
    UNKNOWN
}
