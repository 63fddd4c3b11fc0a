package io.github.eidvn.account;

/** What happened, for the audit trail. */
public enum SecurityEventType {
    /** Password (or unlock, or recovery) login produced a session. */
    LOGIN_SUCCEEDED(false),
    /** Wrong password or unknown account. */
    LOGIN_FAILED(true),
    /** Login refused because the account is locked. */
    LOGIN_REFUSED_LOCKED(true),
    /** Attempt refused because its source (IP, device) exceeded its failure budget. */
    SOURCE_THROTTLED(true),
    /** A device was bound to an account that had none. */
    DEVICE_BOUND(false),
    /** A login from another device: a confirmation code was sent to the active device. */
    NEW_DEVICE_CHALLENGE_SENT(false),
    /** A wrong or expired new-device confirmation. */
    NEW_DEVICE_CONFIRMATION_FAILED(true),
    /** The active device changed; every session of the old one is revoked. */
    DEVICE_SWITCHED(false),
    /** An unlock with the device key succeeded. */
    DEVICE_UNLOCKED(false),
    /** An unlock with the device key failed (bad signature, unknown challenge, not the active device). */
    DEVICE_UNLOCK_FAILED(true),
    /** A session ended by logout. */
    SESSION_ENDED(false),
    /** An account lock was placed. */
    ACCOUNT_LOCKED(true),
    /** An account lock was lifted. */
    ACCOUNT_UNLOCKED(false),
    /** Recovery with a level-2 assertion succeeded. */
    RECOVERY_SUCCEEDED(false),
    /** Recovery refused. */
    RECOVERY_REFUSED(true),
    /** The citizen reported the device lost (website, call centre, police): account locked, sessions revoked. */
    DEVICE_REPORTED_LOST(false),
    /** An authority lifted every lock and replaced the lost device (detail: authority, officer, case). */
    ACCOUNT_UNLOCKED_BY_AUTHORITY(false),
    /** An authority unlock was refused (stale decision, case reference already used). */
    AUTHORITY_UNLOCK_REFUSED(true),
    /** A password-reset code was sent (SMS to the registered phone, or e-mail). */
    PASSWORD_RESET_CODE_SENT(false),
    /** A password-reset step was passed (code or security answers): a reset ticket was issued. */
    PASSWORD_RESET_VERIFIED(false),
    /** A password-reset step failed (wrong code or answers, too many attempts, unknown ticket, weak password). */
    PASSWORD_RESET_FAILED(true),
    /** The password was reset with a ticket; every session was revoked. */
    PASSWORD_RESET_COMPLETED(false),
    /** An out-of-band code was sent. */
    OTP_SENT(false),
    /** Sending an out-of-band code was refused (cooldown, hourly limit, delivery failure). */
    OTP_SEND_REFUSED(true),
    /** A one-time code (SMS/e-mail, TOTP, HOTP) was accepted. */
    OTP_VERIFIED(false),
    /** A one-time code was wrong, expired, replayed or exhausted. */
    OTP_FAILED(true),
    /** A phone number was claimed by a person. */
    PHONE_CLAIMED(false),
    /** A phone number claim was refused (held by another person). */
    PHONE_CLAIM_REFUSED(true),
    /** A phone number was released. */
    PHONE_RELEASED(false);

    private final boolean failure;

    SecurityEventType(boolean failure) {
        this.failure = failure;
    }

    /** @return true for failures and refusals (logged at WARN) */
    public boolean isFailure() {
        return failure;
    }
}
