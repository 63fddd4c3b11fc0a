package io.github.eidvn.core.assurance;

import java.util.Objects;
import java.util.Optional;

/**
 * The assurance level of an e-ID identity (Nghị định 69/2024/NĐ-CP): level 1 from declared data matched against the
 * population registry, level 2 with, in addition, a portrait/fingerprint match or chip evidence.
 *
 * <p>Carried in an assertion's {@code acr} claim as {@code urn:vn:eid:loa:1} / {@code urn:vn:eid:loa:2}.
 */
public enum AssuranceLevel {
    /** Declared data matched against the population registry. */
    LEVEL_1(1, "urn:vn:eid:loa:1"),
    /** Level 1 plus a biometric match with liveness or chip evidence. */
    LEVEL_2(2, "urn:vn:eid:loa:2");

    private final int number;
    private final String acr;

    AssuranceLevel(int number, String acr) {
        this.number = number;
        this.acr = acr;
    }

    /** @return 1 or 2 */
    public int number() {
        return number;
    }

    /** @return the {@code acr} claim value */
    public String acr() {
        return acr;
    }

    /**
     * Whether this level meets a required one.
     *
     * @param required the required level
     * @return true when this level is at least {@code required}
     */
    public boolean satisfies(AssuranceLevel required) {
        return number >= Objects.requireNonNull(required, "required").number;
    }

    /**
     * The level named by an {@code acr} value.
     *
     * @param acr the claim value, may be null
     * @return the level, or empty for an unknown or absent value
     */
    public static Optional<AssuranceLevel> fromAcr(String acr) {
        for (AssuranceLevel l : values()) {
            if (l.acr.equals(acr)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * The level with the given number.
     *
     * @param number 1 or 2
     * @return the level, or empty for any other number
     */
    public static Optional<AssuranceLevel> ofNumber(int number) {
        for (AssuranceLevel l : values()) {
            if (l.number == number) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
