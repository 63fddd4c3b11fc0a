/**
 * The hospital reception check: a scanned QR code (signed e-ID presentation or legacy chip-card QR) to a
 * health-insurance (BHYT) decision for the receptionist, in Vietnamese and English.
 */
package io.github.eidvn.verifier.hospital;
