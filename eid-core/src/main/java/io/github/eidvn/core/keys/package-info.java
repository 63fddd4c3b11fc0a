/**
 * Signing keys: ES256 key ring with RFC 7638 key ids, rotation and JWKS export.
 */
package io.github.eidvn.core.keys;
