package io.github.eidvn.account.lock;

import java.time.Duration;
import java.util.Objects;

import io.github.eidvn.account.internal.AttemptCounter;
import io.github.eidvn.account.internal.Checks;
import io.github.eidvn.account.internal.Secrets;
import io.github.eidvn.account.internal.ThrottleSteps;
import io.github.eidvn.core.spi.StateStore;

/**
 * Per-source throttling (source = client IP address, device id, ...): at most {@code maxFailures} failed attempts per
 * source in a fixed window, across all accounts, so an attacker cycling through accounts is slowed as well.
 *
 * <p>Each attempt reserves a slot with one atomic increment <em>before</em> the secret is checked; a success gives its
 * slot back ({@link #succeeded}). So even concurrent attempts from one source get at most {@code maxFailures} wrong
 * guesses per window.
 *
 * <p><b>Security.</b> Sources are hashed before they become store keys. A source label chosen by the client (a device
 * id) is only as good as the client; put a network-level source (the IP address seen by your gateway) first.
 */
public final class SourceThrottle {

    static {
        ThrottleSteps.register(t -> t.steps);
    }

    private final String namespace;
    private final AttemptCounter failures;
    private final ThrottleSteps steps;

    private SourceThrottle(StateStore store, String namespace, int maxFailures, Duration window) {
        this.namespace = namespace;
        this.failures = AttemptCounter.of(store, maxFailures, window);
        this.steps = new ThrottleSteps(failures, this::key);
    }

    /**
     * A throttle.
     *
     * @param store the state store
     * @param namespace what is throttled (e.g. "login", "otp"), lowercase letters and digits, 1..16 characters
     * @param maxFailures failed attempts per source per window, at least 1
     * @param window the window, positive
     * @return the throttle
     */
    public static SourceThrottle create(StateStore store, String namespace, int maxFailures, Duration window) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("namespace must be 1..16 lowercase letters or digits");
        }
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be positive");
        }
        return new SourceThrottle(store, namespace, maxFailures, Checks.positive(window, "window"));
    }

    /**
     * Reserves an attempt for a source.
     *
     * @param source the source label
     * @return true when the attempt may proceed; false when the source is throttled
     */
    public boolean tryAcquire(String source) {
        return failures.record(key(source)).allowed();
    }

    /**
     * Gives back the reservation of an attempt that succeeded (or did not test a secret).
     *
     * @param source the source label
     */
    public void succeeded(String source) {
        failures.giveBack(key(source));
    }

    /** @return failed attempts allowed per source per window */
    public int maxFailures() {
        return failures.max();
    }

    /** @return the window */
    public Duration window() {
        return failures.window();
    }

    private String key(String source) {
        return "eid:throttle:" + namespace + ":" + Secrets.hashId(Checks.source(source));
    }

    @Override
    public String toString() {
        return "SourceThrottle[" + namespace + ", " + failures.max() + " per " + failures.window() + "]";
    }
}
