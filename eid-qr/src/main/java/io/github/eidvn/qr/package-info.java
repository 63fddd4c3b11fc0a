/**
 * QR codes for eID: the digits-only signed QR text, reading what a scanner or camera produced, and QR images.
 *
 * <ul>
 *   <li>{@link io.github.eidvn.qr.SignedQrText}: pack a compact JWS (ES256, raw-DEFLATE payload) into a
 *       digits-only text for QR numeric mode, and unpack it again byte for byte (format described there).</li>
 *   <li>{@link io.github.eidvn.qr.QrTextReader}: classify a scanned text as the signed digits container, a plain
 *       compact JWS, a SMART Health Card {@code shc:/} QR, or the unsigned legacy chip-card QR
 *       ({@link io.github.eidvn.qr.LegacyChipCardData}, always unverified).</li>
 *   <li>{@link io.github.eidvn.qr.QrRenderer}: PNG, SVG or {@link java.awt.image.BufferedImage} output.</li>
 *   <li>{@link io.github.eidvn.qr.QrImageDecoder}: read a QR code from photo bytes or an image, robustly.</li>
 *   <li>{@link io.github.eidvn.qr.QrSizes}: QR versions and comparison encodings for size figures.</li>
 * </ul>
 * Nothing here verifies a signature: a JWS coming out of this package goes to the verifier.
 */
package io.github.eidvn.qr;
