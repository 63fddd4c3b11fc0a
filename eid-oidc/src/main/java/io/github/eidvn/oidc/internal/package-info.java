/**
 * Internal helpers of eid-oidc: signing Nimbus JWTs with eid keys. Not exported.
 */
package io.github.eidvn.oidc.internal;
