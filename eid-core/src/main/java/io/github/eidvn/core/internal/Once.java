package io.github.eidvn.core.internal;

import java.util.Objects;

/** The "each option may be set once" check of eid's builders, written once. */
public final class Once {

    private Once() {
    }

    /**
     * Fails when an option was already set.
     *
     * @param alreadySet whether it was
     * @param name the option name, for the message
     * @throws IllegalStateException when {@code alreadySet}
     */
    public static void once(boolean alreadySet, String name) {
        if (alreadySet) {
            throw new IllegalStateException(name + " is already set");
        }
    }

    /**
     * Fails when an option was already set.
     *
     * @param current the option's current value, null while unset
     * @param name the option name, for the message
     * @throws IllegalStateException when {@code current} is not null
     */
    public static void once(Object current, String name) {
        once(current != null, name);
    }

    /**
     * Checks a new value and that the option was not set before.
     *
     * @param <T> the option's type
     * @param current the option's current value, null while unset
     * @param value the new value
     * @param name the option name, for the messages
     * @return {@code value}
     * @throws NullPointerException when {@code value} is null
     * @throws IllegalStateException when {@code current} is not null
     */
    public static <T> T once(T current, T value, String name) {
        Objects.requireNonNull(value, name);
        once(current, name);
        return value;
    }
}
