package io.github.eidvn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.LedgerEntry;
import io.github.eidvn.core.consent.ReceiptState;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.internal.StrictJson;

/**
 * The behaviour every {@link ConsentLedger} storage must give, run on each: the state store in memory (eid-core) and
 * PostgreSQL (eid-postgres). A subclass supplies a builder with its storage set, over an empty storage, with time
 * driven by the given clock.
 */
public abstract class ConsentLedgerContract {

    /** The fields the fixtures' citizen grants. */
    protected static final Set<CitizenField> ASKED = ReceiptFactory.ASKED;
    /** The citizen of the fixtures. */
    protected static final PersonalNumber CITIZEN = PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER);
    /** Another citizen. */
    protected static final PersonalNumber OTHER = PersonalNumber.of("001099000123");

    /** The time of the ledger and of its storage. */
    protected SettableClock clock;
    /** The citizen references. */
    protected CitizenReferences refs;
    private ReceiptFactory receipts;
    /** The ledger under test, with the default options. */
    protected ConsentLedger ledger;

    /**
     * A builder with the storage set, over an empty storage (the contract sets the references, the clock and the
     * bounds).
     *
     * @param clock the time of the ledger and of the storage
     * @return the builder
     */
    protected abstract ConsentLedger.Builder storage(Clock clock);

    /** Sets up the fixtures and a fresh ledger. */
    @BeforeEach
    protected void setUpLedger() {
        clock = SettableClock.at(AssertionFixtures.NOW);
        refs = CitizenReferences.of(ConsentFixtures.secret());
        receipts = new ReceiptFactory(clock, refs);
        ledger = storage(clock).references(refs).clock(clock).build();
    }

    /**
     * A receipt for the fixtures' bank.
     *
     * @param who the citizen
     * @param validity how long the consent lasts
     * @return the issued receipt
     */
    protected ConsentReceiptIssuer.Issued grant(PersonalNumber who, Duration validity) {
        return receipts.grant(who, validity);
    }

    @Test
    void record_thenCheck_activeWithGrantedFieldsAndPurpose() {
        ConsentReceiptIssuer.Issued issued = grant(CITIZEN, Duration.ofDays(30));
        assertThat(ledger.record(CITIZEN, issued)).isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        ReceiptState s = ledger.check(issued.receipt().id(), "vcb-bank", clock.instant());
        assertThat(s.status()).isEqualTo(ReceiptState.Status.ACTIVE);
        assertThat(s.grantedFields()).isEqualTo(ASKED);
        assertThat(s.purposeCode()).contains("bank-ekyc");
        assertThat(s.expiresAt()).contains(issued.receipt().expiresAt());
        assertThat(ledger.record(CITIZEN, issued)).isEqualTo(ConsentLedger.RecordOutcome.ALREADY_RECORDED);
        LedgerEntry entry = ledger.list(CITIZEN).get(0);
        assertThat(entry.receipt()).isEqualTo(issued.receipt());
        assertThat(entry.compactJws()).isEqualTo(issued.compactJws());
        assertThat(entry.withdrawnAt()).isEmpty();
    }

    @Test
    void check_otherPartyOrUnknownOrMalformedId_unknown() {
        ConsentReceiptIssuer.Issued issued = grant(CITIZEN, Duration.ofDays(30));
        ledger.record(CITIZEN, issued);
        assertThat(ledger.check(issued.receipt().id(), "other-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.open(issued.receipt().id(), "other-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.check("AAAAAAAAAAAAAAAAAAAAAA", "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.check("../../etc", "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.open("x' OR '1'='1", "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.check(null, "vcb-bank", clock.instant()).status()).isEqualTo(ReceiptState.Status.UNKNOWN);
    }

    @Test
    void withdraw_byTheOwner_makesCheckAndOpenWithdrawnAndListShowsIt() {
        ConsentReceiptIssuer.Issued issued = grant(CITIZEN, Duration.ofDays(30));
        ledger.record(CITIZEN, issued);
        String id = issued.receipt().id();
        assertThat(ledger.withdraw(OTHER, id)).isEqualTo(ConsentLedger.WithdrawOutcome.NOT_FOUND);
        assertThat(ledger.open(id, "vcb-bank", clock.instant()).status()).isEqualTo(ReceiptState.Status.ACTIVE);
        clock.advance(Duration.ofHours(1));
        assertThat(ledger.withdraw(CITIZEN, id)).isEqualTo(ConsentLedger.WithdrawOutcome.WITHDRAWN);
        assertThat(ledger.withdraw(CITIZEN, id)).isEqualTo(ConsentLedger.WithdrawOutcome.ALREADY_WITHDRAWN);
        ReceiptState s = ledger.check(id, "vcb-bank", clock.instant());
        assertThat(s.status()).isEqualTo(ReceiptState.Status.WITHDRAWN);
        assertThat(s.withdrawnAt()).contains(AssertionFixtures.NOW.plus(Duration.ofHours(1)));
        assertThat(s.grantedFields()).isEmpty();
        assertThat(ledger.openings().check(id, "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.WITHDRAWN);
        LedgerEntry entry = ledger.list(CITIZEN).get(0);
        assertThat(entry.receipt()).isEqualTo(issued.receipt());
        assertThat(entry.withdrawnAt()).contains(AssertionFixtures.NOW.plus(Duration.ofHours(1)));
        assertThat(entry.statusAt(clock.instant())).isEqualTo(ReceiptState.Status.WITHDRAWN);
        assertThat(ledger.withdraw(CITIZEN, "no such id")).isEqualTo(ConsentLedger.WithdrawOutcome.NOT_FOUND);
        assertThat(ledger.withdraw(CITIZEN, "AAAAAAAAAAAAAAAAAAAAAA")).isEqualTo(
                ConsentLedger.WithdrawOutcome.NOT_FOUND);
    }

    @Test
    void check_afterTheConsentEnds_expiredThenGoneAfterRetention() {
        ledger = storage(clock).references(refs).clock(clock).retention(Duration.ofDays(10)).build();
        ConsentReceiptIssuer.Issued issued = grant(CITIZEN, Duration.ofDays(1));
        ledger.record(CITIZEN, issued);
        clock.advance(Duration.ofDays(1));
        assertThat(ledger.check(issued.receipt().id(), "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.EXPIRED);
        assertThat(ledger.open(issued.receipt().id(), "vcb-bank", clock.instant()).status())
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
            clock.advance(Duration.ofSeconds(1));
        }
        ledger.record(OTHER, grant(OTHER, Duration.ofDays(30)));
        assertThat(ledger.list(CITIZEN)).extracting(e -> e.receipt().id()).containsExactlyElementsOf(ids);
        assertThat(ledger.list(OTHER)).hasSize(1);
        assertThat(ledger.list(PersonalNumber.of("079203000001"))).isEmpty();
    }

    @Test
    void record_beyondTheBound_refusedAndNothingKept_untilOldRecordsAreGone() {
        ledger = storage(clock).references(refs).clock(clock).maxPerCitizen(3).retention(Duration.ZERO).build();
        for (int i = 0; i < 3; i++) {
            assertThat(ledger.record(CITIZEN, grant(CITIZEN, Duration.ofDays(1))))
                    .isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        }
        ConsentReceiptIssuer.Issued fourth = grant(CITIZEN, Duration.ofDays(2));
        assertThat(ledger.record(CITIZEN, fourth)).isEqualTo(ConsentLedger.RecordOutcome.CITIZEN_LIMIT_REACHED);
        assertThat(ledger.check(fourth.receipt().id(), "vcb-bank", clock.instant()).status())
                .isEqualTo(ReceiptState.Status.UNKNOWN);
        assertThat(ledger.list(CITIZEN)).hasSize(3);
        assertThat(ledger.record(OTHER, grant(OTHER, Duration.ofDays(1))))
                .isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        clock.advance(Duration.ofDays(1).plusSeconds(2));
        ConsentReceiptIssuer.Issued fifth = grant(CITIZEN, Duration.ofDays(2));
        assertThat(ledger.record(CITIZEN, fifth)).isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        assertThat(ledger.list(CITIZEN)).extracting(e -> e.receipt().id()).containsExactly(fifth.receipt().id());
    }

    @Test
    void record_concurrentGrantsForOneCitizen_neverLoseAnEntry() throws Exception {
        int threads = 4;
        int perThread = 10;
        List<ConsentReceiptIssuer.Issued> all = new ArrayList<>();
        for (int i = 0; i < threads * perThread; i++) {
            all.add(grant(CITIZEN, Duration.ofDays(30)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
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
        } finally {
            pool.shutdownNow();
        }
        Set<String> listed = new HashSet<>();
        ledger.list(CITIZEN).forEach(e -> listed.add(e.receipt().id()));
        Set<String> expected = new HashSet<>();
        all.forEach(i -> expected.add(i.receipt().id()));
        assertThat(listed).isEqualTo(expected);
    }

    @Test
    void openRacingWithdraw_eachOpeningSeesOneSideAndNoneActiveAfterTheWithdrawalReturns() throws Exception {
        ConsentReceiptIssuer.Issued issued = grant(CITIZEN, Duration.ofDays(30));
        ledger.record(CITIZEN, issued);
        String id = issued.receipt().id();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<ReceiptState.Status>>> openers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                openers.add(pool.submit(() -> {
                    start.await();
                    List<ReceiptState.Status> seen = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        seen.add(ledger.open(id, "vcb-bank", clock.instant()).status());
                    }
                    return seen;
                }));
            }
            Future<ConsentLedger.WithdrawOutcome> withdrawal = pool.submit(() -> {
                start.await();
                return ledger.withdraw(CITIZEN, id);
            });
            start.countDown();
            assertThat(withdrawal.get(60, TimeUnit.SECONDS)).isEqualTo(ConsentLedger.WithdrawOutcome.WITHDRAWN);
            for (Future<List<ReceiptState.Status>> f : openers) {
                List<ReceiptState.Status> seen = f.get(60, TimeUnit.SECONDS);
                assertThat(seen).isSubsetOf(ReceiptState.Status.ACTIVE, ReceiptState.Status.WITHDRAWN);
                // one thread's openings are ordered: once it has seen the withdrawal, it never sees ACTIVE again
                int first = seen.indexOf(ReceiptState.Status.WITHDRAWN);
                if (first >= 0) {
                    assertThat(seen.subList(first, seen.size())).containsOnly(ReceiptState.Status.WITHDRAWN);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.open(id, "vcb-bank", clock.instant()).status()).isEqualTo(ReceiptState.Status.WITHDRAWN);
    }

    @Test
    void export_listsEveryConsentWithItsStateAndSignedForm() {
        ConsentReceiptIssuer.Issued kept = grant(CITIZEN, Duration.ofDays(30));
        ConsentReceiptIssuer.Issued withdrawn = grant(CITIZEN, Duration.ofDays(30));
        ledger.record(CITIZEN, kept);
        ledger.record(CITIZEN, withdrawn);
        ledger.record(OTHER, grant(OTHER, Duration.ofDays(30)));
        ledger.withdraw(CITIZEN, withdrawn.receipt().id());
        Map<String, Object> export = StrictJson.parseObject(ledger.export(CITIZEN));
        assertThat(export.get("legal_basis")).isEqualTo("Nghị định 13/2023/NĐ-CP");
        List<?> consents = (List<?>) export.get("consents");
        assertThat(consents).hasSize(2);
        Map<String, String> statusById = new java.util.HashMap<>();
        Map<String, String> jwsById = new java.util.HashMap<>();
        for (Object o : consents) {
            Map<?, ?> c = (Map<?, ?>) o;
            statusById.put((String) c.get("receipt_id"), (String) c.get("status"));
            jwsById.put((String) c.get("receipt_id"), (String) c.get("receipt_jws"));
            assertThat(((Map<?, ?>) c.get("receipt")).get("jti")).isEqualTo(c.get("receipt_id"));
        }
        assertThat(statusById).containsEntry(kept.receipt().id(), "ACTIVE")
                .containsEntry(withdrawn.receipt().id(), "WITHDRAWN");
        assertThat(jwsById).containsEntry(kept.receipt().id(), kept.compactJws());
        assertThat(ledger.export(CITIZEN)).doesNotContain(ConsentFixtures.CITIZEN_NUMBER);
    }
}
