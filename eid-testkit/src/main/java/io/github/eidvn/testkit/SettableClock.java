package io.github.eidvn.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests and demos move by hand (thread-safe), so time-driven rules (a day's transfer total, a code's
 * lifetime, a consent's expiry) are shown and tested without sleeping. Its zone views ({@link #withZone(ZoneId)})
 * share its time: moving one moves them all. Never for production.
 */
public final class SettableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A clock at an instant, in UTC.
     *
     * @param start the initial instant
     * @return the clock
     */
    public static SettableClock at(Instant start) {
        return new SettableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * Moves the clock (and its zone views) forward.
     *
     * @param d how far
     */
    public void advance(Duration d) {
        Objects.requireNonNull(d, "d");
        now.updateAndGet(t -> t.plus(d));
    }

    /**
     * Sets the clock (and its zone views).
     *
     * @param t the new instant
     */
    public void set(Instant t) {
        now.set(Objects.requireNonNull(t, "t"));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public SettableClock withZone(ZoneId z) {
        return new SettableClock(now, Objects.requireNonNull(z, "z"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
