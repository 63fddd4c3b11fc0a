package io.github.eidvn.chip;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;
import io.github.eidvn.core.result.Outcome;
import io.github.eidvn.core.result.Refusal;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link Mrz#parse(String)}: {@link Valid} with every check passed, or {@link Invalid} with a
 * {@link Reason}. When the text had the TD1 shape but a check failed, {@link Invalid#fields()} still gives the fields
 * and {@link Mrz#checks()} tells which check digits failed (for diagnostics only: never use them as identity data).
 */
public sealed interface MrzResult extends Outcome<Mrz, MrzResult.Reason> permits MrzResult.Valid, MrzResult.Invalid {

    /** @return true for {@link Valid} */
    default boolean isValid() {
        return isSuccess();
    }

    /**
     * Every check digit is right, and on a Vietnamese card the document number is the end of the personal number.
     *
     * @param mrz the parsed zone
     */
    record Valid(Mrz mrz) implements MrzResult, Outcome.Success<Mrz, Reason> {
        /** @param mrz the zone, not null */
        public Valid {
            Objects.requireNonNull(mrz, "mrz");
        }

        /** @return {@link #mrz()} */
        @Override
        public Mrz value() {
            return mrz;
        }
    }

    /**
     * The zone was refused.
     *
     * @param reason why
     * @param detail technical explanation in English, without the holder's data
     * @param fields the fields when the TD1 shape was read (a check failed); empty when the text is not TD1
     */
    record Invalid(Reason reason, String detail, Optional<Mrz> fields)
            implements MrzResult, Outcome.Failure<Mrz, Reason> {
        /**
         * @param reason not null
         * @param detail not null
         * @param fields not null
         */
        public Invalid {
            Refusal.requireReasonAndDetail(reason, detail);
            Objects.requireNonNull(fields, "fields");
        }
    }

    /** Why a machine-readable zone was refused, with messages in Vietnamese and English. */
    enum Reason implements HasBilingualText {
        /** Not three lines of 30 characters from {@code 0-9 A-Z <}, or a field out of shape. */
        MALFORMED("Vùng đọc máy (MRZ) không đúng định dạng TD1.", "The machine-readable zone is not a TD1 zone."),
        /** A check digit does not match. */
        CHECK_DIGIT("Chữ số kiểm tra trong vùng đọc máy (MRZ) không đúng.",
                "A check digit of the machine-readable zone is wrong."),
        /** A Vietnamese card whose document number is not the last 9 digits of its personal number. */
        PERSONAL_NUMBER_MISMATCH("Số thẻ trong vùng đọc máy không khớp với số định danh cá nhân.",
                "The document number does not match the personal identification number.");

        private final Bilingual text;

        Reason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }
}
