package io.github.eidvn.account.lock;

import java.util.Objects;
import java.util.Optional;

/**
 * What recording a failed attempt did.
 *
 * @param failures failures counted in the current window
 * @param consecutiveFailures failures since the last success (the hard limit counts these)
 * @param lockPlaced the brute-force lock placed by this failure, if any
 */
public record FailureOutcome(long failures, long consecutiveFailures, Optional<AccountLock> lockPlaced) {
    /** Checks the components. */
    public FailureOutcome {
        Objects.requireNonNull(lockPlaced, "lockPlaced");
    }
}
