/**
 * Service-provider interfaces of eid core: the {@link io.github.eidvn.core.spi.StateStore} through which all mutable
 * security state goes (atomic single-key operations with TTL), and its default in-memory implementation.
 */
package io.github.eidvn.core.spi;
