package io.github.eidvn.account.password;

import java.util.Objects;

/** The answer of a {@link BreachedPasswordCheck}. */
public sealed interface BreachCheckResult
        permits BreachCheckResult.NotFound, BreachCheckResult.Found, BreachCheckResult.Unavailable {

    /** Not in the corpus. */
    record NotFound() implements BreachCheckResult {
    }

    /**
     * In the corpus.
     *
     * @param count how often it was seen (at least 1)
     */
    record Found(long count) implements BreachCheckResult {
        /** Checks the count. */
        public Found {
            if (count < 1) {
                throw new IllegalArgumentException("count must be positive");
            }
        }
    }

    /**
     * The check could not be made (network failure, timeout, unexpected status or response).
     *
     * @param detail what failed (no password data)
     */
    record Unavailable(String detail) implements BreachCheckResult {
        /** Checks the detail. */
        public Unavailable {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
