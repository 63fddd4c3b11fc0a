package io.github.eidvn.core.spi;

/**
 * Thrown by a {@link StateStore} that cannot complete an operation (backend unreachable, timeout). The account
 * services do not catch it: an operation whose state cannot be read or written fails, it never proceeds as if the
 * state were absent.
 */
public class StateStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed (never a key's secret content)
     * @param cause the underlying failure, may be null
     */
    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
