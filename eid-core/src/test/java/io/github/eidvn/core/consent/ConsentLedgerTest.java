package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.ReceiptFactory;
import io.github.eidvn.testing.SettableClock;

/** The state-store storage's own behaviour; the shared behaviour is {@link InMemoryConsentLedgerContractTest}. */
class ConsentLedgerTest {

    private static final PersonalNumber CITIZEN = PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER);

    private SettableClock clock;
    private ReceiptFactory receipts;
    private InMemoryStateStore store;
    private ConsentLedger ledger;
    private CitizenReferences refs;

    @BeforeEach
    void setUp() {
        clock = SettableClock.at(AssertionFixtures.NOW);
        refs = CitizenReferences.of(ConsentFixtures.secret());
        receipts = new ReceiptFactory(clock, refs);
        store = InMemoryStateStore.create(clock);
        ledger = ConsentLedger.builder().store(store).references(refs).clock(clock).build();
    }

    private ConsentReceiptIssuer.Issued grant(PersonalNumber who, Duration validity) {
        return receipts.grant(who, validity);
    }

    @Test
    void store_holdsNoRawPersonalNumber() {
        ledger.record(CITIZEN, grant(CITIZEN, Duration.ofDays(30)));
        for (String key : store.liveKeys()) {
            assertThat(key).doesNotContain(ConsentFixtures.CITIZEN_NUMBER);
            assertThat(new String(store.get(key).orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain(ConsentFixtures.CITIZEN_NUMBER);
        }
    }

    @Test
    void builder_needsExactlyOneStorage_andPrefixOnlyWithTheStateStore() {
        ConsentRecords records = new StateStoreConsentRecords(store, "x:");
        assertThatThrownBy(() -> ConsentLedger.builder().references(refs).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ConsentLedger.builder().store(store).records(records).references(refs).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ConsentLedger.builder().records(records).prefix("y:").references(refs).build())
                .isInstanceOf(IllegalStateException.class);
        assertThat(ConsentLedger.builder().records(records).references(refs).clock(clock).build()
                .record(CITIZEN, grant(CITIZEN, Duration.ofDays(1)))).isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        assertThat(store.liveKeys()).anyMatch(k -> k.startsWith("x:r:"));
    }

    @Test
    void check_storeFailure_unavailable() {
        StateStore failing = new StateStore() {
            @Override
            public Optional<byte[]> get(String key) {
                throw new io.github.eidvn.core.spi.StateStoreException("down", null);
            }

            @Override
            public void put(String key, byte[] value, Duration ttl) {
            }

            @Override
            public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
                return false;
            }

            @Override
            public boolean compareAndSet(String key, byte[] expected, byte[] newValue, Duration ttl) {
                return false;
            }

            @Override
            public boolean delete(String key) {
                return false;
            }

            @Override
            public boolean deleteIfEquals(String key, byte[] expected) {
                return false;
            }

            @Override
            public Optional<byte[]> consume(String key) {
                return Optional.empty();
            }

            @Override
            public long incrementBy(String key, long delta, Duration ttlIfCreated) {
                return 0;
            }
        };
        ConsentLedger broken = ConsentLedger.builder().store(failing).references(refs).clock(clock).build();
        assertThat(broken.check("AAAAAAAAAAAAAAAAAAAAAA", "vcb-bank", Instant.now()).status())
                .isEqualTo(ReceiptState.Status.UNAVAILABLE);
    }
}
