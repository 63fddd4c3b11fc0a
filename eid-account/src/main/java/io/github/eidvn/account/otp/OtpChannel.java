package io.github.eidvn.account.otp;

/** How an out-of-band code reaches the citizen. */
public enum OtpChannel {
    /** Text message to a Vietnamese mobile number. */
    SMS,
    /** E-mail. */
    EMAIL
}
