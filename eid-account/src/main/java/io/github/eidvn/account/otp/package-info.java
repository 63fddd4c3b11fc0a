/**
 * One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238) with SHA-1/256/512 and {@code otpauth://} provisioning
 * URIs, their verification with replay protection, and out-of-band codes sent by SMS or e-mail through the
 * {@link io.github.eidvn.account.otp.OtpSender} SPI.
 */
package io.github.eidvn.account.otp;
