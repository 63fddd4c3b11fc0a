package io.github.eidvn.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.spi.StateStore;

/**
 * A state store that hands every call to another one; tests override the calls whose behaviour they change (a
 * store that ignores expiry, a conditional delete that loses a race, ...).
 */
public abstract class ForwardingStateStore implements StateStore {

    /** The store that holds the values. */
    protected final StateStore delegate;

    /**
     * @param delegate the store that holds the values
     */
    protected ForwardingStateStore(StateStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * The TTL handed to the delegate for a write; the one given by default. Override to change the expiry of every
     * write at once.
     *
     * @param requested the TTL the caller asked for
     * @return the TTL to store with
     */
    protected Duration ttl(Duration requested) {
        return requested;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return delegate.get(key);
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        delegate.put(key, value, ttl(ttl));
    }

    @Override
    public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
        return delegate.putIfAbsent(key, value, ttl(ttl));
    }

    @Override
    public boolean compareAndSet(String key, byte[] expected, byte[] newValue, Duration ttl) {
        return delegate.compareAndSet(key, expected, newValue, ttl(ttl));
    }

    @Override
    public boolean delete(String key) {
        return delegate.delete(key);
    }

    @Override
    public boolean deleteIfEquals(String key, byte[] expected) {
        return delegate.deleteIfEquals(key, expected);
    }

    @Override
    public Optional<byte[]> consume(String key) {
        return delegate.consume(key);
    }

    @Override
    public long incrementBy(String key, long delta, Duration ttlIfCreated) {
        return delegate.incrementBy(key, delta, ttl(ttlIfCreated));
    }
}
