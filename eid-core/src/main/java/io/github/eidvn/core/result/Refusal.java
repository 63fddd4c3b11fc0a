package io.github.eidvn.core.result;

import java.util.Locale;
import java.util.Objects;

/**
 * Why an input was refused: a closed reason with a message for people, and a technical detail for logs.
 *
 * <p>The refusal variants of eid's results ({@code Invalid}, {@code Rejected}, {@code Failed}) implement it, mostly
 * as records whose components are {@code reason} and {@code detail}, checked in their compact constructors by
 * {@link #requireReasonAndDetail(Enum, String)}.
 *
 * <p><b>Security.</b> The detail is written in English for developers and never repeats secrets or personal data in
 * full; show {@link #message(Locale)} to people, log {@link #detail()}.
 *
 * @param <R> the reason enum
 */
public interface Refusal<R extends Enum<R> & BilingualText> {

    /** @return why, never null */
    R reason();

    /** @return a technical explanation in English, never null */
    String detail();

    /**
     * The reason's message for a locale.
     *
     * @param locale the reader's locale
     * @return Vietnamese for language {@code vi}, English otherwise
     * @throws NullPointerException if {@code locale} is null
     */
    default String message(Locale locale) {
        return reason().message(locale);
    }

    /** @return {@code REASON: detail}, for exceptions and logs */
    default String describe() {
        return reason().name() + ": " + detail();
    }

    /**
     * Checks the two components every refusal has: the compact constructor of a refusal record calls it.
     *
     * @param reason the reason, not null
     * @param detail the technical detail, not null
     * @throws NullPointerException naming the component that is null
     */
    static void requireReasonAndDetail(Enum<?> reason, String detail) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
