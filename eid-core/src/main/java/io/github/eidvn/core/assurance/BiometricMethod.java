package io.github.eidvn.core.assurance;

/**
 * The biometric modality of a probe and a match, with its RFC 8176 {@code amr} value.
 */
public enum BiometricMethod {
    /** Facial recognition against the registry portrait: {@code amr} {@code "face"}. */
    FACE("face"),
    /** Fingerprint comparison: {@code amr} {@code "fpt"}. */
    FINGERPRINT("fpt");

    private final String amr;

    BiometricMethod(String amr) {
        this.amr = amr;
    }

    /** @return the RFC 8176 authentication method reference */
    public String amr() {
        return amr;
    }
}
