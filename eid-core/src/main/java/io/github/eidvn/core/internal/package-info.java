/**
 * Implementation details shared by eid modules: raw DEFLATE with an output cap, strict JSON, the assertion claim
 * codec and the compact QR claim profile.
 *
 * <p>Never exported to users: {@code module-info} exports it only to {@code io.github.eidvn.verifier} and
 * {@code io.github.eidvn.qr}. Anything here may change without notice.
 */
package io.github.eidvn.core.internal;
