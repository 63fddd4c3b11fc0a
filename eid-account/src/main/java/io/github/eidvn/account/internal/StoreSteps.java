package io.github.eidvn.account.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.eidvn.core.spi.StateBatch;
import io.github.eidvn.core.spi.StateStore;

/**
 * One step of an account service over the state store: a {@link StateBatch} per store it touches (usually one: the
 * login's store, which also holds the locks and the throttle), run together, one round trip per store. Services built
 * with locks or a throttle on a store of their own still work, with one more round trip.
 */
public final class StoreSteps {

    private final List<StateStore> stores = new ArrayList<>(2);
    private final List<StateBatch> batches = new ArrayList<>(2);
    private List<StateBatch.Results> results;

    /**
     * The batch of a store (created on first use).
     *
     * @param store the store, compared by identity
     * @return its batch
     */
    public StateBatch on(StateStore store) {
        Objects.requireNonNull(store, "store");
        if (results != null) {
            throw new IllegalStateException("already run");
        }
        for (int i = 0; i < stores.size(); i++) {
            if (stores.get(i) == store) {
                return batches.get(i);
            }
        }
        StateBatch b = new StateBatch();
        stores.add(store);
        batches.add(b);
        return b;
    }

    /** Runs every store's batch, in the order the stores were first used. */
    public void run() {
        if (results != null) {
            throw new IllegalStateException("already run");
        }
        List<StateBatch.Results> r = new ArrayList<>(stores.size());
        for (int i = 0; i < stores.size(); i++) {
            r.add(stores.get(i).run(batches.get(i)));
        }
        results = r;
    }

    /**
     * @param store a store used in this step
     * @return the results of its batch
     */
    public StateBatch.Results of(StateStore store) {
        if (results == null) {
            throw new IllegalStateException("not run yet");
        }
        for (int i = 0; i < stores.size(); i++) {
            if (stores.get(i) == store) {
                return results.get(i);
            }
        }
        throw new IllegalArgumentException("store not used in this step");
    }
}
