package io.github.eidvn.account.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEvent;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.SettableClock;

class AccountLocksTest {

    private static io.github.eidvn.account.AccountId acct(String id) {
        return io.github.eidvn.account.AccountId.of(id);
    }


    private static final String PN = "079203001234";

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-05-01T00:00:00Z"));
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
    private final AccountLocks locks = AccountLocks.builder(store).clock(clock)
            .audit(SecurityAudit.of(clock, events::add)).build();

    @Test
    void fiveFailures_lockFor15Minutes_thenAutomaticUnlock() {
        for (int i = 1; i <= 4; i++) {
            assertThat(locks.recordFailure(acct(PN)).lockPlaced()).isEmpty();
        }
        assertThat(locks.status(acct(PN)).isLocked()).isFalse();
        FailureOutcome fifth = locks.recordFailure(acct(PN));
        assertThat(fifth.lockPlaced()).isPresent();
        assertThat(fifth.lockPlaced().get().until()).contains(clock.instant().plus(Duration.ofMinutes(15)));
        LockStatus s = locks.status(acct(PN));
        assertThat(s).isInstanceOf(LockStatus.Locked.class);
        assertThat(((LockStatus.Locked) s).has(LockType.BRUTE_FORCE)).isTrue();
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(locks.status(acct(PN)).isLocked()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(locks.status(acct(PN)).isLocked()).as("grounds ended").isFalse();
        assertThat(locks.recordFailure(acct(PN)).failures()).as("window restarted").isEqualTo(1);
    }

    @Test
    void success_resetsCounters() {
        for (int i = 0; i < 4; i++) {
            locks.recordFailure(acct(PN));
        }
        locks.recordSuccess(acct(PN));
        for (int i = 0; i < 4; i++) {
            assertThat(locks.recordFailure(acct(PN)).lockPlaced()).isEmpty();
        }
    }

    @Test
    void hardLimit_100ConsecutiveFailures_lockUntilLifted() {
        FailureOutcome last = null;
        int temporaryLocks = 0;
        for (int i = 1; i <= 100; i++) {
            last = locks.recordFailure(acct(PN));
            if (i < 100 && last.lockPlaced().isPresent()) {
                temporaryLocks++;
                clock.advance(Duration.ofMinutes(15));
            }
        }
        assertThat(temporaryLocks).isEqualTo(19);
        assertThat(last.consecutiveFailures()).isEqualTo(100);
        assertThat(last.lockPlaced().orElseThrow().until()).as("until lifted").isEmpty();
        for (int i = 0; i < 5; i++) {
            locks.recordFailure(acct(PN)); // a temporary lock placed now must not replace the lasting one
        }
        clock.advance(Duration.ofDays(30));
        assertThat(locks.status(acct(PN)).isLocked()).isTrue();
        assertThat(locks.lift(acct(PN), LockType.BRUTE_FORCE, "helpdesk")).isTrue();
        assertThat(locks.status(acct(PN)).isLocked()).isFalse();
        assertThat(locks.recordFailure(acct(PN)).consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void builder_neverMoreThan100FailuresBeforeLock() {
        assertThatThrownBy(() -> AccountLocks.builder(store).maxFailures(101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountLocks.builder(store).hardLimit(101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountLocks.builder(store).maxFailures(20).hardLimit(10).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AccountLocks.builder(store).maxFailures(3).maxFailures(3))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void userLock_temporary_endsAtDeadline() {
        AccountLock l = locks.lockByUser(acct(PN), Duration.ofDays(7), "lost-device");
        assertThat(l.type()).isEqualTo(LockType.USER_REQUESTED);
        assertThat(((LockStatus.Locked) locks.status(acct(PN))).until()).contains(clock.instant().plus(Duration.ofDays(7)));
        clock.advance(Duration.ofDays(7));
        assertThat(locks.status(acct(PN)).isLocked()).isFalse();
        assertThatThrownBy(() -> locks.lockByUser(acct(PN), Duration.ofDays(400), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authorityLock_untilLifted_withReason() {
        locks.lockByAuthority(acct(PN), "Quyết định 12/QĐ-CA");
        clock.advance(Duration.ofDays(3650));
        LockStatus.Locked s = (LockStatus.Locked) locks.status(acct(PN));
        assertThat(s.locks()).singleElement().satisfies(l -> {
            assertThat(l.type()).isEqualTo(LockType.AUTHORITY);
            assertThat(l.reason()).isEqualTo("Quyết định 12/QĐ-CA");
            assertThat(l.until()).isEmpty();
        });
        assertThat(s.until()).isEmpty();
        assertThat(locks.lift(acct(PN), LockType.AUTHORITY, "officer-7")).isTrue();
        assertThat(locks.lift(acct(PN), LockType.AUTHORITY, "officer-7")).isFalse();
        assertThat(locks.status(acct(PN)).isLocked()).isFalse();
    }

    @Test
    void authorityLock_withDeadline_endsThen() {
        locks.lockByAuthority(acct(PN), "tạm khóa 30 ngày", clock.instant().plus(Duration.ofDays(30)));
        clock.advance(Duration.ofDays(30));
        assertThat(locks.status(acct(PN)).isLocked()).isFalse();
    }

    @Test
    void severalLocks_allReported() {
        locks.lockByUser(acct(PN), Duration.ofDays(1), "lost-device");
        locks.lockByAuthority(acct(PN), "case 1");
        LockStatus.Locked s = (LockStatus.Locked) locks.status(acct(PN));
        assertThat(s.has(LockType.USER_REQUESTED)).isTrue();
        assertThat(s.has(LockType.AUTHORITY)).isTrue();
        clock.advance(Duration.ofDays(1));
        assertThat(((LockStatus.Locked) locks.status(acct(PN))).locks()).hasSize(1);
    }

    @Test
    void unreadableLockRecord_stillLocks() {
        store.put(io.github.eidvn.account.internal.AccountKeys.lock(LockType.AUTHORITY, acct(PN)), new byte[] {9, 9, 9}, StateStore.NO_EXPIRY);
        assertThat(locks.status(acct(PN)).isLocked()).isTrue();
    }

    @Test
    void events_lockAndUnlock_masked() {
        locks.lockByAuthority(acct(PN), "x");
        locks.lift(acct(PN), LockType.AUTHORITY, "officer");
        assertThat(events).extracting(SecurityEvent::type)
                .containsExactly(SecurityEventType.ACCOUNT_LOCKED, SecurityEventType.ACCOUNT_UNLOCKED);
        assertThat(events).allSatisfy(e -> assertThat(e.subject()).isEqualTo("079*******34"));
    }

    @Test
    void malformedAccountId_programmerError() {
        assertThatThrownBy(() -> locks.status(acct("12 345"))).isInstanceOf(IllegalArgumentException.class);
    }
}
