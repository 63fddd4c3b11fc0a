package io.github.eidvn.chip;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;
import io.github.eidvn.core.result.Refusal;

import java.util.Objects;

/**
 * Reading a chip failed; {@link #reason()} says why, {@link #getMessage()} in Vietnamese and English, {@link #detail()}
 * for logs.
 */
public final class ChipReadException extends Exception implements Refusal<ChipReadException.Reason> {

    private static final long serialVersionUID = 1L;

    /** Why reading failed. */
    public enum Reason implements HasBilingualText {
        /** No such reader, or no PC/SC subsystem. */
        NO_READER("Không tìm thấy đầu đọc thẻ.", "No such card reader."),
        /** No card on the reader. */
        NO_CARD("Chưa đặt thẻ lên đầu đọc.", "No card on the reader."),
        /** The chip refused the CAN or the MRZ (or does not offer the protocol the key needs). */
        ACCESS_DENIED("Chip từ chối mã CAN hoặc MRZ.", "The chip refused the CAN or the MRZ."),
        /** Communication with the chip failed. */
        READ_FAILED("Không đọc được dữ liệu từ chip.", "Reading the chip failed.");

        private final Bilingual text;

        Reason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }

    private final Reason reason;
    private final String detail;

    /**
     * @param reason why
     * @param detail technical detail in English, without access keys
     * @param cause the underlying failure, may be null
     */
    public ChipReadException(Reason reason, String detail, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").bothLanguages() + " (" + detail + ")",
                cause);
        this.reason = reason;
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** @return why */
    @Override
    public Reason reason() {
        return reason;
    }

    /** @return the technical detail in English, without access keys */
    @Override
    public String detail() {
        return detail;
    }
}
