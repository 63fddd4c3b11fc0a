/**
 * The checks of eid's own token profiles that every eid verifier applies (assertions, sealed packages, consent
 * requests), written once: low-S signatures, the lifetime cap, the methods behind level 2, and the binding of a
 * key to its issuer. Exported only to eid modules; not an API.
 */
package io.github.eidvn.core.jose;
