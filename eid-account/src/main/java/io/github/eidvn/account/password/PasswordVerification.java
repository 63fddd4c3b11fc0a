package io.github.eidvn.account.password;

import java.util.Objects;

/** The outcome of {@link PasswordHasher#verify}. */
public sealed interface PasswordVerification
        permits PasswordVerification.Match, PasswordVerification.Mismatch, PasswordVerification.Unusable {

    /** @return true only for {@link Match} */
    default boolean matches() {
        return this instanceof Match;
    }

    /**
     * The password matches the stored hash.
     *
     * @param needsRehash true when the stored hash uses other parameters than the hasher's current ones: store
     *        {@link PasswordHasher#hash} of the password now
     */
    record Match(boolean needsRehash) implements PasswordVerification {
    }

    /** The password does not match. */
    record Mismatch() implements PasswordVerification {
    }

    /**
     * The stored string cannot be used (not an Argon2id PHC string, or parameters outside the accepted bounds).
     *
     * @param reason why
     * @param detail a short description (never the password)
     */
    record Unusable(Reason reason, String detail) implements PasswordVerification {
        /** Checks the components. */
        public Unusable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why a stored hash is unusable. */
    enum Reason {
        /** Not a well-formed {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash} string. */
        MALFORMED,
        /** Another algorithm or Argon2 version. */
        UNSUPPORTED,
        /** Memory, iterations, parallelism, salt or hash length outside the hasher's bounds. */
        PARAMETERS_OUT_OF_BOUNDS
    }
}
