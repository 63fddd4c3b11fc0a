package io.github.eidvn.chip;

import java.util.List;

/**
 * Service-provider interface to a card reader that reads the chip of an ID card into the raw form
 * {@link ChipVerifier} verifies. The PC/SC implementation lives in the optional module {@code eid-chip-pcsc} (it uses
 * JMRTD and scuba, LGPL), found through {@link java.util.ServiceLoader} when its jar is on the class path.
 *
 * <p>Reading is not verifying: pass {@link ChipRead#files()} (and {@link ChipRead#activeAuthentication()},
 * {@link ChipRead#chipAuthentication()}) to
 * {@link ChipVerifier#verify(ChipFiles, java.util.Optional, java.util.Optional, java.util.Optional)}.
 */
public interface ChipReader {

    /**
     * @return the names of the readers attached
     * @throws ChipReadException with {@link ChipReadException.Reason#NO_READER} when the reader subsystem is absent
     */
    List<String> readerNames() throws ChipReadException;

    /**
     * Opens the chip with the access key (PACE when the chip offers it, else BAC with the MRZ), reads EF.COM, EF.SOD,
     * DG1, DG2, DG13, DG14 and DG15 (those present), answers an active authentication challenge when DG15 exists, and
     * performs chip authentication with a {@link ChipAuthenticationChallenge} when DG14 exists.
     *
     * @param readerName one of {@link #readerNames()}
     * @param access the CAN or the MRZ
     * @return the files as read
     * @throws ChipReadException when there is no such reader or card, the key is refused, or reading fails
     */
    ChipRead read(String readerName, ChipAccess access) throws ChipReadException;
}
