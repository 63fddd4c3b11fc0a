package io.github.eidvn.core.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Several {@link StateStore} operations sent as one step ({@link StateStore#run}), so that a networked store answers
 * them in one round trip (Redis: one script) instead of one per key.
 *
 * <pre>{@code
 * StateBatch b = new StateBatch();
 * int lease = b.putIfAbsent(leaseKey, leaseValue, Duration.ofSeconds(30));
 * int binding = b.get(bindingKey);
 * StateBatch.Results r = store.run(b);
 * if (r.written(lease)) { Optional<byte[]> current = r.value(binding); ... }
 * }</pre>
 *
 * <p>Each operation has exactly the meaning, checks and atomicity of the {@link StateStore} method of the same name,
 * and the operations run in the order they were added. The batch as a whole is <b>not</b> a transaction: a store may
 * run it as one (Redis does, for keys in one cluster slot), but callers must not rely on it. When an operation fails,
 * {@link StateStore#run} throws as that method would, and the operations before it may have been applied (as with
 * separate calls).
 *
 * <p>A batch is filled by one thread and then run once or more; it holds copies of the values it was given. The
 * programmer errors of the single-key methods (null, empty or oversized key, oversized value, non-positive TTL) are
 * thrown when the operation is added.
 */
public final class StateBatch {

    /** What an operation does; the name of the {@link StateStore} method it stands for. */
    public enum Kind {
        /** {@link StateStore#get}. */
        GET,
        /** {@link StateStore#put}. */
        PUT,
        /** {@link StateStore#putIfAbsent}. */
        PUT_IF_ABSENT,
        /** {@link StateStore#compareAndSet}. */
        COMPARE_AND_SET,
        /** {@link StateStore#delete}. */
        DELETE,
        /** {@link StateStore#deleteIfEquals}. */
        DELETE_IF_EQUALS,
        /** {@link StateStore#incrementBy}. */
        INCREMENT_BY
    }

    /**
     * One operation.
     *
     * @param kind what it does
     * @param key the key
     * @param expected the value that must be present ({@code COMPARE_AND_SET}, {@code DELETE_IF_EQUALS}), else null
     * @param value the value written ({@code PUT}, {@code PUT_IF_ABSENT}, {@code COMPARE_AND_SET}), else null
     * @param delta the amount added ({@code INCREMENT_BY}), else 0
     * @param ttl the time to live of a write, else null
     */
    public record Operation(Kind kind, String key, byte[] expected, byte[] value, long delta, Duration ttl) {

        /** Checks the components. */
        public Operation {
            Objects.requireNonNull(kind, "kind");
            checkKey(key);
        }

        /** @return a copy of the expected value, or null */
        @Override
        public byte[] expected() {
            return expected == null ? null : expected.clone();
        }

        /** @return a copy of the value written, or null */
        @Override
        public byte[] value() {
            return value == null ? null : value.clone();
        }

        /** Compares the byte arrays by content. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Operation p && kind == p.kind && key.equals(p.key) && Arrays.equals(expected, p.expected)
                    && Arrays.equals(value, p.value) && delta == p.delta && Objects.equals(ttl, p.ttl);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, key, Arrays.hashCode(expected), Arrays.hashCode(value), delta, ttl);
        }

        /** The kind and key only (values may be secrets' derivatives). */
        @Override
        public String toString() {
            return "Operation[" + kind + " " + key + "]";
        }
    }

    private final List<Operation> operations = new ArrayList<>(8);

    /** An empty batch. */
    public StateBatch() {
    }

    /**
     * Adds a {@link StateStore#get}.
     *
     * @param key the key
     * @return the operation's index in the {@link Results}
     */
    public int get(String key) {
        return add(new Operation(Kind.GET, key, null, null, 0, null));
    }

    /**
     * Adds a {@link StateStore#put}.
     *
     * @param key the key
     * @param value the value (copied)
     * @param ttl time to live, positive, or {@link StateStore#NO_EXPIRY}
     * @return the operation's index
     */
    public int put(String key, byte[] value, Duration ttl) {
        return add(new Operation(Kind.PUT, key, null, checkValue(value), 0, checkTtl(ttl)));
    }

    /**
     * Adds a {@link StateStore#putIfAbsent}.
     *
     * @param key the key
     * @param value the value (copied)
     * @param ttl time to live, positive, or {@link StateStore#NO_EXPIRY}
     * @return the operation's index; {@link Results#written} tells whether it was written
     */
    public int putIfAbsent(String key, byte[] value, Duration ttl) {
        return add(new Operation(Kind.PUT_IF_ABSENT, key, null, checkValue(value), 0, checkTtl(ttl)));
    }

    /**
     * Adds a {@link StateStore#compareAndSet}.
     *
     * @param key the key
     * @param expected the value that must be present (copied)
     * @param newValue the replacement (copied)
     * @param ttl time to live of the replacement, positive, or {@link StateStore#NO_EXPIRY}
     * @return the operation's index; {@link Results#written} tells whether it was replaced
     */
    public int compareAndSet(String key, byte[] expected, byte[] newValue, Duration ttl) {
        return add(new Operation(Kind.COMPARE_AND_SET, key, Objects.requireNonNull(expected, "expected").clone(),
                checkValue(newValue), 0, checkTtl(ttl)));
    }

    /**
     * Adds a {@link StateStore#delete}.
     *
     * @param key the key
     * @return the operation's index; {@link Results#written} tells whether a live value was deleted
     */
    public int delete(String key) {
        return add(new Operation(Kind.DELETE, key, null, null, 0, null));
    }

    /**
     * Adds a {@link StateStore#deleteIfEquals}.
     *
     * @param key the key
     * @param expected the value that must be present (copied)
     * @return the operation's index; {@link Results#written} tells whether it was deleted
     */
    public int deleteIfEquals(String key, byte[] expected) {
        return add(new Operation(Kind.DELETE_IF_EQUALS, key, Objects.requireNonNull(expected, "expected").clone(),
                null, 0, null));
    }

    /**
     * Adds a {@link StateStore#incrementBy}.
     *
     * @param key the counter key
     * @param delta the amount to add
     * @param ttlIfCreated time to live when the counter is created, positive, or {@link StateStore#NO_EXPIRY}
     * @return the operation's index; {@link Results#count} gives the count after the addition
     */
    public int incrementBy(String key, long delta, Duration ttlIfCreated) {
        return add(new Operation(Kind.INCREMENT_BY, key, null, null, delta, checkTtl(ttlIfCreated)));
    }

    /** @return the operations, in order (unmodifiable) */
    public List<Operation> operations() {
        return Collections.unmodifiableList(operations);
    }

    /** @return the number of operations */
    public int size() {
        return operations.size();
    }

    /**
     * Runs the operations one by one through the single-key methods of {@code store}: the reference behaviour of
     * {@link StateStore#run}, and what a store without a faster path does.
     *
     * @param store the store
     * @return the results
     */
    public Results runEach(StateStore store) {
        Object[] out = new Object[operations.size()];
        for (int i = 0; i < out.length; i++) {
            Operation o = operations.get(i);
            out[i] = switch (o.kind()) {
                case GET -> store.get(o.key()).orElse(null);
                case PUT -> {
                    store.put(o.key(), o.value, o.ttl());
                    yield Boolean.TRUE;
                }
                case PUT_IF_ABSENT -> store.putIfAbsent(o.key(), o.value, o.ttl());
                case COMPARE_AND_SET -> store.compareAndSet(o.key(), o.expected, o.value, o.ttl());
                case DELETE -> store.delete(o.key());
                case DELETE_IF_EQUALS -> store.deleteIfEquals(o.key(), o.expected);
                case INCREMENT_BY -> store.incrementBy(o.key(), o.delta(), o.ttl());
            };
        }
        return new Results(out);
    }

    /**
     * Results of a batch, by the index each adding method returned. Reading a result of another kind than the
     * operation's (e.g. {@link #count} of a {@code GET}) throws {@link IllegalArgumentException}.
     */
    public static final class Results {
        private final Object[] results;

        /**
         * Results as a store computed them: for each operation in order, a {@code byte[]} or null ({@code GET}), a
         * {@link Boolean} ({@code PUT}, always true, and the conditional writes and deletes), a {@link Long}
         * ({@code INCREMENT_BY}). Stores implementing {@link StateStore#run} build them; callers only read.
         *
         * @param results the results (copied)
         */
        public Results(Object[] results) {
            this.results = results.clone();
        }

        /**
         * @param index the {@code get}'s index
         * @return a copy of the value, or empty when absent or expired
         */
        public Optional<byte[]> value(int index) {
            Object r = results[index];
            if (r != null && !(r instanceof byte[])) {
                throw new IllegalArgumentException("operation " + index + " is not a get");
            }
            return r == null ? Optional.empty() : Optional.of(((byte[]) r).clone());
        }

        /**
         * @param index the index of a {@code put}, {@code putIfAbsent}, {@code compareAndSet}, {@code delete} or
         *        {@code deleteIfEquals}
         * @return what the single-key method would have returned (true for {@code put})
         */
        public boolean written(int index) {
            if (!(results[index] instanceof Boolean b)) {
                throw new IllegalArgumentException("operation " + index + " is not a write or delete");
            }
            return b;
        }

        /**
         * @param index the {@code incrementBy}'s index
         * @return the count after the addition
         */
        public long count(int index) {
            if (!(results[index] instanceof Long n)) {
                throw new IllegalArgumentException("operation " + index + " is not an increment");
            }
            return n;
        }

        /** @return the number of results */
        public int size() {
            return results.length;
        }
    }

    private int add(Operation o) {
        operations.add(o);
        return operations.size() - 1;
    }

    /** The key rules of {@link StateStore}: printable ASCII, 1..{@value StateStore#MAX_KEY_LENGTH} characters. */
    static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > StateStore.MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key length must be 1.." + StateStore.MAX_KEY_LENGTH);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("key must be printable ASCII without spaces");
            }
        }
    }

    /** A copy of a value of at most {@value StateStore#MAX_VALUE_LENGTH} bytes. */
    static byte[] checkValue(byte[] value) {
        Objects.requireNonNull(value, "value");
        if (value.length > StateStore.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("value longer than " + StateStore.MAX_VALUE_LENGTH + " bytes");
        }
        return value.clone();
    }

    private static Duration checkTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (!ttl.equals(StateStore.NO_EXPIRY) && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        return ttl;
    }
}
