package io.github.eidvn.testkit;

import java.util.Objects;

import io.github.eidvn.core.assurance.BiometricMatch;
import io.github.eidvn.core.assurance.BiometricMatcher;
import io.github.eidvn.core.assurance.BiometricMethod;
import io.github.eidvn.core.assurance.BiometricProbe;
import io.github.eidvn.core.identity.CitizenProfile;

/**
 * FAKE, NOT BIOMETRICS: a deterministic stand-in for a face-matching service, so tests and demos run without
 * cameras, models or vendors. A probe "matches" a citizen when it is the reference {@code demo-selfie:<personal
 * number>} of that citizen (score 0.97, liveness passed); any other probe scores 0.05.
 *
 * <p>It compares no face and detects no presentation attack. A real deployment plugs in a calibrated
 * {@link BiometricMatcher} (face against the registry portrait, with liveness detection).
 */
public final class FakeFaceMatcher implements BiometricMatcher {

    /** The label printed wherever this matcher is used, in Vietnamese. */
    public static final String LABEL_VI = "[DEMO] bộ so khớp khuôn mặt GIẢ, KHÔNG phải sinh trắc học thật";
    /** The label printed wherever this matcher is used, in English. */
    public static final String LABEL_EN = "[DEMO] FAKE face matcher, NOT real biometrics";

    /**
     * The probe this matcher accepts for a citizen.
     *
     * @param citizen the citizen
     * @return the reference probe
     */
    public static BiometricProbe selfieOf(CitizenProfile citizen) {
        return BiometricProbe.ofReference(BiometricMethod.FACE, "demo-selfie:" + citizen.personalNumber().value());
    }

    /** Creates the matcher (stateless). */
    public FakeFaceMatcher() {
    }

    @Override
    public BiometricMatch match(CitizenProfile citizen, BiometricProbe probe) {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(probe, "probe");
        boolean same = probe.reference().map(("demo-selfie:" + citizen.personalNumber().value())::equals)
                .orElse(false);
        return new BiometricMatch(probe.method(), same ? 0.97 : 0.05, true);
    }

    @Override
    public String toString() {
        return "FakeFaceMatcher[" + LABEL_EN + "]";
    }
}
