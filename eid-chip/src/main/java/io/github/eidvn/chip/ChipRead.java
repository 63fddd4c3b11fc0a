package io.github.eidvn.chip;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ChipReader} read from a chip, not yet verified.
 *
 * @param files EF.SOD, the data groups and EF.COM as read
 * @param activeAuthentication the challenge sent and the chip's answer, when the chip has DG15
 * @param accessProtocol how the chip was opened: {@code PACE} or {@code BAC}
 * @param chipAuthentication the chip authentication challenge made for this read and the chip's answer, when the chip
 *     has DG14 and the reader performed it; verify it in the same process (the challenge lives in memory only)
 */
public record ChipRead(ChipFiles files, Optional<ChipVerifier.ActiveAuthenticationResponse> activeAuthentication,
        String accessProtocol, Optional<ChipVerifier.ChipAuthenticationResponse> chipAuthentication) {
    /**
     * @param files not null
     * @param activeAuthentication not null
     * @param accessProtocol not null
     * @param chipAuthentication not null
     */
    public ChipRead {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(activeAuthentication, "activeAuthentication");
        Objects.requireNonNull(accessProtocol, "accessProtocol");
        Objects.requireNonNull(chipAuthentication, "chipAuthentication");
    }

    /**
     * A read without chip authentication.
     *
     * @param files not null
     * @param activeAuthentication not null
     * @param accessProtocol not null
     */
    public ChipRead(ChipFiles files, Optional<ChipVerifier.ActiveAuthenticationResponse> activeAuthentication,
            String accessProtocol) {
        this(files, activeAuthentication, accessProtocol, Optional.empty());
    }
}
