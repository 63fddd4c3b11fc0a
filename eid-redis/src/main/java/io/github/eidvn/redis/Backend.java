package io.github.eidvn.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.eidvn.core.spi.StateStoreException;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

/**
 * The Lettuce client, its resources and one shared (multiplexed) connection, configured to fail fast:
 * <ul>
 * <li>{@link ClientOptions.DisconnectedBehavior#REJECT_COMMANDS}: while disconnected a command fails at once instead
 * of waiting in a buffer, and commands in flight when the connection drops are completed with an error, never
 * replayed after the reconnect (Lettuce cancels them instead of re-queuing when commands are rejected while
 * disconnected);</li>
 * <li>a command timeout for every command ({@link TimeoutOptions}) and a connect timeout;</li>
 * <li>auto-reconnect in the background (bounded exponential delay, at most one second), so the store serves again
 * as soon as Redis is back, without any command being retried.</li>
 * </ul>
 * {@link #call} runs a command and maps Lettuce's failures to the store's exceptions: unreachable, timed out or
 * temporarily unable to serve to {@link StateUnavailableException}, any other refusal to {@link StateStoreException}.
 */
final class Backend implements AutoCloseable {

    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final Set<String> UNAVAILABLE = Set.of("LOADING", "BUSY", "READONLY", "MASTERDOWN", "CLUSTERDOWN",
            "TRYAGAIN", "OOM", "NOREPLICAS", "MISCONF", "MOVED", "ASK", "UNBLOCKED");

    private final ClientResources resources;
    private final AbstractRedisClient client;
    private final StatefulConnection<byte[], byte[]> connection;
    private final RedisClusterCommands<byte[], byte[]> commands;
    private final String description;
    private final LongAdder sent;

    private Backend(ClientResources resources, AbstractRedisClient client, StatefulConnection<byte[], byte[]> connection,
            RedisClusterCommands<byte[], byte[]> commands, String description, LongAdder sent) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.commands = commands;
        this.description = description;
        this.sent = sent;
    }

    /** Counts every command the client sends (scripts one each), from the connection handshake on. */
    private static LongAdder count(AbstractRedisClient client) {
        LongAdder sent = new LongAdder();
        client.addListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                sent.increment();
            }
        });
        return sent;
    }

    /** @return the commands sent so far */
    long commandsSent() {
        return sent.sum();
    }

    static Backend standalone(RedisURI uri, Duration connectTimeout, Duration commandTimeout, SslOptions ssl) {
        uri.setTimeout(commandTimeout);
        ClientResources res = resources();
        RedisClient client = null;
        try {
            client = RedisClient.create(res);
            ClientOptions.Builder o = ClientOptions.builder().autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(socket(connectTimeout)).timeoutOptions(TimeoutOptions.enabled(commandTimeout));
            if (ssl != null) {
                o.sslOptions(ssl);
            }
            client.setOptions(o.build());
            LongAdder sent = count(client);
            StatefulRedisConnection<byte[], byte[]> c = client.connect(ByteArrayCodec.INSTANCE, uri);
            return new Backend(res, client, c, c.sync(), describe(uri), sent);
        } catch (RedisException | IllegalArgumentException e) {
            shutdown(client, res);
            throw new StateUnavailableException("cannot connect to Redis " + describe(uri) + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    static Backend cluster(List<RedisURI> seeds, Duration connectTimeout, Duration commandTimeout, SslOptions ssl) {
        for (RedisURI u : seeds) {
            u.setTimeout(commandTimeout);
        }
        ClientResources res = resources();
        RedisClusterClient client = null;
        String desc = "cluster " + seeds.stream().map(Backend::hostPort).collect(Collectors.joining(","))
                + (seeds.get(0).isSsl() ? " (TLS)" : "");
        try {
            client = RedisClusterClient.create(res, seeds);
            ClusterClientOptions.Builder o = ClusterClientOptions.builder().autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(socket(connectTimeout)).timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder().enableAllAdaptiveRefreshTriggers()
                            .build());
            if (ssl != null) {
                o.sslOptions(ssl);
            }
            client.setOptions(o.build());
            LongAdder sent = count(client);
            StatefulRedisClusterConnection<byte[], byte[]> c = client.connect(ByteArrayCodec.INSTANCE);
            c.setTimeout(commandTimeout);
            return new Backend(res, client, c, c.sync(), desc, sent);
        } catch (RedisException | IllegalArgumentException e) {
            shutdown(client, res);
            throw new StateUnavailableException("cannot connect to Redis " + desc + " (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    /**
     * Runs one command (or script) on the connection; fails closed.
     *
     * @param <T> the reply type
     * @param op the operation's name, for messages
     * @param f the command
     * @return its reply
     * @throws StateUnavailableException when Redis cannot serve now
     * @throws StateStoreException when Redis refused the command
     * @throws ArithmeticException on a counter overflow
     * @throws IllegalStateException when a counter operation meets a value that is not a counter
     */
    <T> T call(String op, Function<RedisClusterCommands<byte[], byte[]>, T> f) {
        try {
            return f.apply(commands);
        } catch (RedisCommandExecutionException e) {
            throw serverError(op, e);
        } catch (RedisCommandInterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateUnavailableException("Redis " + op + " interrupted", e);
        } catch (RedisException | CancellationException e) {
            throw new StateUnavailableException("Redis unavailable: " + op + " failed (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    private static RuntimeException serverError(String op, RedisCommandExecutionException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("EIDOVERFLOW")) {
            return new ArithmeticException("counter overflow");
        }
        if (msg.contains("EIDNOTCOUNTER")) {
            return new IllegalStateException("the key does not hold a counter");
        }
        int sp = msg.indexOf(' ');
        String code = (sp < 0 ? msg : msg.substring(0, sp)).toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{1,20}")) {
            code = "ERR";
        }
        if (UNAVAILABLE.contains(code)) {
            return new StateUnavailableException("Redis unavailable: " + op + " answered " + code, e);
        }
        return new StateStoreException("Redis refused " + op + ": " + code, e);
    }

    /** @return true on a Redis Cluster (a script may touch the keys of one slot only) */
    boolean isCluster() {
        return client instanceof RedisClusterClient;
    }

    boolean isOpen() {
        return connection.isOpen();
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (RuntimeException e) {
            // closing anyway
        }
        shutdown(client, resources);
    }

    private static void shutdown(AbstractRedisClient client, ClientResources res) {
        try {
            if (client != null) {
                client.shutdown(0, 2, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            // the resources are released below in any case
        }
        res.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private static ClientResources resources() {
        return DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
    }

    private static SocketOptions socket(Duration connectTimeout) {
        return SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).tcpNoDelay(true).build();
    }

    /** Mode and addresses, never credentials. */
    static String describe(RedisURI uri) {
        String tls = uri.isSsl() ? " (TLS)" : "";
        if (uri.getSentinelMasterId() != null) {
            List<String> s = new ArrayList<>();
            for (RedisURI x : uri.getSentinels()) {
                s.add(hostPort(x));
            }
            return "sentinel master " + uri.getSentinelMasterId() + " via " + String.join(",", s) + tls;
        }
        if (uri.getSocket() != null) {
            return "unix socket " + uri.getSocket();
        }
        return "standalone " + hostPort(uri) + tls;
    }

    private static String hostPort(RedisURI u) {
        return u.getHost() + ":" + u.getPort();
    }
}
