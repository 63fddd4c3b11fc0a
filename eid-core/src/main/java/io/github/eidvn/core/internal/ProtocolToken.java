package io.github.eidvn.core.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rule for the short protocol strings in eid's tokens ({@code iss}, {@code aud}, {@code sub}, {@code purpose},
 * {@code amr}): 1 to 128 printable ASCII characters without spaces, written once.
 */
public final class ProtocolToken {

    /** 1 to 128 printable ASCII characters without spaces (0x21 to 0x7e). */
    public static final Pattern PATTERN = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private ProtocolToken() {
    }

    /**
     * Checks a protocol string given to a builder or a request.
     *
     * @param what the option name, for the messages
     * @param value the value
     * @return {@code value}
     * @throws NullPointerException when {@code value} is null
     * @throws IllegalArgumentException when it breaks the rule
     */
    public static String check(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 128 printable ASCII characters without spaces");
        }
        return value;
    }
}
