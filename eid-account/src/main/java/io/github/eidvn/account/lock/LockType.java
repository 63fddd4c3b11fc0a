package io.github.eidvn.account.lock;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

/** Why an account is locked. */
public enum LockType implements HasBilingualText {
    /** The citizen asked for it (e.g. a lost phone); temporary, ends at its deadline or on recovery. */
    USER_REQUESTED("Tài khoản đang bị tạm khóa theo yêu cầu của bạn.",
            "The account is temporarily locked at your request."),
    /** An authority (police, the account operator) asked for it; ends when lifted or at an optional deadline. */
    AUTHORITY("Tài khoản đang bị khóa theo yêu cầu của cơ quan có thẩm quyền.",
            "The account is locked at the request of an authority."),
    /** Too many failed password attempts; ends automatically after the lock duration. */
    BRUTE_FORCE("Tài khoản tạm bị khóa do nhập sai mật khẩu quá nhiều lần.",
            "The account is temporarily locked after too many wrong passwords.");

    private final Bilingual text;

    LockType(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

    @Override
    public Bilingual text() {
        return text;
    }
}
