package io.github.eidvn.account.password;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link PasswordReset#complete}. */
public sealed interface ResetCompletion
        permits ResetCompletion.Completed, ResetCompletion.PasswordRejected, ResetCompletion.Refused {

    /**
     * The password was reset: store the hash and the history, then revoke the account's sessions
     * ({@code AccountLogin.revokeAllSessions}).
     *
     * @param passwordHash the new Argon2id PHC string
     * @param history the new password history, newest first
     */
    record Completed(String passwordHash, List<String> history) implements ResetCompletion {
        /** Checks and copies the components. */
        public Completed {
            Objects.requireNonNull(passwordHash, "passwordHash");
            history = List.copyOf(history);
        }

        /** Redacts the hashes. */
        @Override
        public String toString() {
            return "Completed[hash redacted, history " + history.size() + "]";
        }
    }

    /**
     * The new password failed the policy; the ticket stays usable for another try.
     *
     * @param check every failed rule, with its messages
     */
    record PasswordRejected(PasswordCheckResult.Rejected check) implements ResetCompletion {
        /** Checks the component. */
        public PasswordRejected {
            Objects.requireNonNull(check, "check");
        }
    }

    /**
     * The ticket is unknown, expired or used.
     *
     * @param reason why
     */
    record Refused(ResetStep.Reason reason) implements ResetCompletion {
        /** Checks the component. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
