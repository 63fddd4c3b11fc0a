package io.github.eidvn.account.internal;

import java.time.Duration;
import java.util.Objects;

/** Input checks shared by the account services. */
public final class Checks {

    private Checks() {
    }

    /**
     * Whether a string is a personal identification number: exactly 12 ASCII digits.
     *
     * @param s the string, may be null
     * @return true when well formed
     */
    public static boolean isPersonalNumber(String s) {
        if (s == null || s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a string is a usable device id: 1..128 characters from {@code A-Z a-z 0-9 . _ : -}.
     *
     * @param s the string, may be null
     * @return true when well formed
     */
    public static boolean isDeviceId(String s) {
        if (s == null || s.isEmpty() || s.length() > 128) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A source label (IP address, device id) made safe for keys and logs: printable ASCII, at most 128 characters,
     * other characters replaced by '?'.
     *
     * @param source the label
     * @return the sanitized label ("-" when empty)
     */
    public static String source(String source) {
        Objects.requireNonNull(source, "source");
        if (isPrintable(source)) {
            return source;
        }
        StringBuilder sb = new StringBuilder(Math.min(source.length(), 128));
        for (int i = 0; i < source.length() && sb.length() < 128; i++) {
            char c = source.charAt(i);
            sb.append(c >= 0x21 && c <= 0x7e ? c : '?');
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }

    /**
     * Whether the characters from {@code from} (inclusive) to {@code to} (exclusive) are all of the Base64url
     * alphabet ({@code A-Z a-z 0-9 - _}).
     *
     * @param s the text
     * @param from the first index
     * @param to the end index
     * @return true when they are
     */
    public static boolean isBase64url(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text is 1..128 printable ASCII characters without spaces (what {@link #source} keeps as it is). */
    private static boolean isPrintable(String s) {
        if (s.isEmpty() || s.length() > 128) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a positive duration.
     *
     * @param d the duration
     * @param name its name for the message
     * @return d
     */
    public static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /**
     * Fails when an option was already set.
     *
     * @param current the current value
     * @param name the option name
     */
    public static void once(Object current, String name) {
        io.github.eidvn.core.internal.Once.once(current, name);
    }
}
