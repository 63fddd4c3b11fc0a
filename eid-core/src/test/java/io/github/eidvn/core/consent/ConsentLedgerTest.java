package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.SettableClock;

/** The state-store storage's own behaviour; the shared behaviour is {@link InMemoryConsentLedgerContractTest}. */
class ConsentLedgerTest {

    private static final Set<CitizenField> ASKED = EnumSet.of(CitizenField.NAME, CitizenField.BIRTHDATE);
    private static final PersonalNumber CITIZEN = PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER);
    private static final PersonalNumber OTHER = PersonalNumber.of("001099000123");

    private SettableClock clock;
    private ConsentFixtures.Party bank;
    private ConsentReceiptIssuer receipts;
    private ConsentRequestSigner signer;
    private ConsentRequestVerifier verifier;
    private InMemoryStateStore store;
    private ConsentLedger ledger;
    private CitizenReferences refs;

    @BeforeEach
    void setUp() {
        clock = SettableClock.at(AssertionFixtures.NOW);
        bank = ConsentFixtures.bank();
        refs = CitizenReferences.of(ConsentFixtures.secret());
        receipts = ConsentReceiptIssuer.builder().issuer(ConsentFixtures.ISSUER).keyRing(KeyRing.generate())
                .references(refs).clock(clock).build();
        signer = ConsentRequestSigner.builder().partyId("vcb-bank").signingKey(bank.signingKey())
                .audience(ConsentFixtures.ISSUER).clock(clock).build();
        verifier = ConsentRequestVerifier.builder().registry(ConsentFixtures.registry(bank))
                .audience(ConsentFixtures.ISSUER).clock(clock).build();
        store = InMemoryStateStore.create(clock);
        ledger = ConsentLedger.builder().store(store).references(refs).clock(clock).build();
    }

    private ConsentReceiptIssuer.Issued grant(PersonalNumber who, Duration validity) {
        VerifiedRequest v = (VerifiedRequest) verifier.verify(signer.request("bank-ekyc", ASKED).sign().compactJws());
        return receipts.grant(v, who, ASKED, validity);
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
