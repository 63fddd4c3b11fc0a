package io.github.eidvn.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * One Lua script touching one key ({@code KEYS[1]}), or the keys of one batch ({@link #BATCH}), run with {@code EVALSHA} and, only when the server
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

    /**
     * A batch ({@link io.github.eidvn.core.spi.StateBatch}): {@code KEYS[i]} is the key of operation {@code i}, and
     * {@code ARGV} lists the operations in order, each as a one-letter code and its arguments: {@code G} (get),
     * {@code P value px} (put), {@code N value px} (put if absent), {@code C expected value px} (compare and set),
     * {@code D} (delete), {@code E expected} (delete if equals), {@code I delta px} (increment, as
     * {@link #INCREMENT_BY}); {@code px} is the TTL in ms or "0" for none. Returns one reply per operation: the value
     * or nil (G), 1 or 0 (P, N, C, E), the number deleted (D), the new count as its decimal string (I). Each
     * operation runs exactly as its single-key script or command.
     */
    static final LuaScript BATCH = new LuaScript("""
            local out = {}
            local a = 1
            for i = 1, #KEYS do
              local k = KEYS[i]
              local op = ARGV[a]
              if op == 'G' then
                out[i] = redis.call('GET', k)
                a = a + 1
              elseif op == 'P' or op == 'N' then
                local r
                if op == 'P' and ARGV[a + 2] == '0' then
                  r = redis.call('SET', k, ARGV[a + 1])
                elseif op == 'P' then
                  r = redis.call('SET', k, ARGV[a + 1], 'PX', ARGV[a + 2])
                elseif ARGV[a + 2] == '0' then
                  r = redis.call('SET', k, ARGV[a + 1], 'NX')
                else
                  r = redis.call('SET', k, ARGV[a + 1], 'NX', 'PX', ARGV[a + 2])
                end
                out[i] = r and 1 or 0
                a = a + 3
              elseif op == 'C' then
                out[i] = 0
                if redis.call('GET', k) == ARGV[a + 1] then
                  if ARGV[a + 3] == '0' then
                    redis.call('SET', k, ARGV[a + 2])
                  else
                    redis.call('SET', k, ARGV[a + 2], 'PX', ARGV[a + 3])
                  end
                  out[i] = 1
                end
                a = a + 4
              elseif op == 'D' then
                out[i] = redis.call('DEL', k)
                a = a + 1
              elseif op == 'E' then
                out[i] = 0
                if redis.call('GET', k) == ARGV[a + 1] then
                  out[i] = redis.call('DEL', k)
                end
                a = a + 2
              elseif op == 'I' then
                if ARGV[a + 2] == '0' then
                  redis.call('SET', k, '0', 'NX')
                else
                  redis.call('SET', k, '0', 'NX', 'PX', ARGV[a + 2])
                end
                local r = redis.pcall('INCRBY', k, ARGV[a + 1])
                if type(r) == 'table' and r.err then
                  if string.find(r.err, 'overflow', 1, true) then
                    return redis.error_reply('EIDOVERFLOW counter overflow')
                  end
                  return redis.error_reply('EIDNOTCOUNTER the key does not hold a counter')
                end
                out[i] = redis.call('GET', k)
                a = a + 3
              else
                return redis.error_reply('EIDBATCH unknown operation')
              end
            end
            return out
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
        return runOn(commands, type, new byte[][] {key}, args);
    }

    /**
     * Runs the script on several keys (one cluster slot).
     *
     * @param <T> the reply type for {@code type}
     * @param commands the connection
     * @param type the reply type
     * @param keys the physical keys
     * @param args the arguments
     * @return the reply
     */
    <T> T runOn(RedisClusterCommands<byte[], byte[]> commands, ScriptOutputType type, byte[][] keys, byte[]... args) {
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
