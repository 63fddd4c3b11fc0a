package io.github.eidvn.qr;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;
import io.github.eidvn.core.result.Outcome;
import io.github.eidvn.core.result.Refusal;

import java.util.Objects;

/** The outcome of {@link QrImageDecoder}: {@link Found} or {@link Failed}. */
public sealed interface QrScanResult extends Outcome<String, QrScanResult.Reason>
        permits QrScanResult.Found, QrScanResult.Failed {

    /**
     * A QR code was read. The text is exactly what the code holds; classify it with {@link QrTextReader}.
     *
     * @param text the QR text
     */
    record Found(String text) implements QrScanResult, Outcome.Success<String, Reason> {
        /**
         * Creates the value.
         *
         * @param text the text; not null
         */
        public Found {
            Objects.requireNonNull(text, "text");
        }

        /** @return {@link #text()} */
        @Override
        public String value() {
            return text;
        }
    }

    /**
     * No QR code could be read.
     *
     * @param reason why
     * @param detail a technical detail for logs (English)
     */
    record Failed(Reason reason, String detail) implements QrScanResult, Outcome.Failure<String, Reason> {
        /**
         * Creates the value.
         *
         * @param reason why; not null
         * @param detail detail; not null
         */
        public Failed {
            Refusal.requireReasonAndDetail(reason, detail);
        }
    }

    /** Why no QR code was read, with messages for the user in English and Vietnamese. */
    enum Reason implements HasBilingualText {
        /** The image was read but holds no readable QR code. */
        NOT_FOUND("No readable QR code was found in the image; try again closer, steadier and with more light.",
                "Không đọc được mã QR trong ảnh; hãy thử lại gần hơn, giữ máy chắc tay và đủ ánh sáng."),
        /** The bytes are not a PNG, JPEG, GIF or BMP image, or the image is damaged. */
        UNREADABLE_IMAGE("The file is not a readable image (PNG, JPEG, GIF or BMP).",
                "Tệp không phải là ảnh đọc được (PNG, JPEG, GIF hoặc BMP)."),
        /** The file or the image dimensions exceed the limits. */
        IMAGE_TOO_LARGE("The image is too large.", "Ảnh quá lớn.");

        private final Bilingual text;

        Reason(String english, String vietnamese) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }
}
