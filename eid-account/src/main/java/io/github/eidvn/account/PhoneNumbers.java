package io.github.eidvn.account;

import java.util.Optional;

/** Vietnamese mobile phone numbers. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * Normalizes a Vietnamese mobile number to E.164 ({@code +84} and nine digits). Accepts {@code 0912345678},
     * {@code 84912345678}, {@code +84 912 345 678}, with spaces, dots, dashes or parentheses; the first digit after the
     * country code must be a mobile prefix (3, 5, 7, 8 or 9).
     *
     * @param phone the number as typed, may be null
     * @return the E.164 form, or empty when it is not a Vietnamese mobile number
     */
    public static Optional<String> normalize(String phone) {
        if (phone == null || phone.length() > 32) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(12);
        boolean plus = false;
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0 && !plus) {
                plus = true;
            } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
                return Optional.empty();
            }
        }
        String d = digits.toString();
        String national;
        if (plus) {
            if (!d.startsWith("84") || d.length() != 11) {
                return Optional.empty();
            }
            national = d.substring(2);
        } else if (d.length() == 11 && d.startsWith("84")) {
            national = d.substring(2);
        } else if (d.length() == 10 && d.charAt(0) == '0') {
            national = d.substring(1);
        } else {
            return Optional.empty();
        }
        char first = national.charAt(0);
        if (first != '3' && first != '5' && first != '7' && first != '8' && first != '9') {
            return Optional.empty();
        }
        return Optional.of("+84" + national);
    }
}
