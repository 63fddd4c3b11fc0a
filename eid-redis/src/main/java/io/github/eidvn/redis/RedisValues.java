package io.github.eidvn.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.core.spi.StateStoreException;

/**
 * The values, TTLs and counters as they travel to and from Redis: values as raw bytes (copied, at most
 * {@link StateStore#MAX_VALUE_LENGTH}), TTLs as {@code PX} milliseconds, counters as the decimal ASCII that
 * {@code INCRBY} uses.
 */
final class RedisValues {

    private static final long MAX_PX = Long.MAX_VALUE / 4;
    private static final byte[] NO_TTL = {'0'};

    private RedisValues() {
    }

    /** A copy of a value to send, checked. */
    static byte[] value(byte[] value) {
        Objects.requireNonNull(value, "value");
        if (value.length > StateStore.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("value longer than " + StateStore.MAX_VALUE_LENGTH + " bytes");
        }
        return value.clone();
    }

    /** TTL in milliseconds for PX, or 0 for no expiry. */
    static long px(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.equals(StateStore.NO_EXPIRY)) {
            return 0;
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        long millis;
        try {
            millis = ttl.toMillis();
            if (!ttl.minusMillis(millis).isZero()) {
                millis = Math.addExact(millis, 1);
            }
        } catch (ArithmeticException e) {
            return 0;
        }
        return millis > MAX_PX ? 0 : Math.max(1, millis);
    }

    /** The TTL as a script argument: its milliseconds in ASCII, or {@code 0} for no expiry. */
    static byte[] pxArg(Duration ttl) {
        long px = px(ttl);
        return px == 0 ? NO_TTL : Long.toString(px).getBytes(StandardCharsets.US_ASCII);
    }

    /** A number as a script argument. */
    static byte[] number(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A counter as Redis returned it.
     *
     * @param reply the reply, or null
     * @param where where it came from, for the message ({@code "for incrementBy"}, {@code "in a batch"})
     * @return the count
     * @throws StateStoreException when the reply is missing or not a number
     */
    static long count(byte[] reply, String where) {
        if (reply == null) {
            throw new StateStoreException("Redis returned no count " + where, null);
        }
        try {
            return Long.parseLong(new String(reply, StandardCharsets.US_ASCII));
        } catch (NumberFormatException ex) {
            throw new StateStoreException("Redis returned a malformed count " + where, null);
        }
    }
}
