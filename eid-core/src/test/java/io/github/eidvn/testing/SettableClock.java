package io.github.eidvn.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand (thread-safe), so time-driven rules are tested without sleeping. */
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
        return new SettableClock(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward.
     *
     * @param d how far
     */
    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    /**
     * Sets the clock.
     *
     * @param t the new instant
     */
    public void set(Instant t) {
        now.set(t);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new SettableClock(now, z);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
