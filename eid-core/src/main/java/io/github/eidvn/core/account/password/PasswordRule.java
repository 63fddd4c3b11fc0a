package io.github.eidvn.core.account.password;

/** A password rule a candidate can fail. */
public enum PasswordRule {
    /** Contains a control character or an unpaired surrogate. */
    INVALID_CHARACTER,
    /** Shorter than the policy's minimum (code points, after NFKC normalization). */
    TOO_SHORT,
    /** Longer than the policy's maximum. */
    TOO_LONG,
    /** No uppercase letter. */
    MISSING_UPPERCASE,
    /** No lowercase letter. */
    MISSING_LOWERCASE,
    /** No digit. */
    MISSING_DIGIT,
    /** No special character (or none from the required set). */
    MISSING_SPECIAL,
    /** Contains the personal identification number. */
    CONTAINS_PERSONAL_NUMBER,
    /** Contains the phone number. */
    CONTAINS_PHONE_NUMBER,
    /** Contains the birth date in a common format. */
    CONTAINS_BIRTH_DATE,
    /** Contains a word tied to the account or the service (user name, e-mail name, service name). */
    CONTAINS_CONTEXT_WORD,
    /** On the blocklist of very common passwords. */
    COMMON_PASSWORD,
    /** Found in a breached-password corpus. */
    BREACHED,
    /** The breached-password check was on but the service could not answer: the password was not cleared. */
    CHECK_UNAVAILABLE,
    /** Equal to one of the last passwords of the account. */
    REUSED,
    /** The current password is older than the policy's maximum age. */
    EXPIRED
}
