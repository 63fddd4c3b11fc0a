/**
 * Internal helpers of eid-oidc: adapters between eid's keys and Nimbus, HTTP exchange conversion. Not exported.
 */
package io.github.eidvn.oidc.internal;
