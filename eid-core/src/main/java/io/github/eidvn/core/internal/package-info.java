/**
 * Primitives shared by eid modules, with no knowledge of eid's domain: strict base64url, strict JSON, raw DEFLATE
 * with an output cap, the ES256 engines and keys, the free-text character policy, the set-once check.
 *
 * <p>The lowest layer of eid-core: it imports no other eid package. Never exported to users: {@code module-info}
 * exports it only to eid modules. Anything here may change without notice.
 */
package io.github.eidvn.core.internal;
