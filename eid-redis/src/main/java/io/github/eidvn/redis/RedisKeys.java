package io.github.eidvn.redis;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.github.eidvn.core.spi.StateStore;

/**
 * The mapping from state-store keys to Redis keys within one namespace (see {@link RedisStateStore}, "Keys"): a key
 * with a brace keeps its own hash tag and becomes {@code <namespace>!k}; any other becomes {@code <namespace>:k'},
 * with its first segment of exactly 12 digits wrapped in braces. One-to-one, and the same in every Redis mode.
 */
final class RedisKeys {

    private final String namespace;

    /**
     * @param namespace a namespace already checked by the builder
     */
    RedisKeys(String namespace) {
        this.namespace = namespace;
    }

    String namespace() {
        return namespace;
    }

    /**
     * The Redis key for a state-store key.
     *
     * @param key a state-store key
     * @return the Redis key
     * @throws IllegalArgumentException when the key is empty, too long or not printable ASCII
     */
    String redisKey(String key) {
        checkKey(key);
        if (key.indexOf('{') >= 0 || key.indexOf('}') >= 0) {
            return namespace + "!" + key;
        }
        return namespace + ":" + hashTagged(key);
    }

    /** The Redis key for a state-store key, as the bytes sent. */
    byte[] bytes(String key) {
        return redisKey(key).getBytes(StandardCharsets.US_ASCII);
    }

    /** Wraps the first segment of exactly 12 digits of a key without braces in braces. */
    static String hashTagged(String key) {
        int start = 0;
        while (start <= key.length()) {
            int end = key.indexOf(':', start);
            if (end < 0) {
                end = key.length();
            }
            if (end - start == 12 && allDigits(key, start, end)) {
                return key.substring(0, start) + "{" + key.substring(start, end) + "}" + key.substring(end);
            }
            start = end + 1;
        }
        return key;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static void checkKey(String key) {
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
}
