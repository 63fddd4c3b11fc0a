package io.github.eidvn.core.spi;

import java.time.Duration;
import java.time.Instant;

import io.github.eidvn.testing.SettableClock;
import io.github.eidvn.testing.StateStoreContract;

/** The shared state-store contract on the in-memory store, with TTLs driven by a settable clock. */
class InMemoryStateStoreContractTest extends StateStoreContract {

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    @Override
    protected StateStore newStore() {
        return InMemoryStateStore.create(clock);
    }

    @Override
    protected void elapse(Duration d) {
        clock.advance(d);
    }

    @Override
    protected Duration unit() {
        return Duration.ofMinutes(1);
    }
}
