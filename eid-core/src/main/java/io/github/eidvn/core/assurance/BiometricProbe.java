package io.github.eidvn.core.assurance;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A biometric sample to compare with a citizen's enrolled data: opaque bytes (e.g. a selfie JPEG, a fingerprint
 * template) or a reference to a sample held elsewhere (e.g. an id in a liveness vendor's session). eid does not look
 * inside; the {@link BiometricMatcher} does.
 *
 * <p><b>Security.</b> Biometric data is sensitive personal data: {@link #toString()} shows only the method and size;
 * {@link #bytes()} returns a copy.
 */
public final class BiometricProbe {

    /** Largest accepted sample. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private final BiometricMethod method;
    private final byte[] bytes;
    private final String reference;

    private BiometricProbe(BiometricMethod method, byte[] bytes, String reference) {
        this.method = Objects.requireNonNull(method, "method");
        this.bytes = bytes;
        this.reference = reference;
    }

    /**
     * A sample given as bytes (copied).
     *
     * @param method the modality
     * @param sample the sample, 1 byte to {@link #MAX_BYTES}
     * @return the probe
     * @throws IllegalArgumentException if the sample is empty or too large
     */
    public static BiometricProbe ofBytes(BiometricMethod method, byte[] sample) {
        Objects.requireNonNull(sample, "sample");
        if (sample.length == 0 || sample.length > MAX_BYTES) {
            throw new IllegalArgumentException("sample must have 1 to " + MAX_BYTES + " bytes");
        }
        return new BiometricProbe(method, sample.clone(), null);
    }

    /**
     * A sample held elsewhere, named by a reference the matcher understands.
     *
     * @param method the modality
     * @param reference the reference, not blank, at most 1024 characters
     * @return the probe
     * @throws IllegalArgumentException if the reference is blank or too long
     */
    public static BiometricProbe ofReference(BiometricMethod method, String reference) {
        Objects.requireNonNull(reference, "reference");
        if (reference.isBlank() || reference.length() > 1024) {
            throw new IllegalArgumentException("reference must be 1 to 1024 non-blank characters");
        }
        return new BiometricProbe(method, null, reference);
    }

    /** @return the modality */
    public BiometricMethod method() {
        return method;
    }

    /** @return a copy of the sample bytes, or empty for a reference probe */
    public Optional<byte[]> bytes() {
        return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }

    /** @return the reference, or empty for a bytes probe */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** @return method and size only */
    @Override
    public String toString() {
        return "BiometricProbe[" + method + ", " + (bytes != null ? bytes.length + " bytes" : "reference") + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BiometricProbe)) {
            return false;
        }
        BiometricProbe p = (BiometricProbe) o;
        return method == p.method && Arrays.equals(bytes, p.bytes) && Objects.equals(reference, p.reference);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(method, reference) + Arrays.hashCode(bytes);
    }
}
