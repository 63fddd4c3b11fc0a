package io.github.eidvn.chip;

import java.util.Objects;
import java.util.Optional;

/**
 * What opens a chip: the Card Access Number printed on the card (PACE) or the MRZ (BAC, or PACE with the MRZ key).
 *
 * <p><b>Security.</b> Both are access secrets: {@link #toString()} shows which kind only.
 */
public final class ChipAccess {

    private final String can;
    private final Mrz mrz;

    private ChipAccess(String can, Mrz mrz) {
        this.can = can;
        this.mrz = mrz;
    }

    /**
     * @param can the 6-digit Card Access Number (on Vietnamese cards, the last 6 digits of the personal number)
     * @return the access
     * @throws IllegalArgumentException if not 6 ASCII digits
     */
    public static ChipAccess can(String can) {
        if (!Objects.requireNonNull(can, "can").matches("[0-9]{6}")) {
            throw new IllegalArgumentException("a CAN is 6 digits");
        }
        return new ChipAccess(can, null);
    }

    /**
     * @param mrz the card's MRZ, as read from the card (its check digits valid)
     * @return the access
     */
    public static ChipAccess mrz(Mrz mrz) {
        return new ChipAccess(null, Objects.requireNonNull(mrz, "mrz"));
    }

    /** @return the CAN, when this access is by CAN */
    public Optional<String> can() {
        return Optional.ofNullable(can);
    }

    /** @return the MRZ, when this access is by MRZ */
    public Optional<Mrz> mrz() {
        return Optional.ofNullable(mrz);
    }

    /** @return the kind only */
    @Override
    public String toString() {
        return can != null ? "ChipAccess[CAN]" : "ChipAccess[MRZ]";
    }
}
