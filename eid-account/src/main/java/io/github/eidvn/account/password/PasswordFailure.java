package io.github.eidvn.account.password;

import io.github.eidvn.core.result.BilingualText;

import java.util.Objects;

/**
 * One failed rule, with the message for the citizen. Never contains the password.
 *
 * @param rule the rule
 * @param vietnamese the message in Vietnamese
 * @param english the message in English
 */
public record PasswordFailure(PasswordRule rule, String vietnamese, String english) implements BilingualText {

    /** Checks the components. */
    public PasswordFailure {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(vietnamese, "vietnamese");
        Objects.requireNonNull(english, "english");
    }

    static PasswordFailure of(PasswordRule rule, String vi, String en) {
        return new PasswordFailure(rule, vi, en);
    }
}
