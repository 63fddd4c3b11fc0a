package io.github.eidvn.qr;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;
import io.github.eidvn.core.result.Refusal;

import java.util.Objects;

/**
 * What a scanned QR text turned out to be: see {@link QrTextReader#read(String)}.
 */
public sealed interface QrContent permits QrContent.SignedJws, QrContent.UnverifiedChipCard, QrContent.Rejected {

    /**
     * A compact JWS found in the text. It is <em>not yet verified</em>: pass it to the verifier.
     *
     * @param compactJws the compact JWS, exactly as signed
     * @param source which QR format carried it
     */
    record SignedJws(String compactJws, Source source) implements QrContent {
        /**
         * Creates the value.
         *
         * @param compactJws the JWS; not null
         * @param source the carrier format; not null
         */
        public SignedJws {
            Objects.requireNonNull(compactJws, "compactJws");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * The unsigned legacy chip-card QR. Its data is UNVERIFIED and must never be treated as an assertion; see
     * {@link LegacyChipCardData}.
     *
     * @param data the parsed, unverified data
     */
    record UnverifiedChipCard(LegacyChipCardData data) implements QrContent {
        /**
         * Creates the value.
         *
         * @param data the data; not null
         */
        public UnverifiedChipCard {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * A text that could not be used.
     *
     * @param reason why
     * @param detail a technical detail for logs (English, no personal data)
     */
    record Rejected(Reason reason, String detail) implements QrContent, Refusal<Reason> {
        /**
         * Creates the value.
         *
         * @param reason why; not null
         * @param detail detail; not null
         */
        public Rejected {
            Refusal.requireReasonAndDetail(reason, detail);
        }
    }

    /** The QR format that carried a JWS. */
    enum Source {
        /** The eID digits-only signed container ({@link SignedQrText}). */
        SIGNED_DIGITS,
        /** A plain compact JWS as QR text. */
        COMPACT_JWS,
        /** A SMART Health Card {@code shc:/} numeric QR (single chunk). */
        SMART_HEALTH_CARD
    }

    /** Why a scanned text was rejected, with messages for the person at the desk in English and Vietnamese. */
    enum Reason implements HasBilingualText {
        /** More than {@value SignedQrText#MAX_TEXT_LENGTH} characters. */
        TOO_LARGE("The QR text is too long.", "Nội dung mã QR quá dài."),
        /** Nothing (or only a line break) was scanned. */
        EMPTY("The scan is empty.", "Không có nội dung quét được."),
        /** Not any format this software reads. */
        UNRECOGNISED("This QR code is not an e-ID, health card or chip ID card QR code.",
                "Mã QR này không phải mã định danh điện tử, thẻ y tế hay mã QR trên thẻ căn cước."),
        /** A known format in a variant that is not supported (e.g. a multi-part SMART Health Card). */
        UNSUPPORTED("This QR code format is not supported.", "Định dạng mã QR này không được hỗ trợ."),
        /** The eID digits container is damaged (the detail names the {@link SignedQrText.Reason}). */
        MALFORMED_SIGNED_QR("The signed QR code is damaged or incomplete.",
                "Mã QR có chữ ký bị hỏng hoặc không đầy đủ."),
        /** A JWS-shaped text whose parts do not decode. */
        MALFORMED_JWS("The signed QR code is damaged.", "Mã QR có chữ ký bị hỏng."),
        /** A {@code shc:/} text that does not decode. */
        MALFORMED_SMART_HEALTH_CARD("The health card QR code is damaged.", "Mã QR thẻ y tế bị hỏng."),
        /** A chip-card QR with wrong fields (number, dates, sex). */
        MALFORMED_CHIP_CARD("The chip ID card QR code is damaged or has invalid fields.",
                "Mã QR trên thẻ căn cước bị hỏng hoặc có trường không hợp lệ.");

        private final Bilingual text;

        Reason(String english, String vietnamese) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }
}
