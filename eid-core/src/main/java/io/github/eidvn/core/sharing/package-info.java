/**
 * Sign-then-encrypt sharing: consented citizen data signed by the issuer and encrypted to exactly one relying party
 * ({@link io.github.eidvn.core.sharing.SharingSealer}, format in {@link io.github.eidvn.core.sharing.SharingFormat}),
 * and the typed citizen data ({@link io.github.eidvn.core.sharing.SharedClaims}). The party opens deliveries with
 * {@code io.github.eidvn.verifier.sharing.SharedDataOpener}.
 */
package io.github.eidvn.core.sharing;
