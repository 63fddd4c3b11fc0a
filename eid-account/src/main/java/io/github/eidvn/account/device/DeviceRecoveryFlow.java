package io.github.eidvn.account.device;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.RecoveryProof;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.internal.AccountKeys;
import io.github.eidvn.account.internal.Checks;
import io.github.eidvn.account.internal.CompareAndSet;
import io.github.eidvn.account.lock.AccountLock;
import io.github.eidvn.account.lock.LockStatus;
import io.github.eidvn.account.lock.LockType;
import io.github.eidvn.core.spi.StateStore;

/**
 * A lost device: the citizen's report (lock and sign-out everywhere), recovery with a fresh level-2 assertion, and the
 * authority's unlock.
 */
final class DeviceRecoveryFlow {

    /** How old an authority decision may be when it is applied. */
    static final Duration AUTHORITY_DECISION_MAX_AGE = Duration.ofDays(7);

    private final LoginContext c;
    private final Sessions sessions;

    DeviceRecoveryFlow(LoginContext c, Sessions sessions) {
        this.c = c;
        this.sessions = sessions;
    }

    AccountLock reportLost(AccountId account, Duration lockFor, String source) {
        Objects.requireNonNull(source, "source");
        AccountLock lock = c.locks().lockByUser(account, lockFor, "lost-device");
        sessions.revokeAll(account);
        c.audit().record(SecurityEventType.DEVICE_REPORTED_LOST, account.value(), null, source, "user");
        return lock;
    }

    LoginResult recover(RecoveryRequest request) {
        AccountId account = request.account();
        RecoveryProof proof = request.proof();
        String newDeviceId = request.newDeviceId();
        String source = request.source();
        String aid = proof.assertionId();
        Instant issued = proof.issuedAt();
        if (!Checks.isPersonalNumber(request.holderPersonalNumber()) || !Checks.isDeviceId(newDeviceId)
                || aid == null || aid.isEmpty() || aid.length() > 256 || issued == null) {
            return LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST);
        }
        if (proof.assuranceLevel() < 2) {
            return refused(account, newDeviceId, source, LoginResult.Reason.PROOF_INSUFFICIENT_LEVEL);
        }
        if (!request.holderPersonalNumber().equals(proof.personalNumber())) {
            return refused(account, newDeviceId, source, LoginResult.Reason.PROOF_WRONG_PERSON);
        }
        Instant now = c.clock().instant();
        if (issued.isBefore(now.minus(c.recoveryMaxAge())) || issued.isAfter(now.plus(c.recoverySkew()))) {
            return refused(account, newDeviceId, source, LoginResult.Reason.PROOF_STALE);
        }
        Duration remember = c.recoveryMaxAge().plus(c.recoverySkew()).plus(c.recoverySkew());
        if (!c.store().putIfAbsent(AccountKeys.recoveryAssertion(aid),
                account.value().getBytes(StandardCharsets.UTF_8), remember)) {
            return refused(account, newDeviceId, source, LoginResult.Reason.PROOF_REPLAYED);
        }
        if (c.locks().status(account) instanceof LockStatus.Locked l && l.has(LockType.AUTHORITY)) {
            c.audit().record(SecurityEventType.RECOVERY_REFUSED, account.value(), newDeviceId, source,
                    "authority-lock");
            return new LoginResult.Refused(LoginResult.Reason.ACCOUNT_LOCKED, l.until(), -1);
        }
        c.locks().lift(account, LockType.USER_REQUESTED, "recovery");
        c.locks().lift(account, LockType.BRUTE_FORCE, "recovery");
        return rebind(account, newDeviceId, request.newDeviceKey(), source, now, SecurityEventType.RECOVERY_SUCCEEDED,
                "", b -> sessions.loggedIn(account, b, false, source, "recovery"))
                .orElse(LoginResult.Refused.of(LoginResult.Reason.BUSY));
    }

    /**
     * Binds the new device in place of whatever is bound (the generation goes on rising, so no session of the old
     * binding can come back), tells the old device it was signed out, then gives {@code then}'s result.
     */
    private <T> Optional<T> rebind(AccountId account, String newDeviceId, DevicePublicKey newDeviceKey, String source,
            Instant now, SecurityEventType event, String detail, Function<DeviceBinding, T> then) {
        String pn = account.value();
        return CompareAndSet.update(c.store(), AccountKeys.binding(account), raw -> {
            Optional<DeviceBinding> old = raw.flatMap(AccountRecords::decodeBinding);
            long gen = raw.isEmpty() ? 1 : old.map(DeviceBinding::generation).orElse(now.toEpochMilli()) + 1;
            DeviceBinding b = new DeviceBinding(newDeviceId, newDeviceKey, gen, now);
            return new CompareAndSet.Write<>(AccountRecords.encode(b), StateStore.NO_EXPIRY, () -> {
                c.audit().record(event, pn, newDeviceId, source, detail + "generation:" + gen);
                if (old.isPresent()) {
                    c.audit().record(SecurityEventType.DEVICE_SWITCHED, pn, newDeviceId, source,
                            "from:" + old.get().deviceId() + ":generation:" + gen);
                    if (!old.get().deviceId().equals(newDeviceId)) {
                        c.signedOut(account, old.get().deviceId());
                    }
                }
                return then.apply(b);
            });
        });
    }

    AuthorityUnlockResult unlockByAuthority(AuthorityUnlock decision, String source) {
        AccountId account = decision.account();
        String pn = account.value();
        String who = decision.authority() + ":" + decision.officerId() + ":" + decision.caseReference();
        if (!Checks.isDeviceId(decision.newDeviceId())) {
            return AuthorityUnlockResult.MALFORMED;
        }
        Instant now = c.clock().instant();
        if (decision.decidedAt().isAfter(now.plus(c.recoverySkew()))
                || decision.decidedAt().isBefore(now.minus(AUTHORITY_DECISION_MAX_AGE))) {
            c.audit().record(SecurityEventType.AUTHORITY_UNLOCK_REFUSED, pn, null, source, "stale:" + who);
            return AuthorityUnlockResult.STALE_DECISION;
        }
        if (!c.store().putIfAbsent(AccountKeys.authorityCase(decision.caseReference()),
                pn.getBytes(StandardCharsets.UTF_8), AUTHORITY_DECISION_MAX_AGE.plus(c.recoverySkew()))) {
            c.audit().record(SecurityEventType.AUTHORITY_UNLOCK_REFUSED, pn, null, source, "case-used:" + who);
            return AuthorityUnlockResult.CASE_ALREADY_USED;
        }
        for (LockType t : LockType.values()) {
            c.locks().lift(account, t, "authority:" + decision.authority());
        }
        return rebind(account, decision.newDeviceId(), decision.newDeviceKey(), source, now,
                SecurityEventType.ACCOUNT_UNLOCKED_BY_AUTHORITY, who + ":", b -> AuthorityUnlockResult.UNLOCKED)
                .orElse(AuthorityUnlockResult.BUSY);
    }

    private LoginResult refused(AccountId account, String deviceId, String source, LoginResult.Reason reason) {
        c.audit().record(SecurityEventType.RECOVERY_REFUSED, account.value(), deviceId, source, reason.name());
        return LoginResult.Refused.of(reason);
    }
}
