/**
 * Digits-only signed QR container, QR image rendering and decoding, legacy chip-card QR and SMART Health Card numeric QR.
 */
package io.github.eidvn.qr;
