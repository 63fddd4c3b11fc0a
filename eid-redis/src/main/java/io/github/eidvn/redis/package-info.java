/**
 * The eid state store on Redis: {@link io.github.eidvn.redis.RedisStateStore} puts the
 * {@link io.github.eidvn.core.spi.StateStore} SPI on a standalone Redis, a Sentinel-managed master or a Redis Cluster
 * (Redis 6.2 or newer), so the account rules (one active device per account, single-use codes, failure counters,
 * locks, replay ids) hold across every node of a deployment.
 *
 * <pre>{@code
 * RedisStateStore store = RedisStateStore.builder()
 *         .uri("rediss://eid:secret@redis.bank.internal:6380")     // TLS
 *         // .uri("redis-sentinel://s1:26379,s2:26379/0#eidmaster") // Sentinel
 *         // .cluster("redis://n1:7000", "redis://n2:7001")         // Cluster seed nodes
 *         .namespace("bank1")
 *         .connectTimeout(Duration.ofSeconds(2))
 *         .commandTimeout(Duration.ofMillis(500))
 *         .build();                                               // StateUnavailableException if unreachable
 * AccountLogin login = AccountLogin.builder(store).notifier(notifier).serverKey(key).build();
 * }</pre>
 *
 * <p>Every operation is one Redis command or one single-key Lua script, so it is atomic across JVMs; TTLs are Redis
 * {@code PX} expiries measured by the Redis server clock (the store takes no {@link java.time.Clock}). When Redis is
 * unreachable, times out or cannot serve, operations throw {@link io.github.eidvn.redis.StateUnavailableException},
 * a {@link io.github.eidvn.core.spi.StateStoreException}: the account services fail closed and grant nothing.
 *
 * <p>Recommended server settings for security state: {@code appendonly yes} with {@code appendfsync always} (or
 * {@code everysec} if losing up to one second of acknowledged writes on a crash is acceptable: a lost write can undo
 * a consumed code or a device switch), {@code maxmemory-policy noeviction} (an evicted lock or binding is a security
 * change), TLS, and an ACL user limited to the namespace's keys ({@code ~bank1:* ~bank1!*}) and the commands
 * {@code GET SET DEL GETDEL EVAL EVALSHA}.
 */
package io.github.eidvn.redis;
