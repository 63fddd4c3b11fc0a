package io.github.eidvn.account.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.eidvn.core.spi.StateStore;

/**
 * The read-decide-write loop on one state-store key: read the value, let the caller decide, write with
 * put-if-absent (no value) or compare-and-set (the value read), and start again when another writer came first.
 *
 * <p>Contention has one outcome: after {@value #ROUNDS} lost rounds the loop returns empty, which the services
 * report as {@code BUSY} (try again), never as an exception.
 */
public final class CompareAndSet {

    /** Rounds before giving up. */
    public static final int ROUNDS = 64;

    private CompareAndSet() {
    }

    /**
     * What to do with the value read.
     *
     * @param <T> the result
     */
    public sealed interface Step<T> permits Done, Write {
    }

    /**
     * Stop without writing.
     *
     * @param <T> the result
     * @param result the result
     */
    public record Done<T>(T result) implements Step<T> {
        /** Checks the component. */
        public Done {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * Write a new value; when the write wins, {@code then} gives the result (side effects such as audit events go
     * there, so they happen once, after the write).
     *
     * @param <T> the result
     * @param value the new value
     * @param ttl its time to live
     * @param then the result once written (not null)
     */
    public record Write<T>(byte[] value, Duration ttl, Supplier<T> then) implements Step<T> {
        /** Checks the components. */
        public Write {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(ttl, "ttl");
            Objects.requireNonNull(then, "then");
        }
    }

    /**
     * Runs the loop.
     *
     * @param <T> the result
     * @param store the store
     * @param key the key
     * @param decide reads the current value (empty when absent) and decides
     * @return the result, or empty when every round lost to another writer
     */
    public static <T> Optional<T> update(StateStore store, String key, Function<Optional<byte[]>, Step<T>> decide) {
        for (int round = 0; round < ROUNDS; round++) {
            Optional<byte[]> current = store.get(key);
            Step<T> step = decide.apply(current);
            if (step instanceof Done<T> d) {
                return Optional.of(d.result());
            }
            Write<T> w = (Write<T>) step;
            boolean won = current.isEmpty() ? store.putIfAbsent(key, w.value(), w.ttl())
                    : store.compareAndSet(key, current.get(), w.value(), w.ttl());
            if (won) {
                return Optional.of(w.then().get());
            }
        }
        return Optional.empty();
    }
}
