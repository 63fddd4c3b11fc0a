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
}
