package io.github.eidvn.account.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.internal.AccountKeys;
import io.github.eidvn.account.internal.CompareAndSet;
import io.github.eidvn.account.internal.Secrets;
import io.github.eidvn.account.internal.StoreSteps;
import io.github.eidvn.core.spi.StateBatch;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.core.spi.StateStoreException;

/** Sessions: creation after a successful step, validation with the idle refresh, logout, sign-out everywhere. */
final class Sessions {

    private final LoginContext c;

    Sessions(LoginContext c) {
        this.c = c;
    }

    LoginResult loggedIn(AccountId account, DeviceBinding b, boolean rehash, String source, String method) {
        return loggedIn(account, b.deviceId(), b.generation(), rehash, source, method);
    }

    LoginResult loggedIn(AccountId account, String deviceId, long generation, boolean rehash, String source,
            String method) {
        NewSession n = prepare(AccountKeys.of(account), account, deviceId, generation);
        StateBatch b = new StateBatch();
        int written = n.addTo(b);
        return n.committed(c.store().run(b).written(written), rehash, source, method);
    }

    /** A session about to be written: its token, record and key; {@link #addTo} puts the write into a step. */
    final class NewSession {
        private final String token;
        private final AccountRecords.StoredSession stored;
        private final SessionInfo info;
        private final Instant now;

        private NewSession(String token, AccountRecords.StoredSession stored, Instant now) {
            this.token = token;
            this.stored = stored;
            this.info = stored.info();
            this.now = now;
        }

        /** Adds the put-if-absent of the session record; returns its index. */
        int addTo(StateBatch b) {
            return b.putIfAbsent(AccountKeys.session(token), AccountRecords.encode(stored), ttl(info, now));
        }

        /** The login result once the write ran ({@code written} false only on a token collision). */
        LoginResult committed(boolean written, boolean rehash, String source, String method) {
            if (!written) {
                throw new StateStoreException("session token collision", null);
            }
            c.audit().record(SecurityEventType.LOGIN_SUCCEEDED, info.account().value(), info.deviceId(), source,
                    method);
            return new LoginResult.LoggedIn(new SessionToken(token), info, rehash);
        }
    }

    /** A new session of an account whose keys the caller already has ({@code keys} are {@code account}'s). */
    NewSession prepare(AccountKeys.Of keys, AccountId account, String deviceId, long generation) {
        Instant now = c.clock().instant();
        String token = Secrets.b64url(Secrets.randomBytes(c.random(), 32));
        return new NewSession(token, new AccountRecords.StoredSession(new SessionInfo(account, deviceId, generation,
                now, now, now.plus(c.absoluteTimeout())), keys), now);
    }

    SessionValidation validate(String token) {
        if (!AccountRecords.isToken(token)) {
            return new SessionValidation.Invalid(SessionValidation.Reason.UNKNOWN);
        }
        String key = AccountKeys.session(token);
        return CompareAndSet.<SessionValidation>update(c.store(), key, raw -> {
            Optional<AccountRecords.StoredSession> s = raw.flatMap(AccountRecords::decodeSession);
            if (s.isEmpty()) {
                return new CompareAndSet.Done<>(new SessionValidation.Invalid(SessionValidation.Reason.UNKNOWN));
            }
            SessionInfo info = s.get().info();
            Instant now = c.clock().instant();
            Optional<SessionValidation.Reason> ended = ended(s.get(), now);
            if (ended.isPresent()) {
                if (ended.get() != SessionValidation.Reason.ACCOUNT_LOCKED) {
                    c.store().deleteIfEquals(key, raw.get());
                }
                return new CompareAndSet.Done<>(new SessionValidation.Invalid(ended.get()));
            }
            if (now.toEpochMilli() - info.lastSeenAt().toEpochMilli() < 1000) {
                return new CompareAndSet.Done<>(new SessionValidation.Valid(info));
            }
            SessionInfo touched = new SessionInfo(info.account(), info.deviceId(), info.generation(),
                    info.createdAt(), now, info.absoluteExpiry());
            return new CompareAndSet.Write<>(AccountRecords.encode(new AccountRecords.StoredSession(touched,
                    s.get().keys())), ttl(touched, now),
                    () -> new SessionValidation.Valid(touched));
        }).orElse(new SessionValidation.Invalid(SessionValidation.Reason.BUSY));
    }

