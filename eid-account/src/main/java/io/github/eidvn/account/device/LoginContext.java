package io.github.eidvn.account.device;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.internal.AttemptCounter;
import io.github.eidvn.account.internal.LockSteps;
import io.github.eidvn.account.internal.ThrottleSteps;
import io.github.eidvn.account.lock.AccountLocks;
import io.github.eidvn.account.lock.LockStatus;
import io.github.eidvn.account.lock.LockType;
import io.github.eidvn.account.lock.SourceThrottle;
import io.github.eidvn.account.password.PasswordHasher;
import io.github.eidvn.core.spi.StateStore;

/**
 * What the login collaborators share: the store, the services and the configuration ({@link AccountLogin.Builder}).
 *
 * @param store the state store
 * @param notifier reaches devices
 * @param serverKey HMAC key of stored codes (never logged)
 * @param clock the clock
 * @param audit the audit trail
 * @param hasher verifies stored password hashes
 * @param locks the account locks
 * @param throttle the per-source throttle
 * @param random codes, nonces and tokens
 * @param codeTries tries per new-device code, counted over the code's validity
 * @param codeValidity validity of a new-device code
 * @param idleTimeout session idle timeout
 * @param absoluteTimeout session absolute timeout
 * @param unlockValidity validity of an unlock nonce
 * @param recoveryMaxAge how old a recovery assertion may be
 * @param recoverySkew clock skew tolerated on a recovery assertion
 */
record LoginContext(StateStore store, DeviceNotifier notifier, byte[] serverKey, Clock clock, SecurityAudit audit,
        PasswordHasher hasher, AccountLocks locks, SourceThrottle throttle, SecureRandom random,
        AttemptCounter codeTries, Duration codeValidity, Duration idleTimeout, Duration absoluteTimeout,
        Duration unlockValidity, Duration recoveryMaxAge, Duration recoverySkew) {

    /** The refusal when the citizen or an authority locked the account (a brute-force lock does not block this step). */
    Optional<LoginResult.Refused> blockingLock(AccountId account, String deviceId, String source, String step) {
        if (locks.status(account) instanceof LockStatus.Locked l
                && (l.has(LockType.USER_REQUESTED) || l.has(LockType.AUTHORITY))) {
            audit.record(SecurityEventType.LOGIN_REFUSED_LOCKED, account.value(), deviceId, source, step);
            return Optional.of(new LoginResult.Refused(LoginResult.Reason.ACCOUNT_LOCKED, l.until(), -1));
        }
        return Optional.empty();
    }

    /** @return the locks' state-store steps */
    LockSteps lockSteps() {
        return LockSteps.of(locks);
    }

    /** @return the throttle's state-store steps */
    ThrottleSteps throttleSteps() {
        return ThrottleSteps.of(throttle);
    }

    /** Tells a device it was signed out; a failure is audited and ignored. */
    void signedOut(AccountId account, String deviceId) {
        try {
            notifier.signedOut(account, deviceId, clock.instant());
        } catch (RuntimeException e) {
            audit.record(SecurityEventType.DEVICE_SWITCHED, account.value(), deviceId, null,
                    "signed-out-notification-failed");
        }
    }

    @Override
    public String toString() {
        return "LoginContext[idle=" + idleTimeout + ", absolute=" + absoluteTimeout + "]";
    }
}
