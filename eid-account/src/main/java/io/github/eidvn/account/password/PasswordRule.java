package io.github.eidvn.account.password;

/** A password rule a candidate can fail. */
public enum PasswordRule {
    /**
     * Contains a control character, an unpaired surrogate, an unassigned code point, or an invisible one (format
     * characters such as zero-width space, joiners, soft hyphen, byte-order mark and bidi controls; variation
     * selectors and the other default-ignorable code points).
     */
    INVALID_CHARACTER,
    /** Shorter than the policy's minimum (visible characters: code points after NFKC, combining marks excluded). */
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
    /**
     * Under the policy's strength floor: the estimate (zxcvbn4j, with English and Vietnamese dictionaries and the
     * account's own data) finds it in few guesses: repeats, sequences, keyboard walks, common words, names, dates.
     */
    TOO_GUESSABLE,
    /** Found in a breached-password corpus. */
    BREACHED,
    /** The breached-password check was on but the service could not answer: the password was not cleared. */
    CHECK_UNAVAILABLE,
    /** Equal to one of the last passwords of the account. */
    REUSED,
    /** The current password is older than the policy's maximum age. */
    EXPIRED
}
