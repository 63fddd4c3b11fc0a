package io.github.eidvn.account.password;

/**
 * SPI: is a password in a corpus of breached passwords? {@link PwnedPasswordsClient} implements it against the Have I
 * Been Pwned range API; an operator may plug in a local copy of a corpus instead.
 *
 * <p>Implementations never throw for service failures: they return {@link BreachCheckResult.Unavailable}, which the
 * password policy turns into a {@link PasswordRule#CHECK_UNAVAILABLE} failure (fail closed; the caller decides
 * whether to let that one rule pass).
 *
 * <p><b>Security.</b> Implementations must not send the password or its full hash anywhere.
 */
@FunctionalInterface
public interface BreachedPasswordCheck {

    /**
     * Looks a password up.
     *
     * @param password the password (already NFKC-normalized by the policy)
     * @return found (with the count), not found, or unavailable
     */
    BreachCheckResult check(CharSequence password);
}
