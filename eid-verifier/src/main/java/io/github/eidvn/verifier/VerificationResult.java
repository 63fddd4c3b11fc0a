package io.github.eidvn.verifier;

/**
 * The outcome of {@link AssertionVerifier#verify(String)}: {@link Verified} or {@link Rejected}.
 *
 * <pre>{@code
 * switch-like handling:
 * if (result instanceof Verified v) { use(v.assertion()); }
 * else if (result instanceof Rejected r) { show(r.reason().vietnamese()); log(r.detail()); }
 * }</pre>
 */
public sealed interface VerificationResult permits Verified, Rejected {

    /** @return true for {@link Verified} */
    boolean isVerified();

    /**
     * The verified token, for callers that expect success (no cast, no pattern match).
     *
     * @return this result as a {@link Verified}
     * @throws IllegalStateException when it is a {@link Rejected}; the message holds the reason and the technical
     *     detail (never personal data)
     */
    default Verified verified() {
        if (this instanceof Verified v) {
            return v;
        }
        Rejected r = (Rejected) this;
        throw new IllegalStateException("not verified: " + r.reason() + " (" + r.detail() + ")");
    }

    /**
     * The rejection, for callers that expect one (tests, error paths).
     *
     * @return this result as a {@link Rejected}
     * @throws IllegalStateException when it is a {@link Verified}
     */
    default Rejected rejected() {
        if (this instanceof Rejected r) {
            return r;
        }
        throw new IllegalStateException("the token was verified, not rejected");
    }
}
