package io.github.eidvn.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.eidvn.core.spi.StateBatch;
import io.github.eidvn.core.spi.StateStoreException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.SlotHash;

/**
 * A {@link StateBatch} as {@code LuaScript.BATCH} runs it: the operations grouped by cluster slot (one group off a
 * cluster), each group encoded as one script's keys and arguments, the replies decoded into
 * {@link StateBatch.Results}.
 */
final class BatchScript {

    private static final byte[] OP_GET = {'G'};
    private static final byte[] OP_PUT = {'P'};
    private static final byte[] OP_PUT_IF_ABSENT = {'N'};
    private static final byte[] OP_COMPARE_AND_SET = {'C'};
    private static final byte[] OP_DELETE = {'D'};
    private static final byte[] OP_DELETE_IF_EQUALS = {'E'};
    private static final byte[] OP_INCREMENT_BY = {'I'};

    private BatchScript() {
    }

    /**
     * Runs a batch: one script, or on a cluster one per slot touched (the operations of each slot in their order).
     *
     * @param backend the connection
     * @param keys the namespace's key mapping
     * @param batch the operations
     * @return their results
     */
    static StateBatch.Results run(Backend backend, RedisKeys keys, StateBatch batch) {
        List<StateBatch.Operation> ops = batch.operations();
        Object[] results = new Object[ops.size()];
        if (ops.isEmpty()) {
            return new StateBatch.Results(results);
        }
        byte[][] redisKeys = new byte[ops.size()][];
        for (int i = 0; i < redisKeys.length; i++) {
            redisKeys[i] = keys.bytes(ops.get(i).key());
        }
        if (!backend.isCluster()) {
            runScript(backend, ops, redisKeys, allIndexes(ops.size()), results);
        } else {
            Map<Integer, List<Integer>> bySlot = new LinkedHashMap<>();
            for (int i = 0; i < redisKeys.length; i++) {
                bySlot.computeIfAbsent(SlotHash.getSlot(redisKeys[i]), s -> new ArrayList<>()).add(i);
            }
            for (List<Integer> group : bySlot.values()) {
                runScript(backend, ops, redisKeys, group, results);
            }
        }
        return new StateBatch.Results(results);
    }

    private static List<Integer> allIndexes(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    /** Runs the operations at {@code indexes} (all in one slot on a cluster) as one script; fills their results. */
    private static void runScript(Backend backend, List<StateBatch.Operation> ops, byte[][] allKeys,
            List<Integer> indexes, Object[] results) {
        byte[][] keys = new byte[indexes.size()][];
        List<byte[]> args = new ArrayList<>(indexes.size() * 3);
        for (int j = 0; j < keys.length; j++) {
            keys[j] = allKeys[indexes.get(j)];
            addArguments(ops.get(indexes.get(j)), args);
        }
        byte[][] argv = args.toArray(new byte[0][]);
        List<Object> replies = backend.call("run", c -> LuaScript.BATCH.runOn(c, ScriptOutputType.MULTI, keys, argv));
        if (replies == null || replies.size() != keys.length) {
            throw new StateStoreException("Redis returned " + (replies == null ? "no" : replies.size())
                    + " results for a batch of " + keys.length, null);
        }
        for (int j = 0; j < keys.length; j++) {
            results[indexes.get(j)] = result(ops.get(indexes.get(j)).kind(), replies.get(j));
        }
    }

    /** One operation's arguments: its code, then what the script reads for it. */
    private static void addArguments(StateBatch.Operation o, List<byte[]> args) {
        switch (o.kind()) {
            case GET -> args.add(OP_GET);
            case PUT, PUT_IF_ABSENT -> {
                args.add(o.kind() == StateBatch.Kind.PUT ? OP_PUT : OP_PUT_IF_ABSENT);
                args.add(RedisValues.value(o.value()));
                args.add(RedisValues.pxArg(o.ttl()));
            }
            case COMPARE_AND_SET -> {
                args.add(OP_COMPARE_AND_SET);
                args.add(o.expected());
                args.add(RedisValues.value(o.value()));
                args.add(RedisValues.pxArg(o.ttl()));
            }
            case DELETE -> args.add(OP_DELETE);
            case DELETE_IF_EQUALS -> {
                args.add(OP_DELETE_IF_EQUALS);
                args.add(o.expected());
            }
            case INCREMENT_BY -> {
                args.add(OP_INCREMENT_BY);
                args.add(RedisValues.number(o.delta()));
                args.add(RedisValues.pxArg(o.ttl()));
            }
        }
    }

    /** One script reply as {@link StateBatch.Results} holds it. */
    private static Object result(StateBatch.Kind kind, Object reply) {
        return switch (kind) {
            case GET -> {
                if (reply != null && !(reply instanceof byte[])) {
                    throw new StateStoreException("Redis returned a malformed value in a batch", null);
                }
                yield reply;
            }
            case PUT, PUT_IF_ABSENT, COMPARE_AND_SET, DELETE, DELETE_IF_EQUALS -> {
                if (!(reply instanceof Long n)) {
                    throw new StateStoreException("Redis returned a malformed flag in a batch", null);
                }
                yield n > 0;
            }
            case INCREMENT_BY -> {
                if (!(reply instanceof byte[] b)) {
                    throw new StateStoreException("Redis returned no count in a batch", null);
                }
                yield RedisValues.count(b, "in a batch");
            }
        };
    }
}
