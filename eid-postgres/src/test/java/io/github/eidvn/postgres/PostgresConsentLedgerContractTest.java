package io.github.eidvn.postgres;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;

import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.testing.ConsentLedgerContract;
import io.github.eidvn.postgres.testing.TestDatabases;

/** The shared ledger contract on PostgreSQL, one fresh database per test. */
class PostgresConsentLedgerContractTest extends ConsentLedgerContract {

    private EidDatabase db;

    @Override
    protected ConsentLedger.Builder storage(Clock clock) {
        if (db == null) {
            db = TestDatabases.fresh();
        }
        return ConsentLedger.builder().records(PostgresConsentRecords.of(db));
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
