package io.github.eidvn.account.password;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

import java.util.Objects;

import io.github.eidvn.account.otp.OtpVerification;

/** The outcome of a password-reset verification step ({@link PasswordReset#verifyCode}, {@code verifyAnswers}). */
public sealed interface ResetStep permits ResetStep.Verified, ResetStep.Refused {

    /**
     * The step was passed.
     *
     * @param ticket the single-use ticket for {@link PasswordReset#complete}
     */
    record Verified(ResetTicket ticket) implements ResetStep {
        /** Checks the component. */
        public Verified {
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    /**
     * The step was refused.
     *
     * @param reason why
     * @param remainingTries tries left before the limit (-1 when not applicable)
     */
    record Refused(Reason reason, int remainingTries) implements ResetStep {
        /** Checks the component. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a reset step was refused, with the message for the citizen. */
    enum Reason implements HasBilingualText {
        /** Malformed input (code format, too few or blank answers). */
        MALFORMED("Thông tin khôi phục không đúng định dạng.", "The recovery details are not in the expected format."),
        /** Wrong code. */
        WRONG_CODE(OtpVerification.Reason.WRONG_CODE),
        /** No code was sent, or it expired or was used. */
        NO_ACTIVE_CODE(OtpVerification.Reason.NO_ACTIVE_CODE),
        /** At least one security answer is wrong (which one is not told). */
        WRONG_ANSWERS("Câu trả lời cho câu hỏi bảo mật không đúng.", "The answers to the security questions are wrong."),
        /** Too many wrong codes or answer sets. */
        TOO_MANY_ATTEMPTS("Bạn đã thử sai quá số lần cho phép; vui lòng thử lại sau.",
                "Too many wrong tries; try again later."),
        /** Too many failures from this source. */
        SOURCE_THROTTLED(OtpVerification.Reason.SOURCE_THROTTLED),
        /** An authority locked the account: only the authority can unlock it. */
        ACCOUNT_LOCKED("Tài khoản đang bị cơ quan có thẩm quyền khóa; vui lòng liên hệ cơ quan công an.",
                "The account is locked by an authority; please contact the police."),
        /** The ticket is unknown, expired or already used. */
        UNKNOWN_TICKET("Phiên khôi phục mật khẩu đã hết hạn; vui lòng bắt đầu lại.",
                "The password recovery has expired; please start again.");

        private final Bilingual text;

        Reason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

        /** The same message as the one-time code's own reason. */
        Reason(OtpVerification.Reason same) {
            this(same.vietnamese(), same.english());
        }

        @Override
        public Bilingual text() {
            return text;
        }

        static Reason of(OtpVerification.Reason r) {
            return switch (r) {
                case MALFORMED -> MALFORMED;
                case WRONG_CODE -> WRONG_CODE;
                case ALREADY_USED, NO_ACTIVE_CODE -> NO_ACTIVE_CODE;
                case TOO_MANY_ATTEMPTS -> TOO_MANY_ATTEMPTS;
                case SOURCE_THROTTLED -> SOURCE_THROTTLED;
            };
        }
    }
}
