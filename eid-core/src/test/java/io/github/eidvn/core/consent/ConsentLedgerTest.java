package io.github.eidvn.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

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
    void record_thenCheck_activeWithGrantedFieldsAndPurpose() {
        ConsentReceiptIssuer.Issued issued = grant(CITIZEN, Duration.ofDays(30));
        assertThat(ledger.record(CITIZEN, issued)).isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        ReceiptState s = ledger.check(issued.receipt().id(), "vcb-bank", clock.instant());
        assertThat(s.status()).isEqualTo(ReceiptState.Status.ACTIVE);
        assertThat(s.grantedFields()).isEqualTo(ASKED);
        assertThat(s.purposeCode()).contains("bank-ekyc");
        assertThat(ledger.record(CITIZEN, issued)).isEqualTo(ConsentLedger.RecordOutcome.ALREADY_RECORDED);
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
    void check_otherPartyOrUnknownOrMalformedId_unknown() {
        ConsentReceiptIssuer.Issued issued = grant(CITIZEN, Duration.ofDays(30));
        ledger.record(CITIZEN, issued);
        assertThat(ledger.check(issued.receipt().id(), "other-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.check("AAAAAAAAAAAAAAAAAAAAAA", "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.check("../../etc", "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.check(null, "vcb-bank", clock.instant()).status()).isEqualTo(ReceiptState.Status.UNKNOWN);
    }

    @Test
    void withdraw_byTheOwner_makesCheckWithdrawnAndListShowsIt() {
        ConsentReceiptIssuer.Issued issued = grant(CITIZEN, Duration.ofDays(30));
        ledger.record(CITIZEN, issued);
        String id = issued.receipt().id();
        assertThat(ledger.withdraw(OTHER, id)).isEqualTo(ConsentLedger.WithdrawOutcome.NOT_FOUND);
        assertThat(ledger.check(id, "vcb-bank", clock.instant()).status()).isEqualTo(ReceiptState.Status.ACTIVE);
        clock.advance(Duration.ofHours(1));
        assertThat(ledger.withdraw(CITIZEN, id)).isEqualTo(ConsentLedger.WithdrawOutcome.WITHDRAWN);
        assertThat(ledger.withdraw(CITIZEN, id)).isEqualTo(ConsentLedger.WithdrawOutcome.ALREADY_WITHDRAWN);
        ReceiptState s = ledger.check(id, "vcb-bank", clock.instant());
        assertThat(s.status()).isEqualTo(ReceiptState.Status.WITHDRAWN);
        assertThat(s.withdrawnAt()).contains(AssertionFixtures.NOW.plus(Duration.ofHours(1)));
        assertThat(s.grantedFields()).isEmpty();
        LedgerEntry entry = ledger.list(CITIZEN).get(0);
        assertThat(entry.receipt()).isEqualTo(issued.receipt());
        assertThat(entry.statusAt(clock.instant())).isEqualTo(ReceiptState.Status.WITHDRAWN);
        assertThat(ledger.withdraw(CITIZEN, "no such id")).isEqualTo(ConsentLedger.WithdrawOutcome.NOT_FOUND);
    }

    @Test
    void check_afterTheConsentEnds_expiredThenGoneAfterRetention() {
        ledger = ConsentLedger.builder().store(store).references(refs).clock(clock).retention(Duration.ofDays(10))
                .build();
        ConsentReceiptIssuer.Issued issued = grant(CITIZEN, Duration.ofDays(1));
        ledger.record(CITIZEN, issued);
        clock.advance(Duration.ofDays(1));
        assertThat(ledger.check(issued.receipt().id(), "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.EXPIRED);
        assertThat(ledger.withdraw(CITIZEN, issued.receipt().id())).isEqualTo(ConsentLedger.WithdrawOutcome.EXPIRED);
        assertThat(ledger.list(CITIZEN)).hasSize(1);
        clock.advance(Duration.ofDays(11));
        assertThat(ledger.check(issued.receipt().id(), "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.list(CITIZEN)).isEmpty();
    }

    @Test
    void list_isPerCitizenNewestFirst() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ConsentReceiptIssuer.Issued issued = grant(CITIZEN, Duration.ofDays(30));
            ledger.record(CITIZEN, issued);
            ids.add(0, issued.receipt().id());
        }
        ledger.record(OTHER, grant(OTHER, Duration.ofDays(30)));
        assertThat(ledger.list(CITIZEN)).extracting(e -> e.receipt().id()).containsExactlyElementsOf(ids);
        assertThat(ledger.list(OTHER)).hasSize(1);
        assertThat(ledger.list(PersonalNumber.of("079203000001"))).isEmpty();
    }

    @Test
    void record_beyondTheBound_refusedAndNothingKept_untilOldRecordsAreGone() {
        ledger = ConsentLedger.builder().store(store).references(refs).clock(clock).maxPerCitizen(3)
                .retention(Duration.ZERO).build();
        for (int i = 0; i < 3; i++) {
            assertThat(ledger.record(CITIZEN, grant(CITIZEN, Duration.ofDays(1))))
                    .isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        }
        ConsentReceiptIssuer.Issued fourth = grant(CITIZEN, Duration.ofDays(2));
        assertThat(ledger.record(CITIZEN, fourth)).isEqualTo(ConsentLedger.RecordOutcome.CITIZEN_LIMIT_REACHED);
        assertThat(ledger.check(fourth.receipt().id(), "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.list(CITIZEN)).hasSize(3);
        clock.advance(Duration.ofDays(1).plusSeconds(2));
        ConsentReceiptIssuer.Issued fifth = grant(CITIZEN, Duration.ofDays(2));
        assertThat(ledger.record(CITIZEN, fifth)).isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        assertThat(ledger.list(CITIZEN)).extracting(e -> e.receipt().id()).containsExactly(fifth.receipt().id());
    }

    @Test
    void record_concurrentGrantsForOneCitizen_neverLoseAnEntry() throws Exception {
        int threads = 8;
        int perThread = 25;
        List<ConsentReceiptIssuer.Issued> all = new ArrayList<>();
        for (int i = 0; i < threads * perThread; i++) {
            all.add(grant(CITIZEN, Duration.ofDays(30)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<ConsentReceiptIssuer.Issued> mine = all.subList(t * perThread, (t + 1) * perThread);
            futures.add(pool.submit(() -> {
                start.await();
                for (ConsentReceiptIssuer.Issued issued : mine) {
                    assertThat(ledger.record(CITIZEN, issued)).isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Set<String> listed = new HashSet<>();
        ledger.list(CITIZEN).forEach(e -> listed.add(e.receipt().id()));
        Set<String> expected = new HashSet<>();
        all.forEach(i -> expected.add(i.receipt().id()));
        assertThat(listed).isEqualTo(expected);
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
