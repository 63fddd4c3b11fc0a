package io.github.eidvn.core.keys;

/**
 * The keys of an issuer could not be obtained (its JWKS URL could not be read and no earlier set of it is still
 * usable, or what it served breaks the trust-store rules), so nobody can tell whether a token's key is trusted.
 * Verifiers turn it into a "check unavailable" result: fail closed, never "unknown key".
 *
 * <p>The message names the issuer and the URL, never key material.
 */
public final class KeysUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be read, and from where
     * @param cause the underlying failure, or null
     */
    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
