package io.github.eidvn.core.consent;

import java.time.Clock;

import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.ConsentLedgerContract;

/** The shared ledger contract on the state store in memory, its TTLs driven by the contract's clock. */
class InMemoryConsentLedgerContractTest extends ConsentLedgerContract {

    @Override
    protected ConsentLedger.Builder storage(Clock clock) {
        return ConsentLedger.builder().store(InMemoryStateStore.create(clock));
    }
}
