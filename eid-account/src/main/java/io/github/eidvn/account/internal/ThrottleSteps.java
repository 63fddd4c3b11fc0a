package io.github.eidvn.account.internal;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.github.eidvn.account.lock.SourceThrottle;

/**
 * What the login services need of a {@link SourceThrottle} to put its reservation and give-back into the batches of
 * their own steps: its counter and its key for a source.
 *
 * @param counter the throttle's attempt counter
 * @param keyOf the counter key of a source
 */
public record ThrottleSteps(AttemptCounter counter, UnaryOperator<String> keyOf) {

    private static volatile Function<SourceThrottle, ThrottleSteps> access;

    /** Checks the components. */
    public ThrottleSteps {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(keyOf, "keyOf");
    }

    /**
     * Called once, by {@link SourceThrottle}'s class initializer.
     *
     * @param f gives the steps of a throttle
     */
    public static void register(Function<SourceThrottle, ThrottleSteps> f) {
        if (access != null) {
            throw new IllegalStateException("already registered");
        }
        access = Objects.requireNonNull(f, "f");
    }

    /**
     * @param throttle the throttle (its class is initialized, so the accessor is registered)
     * @return its steps
     */
    public static ThrottleSteps of(SourceThrottle throttle) {
        return access.apply(Objects.requireNonNull(throttle, "throttle"));
    }
}
