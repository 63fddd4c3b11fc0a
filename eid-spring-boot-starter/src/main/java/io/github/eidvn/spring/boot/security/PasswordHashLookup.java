package io.github.eidvn.spring.boot.security;

import java.util.Optional;

import io.github.eidvn.account.AccountId;

/**
 * Where the application keeps its users' password hashes (Argon2id PHC strings made by eid's {@code PasswordHasher}):
 * define a bean of this type to get {@link EidPasswordAuthenticationProvider}.
 */
@FunctionalInterface
public interface PasswordHashLookup {

    /**
     * The stored password hash of an account.
     *
     * @param account the account, in canonical form
     * @return the PHC string, or empty when there is no such account (the login then costs the same time and
     *     gives the same answer as a wrong password)
     */
    Optional<String> storedHash(AccountId account);
}
