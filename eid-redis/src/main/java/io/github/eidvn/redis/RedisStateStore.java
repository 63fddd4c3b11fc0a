package io.github.eidvn.redis;

import static io.github.eidvn.redis.RedisValues.px;
import static io.github.eidvn.redis.RedisValues.pxArg;
import static io.github.eidvn.redis.RedisValues.value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.github.eidvn.core.spi.StateBatch;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.core.spi.StateStoreException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SslOptions;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The {@link StateStore} on Redis (standalone, Sentinel or Cluster; Redis 6.2 or newer), so that the account rules
 * (one active device, one-time codes, failure counters, replay ids) hold across every node of a deployment.
 *
 * <pre>{@code
 * try (RedisStateStore store = RedisStateStore.builder()
 *         .uri("rediss://eid:secret@redis.bank.internal:6380")  // or redis://, redis-sentinel://host:26379#master
 *         .namespace("bank1")
 *         .commandTimeout(Duration.ofMillis(500))
 *         .build()) {
 *     AccountLogin login = AccountLogin.builder(store).notifier(...).serverKey(...).build();
 * }
 * }</pre>
 *
 * <p><b>Atomicity.</b> Each SPI operation is one Redis command or one Lua script on one key, executed atomically by
 * the server: {@code get} = {@code GET}; {@code put} = {@code SET [PX]}; {@code putIfAbsent} = {@code SET NX [PX]};
 * {@code compareAndSet} and {@code deleteIfEquals} = a script comparing the current value byte for byte before
 * {@code SET}/{@code DEL}; {@code delete} = {@code DEL}; {@code consume} = {@code GETDEL}; {@code incrementBy} = a
 * script running {@code SET key 0 NX [PX]} then {@code INCRBY} (the TTL is set only when the counter is created). No
 * decision is ever made in Java between a read and a write. A batch ({@link #run}) is one script holding those
 * same steps for all its keys (one script per cluster slot on a Redis Cluster): one round trip for a login step. Scripts run with {@code EVALSHA}, and with {@code EVAL}
 * only after a {@code NOSCRIPT} answer (which means the script did not run).
 *
 * <p><b>Time.</b> TTLs are passed to Redis ({@code PX}) and measured by the Redis server's clock. This store has no
 * {@link java.time.Clock}: a clock injected into the account services moves their own deadlines (stored inside the
 * values) but never expires a Redis key early or late. TTLs are rounded up to whole milliseconds; TTLs beyond about
 * 70 million years, like {@link StateStore#NO_EXPIRY}, mean no expiry.
 *
 * <p><b>Keys.</b> A key that contains a brace keeps its caller's own hash tag and is stored as
 * {@code <namespace>!k}: the account services put one in every per-account key ({@code {a.<hash of the account
 * id>}}, e.g. {@code eid:dev:bind:{a.Xy..}} becomes {@code bank1!eid:dev:bind:{a.Xy..}}), so all keys of one account
 * live in one cluster slot and no key holds the account id. Any other key {@code k} is stored as
 * {@code <namespace>:k'}, where {@code k'} is {@code k} with its first {@code :}-separated segment of exactly 12
 * digits (a personal number, e.g. in the phone-number claims {@code eid:phone:of:001099012345}) wrapped in braces
 * ({@code bank1:eid:phone:of:{001099012345}}). Keys with neither (session tokens, source throttles, recipients of
 * one-time codes) are spread by their whole name. The mapping from keys to Redis keys is one-to-one. The naming is the
 * same in
 * every mode, so moving from one Redis to a cluster keeps the data. See {@link #redisKey(String)}.
 *
 * <p><b>Values</b> are stored as raw bytes (Lettuce {@code ByteArrayCodec}); counters as the decimal ASCII string
 * that {@code INCRBY} uses.
 *
 * <p><b>Failures</b> fail closed. When Redis cannot be reached, a command times out or the server is temporarily
 * unable to serve, the operation throws {@link StateUnavailableException} (a {@link StateStoreException}); the account
 * services never catch it, so nothing is granted. Commands are never buffered while disconnected and never replayed
 * after a reconnect; the client reconnects in the background and the next operation succeeds once Redis is back.
 * Other server errors (authentication, a key of another Redis type) throw {@link StateStoreException}. A counter
 * overflow throws {@link ArithmeticException} and a counter operation on a non-counter value
 * {@link IllegalStateException}, as in the in-memory store.
 *
 * <p><b>Security.</b> Use {@code rediss://} (TLS, with certificate and host-name verification against the JVM's
 * trust store or {@link Builder#tlsTrustedCertificates(Path)}) and a Redis user whose ACL allows only the commands above on {@code <namespace>:*}: whoever can write these
 * keys can unlock accounts. Redis persistence decides what survives a Redis restart: with {@code appendonly yes} and
 * {@code appendfsync always} every acknowledged write (device binding, consumed code) survives a crash. Error
 * messages and {@link #toString()} never contain keys, values or credentials.
 *
 * <p>Thread-safe: one multiplexed connection serves all threads. Close the store to release the connection.
 */
public final class RedisStateStore implements StateStore, AutoCloseable {

    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** Default command timeout. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

    /** Default key namespace. */
    public static final String DEFAULT_NAMESPACE = "eid";

    private final Backend backend;
    private final RedisKeys keys;

    private RedisStateStore(Backend backend, String namespace) {
        this.backend = backend;
        this.keys = new RedisKeys(namespace);
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ the SPI

    @Override
    public Optional<byte[]> get(String key) {
        byte[] k = key(key);
        return Optional.ofNullable(call("get", c -> c.get(k)));
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        byte[] k = key(key);
        byte[] v = value(value);
        long px = px(ttl);
        call("put", c -> px == 0 ? c.set(k, v) : c.set(k, v, SetArgs.Builder.px(px)));
    }

    @Override
    public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
        byte[] k = key(key);
        byte[] v = value(value);
        long px = px(ttl);
        SetArgs args = px == 0 ? SetArgs.Builder.nx() : SetArgs.Builder.nx().px(px);
        return "OK".equals(call("putIfAbsent", c -> c.set(k, v, args)));
    }

    @Override
    public boolean compareAndSet(String key, byte[] expected, byte[] newValue, Duration ttl) {
        byte[] k = key(key);
        byte[] e = Objects.requireNonNull(expected, "expected").clone();
        byte[] v = value(newValue);
        byte[] px = pxArg(ttl);
        Long r = call("compareAndSet", c -> LuaScript.COMPARE_AND_SET.run(c, ScriptOutputType.INTEGER, k, e, v, px));
        return r != null && r == 1L;
    }

    @Override
    public boolean delete(String key) {
        byte[] k = key(key);
        Long n = call("delete", c -> c.del(k));
        return n != null && n > 0;
    }

    @Override
    public boolean deleteIfEquals(String key, byte[] expected) {
        byte[] k = key(key);
        byte[] e = Objects.requireNonNull(expected, "expected").clone();
        Long r = call("deleteIfEquals", c -> LuaScript.DELETE_IF_EQUALS.run(c, ScriptOutputType.INTEGER, k, e));
        return r != null && r > 0;
    }

    @Override
    public Optional<byte[]> consume(String key) {
        byte[] k = key(key);
        return Optional.ofNullable(call("consume", c -> c.getdel(k)));
    }

    @Override
    public long incrementBy(String key, long delta, Duration ttlIfCreated) {
        byte[] k = key(key);
        byte[] d = RedisValues.number(delta);
        byte[] px = pxArg(ttlIfCreated);
        byte[] r = call("incrementBy", c -> LuaScript.INCREMENT_BY.run(c, ScriptOutputType.VALUE, k, d, px));
        return RedisValues.count(r, "for incrementBy");
    }

    /**
     * One {@code EVALSHA} of a batch script ({@code LuaScript.BATCH}) for all the operations; on a Redis Cluster, one
     * per cluster slot touched (the operations of each slot in their order). Each operation runs as its single-key
     * command or script would, and the operations of one script run without any other client's command in between.
     */
    @Override
    public StateBatch.Results run(StateBatch batch) {
        return BatchScript.run(backend, keys, batch);
    }

    // ------------------------------------------------------------------ extras

    /**
     * The Redis key under which {@code key} is stored: the namespace, a colon, and the key with its account segment as
     * a hash tag (see the class documentation). For operators and diagnostics; the SPI takes plain keys.
     *
     * @param key a state-store key
     * @return the Redis key
     * @throws IllegalArgumentException when the key is empty, too long or not printable ASCII
     */
    public String redisKey(String key) {
        return keys.redisKey(key);
    }

    /**
     * @return the key namespace
     */
    public String namespace() {
        return keys.namespace();
    }

    /**
     * The Redis commands this store has sent since it was built, as its client counted them on the way out: one per
     * single-key operation, one script per batch (per cluster slot on a cluster), two when a script had to be sent
     * again after {@code NOSCRIPT}, plus the connection handshakes and, on a cluster, topology refreshes. For
     * monitoring (round trips per login) and the benchmarks.
     *
     * @return the count
     */
    public long commandsSent() {
        return backend.commandsSent();
    }

    /**
     * Whether the connection is up at this moment (it reconnects by itself after an outage).
     *
     * @return true when connected
     */
    public boolean isConnected() {
        return backend.isOpen();
    }

    /** Closes the connection and releases the client's threads. Later operations throw. */
    @Override
    public void close() {
        backend.close();
    }

    @Override
    public String toString() {
        return "RedisStateStore[" + backend.description() + ", namespace=" + keys.namespace() + "]";
    }

    // ------------------------------------------------------------------ helpers

    private <T> T call(String op, Function<RedisClusterCommands<byte[], byte[]>, T> f) {
        return backend.call(op, f);
    }

    private byte[] key(String key) {
        return keys.bytes(key);
    }

    /** Configures a {@link RedisStateStore}; each option can be set once. */
    public static final class Builder {
        private String uri;
        private List<String> clusterUris;
        private String namespace;
        private Duration connectTimeout;
        private Duration commandTimeout;
        private Path trustedCertificates;

        private Builder() {
        }

        /**
         * One Redis server or a Sentinel-managed master: {@code redis://[user:password@]host[:port][/db]},
         * {@code rediss://...} (TLS), {@code redis-sentinel://[password@]host[:port][,host2[:port2]][/db]#masterId}
         * or {@code rediss-sentinel://...}, or {@code redis-socket:///path/to/socket}.
         *
         * @param uri the Redis URI
         * @return this
         * @throws IllegalStateException when a URI or cluster nodes were already set
         */
        public Builder uri(String uri) {
            if (this.uri != null || clusterUris != null) {
                throw new IllegalStateException("uri or cluster already set");
            }
            this.uri = checkScheme(Objects.requireNonNull(uri, "uri"),
                    Set.of("redis", "rediss", "redis-sentinel", "rediss-sentinel", "redis-socket"));
            return this;
        }

        /**
         * A Redis Cluster, given by one or more seed nodes ({@code redis://} or {@code rediss://} URIs; the rest of
         * the topology is discovered and refreshed on redirections and reconnects).
         *
         * @param seedUris seed node URIs
         * @return this
         * @throws IllegalStateException when a URI or cluster nodes were already set
         */
        public Builder cluster(String... seedUris) {
            if (this.uri != null || clusterUris != null) {
                throw new IllegalStateException("uri or cluster already set");
            }
            Objects.requireNonNull(seedUris, "seedUris");
            if (seedUris.length == 0) {
                throw new IllegalArgumentException("at least one cluster seed node is required");
            }
            List<String> list = new ArrayList<>();
            for (String s : seedUris) {
                list.add(checkScheme(Objects.requireNonNull(s, "seed uri"), Set.of("redis", "rediss")));
            }
            this.clusterUris = List.copyOf(list);
            return this;
        }

        /**
         * The key namespace (default {@value RedisStateStore#DEFAULT_NAMESPACE}): 1..64 characters from
         * {@code A-Z a-z 0-9 . _ -}. Deployments sharing one Redis use distinct namespaces.
         *
         * @param namespace the namespace
         * @return this
         */
        public Builder namespace(String namespace) {
            if (this.namespace != null) {
                throw new IllegalStateException("namespace already set");
            }
            Objects.requireNonNull(namespace, "namespace");
            if (!namespace.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("namespace must be 1..64 characters from A-Z a-z 0-9 . _ -");
            }
            this.namespace = namespace;
            return this;
        }

        /**
         * How long to wait for a TCP (and TLS) connection (default 2 s).
         *
         * @param d the timeout, positive
         * @return this
         */
        public Builder connectTimeout(Duration d) {
            if (this.connectTimeout != null) {
                throw new IllegalStateException("connectTimeout already set");
            }
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /**
         * How long one command may take before it fails with {@link StateUnavailableException} (default 2 s).
         *
         * @param d the timeout, positive
         * @return this
         */
        public Builder commandTimeout(Duration d) {
            if (this.commandTimeout != null) {
                throw new IllegalStateException("commandTimeout already set");
            }
            this.commandTimeout = positive(d, "commandTimeout");
            return this;
        }

        /**
         * Trusts the certificate authorities in a PEM file for {@code rediss://} (for a private CA; default: the
         * JVM's trust store). The server certificate and its host name are verified either way.
         *
         * @param pemFile X.509 certificates in PEM form
         * @return this
         */
        public Builder tlsTrustedCertificates(Path pemFile) {
            if (this.trustedCertificates != null) {
                throw new IllegalStateException("tlsTrustedCertificates already set");
            }
            this.trustedCertificates = Objects.requireNonNull(pemFile, "pemFile");
            return this;
        }

        /**
         * Connects.
         *
         * @return the store, connected
         * @throws IllegalStateException when neither a URI nor cluster nodes were set, or trusted certificates were
         *         given for a non-TLS URI
         * @throws IllegalArgumentException when a URI cannot be parsed
         * @throws StateUnavailableException when Redis cannot be reached
         */
        public RedisStateStore build() {
            if (uri == null && clusterUris == null) {
                throw new IllegalStateException("set uri(...) or cluster(...)");
            }
            Duration connect = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
            Duration command = commandTimeout == null ? DEFAULT_COMMAND_TIMEOUT : commandTimeout;
            String ns = namespace == null ? DEFAULT_NAMESPACE : namespace;
            List<RedisURI> uris = new ArrayList<>();
            for (String s : uri != null ? List.of(uri) : clusterUris) {
                uris.add(parse(s));
            }
            SslOptions ssl = null;
            if (trustedCertificates != null) {
                if (!uris.stream().allMatch(RedisURI::isSsl)) {
                    throw new IllegalStateException("tlsTrustedCertificates needs rediss:// URIs");
                }
                if (!Files.isReadable(trustedCertificates)) {
                    throw new IllegalArgumentException("cannot read the trusted certificates file");
                }
                ssl = SslOptions.builder().jdkSslProvider().trustManager(trustedCertificates.toFile()).build();
            }
            Backend b = uri != null ? Backend.standalone(uris.get(0), connect, command, ssl)
                    : Backend.cluster(uris, connect, command, ssl);
            return new RedisStateStore(b, ns);
        }

        private static RedisURI parse(String uri) {
            try {
                return RedisURI.create(uri);
            } catch (RuntimeException e) {
                // the message could echo a password: do not pass it on
                throw new IllegalArgumentException("not a valid Redis URI", null);
            }
        }

        private static String checkScheme(String uri, Set<String> schemes) {
            int i = uri.indexOf("://");
            String scheme = i < 0 ? "" : uri.substring(0, i).toLowerCase(Locale.ROOT);
            if (!schemes.contains(scheme)) {
                throw new IllegalArgumentException("Redis URI scheme must be one of " + new java.util.TreeSet<>(schemes));
            }
            return uri;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
