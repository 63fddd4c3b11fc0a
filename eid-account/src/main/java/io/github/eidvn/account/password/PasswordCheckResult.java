package io.github.eidvn.account.password;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The outcome of a password policy check. */
public sealed interface PasswordCheckResult permits PasswordCheckResult.Accepted, PasswordCheckResult.Rejected {

    /** @return true when no rule failed */
    default boolean ok() {
        return this instanceof Accepted;
    }

    /** @return every failed rule, in check order (empty when accepted) */
    List<PasswordFailure> failures();

    /** Every rule passed. */
    record Accepted() implements PasswordCheckResult {
        @Override
        public List<PasswordFailure> failures() {
            return List.of();
        }
    }

    /**
     * At least one rule failed; all failures are listed at once (for a form).
     *
     * @param failures the failures, not empty
     */
    record Rejected(List<PasswordFailure> failures) implements PasswordCheckResult {
        /** Copies and checks the list. */
        public Rejected {
            failures = List.copyOf(failures);
            if (failures.isEmpty()) {
                throw new IllegalArgumentException("a rejection lists at least one failure");
            }
        }

        /** @return the failed rules */
        public Set<PasswordRule> rules() {
            return failures.stream().map(PasswordFailure::rule).collect(Collectors.toUnmodifiableSet());
        }
    }
}
