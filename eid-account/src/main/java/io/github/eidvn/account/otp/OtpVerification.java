package io.github.eidvn.account.otp;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

import java.util.Objects;

/** The outcome of checking a one-time code (TOTP, HOTP or out-of-band). */
public sealed interface OtpVerification permits OtpVerification.Accepted, OtpVerification.Rejected {

    /** @return true only for {@link Accepted} */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * The code was right and is now used up.
     *
     * @param counter the TOTP step or HOTP counter that matched (0 for out-of-band codes)
     */
    record Accepted(long counter) implements OtpVerification {
    }

    /**
     * The code was refused.
     *
     * @param reason why
     * @param remainingTries tries left before the code (or the account's OTP) is blocked, or -1 when not applicable
     */
    record Rejected(Reason reason, int remainingTries) implements OtpVerification {
        /** Checks the components. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a code was refused. */
    enum Reason implements HasBilingualText {
        /** Not the expected number of digits. */
        MALFORMED("Mã xác thực không đúng định dạng.", "The code is not in the expected format."),
        /** Wrong code. */
        WRONG_CODE("Mã xác thực không đúng.", "The code is wrong."),
        /** The code (or time step) was already used. */
        ALREADY_USED("Mã xác thực đã được sử dụng.", "The code has already been used."),
        /** Too many wrong tries: the code is invalidated (or the account's OTP is blocked for a while). */
        TOO_MANY_ATTEMPTS("Bạn đã nhập sai quá số lần cho phép; vui lòng yêu cầu mã mới sau ít phút.",
                "Too many wrong tries; request a new code in a few minutes."),
        /** No code is pending for this recipient and purpose (never sent, expired or used). */
        NO_ACTIVE_CODE("Mã xác thực đã hết hạn hoặc không tồn tại; vui lòng yêu cầu mã mới.",
                "The code has expired or does not exist; request a new one."),
        /** The request source made too many failed attempts. */
        SOURCE_THROTTLED("Có quá nhiều lần thử sai từ thiết bị hoặc mạng này; vui lòng thử lại sau.",
                "Too many failed attempts from this device or network; try again later.");

        private final Bilingual text;

        Reason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }
}
