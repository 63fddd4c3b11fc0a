package io.github.eidvn.account;

import io.github.eidvn.account.internal.Checks;

/** Masking of identifiers for logs, events and messages. */
public final class Masking {

    private Masking() {
    }

    /**
     * Masks a personal identification number: the first three digits (province code) and the last two stay, e.g.
     * {@code 001099012345} becomes {@code 001*******45}. Anything that is not 12 digits becomes {@code ***}.
     *
     * @param personalNumber the number, may be null
     * @return the masked form
     */
    public static String personalNumber(String personalNumber) {
        if (!Checks.isPersonalNumber(personalNumber)) {
            return "***";
        }
        return personalNumber.substring(0, 3) + "*******" + personalNumber.substring(10);
    }

    /**
     * Masks an account id ({@link AccountId}): a personal number as {@link #personalNumber}; another id keeps its first
     * and last character when it has at least 6, e.g. {@code KH-2024-0042} becomes {@code K***2}; shorter ids become
     * {@code ***}.
     *
     * @param accountId the id, may be null
     * @return the masked form
     */
    public static String account(String accountId) {
        if (Checks.isPersonalNumber(accountId)) {
            return personalNumber(accountId);
        }
        if (accountId == null || accountId.codePointCount(0, accountId.length()) < 6) {
            return "***";
        }
        int first = accountId.codePointAt(0);
        int last = accountId.codePointBefore(accountId.length());
        return new StringBuilder().appendCodePoint(first).append("***").appendCodePoint(last).toString();
    }

    /**
     * Masks a phone number: keeps the last three digits, e.g. {@code +84912345678} becomes {@code ******678}.
     *
     * @param phone the number, may be null
     * @return the masked form
     */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return "******" + phone.substring(phone.length() - 3);
    }

    /**
     * Masks an e-mail address: keeps the first character and the domain, e.g. {@code an@example.vn} becomes
     * {@code a***@example.vn}.
     *
     * @param email the address, may be null
     * @return the masked form
     */
    public static String email(String email) {
        if (email == null) {
            return "***";
        }
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