    /**
     * Why a session has ended, if it has: the binding and the two locks that end sessions read in one step, by the
     * keys of the account's tag the session record keeps (nothing hashed but the token).
     */
    private Optional<SessionValidation.Reason> ended(AccountRecords.StoredSession stored, Instant now) {
        SessionInfo info = stored.info();
        if (!now.isBefore(info.absoluteExpiry())) {
            return Optional.of(SessionValidation.Reason.ABSOLUTE_TIMEOUT);
        }
        if (!now.isBefore(info.lastSeenAt().plus(c.idleTimeout()))) {
            return Optional.of(SessionValidation.Reason.IDLE_TIMEOUT);
        }
        AccountKeys.Of keys = stored.keys();
        StoreSteps step = new StoreSteps();
        int binding = step.on(c.store()).get(keys.binding());
        int locks = c.lockSteps().addSessionLockReads(step.on(c.lockSteps().store()), keys);
        step.run();
        Optional<AccountRecords.BindingHead> b = step.of(c.store()).value(binding)
                .flatMap(AccountRecords::decodeBindingHead);
        if (b.isEmpty() || !b.get().deviceId().equals(info.deviceId()) || b.get().generation() != info.generation()) {
            return Optional.of(SessionValidation.Reason.DEVICE_NOT_ACTIVE);
        }
        if (c.lockSteps().endsSessions(step.of(c.lockSteps().store()), locks)) {
            return Optional.of(SessionValidation.Reason.ACCOUNT_LOCKED);
        }
        return Optional.empty();
    }

    boolean logout(String token) {
        if (!AccountRecords.isToken(token)) {
            return false;
        }
        Optional<SessionInfo> s = c.store().consume(AccountKeys.session(token))
                .flatMap(AccountRecords::decodeSession).map(AccountRecords.StoredSession::info);
        s.ifPresent(i -> c.audit().record(SecurityEventType.SESSION_ENDED, i.account().value(), i.deviceId(), null,
                "logout"));
        return s.isPresent();
    }

    /**
     * Sign-out everywhere: one compare-and-set that raises the binding generation. Losing it to another writer is as
     * good: every write of a binding raises its generation, so the sessions that existed when this began are invalid
     * either way.
     */
    boolean revokeAll(AccountId account) {
        String key = AccountKeys.binding(account);
        Optional<byte[]> raw = c.store().get(key);
        Optional<DeviceBinding> b = raw.flatMap(AccountRecords::decodeBinding);
        if (b.isEmpty()) {
            return false;
        }
        DeviceBinding next = new DeviceBinding(b.get().deviceId(), b.get().publicKey(), b.get().generation() + 1,
                b.get().boundAt());
        boolean mine = c.store().compareAndSet(key, raw.get(), AccountRecords.encode(next), StateStore.NO_EXPIRY);
        c.audit().record(SecurityEventType.SESSION_ENDED, account.value(), b.get().deviceId(), null,
                mine ? "all-sessions-revoked" : "all-sessions-revoked-concurrently");
        return true;
    }

    private Duration ttl(SessionInfo info, Instant now) {
        Duration toAbsolute = Duration.between(now, info.absoluteExpiry());
        Duration ttl = toAbsolute.compareTo(c.idleTimeout()) < 0 ? toAbsolute : c.idleTimeout();
        return ttl.isNegative() || ttl.isZero() ? Duration.ofMillis(1) : ttl;
    }
}
