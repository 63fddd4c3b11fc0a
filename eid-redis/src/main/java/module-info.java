/**
 * eid Redis: the state store on Redis.
 */
module io.github.eidvn.redis {
    requires transitive io.github.eidvn.core;
    requires lettuce.core;

    exports io.github.eidvn.redis;
}
