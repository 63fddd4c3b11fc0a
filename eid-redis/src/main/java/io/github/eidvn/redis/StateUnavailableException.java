package io.github.eidvn.redis;

import io.github.eidvn.core.spi.StateStoreException;

/**
 * Thrown by {@link RedisStateStore} when Redis cannot answer: the connection is down or cannot be made, a command
 * timed out, or the server is temporarily unable to serve (loading its data after a restart, a read-only replica
 * after a failover, a cluster slot without a master, out of memory).
 *
 * <p>It is a {@link StateStoreException}, so the account services, which never catch that exception, fail the
 * operation: no login, one-time code, device switch or code delivery is granted while Redis is unavailable.
 *
 * <p><b>Security.</b> An operation that ended with this exception may or may not have been applied by Redis (the
 * reply can be lost after the server executed the command). Every state-store operation the account services use is
 * safe in both cases: the caller treats the exception as a failure, so the worst outcome is a used-up code, a lease
 * held until its TTL or one more counted failure, never a grant. The store never retries or replays a command on its
 * own. The message names the operation, never a key or a value.
 */
public class StateUnavailableException extends StateStoreException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed (the operation, never a key or a value)
     * @param cause the underlying client failure, may be null
     */
    public StateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
