package io.github.eidvn.verifier;

import java.util.Objects;

import io.github.eidvn.core.assurance.Assertion;

/**
 * A token that passed every stage of an {@link AssertionVerifier}.
 *
 * <p><b>Security:</b> only the verifier can build one (package-private constructor, as Tink's
 * {@code VerifiedJwt}), so holding a {@code Verified} means the checks ran. The assertion holds personal data:
 * {@link #toString()} shows no claim values.
 */
public final class Verified implements VerificationResult {

    private final Assertion assertion;

    Verified(Assertion assertion) {
        this.assertion = Objects.requireNonNull(assertion, "assertion");
    }

    /**
     * The verified assertion, with standard claim names whichever form (JWT or QR) was presented.
     *
     * @return the assertion
     */
    public Assertion assertion() {
        return assertion;
    }

    @Override
    public boolean isVerified() {
        return true;
    }

    @Override
    public String toString() {
        return "Verified[" + assertion + "]";
    }
}
