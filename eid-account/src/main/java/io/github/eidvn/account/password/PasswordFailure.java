package io.github.eidvn.account.password;

import java.util.Objects;

/**
 * One failed rule, with the message for the citizen. Never contains the password.
 *
 * @param rule the rule
 * @param messageVi the message in Vietnamese
 * @param messageEn the message in English
 */
public record PasswordFailure(PasswordRule rule, String messageVi, String messageEn) {

    /** Checks the components. */
    public PasswordFailure {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(messageVi, "messageVi");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    static PasswordFailure of(PasswordRule rule, String vi, String en) {
        return new PasswordFailure(rule, vi, en);
    }
}
