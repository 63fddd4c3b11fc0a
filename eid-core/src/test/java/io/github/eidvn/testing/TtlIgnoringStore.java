package io.github.eidvn.testing;

import java.time.Duration;

import io.github.eidvn.core.spi.StateStore;

/**
 * A state store that keeps every value past its TTL (as a store with coarse or lagging expiry may), so tests can
 * show that a component checks its own deadlines instead of relying on the store's expiry.
 */
public final class TtlIgnoringStore extends ForwardingStateStore {

    /**
     * @param delegate the store that holds the values (given {@link StateStore#NO_EXPIRY} for every write)
     */
    public TtlIgnoringStore(StateStore delegate) {
        super(delegate);
    }

    @Override
    protected Duration ttl(Duration requested) {
        return NO_EXPIRY;
    }
}
