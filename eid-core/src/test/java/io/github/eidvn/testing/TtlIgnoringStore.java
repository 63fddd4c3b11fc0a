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
    public void put(String key, byte[] value, Duration ttl) {
        delegate.put(key, value, NO_EXPIRY);
    }

    @Override
    public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
        return delegate.putIfAbsent(key, value, NO_EXPIRY);
    }

    @Override
    public boolean compareAndSet(String key, byte[] expected, byte[] newValue, Duration ttl) {
        return delegate.compareAndSet(key, expected, newValue, NO_EXPIRY);
    }

    @Override
    public long incrementBy(String key, long delta, Duration ttlIfCreated) {
        return delegate.incrementBy(key, delta, NO_EXPIRY);
    }
}
