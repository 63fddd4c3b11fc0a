package io.github.eidvn.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * One Lua script touching exactly one key ({@code KEYS[1]}), run with {@code EVALSHA} and, only when the server
 * answers {@code NOSCRIPT} (its script cache is empty after a restart, or a cluster node never saw the script), once
 * more with {@code EVAL}. {@code NOSCRIPT} means the script did not run at all, so the second send cannot apply the
 * operation twice.
 */
final class LuaScript {

    /**
     * Compare-and-set: {@code ARGV[1]} expected value, {@code ARGV[2]} new value, {@code ARGV[3]} TTL in ms or "0"
     * for none. Returns 1 when replaced, 0 otherwise.
     */
    static final LuaScript COMPARE_AND_SET = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              if ARGV[3] == '0' then
                redis.call('SET', KEYS[1], ARGV[2])
              else
                redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              end
              return 1
            end
            return 0
            """);

    /** Delete-if-equals: {@code ARGV[1]} expected value. Returns 1 when deleted, 0 otherwise. */
    static final LuaScript DELETE_IF_EQUALS = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    /**
     * Counter: {@code ARGV[1]} delta, {@code ARGV[2]} TTL in ms if created, or "0" for none. Creates the counter at
     * "0" with its TTL only when absent ({@code SET NX PX}), adds with {@code INCRBY} (which keeps an existing TTL)
     * and returns the new count as the stored decimal string (not as a Lua number, which is a double and would round
     * counts beyond 2^53).
     */
    static final LuaScript INCREMENT_BY = new LuaScript("""
            if ARGV[2] == '0' then
              redis.call('SET', KEYS[1], '0', 'NX')
            else
              redis.call('SET', KEYS[1], '0', 'NX', 'PX', ARGV[2])
            end
            local r = redis.pcall('INCRBY', KEYS[1], ARGV[1])
            if type(r) == 'table' and r.err then
              if string.find(r.err, 'overflow', 1, true) then
                return redis.error_reply('EIDOVERFLOW counter overflow')
              end
              return redis.error_reply('EIDNOTCOUNTER the key does not hold a counter')
            end
            return redis.call('GET', KEYS[1])
            """);

    private final String body;
    private final String sha1;

    private LuaScript(String body) {
        this.body = body;
        this.sha1 = sha1Hex(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs the script on one key.
     *
     * @param <T> the reply type for {@code type}
     * @param commands the connection
     * @param type the reply type
     * @param key the physical key
     * @param args at least one argument
     * @return the reply
     */
    <T> T run(RedisClusterCommands<byte[], byte[]> commands, ScriptOutputType type, byte[] key, byte[]... args) {
        byte[][] keys = {key};
        try {
            return commands.evalsha(sha1, type, keys, args);
        } catch (RedisNoScriptException e) {
            return commands.eval(body, type, keys, args);
        }
    }

    String sha1() {
        return sha1;
    }

    private static String sha1Hex(byte[] data) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(data);
            StringBuilder sb = new StringBuilder(40);
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the Java platform", e);
        }
    }
}
