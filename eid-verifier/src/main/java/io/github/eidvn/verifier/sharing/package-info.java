/**
 * The relying party's side of consented sharing: its decryption key, the opener of sealed deliveries (decrypt,
 * verify the issuer's signature, check audience, nonce, expiry and the consent receipt), and the consent request as
 * a QR code.
 */
package io.github.eidvn.verifier.sharing;
