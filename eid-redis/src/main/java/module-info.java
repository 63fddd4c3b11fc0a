/**
 * eid Redis: the state store on Redis.
 */
module io.github.eidvn.redis {
    requires transitive io.github.eidvn.core;
    requires lettuce.core;

}
