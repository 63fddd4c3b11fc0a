package io.github.eidvn.core.identity;

import java.util.Objects;
import java.util.regex.Pattern;

import io.github.eidvn.core.internal.FreeText;

/** The checks of a {@link CitizenProfile}'s free-text fields, phone number and e-mail address. */
final class ProfileText {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{8,15}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private ProfileText() {
    }

    /**
     * @param value the text
     * @param name the field, for messages
     * @return the normalised text
     * @throws IllegalArgumentException when blank, longer than 500 characters or holding a control or format
     *     character
     */
    static String text(String value, String name) {
        String n = PersonName.normalize(Objects.requireNonNull(value, name));
        if (n.isEmpty()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        if (n.length() > 500) {
            throw new IllegalArgumentException(name + " is longer than 500 characters");
        }
        if (FreeText.forbiddenCharacter(n) >= 0) {
            throw new IllegalArgumentException(name + " contains a control or format character");
        }
        return n;
    }

    /**
     * @param value a phone number
     * @return digits with an optional leading '+'
     * @throws IllegalArgumentException when not 8 to 15 digits
     */
    static String phone(String value) {
        String p = PersonName.normalize(value).replace(" ", "");
        if (!PHONE.matcher(p).matches()) {
            throw new IllegalArgumentException(
                    "phoneNumber must be 8-15 ASCII digits with an optional leading '+'");
        }
        return p;
    }

    /**
     * @param value an e-mail address
     * @return the normalised address
     * @throws IllegalArgumentException when not an e-mail address
     */
    static String email(String value) {
        String e = PersonName.normalize(value);
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw new IllegalArgumentException("email is not an e-mail address");
        }
        return e;
    }
}
