package io.github.eidvn.chip;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ChipReader} read from a chip, not yet verified.
 *
 * @param files EF.SOD, the data groups and EF.COM as read
 * @param activeAuthentication the challenge sent and the chip's answer, when the chip has DG15
 * @param accessProtocol how the chip was opened: {@code PACE} or {@code BAC}
 */
public record ChipRead(ChipFiles files, Optional<ChipVerifier.ActiveAuthenticationResponse> activeAuthentication,
        String accessProtocol) {
    /**
     * @param files not null
     * @param activeAuthentication not null
     * @param accessProtocol not null
     */
    public ChipRead {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(activeAuthentication, "activeAuthentication");
        Objects.requireNonNull(accessProtocol, "accessProtocol");
    }
}
