package io.github.eidvn.core.result;

import java.util.Optional;

/**
 * The result of a parse or a decision: a value ({@link Success}) or a {@link Refusal} ({@link Failure}), never both.
 *
 * <p>eid's results ({@code PersonalNumber.ParseResult}, {@code HealthInsuranceNumber.ParseResult},
 * {@code ProofingResult}, {@code MrzResult}, {@code ChipVerification}, {@code QrScanResult},
 * {@code SignedQrText.DecodeResult}) extend this interface with a sealed pair of variants: one implementing
 * {@link Success}, the other {@link Failure}. Callers either match on the variants or use the accessors here:
 * <pre>{@code
 * PersonalNumber number = PersonalNumber.parse(text).orElseThrow();      // known-good input
 * Optional<PersonalNumber> maybe = PersonalNumber.parse(text).toOptional();
 * PersonalNumber.parse(text).refusal().ifPresent(r -> show(r.message(locale)));
 * }</pre>
 *
 * <p>An implementation must implement exactly one of {@link Success} and {@link Failure}. Every variant is immutable;
 * the parse results and refusals are records with value equality, while a verified result that carries certificates
 * or images (the chip's) compares by identity.
 *
 * @param <T> the value on success
 * @param <R> the reason enum on failure
 */
public interface Outcome<T, R extends Enum<R> & BilingualText> {

    /** @return true for a {@link Success} */
    default boolean isSuccess() {
        return this instanceof Success;
    }

    /** @return the value of a {@link Success}, empty for a {@link Failure} */
    default Optional<T> toOptional() {
        return this instanceof Success<T, R> success ? Optional.of(success.value()) : Optional.empty();
    }

    /** @return the refusal of a {@link Failure}, empty for a {@link Success} */
    default Optional<Refusal<R>> refusal() {
        return this instanceof Failure<T, R> failure ? Optional.of(failure) : Optional.empty();
    }

    /**
     * The value, or an exception naming the reason (for input known to be good).
     *
     * @return the value of a {@link Success}
     * @throws IllegalArgumentException for a {@link Failure}, with {@link Refusal#describe()} as message
     * @throws IllegalStateException if this object is neither a {@link Success} nor a {@link Failure}
     */
    default T orElseThrow() {
        if (this instanceof Success<T, R> success) {
            return success.value();
        }
        if (this instanceof Failure<T, R> failure) {
            throw new IllegalArgumentException(failure.describe());
        }
        throw new IllegalStateException(getClass().getName() + " is neither a Success nor a Failure");
    }

    /**
     * The variant holding a value.
     *
     * @param <T> the value
     * @param <R> the reason enum of the other variant
     */
    interface Success<T, R extends Enum<R> & BilingualText> extends Outcome<T, R> {
        /** @return the value, never null */
        T value();
    }

    /**
     * The variant holding a refusal.
     *
     * @param <T> the value of the other variant
     * @param <R> the reason enum
     */
    interface Failure<T, R extends Enum<R> & BilingualText> extends Outcome<T, R>, Refusal<R> {
    }
}
