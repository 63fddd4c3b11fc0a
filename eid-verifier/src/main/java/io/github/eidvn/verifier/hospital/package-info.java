/**
 * The hospital reception check: a scanned QR code (signed e-ID presentation or legacy chip-card QR) to a
 * health-insurance (BHYT) decision for the receptionist, in Vietnamese and English; the chip-card QR is looked up by
 * personal number through a {@link io.github.eidvn.verifier.hospital.HealthInsuranceLookup} as Công văn 931/BYT-BH
 * provides; {@link io.github.eidvn.verifier.hospital.CheckInRequests} is the check as a web endpoint takes it.
 */
package io.github.eidvn.verifier.hospital;
