package io.github.eidvn.account.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.SettableClock;
import io.github.eidvn.testing.TtlIgnoringStore;

/**
 * The limits of {@link AccountLocks}: lock lengths and reasons at their bounds, locks still held by a store past
 * their end, unreadable lock records (fail closed), personal number checks on every entry point, and the builder.
 */
class AccountLocksLimitsTest {

    private static io.github.eidvn.account.AccountId acct(String id) {
        return io.github.eidvn.account.AccountId.of(id);
    }


    private static final String PN = "079203001234";
    private static final String NOT_AN_ID = "0792 0300 123";

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-05-01T00:00:00Z"));
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final AccountLocks locks = AccountLocks.builder(store).clock(clock).build();

    @Test
    void defaults_fiveFailures_fifteenMinutes_hardLimitHundred() {
        assertThat(locks.maxFailures()).isEqualTo(5);
        assertThat(locks.lockDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(locks.hardLimit()).isEqualTo(100);
        assertThat(locks.toString()).isEqualTo("AccountLocks[maxFailures=5, lockDuration=PT15M, hardLimit=100]");
    }

    @Test
    void lockByUser_upTo366Days_accepted_longerRefused() {
        AccountLock lock = locks.lockByUser(acct(PN), Duration.ofDays(366), "đi công tác");
        assertThat(lock.type()).isEqualTo(LockType.USER_REQUESTED);
        assertThat(lock.since()).isEqualTo(clock.instant());
        assertThat(lock.until()).contains(clock.instant().plus(Duration.ofDays(366)));
        assertThatThrownBy(() -> locks.lockByUser(acct(PN), Duration.ofDays(366).plusSeconds(1), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lockByAuthority_withoutEnd_locksUntilLifted() {
        AccountLock lock = locks.lockByAuthority(acct(PN), "court order");
        assertThat(lock.type()).isEqualTo(LockType.AUTHORITY);
        assertThat(lock.until()).isEmpty();
        assertThat(lock.reason()).isEqualTo("court order");
        clock.advance(Duration.ofDays(4000));
        assertThat(locks.status(acct(PN)).isLocked()).isTrue();
        assertThat(locks.lift(acct(PN), LockType.AUTHORITY, "officer-1")).isTrue();
        assertThat(locks.status(acct(PN)).isLocked()).isFalse();
    }

    @Test
    void lockByAuthority_untilNow_refused_untilLater_lockedThenEnds() {
        assertThatThrownBy(() -> locks.lockByAuthority(acct(PN), "x", clock.instant()))
                .isInstanceOf(IllegalArgumentException.class);
        Instant until = clock.instant().plusSeconds(60);
        AccountLock lock = locks.lockByAuthority(acct(PN), "investigation", until);
        assertThat(lock.until()).contains(until);
        assertThat(locks.status(acct(PN)).isLocked()).isTrue();
        clock.set(until);
        assertThat(locks.status(acct(PN)).isLocked()).isFalse();
    }

    @Test
    void reason_upTo200Characters_accepted_longerRefused() {
        assertThat(locks.lockByAuthority(acct(PN), "r".repeat(200)).reason()).hasSize(200);
        assertThatThrownBy(() -> locks.lockByAuthority(acct(PN), "r".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void status_lockPastItsEnd_notActive_evenWhenTheStoreStillHoldsIt() {
        AccountLocks overKeeping = AccountLocks.builder(new TtlIgnoringStore(store)).clock(clock).build();
        overKeeping.lockByUser(acct(PN), Duration.ofMinutes(10), "holiday");
        assertThat(overKeeping.status(acct(PN)).isLocked()).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(overKeeping.status(acct(PN)).isLocked()).isFalse();
    }

    @Test
    void status_unreadableLockRecord_stillLocks() {
        store.put(io.github.eidvn.account.internal.AccountKeys.lock(LockType.AUTHORITY, acct(PN)), new byte[] {9, 9, 9}, StateStore.NO_EXPIRY);
        LockStatus s = locks.status(acct(PN));
        assertThat(s.isLocked()).isTrue();
        AccountLock lock = ((LockStatus.Locked) s).locks().get(0);
        assertThat(lock.type()).isEqualTo(LockType.AUTHORITY);
        assertThat(lock.reason()).isEqualTo("unreadable");
        assertThat(lock.until()).isEmpty();
    }

    @Test
    void status_truncatedLockRecord_stillLocks() {
        locks.lockByAuthority(acct(PN), "court order");
        byte[] whole = store.get(io.github.eidvn.account.internal.AccountKeys.lock(LockType.AUTHORITY, acct(PN))).orElseThrow();
        store.put(io.github.eidvn.account.internal.AccountKeys.lock(LockType.AUTHORITY, acct(PN)), java.util.Arrays.copyOf(whole, whole.length - 3),
                StateStore.NO_EXPIRY);
        AccountLock lock = ((LockStatus.Locked) locks.status(acct(PN))).locks().get(0);
        assertThat(lock.reason()).isEqualTo("unreadable");
    }

    @Test
    void malformedAccountId_refusedBeforeAnyEntryPoint_nothingStored() {
        assertThatThrownBy(() -> locks.status(acct(NOT_AN_ID))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locks.lockByUser(acct(NOT_AN_ID), Duration.ofDays(1), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locks.lockByAuthority(acct(NOT_AN_ID), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locks.lockByAuthority(acct(NOT_AN_ID), "x", clock.instant().plusSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locks.lift(acct(NOT_AN_ID), LockType.AUTHORITY, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locks.recordFailure(acct(NOT_AN_ID))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locks.recordSuccess(acct(NOT_AN_ID))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.liveKeys()).isEmpty();
    }

    @Test
    void customFailureWindow_failuresOutsideItDoNotAddUp() {
        AccountLocks l = AccountLocks.builder(store).clock(clock).maxFailures(2).failureWindow(Duration.ofMinutes(1))
                .lockDuration(Duration.ofMinutes(3)).build();
        l.recordFailure(acct(PN));
        clock.advance(Duration.ofMinutes(1));
        assertThat(l.recordFailure(acct(PN)).lockPlaced()).isEmpty();
        FailureOutcome second = l.recordFailure(acct(PN));
        assertThat(second.lockPlaced()).isPresent();
        assertThat(second.lockPlaced().get().until()).contains(clock.instant().plus(Duration.ofMinutes(3)));
    }

    @Test
    void customConsecutiveWindow_hardLockOnlyWithinIt() {
        AccountLocks l = AccountLocks.builder(store).clock(clock).maxFailures(3).hardLimit(3)
                .consecutiveWindow(Duration.ofMinutes(5)).build();
        l.recordFailure(acct(PN));
        l.recordFailure(acct(PN));
        clock.advance(Duration.ofMinutes(5));
        assertThat(l.recordFailure(acct(PN)).consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void maxFailuresEqualToHardLimit_allowed_greaterRefused() {
        AccountLocks l = AccountLocks.builder(store).clock(clock).maxFailures(1).hardLimit(1).build();
        Optional<AccountLock> placed = l.recordFailure(acct(PN)).lockPlaced();
        assertThat(placed).isPresent();
        assertThat(placed.get().until()).as("the hard limit wins: a lock without end").isEmpty();
        assertThatThrownBy(() -> AccountLocks.builder(store).maxFailures(2).hardLimit(1).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builder_eachOptionOnce_andWithinRange() {
        AccountLocks.Builder b = AccountLocks.builder(store);
        b.clock(clock);
        assertThatThrownBy(() -> b.clock(clock)).isInstanceOf(IllegalStateException.class);
        b.audit(SecurityAudit.loggingOnly(clock));
        assertThatThrownBy(() -> b.audit(SecurityAudit.loggingOnly(clock))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.maxFailures(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxFailures(101)).isInstanceOf(IllegalArgumentException.class);
        b.maxFailures(100);
        assertThatThrownBy(() -> b.maxFailures(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.hardLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.hardLimit(101)).isInstanceOf(IllegalArgumentException.class);
        b.hardLimit(100);
        assertThatThrownBy(() -> b.hardLimit(1)).isInstanceOf(IllegalStateException.class);
        b.lockDuration(Duration.ofMinutes(1));
        assertThatThrownBy(() -> b.lockDuration(Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class);
        b.failureWindow(Duration.ofMinutes(1));
        assertThatThrownBy(() -> b.failureWindow(Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class);
        b.consecutiveWindow(Duration.ofMinutes(1));
        assertThatThrownBy(() -> b.consecutiveWindow(Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class);
        AccountLocks built = b.build();
        assertThat(built.maxFailures()).isEqualTo(100);
        assertThat(built.hardLimit()).isEqualTo(100);
        assertThat(built.lockDuration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(AccountLocks.builder(store).hardLimit(1).maxFailures(1).build().hardLimit()).isEqualTo(1);
    }

    @Test
    void accountLock_valueSemantics_andToString() {
        Instant t = clock.instant();
        AccountLock a = new AccountLock(LockType.AUTHORITY, "r", t, null);
        assertThat(a).isEqualTo(new AccountLock(LockType.AUTHORITY, "r", t, null))
                .hasSameHashCodeAs(new AccountLock(LockType.AUTHORITY, "r", t, null));
        assertThat(a).isNotEqualTo(new AccountLock(LockType.USER_REQUESTED, "r", t, null))
                .isNotEqualTo(new AccountLock(LockType.AUTHORITY, "s", t, null))
                .isNotEqualTo(new AccountLock(LockType.AUTHORITY, "r", t.plusSeconds(1), null))
                .isNotEqualTo(new AccountLock(LockType.AUTHORITY, "r", t, t.plusSeconds(1)))
                .isNotEqualTo("r");
        assertThat(a.since()).isEqualTo(t);
        assertThat(a.activeAt(t.plusSeconds(1_000_000))).isTrue();
        AccountLock timed = new AccountLock(LockType.USER_REQUESTED, "r", t, t.plusSeconds(10));
        assertThat(timed.activeAt(t.plusSeconds(9))).isTrue();
        assertThat(timed.activeAt(t.plusSeconds(10))).isFalse();
        assertThat(a.toString()).contains("AUTHORITY").contains("lifted").doesNotContain("r]");
        assertThat(timed.toString()).contains(t.plusSeconds(10).toString());
    }
}
