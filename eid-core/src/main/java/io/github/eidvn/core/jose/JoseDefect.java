package io.github.eidvn.core.jose;

/**
 * What is wrong with a compact JOSE text before any key or signature is involved. Closed: every verifier maps each
 * defect to one of its own reasons with a {@code switch} expression, so a new defect does not compile until every
 * verifier has decided what it means.
 */
public enum JoseDefect {
    /** Longer than the caller's limit, or a payload that inflates past it. */
    TOO_LARGE,
    /** Not the expected compact form: parts, canonical base64url, strict JSON header, member types. */
    MALFORMED
}
