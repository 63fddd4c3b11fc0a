package io.github.eidvn.cli;

import io.github.eidvn.chip.ChipAccess;
import io.github.eidvn.chip.ChipRead;
import io.github.eidvn.chip.ChipReadException;
import io.github.eidvn.chip.ChipReader;
import io.github.eidvn.chip.testing.CccdChips;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ChipReader} service for the CLI's tests (registered in the test resources): reader "Recorded" holds the
 * synthetic CCCD chip of {@link CccdChips} and opens only with its CAN; any other reader name is absent.
 */
public final class RecordedChipReader implements ChipReader {

    /** Creates the reader (the service loader calls this). */
    public RecordedChipReader() {
    }

    @Override
    public List<String> readerNames() {
        return List.of("Recorded");
    }

    @Override
    public ChipRead read(String readerName, ChipAccess access) throws ChipReadException {
        if (!"Recorded".equals(readerName)) {
            throw new ChipReadException(ChipReadException.Reason.NO_READER, "no reader named " + readerName, null);
        }
        if (!access.can().equals(Optional.of(CccdChips.NUMBER.substring(6)))) {
            throw new ChipReadException(ChipReadException.Reason.ACCESS_DENIED, "wrong CAN", null);
        }
        Map<Integer, byte[]> groups = CccdChips.groups(null);
        return new ChipRead(CccdChips.files(groups, CccdChips.sod(CccdChips.pki(), groups)), Optional.empty(), "PACE");
    }
}
