package io.github.eidvn.account.otp;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The outcome of {@link OutOfBandOtp#send}. */
public sealed interface OtpSendResult permits OtpSendResult.Sent, OtpSendResult.Refused {

    /**
     * The code was sent.
     *
     * @param expiresAt when it stops being valid
     * @param resendAllowedAt when another code may be requested
     */
    record Sent(Instant expiresAt, Instant resendAllowedAt) implements OtpSendResult {
        /** Checks the components. */
        public Sent {
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(resendAllowedAt, "resendAllowedAt");
        }
    }

    /**
     * No code was sent.
     *
     * @param reason why
     * @param retryAfter how long to wait before asking again (zero when waiting does not help)
     */
    record Refused(Reason reason, Duration retryAfter) implements OtpSendResult {
        /** Checks the components. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** Why no code was sent. */
    enum Reason implements HasBilingualText {
        /** A code was sent to this recipient less than the cooldown ago. */
        COOLDOWN("Vui lòng đợi trước khi yêu cầu mã mới.", "Please wait before requesting a new code."),
        /** The recipient received the maximum number of codes in the last hour. */
        RATE_LIMITED("Bạn đã yêu cầu quá nhiều mã trong một giờ; vui lòng thử lại sau.",
                "Too many codes requested in the last hour; try again later."),
        /** Not a Vietnamese mobile number / not an e-mail address, or a malformed purpose. */
        INVALID_RECIPIENT("Số điện thoại hoặc địa chỉ thư điện tử không hợp lệ.",
                "The phone number or e-mail address is not valid."),
        /** The sender could not deliver the message; the code was invalidated. */
        DELIVERY_FAILED("Không gửi được mã xác thực; vui lòng thử lại sau.",
                "The code could not be sent; try again later.");

        private final Bilingual text;

        Reason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }
}
