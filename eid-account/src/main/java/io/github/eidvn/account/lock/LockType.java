package io.github.eidvn.account.lock;

import io.github.eidvn.core.result.BilingualText;

/** Why an account is locked. */
public enum LockType implements BilingualText {
    /** The citizen asked for it (e.g. a lost phone); temporary, ends at its deadline or on recovery. */
    USER_REQUESTED("Tài khoản đang bị tạm khóa theo yêu cầu của bạn.",
            "The account is temporarily locked at your request."),
    /** An authority (police, the account operator) asked for it; ends when lifted or at an optional deadline. */
    AUTHORITY("Tài khoản đang bị khóa theo yêu cầu của cơ quan có thẩm quyền.",
            "The account is locked at the request of an authority."),
    /** Too many failed password attempts; ends automatically after the lock duration. */
    BRUTE_FORCE("Tài khoản tạm bị khóa do nhập sai mật khẩu quá nhiều lần.",
            "The account is temporarily locked after too many wrong passwords.");

    private final String vi;
    private final String en;

    LockType(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    /** @return the message for the citizen in Vietnamese */
    @Override
    public String vietnamese() {
        return vi;
    }

    /** @return the message for the citizen in English */
    @Override
    public String english() {
        return en;
    }
}
