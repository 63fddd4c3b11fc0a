/**
 * The eid state store on Redis.
 */
package io.github.eidvn.redis;
