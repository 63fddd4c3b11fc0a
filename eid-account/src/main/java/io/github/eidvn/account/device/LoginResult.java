package io.github.eidvn.account.device;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The outcome of a login step (password, new-device confirmation, unlock, recovery). */
public sealed interface LoginResult permits LoginResult.LoggedIn, LoginResult.NewDeviceRequired, LoginResult.Refused {

    /**
     * A session was created for the active device.
     *
     * @param token the session token for the client
     * @param session the session
     * @param passwordNeedsRehash true when the stored password hash uses outdated parameters: store a new
     *        {@code PasswordHasher.hash} of the password now
     */
    record LoggedIn(SessionToken token, SessionInfo session, boolean passwordNeedsRehash) implements LoginResult {
        /** Checks the components. */
        public LoggedIn {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * The password was right but another device is active: a code was sent to it; confirm with
     * {@link AccountLogin#confirmNewDevice}.
     *
     * @param challengeId the challenge to confirm
     * @param expiresAt when the code expires
     */
    record NewDeviceRequired(String challengeId, Instant expiresAt) implements LoginResult {
        /** Checks the components. */
        public NewDeviceRequired {
            Objects.requireNonNull(challengeId, "challengeId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * Refused.
     *
     * @param reason why
     * @param retryAt when retrying may succeed (e.g. the end of a lock), if known
     * @param remainingTries tries left for a code, or -1 when not applicable
     */
    record Refused(Reason reason, Optional<Instant> retryAt, int remainingTries) implements LoginResult, UnlockStart {
        /** Checks the components. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAt, "retryAt");
        }

        /**
         * A refusal without retry time or tries.
         *
         * @param reason why
         * @return the refusal
         */
        public static Refused of(Reason reason) {
            return new Refused(reason, Optional.empty(), -1);
        }
    }

    /** Why a login step was refused. */
    enum Reason implements HasBilingualText {
        /** Malformed device id, code, challenge, holder personal number or assertion id. */
        MALFORMED_REQUEST("Yêu cầu không hợp lệ.", "The request is not valid."),
        /** Wrong password or unknown account (never distinguished). */
        INVALID_CREDENTIALS("Số định danh hoặc mật khẩu không đúng.",
                "The personal identification number or password is wrong."),
        /** The account is locked. */
        ACCOUNT_LOCKED("Tài khoản đang bị khóa.", "The account is locked."),
        /** Too many failed attempts from this source. */
        SOURCE_THROTTLED("Có quá nhiều lần thử sai từ thiết bị hoặc mạng này; vui lòng thử lại sau.",
                "Too many failed attempts from this device or network; try again later."),
        /** Another password check for this account is in progress; retry in a moment. */
        BUSY("Hệ thống đang xử lý một yêu cầu đăng nhập khác của tài khoản này; vui lòng thử lại.",
                "Another sign-in for this account is being processed; please retry."),
        /** Unknown, expired or already used challenge. */
        UNKNOWN_CHALLENGE("Mã xác nhận đã hết hạn hoặc không tồn tại; vui lòng đăng nhập lại.",
                "The confirmation has expired or does not exist; please sign in again."),
        /** Wrong confirmation code. */
        WRONG_CODE("Mã xác nhận không đúng.", "The confirmation code is wrong."),
        /** Too many wrong codes: the challenge is cancelled. */
        TOO_MANY_ATTEMPTS("Bạn đã nhập sai quá số lần cho phép; vui lòng đăng nhập lại.",
                "Too many wrong codes; please sign in again."),
        /** The active device changed while the challenge was pending. */
        BINDING_CHANGED("Thiết bị đăng nhập của tài khoản vừa thay đổi; vui lòng đăng nhập lại.",
                "The account's device changed meanwhile; please sign in again."),
        /** The active device could not be reached. */
        NOTIFICATION_FAILED("Không gửi được mã xác nhận tới thiết bị đang đăng nhập; vui lòng thử lại sau.",
                "The code could not be sent to the signed-in device; try again later."),
        /** This device is not the account's active device. */
        NOT_ACTIVE_DEVICE("Thiết bị này không còn là thiết bị đăng nhập của tài khoản; vui lòng đăng nhập lại.",
                "This device is no longer the account's signed-in device; please sign in again."),
        /** The device signature does not verify. */
        BAD_SIGNATURE("Xác thực sinh trắc học trên thiết bị không thành công.",
                "The device's biometric unlock could not be verified."),
        /** The recovery assertion is below level 2. */
        PROOF_INSUFFICIENT_LEVEL("Cần xác thực định danh điện tử mức độ 2 để khôi phục tài khoản.",
                "Account recovery needs a level-2 electronic identification."),
        /** The recovery assertion is about another person. */
        PROOF_WRONG_PERSON("Thông tin xác thực không khớp với tài khoản.",
                "The identification does not match the account."),
        /** The recovery assertion is too old (or dated in the future). */
        PROOF_STALE("Thông tin xác thực đã quá hạn; vui lòng xác thực lại.",
                "The identification is too old; please identify again."),
        /** The recovery assertion was already used. */
        PROOF_REPLAYED("Thông tin xác thực đã được sử dụng.", "The identification has already been used.");

        private final Bilingual text;

        Reason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }
}
