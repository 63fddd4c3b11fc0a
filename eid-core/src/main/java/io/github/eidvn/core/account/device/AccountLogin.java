package io.github.eidvn.core.account.device;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.account.RecoveryProof;
import io.github.eidvn.core.account.SecurityAudit;
import io.github.eidvn.core.account.SecurityEventType;
import io.github.eidvn.core.account.internal.Bin;
import io.github.eidvn.core.account.internal.Checks;
import io.github.eidvn.core.account.internal.Secrets;
import io.github.eidvn.core.account.lock.AccountLock;
import io.github.eidvn.core.account.lock.AccountLocks;
import io.github.eidvn.core.account.lock.LockStatus;
import io.github.eidvn.core.account.lock.LockType;
import io.github.eidvn.core.account.lock.SourceThrottle;
import io.github.eidvn.core.account.password.PasswordHasher;
import io.github.eidvn.core.account.password.PasswordVerification;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.core.spi.StateStoreException;

/**
 * Login with one active device per account.
 *
 * <ol>
 * <li>{@link #passwordLogin}: the first successful password login binds the device (id + P-256 key). From the bound
 * device it creates a session; from another device it sends a 6-digit code to the active device through the
 * {@link DeviceNotifier} (valid 5 minutes) and returns {@link LoginResult.NewDeviceRequired}.</li>
 * <li>{@link #confirmNewDevice}: the right code (at most 5 tries) switches the active device with one compare-and-set
 * on the binding (whose generation increases), which invalidates every session of the old device at once.</li>
 * <li>{@link #beginUnlock} / {@link #unlock}: later sign-ins on the bound device sign a single-use server nonce with
 * the device key (ECDSA P-256 SHA-256), after the app's local fingerprint/face/passcode check.</li>
 * <li>{@link #validateSession}: a session (opaque 256-bit token, only its SHA-256 stored) is valid while its device
 * and binding generation are the current ones, the account has no user or authority lock, and neither the idle
 * (default 30 min) nor the absolute (default 12 h) limit has passed.</li>
 * <li>{@link #reportLostDevice} locks the account temporarily and revokes every session; {@link #recover} with a fresh
 * level-2 {@link RecoveryProof} lifts that lock and binds a new device.</li>
 * </ol>
 *
 * <p>Brute force: password attempts on one account are serialized (a short lease in the store; a concurrent attempt
 * gets {@link LoginResult.Reason#BUSY}), so the failure count of {@link AccountLocks} is exact: at most
 * {@code maxFailures} wrong passwords before the lock, even under parallel guessing. Each source (IP address) has its
 * own failure budget ({@link SourceThrottle}) across all accounts.
 *
 * <p><b>Security.</b> Every compound step is decided by one atomic store operation (put-if-absent for the first
 * binding and the lease, compare-and-set for device switches, delete-if-equals and consume for single-use codes and
 * nonces). Codes are stored as HMAC-SHA256 under the server key. Unknown accounts cost a dummy Argon2id verification
 * and get the same answer as a wrong password. Security events go to the {@link SecurityAudit} with the personal
 * number masked; no password, code, token or key is ever logged.
 */
public final class AccountLogin {

    /** Upper bound of the new-device code validity. */
    public static final Duration MAX_CODE_VALIDITY = Duration.ofMinutes(10);

    private static final int BINDING_V = 1;
    private static final int CHALLENGE_V = 1;
    private static final int SESSION_V = 1;
    private static final int UNLOCK_V = 1;
    private static final int ROUNDS = 64;
    private static final Duration LEASE_TTL = Duration.ofSeconds(30);
    private static final String UNLOCK_PREFIX = "eid-unlock-v1.";

    private final StateStore store;
    private final DeviceNotifier notifier;
    private final byte[] serverKey;
    private final Clock clock;
    private final SecurityAudit audit;
    private final PasswordHasher hasher;
    private final AccountLocks locks;
    private final SourceThrottle throttle;
    private final SecureRandom random;
    private final Duration codeValidity;
    private final int codeMaxTries;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final Duration unlockValidity;
    private final Duration recoveryMaxAge;
    private final Duration recoverySkew;
    private final String dummyHash;

    private AccountLogin(Builder b) {
        if (b.notifier == null || b.serverKey == null) {
            throw new IllegalStateException("notifier and serverKey are required");
        }
        this.store = b.store;
        this.notifier = b.notifier;
        this.serverKey = b.serverKey;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.audit = b.audit == null ? SecurityAudit.loggingOnly(clock) : b.audit;
        this.hasher = b.hasher == null ? PasswordHasher.argon2id() : b.hasher;
        this.locks = b.locks == null ? AccountLocks.builder(store).clock(clock).audit(audit).build() : b.locks;
        this.throttle = b.throttle == null ? SourceThrottle.create(store, "login", 20, Duration.ofMinutes(15))
                : b.throttle;
        this.random = b.random == null ? new SecureRandom() : b.random;
        this.codeValidity = b.codeValidity == null ? Duration.ofMinutes(5) : b.codeValidity;
        this.codeMaxTries = b.codeMaxTries == null ? 5 : b.codeMaxTries;
        this.idleTimeout = b.idleTimeout == null ? Duration.ofMinutes(30) : b.idleTimeout;
        this.absoluteTimeout = b.absoluteTimeout == null ? Duration.ofHours(12) : b.absoluteTimeout;
        this.unlockValidity = b.unlockValidity == null ? Duration.ofMinutes(2) : b.unlockValidity;
        this.recoveryMaxAge = b.recoveryMaxAge == null ? Duration.ofMinutes(5) : b.recoveryMaxAge;
        this.recoverySkew = Duration.ofMinutes(1);
        if (idleTimeout.compareTo(absoluteTimeout) > 0) {
            throw new IllegalStateException("idle timeout must not exceed the absolute timeout");
        }
        this.dummyHash = hasher.hash(Secrets.b64url(Secrets.randomBytes(random, 16)));
    }

    /**
     * A builder.
     *
     * @param store the state store
     * @return the builder
     */
    public static Builder builder(StateStore store) {
        return new Builder(Objects.requireNonNull(store, "store"));
    }

    // ------------------------------------------------------------------ password login

    /**
     * Password login from a device.
     *
     * @param request the request
     * @return logged in (bound device), new device required (code sent to the active device), or refused
     */
    public LoginResult passwordLogin(LoginRequest request) {
        Objects.requireNonNull(request, "request");
        String pn = request.personalNumber();
        String deviceId = request.deviceId();
        String source = request.source();
        if (!Checks.isPersonalNumber(pn) || !Checks.isDeviceId(deviceId)) {
            return LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST);
        }
        String leaseKey = "eid:login:lease:" + pn;
        byte[] lease = Secrets.randomBytes(random, 16);
        if (!store.putIfAbsent(leaseKey, lease, LEASE_TTL)) {
            return LoginResult.Refused.of(LoginResult.Reason.BUSY);
        }
        boolean rehash;
        try {
            if (!throttle.tryAcquire(source)) {
                audit.record(SecurityEventType.SOURCE_THROTTLED, pn, deviceId, source, "password");
                return LoginResult.Refused.of(LoginResult.Reason.SOURCE_THROTTLED);
            }
            LockStatus status = locks.status(pn);
            if (status instanceof LockStatus.Locked l) {
                throttle.succeeded(source);
                audit.record(SecurityEventType.LOGIN_REFUSED_LOCKED, pn, deviceId, source, "password");
                return new LoginResult.Refused(LoginResult.Reason.ACCOUNT_LOCKED, l.until(), -1);
            }
            String stored = request.storedPasswordHash();
            PasswordVerification v = hasher.verify(request.password(), stored == null ? dummyHash : stored);
            if (stored == null || !(v instanceof PasswordVerification.Match m)) {
                var outcome = locks.recordFailure(pn);
                String detail = stored == null ? "unknown-account"
                        : v instanceof PasswordVerification.Unusable u ? "stored-hash-" + u.reason() : "wrong-password";
                audit.record(SecurityEventType.LOGIN_FAILED, pn, deviceId, source, detail);
                if (outcome.lockPlaced().isPresent()) {
                    return new LoginResult.Refused(LoginResult.Reason.ACCOUNT_LOCKED,
                            outcome.lockPlaced().get().until(), -1);
                }
                return LoginResult.Refused.of(LoginResult.Reason.INVALID_CREDENTIALS);
            }
            rehash = m.needsRehash();
            locks.recordSuccess(pn);
            throttle.succeeded(source);
        } finally {
            store.deleteIfEquals(leaseKey, lease);
        }
        return afterPassword(pn, deviceId, request.devicePublicKey(), source, rehash);
    }

    private LoginResult afterPassword(String pn, String deviceId, DevicePublicKey key, String source,
            boolean rehash) {
        String bindKey = bindKey(pn);
        for (int round = 0; round < ROUNDS; round++) {
            Optional<byte[]> cur = store.get(bindKey);
            if (cur.isEmpty()) {
                DeviceBinding b = new DeviceBinding(deviceId, key, 1, clock.instant());
                if (store.putIfAbsent(bindKey, encode(b), StateStore.NO_EXPIRY)) {
                    audit.record(SecurityEventType.DEVICE_BOUND, pn, deviceId, source, "generation:1");
                    return loggedIn(pn, b, rehash, source, "password");
                }
                continue;
            }
            Optional<BindingHead> b = decodeBindingHead(cur.get());
            if (b.isEmpty()) {
                return LoginResult.Refused.of(LoginResult.Reason.NOT_ACTIVE_DEVICE);
            }
            if (b.get().isDevice(deviceId, key)) {
                return loggedIn(pn, b.get().deviceId(), b.get().generation(), rehash, source, "password");
            }
            return newDeviceChallenge(pn, b.get().deviceId(), cur.get(), deviceId, key, source);
        }
        return LoginResult.Refused.of(LoginResult.Reason.BUSY);
    }

    private LoginResult newDeviceChallenge(String pn, String activeDeviceId, byte[] activeRaw, String deviceId,
            DevicePublicKey key, String source) {
        String challengeId = Secrets.b64url(Secrets.randomBytes(random, 16));
        String code = Secrets.randomDigits(random, 6);
        Instant expires = clock.instant().plus(codeValidity);
        byte[] record = new Bin.Writer(CHALLENGE_V).putBytes(activeRaw).putString(deviceId).putBytes(key.encoded())
                .putBytes(Secrets.hmac(serverKey, "eid-new-device-v1", pn, challengeId, code))
                .putLong(expires.toEpochMilli()).toByteArray();
        String chalKey = challengeKey(pn, challengeId);
        store.put(chalKey, record, codeValidity);
        try {
            notifier.sendNewDeviceCode(new NewDeviceNotice(pn, activeDeviceId, deviceId, code, expires));
        } catch (RuntimeException e) {
            store.deleteIfEquals(chalKey, record);
            audit.record(SecurityEventType.NEW_DEVICE_CONFIRMATION_FAILED, pn, deviceId, source,
                    "notification-failed");
            return LoginResult.Refused.of(LoginResult.Reason.NOTIFICATION_FAILED);
        }
        audit.record(SecurityEventType.NEW_DEVICE_CHALLENGE_SENT, pn, deviceId, source, "active:" + activeDeviceId);
        return new LoginResult.NewDeviceRequired(challengeId, expires);
    }

    // ------------------------------------------------------------------ new device confirmation

    /**
     * Confirms a new device with the code shown on the active device, and switches the active device.
     *
     * @param personalNumber the account
     * @param challengeId from {@link LoginResult.NewDeviceRequired}
     * @param code the 6-digit code as typed
     * @param source the request source
     * @return logged in on the new device, or refused
     */
    public LoginResult confirmNewDevice(String personalNumber, String challengeId, String code, String source) {
        Objects.requireNonNull(source, "source");
        if (!Checks.isPersonalNumber(personalNumber) || challengeId == null || !challengeId.matches("[A-Za-z0-9_-]{22}")
                || code == null || !code.matches("[0-9]{6}")) {
            return LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST);
        }
        String pn = personalNumber;
        if (!throttle.tryAcquire(source)) {
            audit.record(SecurityEventType.SOURCE_THROTTLED, pn, null, source, "new-device");
            return LoginResult.Refused.of(LoginResult.Reason.SOURCE_THROTTLED);
        }
        String chalKey = challengeKey(pn, challengeId);
        Optional<byte[]> raw = store.get(chalKey);
        Optional<Challenge> ch = raw.flatMap(AccountLogin::decodeChallenge);
        Instant now = clock.instant();
        if (ch.isEmpty() || !now.isBefore(ch.get().expiresAt)) {
            throttle.succeeded(source);
            audit.record(SecurityEventType.NEW_DEVICE_CONFIRMATION_FAILED, pn, null, source, "unknown-challenge");
            return LoginResult.Refused.of(LoginResult.Reason.UNKNOWN_CHALLENGE);
        }
        Challenge c = ch.get();
        long tries = store.incrementBy("eid:dev:chal-tries:" + challengeId, 1, codeValidity);
        if (tries > codeMaxTries) {
            store.deleteIfEquals(chalKey, raw.get());
            throttle.succeeded(source);
            audit.record(SecurityEventType.NEW_DEVICE_CONFIRMATION_FAILED, pn, c.deviceId, source,
                    "too-many-attempts");
            return new LoginResult.Refused(LoginResult.Reason.TOO_MANY_ATTEMPTS, Optional.empty(), 0);
        }
        if (!Secrets.equal(Secrets.hmac(serverKey, "eid-new-device-v1", pn, challengeId, code), c.mac)) {
            int remaining = (int) (codeMaxTries - tries);
            if (remaining <= 0) {
                store.deleteIfEquals(chalKey, raw.get());
            }
            audit.record(SecurityEventType.NEW_DEVICE_CONFIRMATION_FAILED, pn, c.deviceId, source, "wrong-code");
            return new LoginResult.Refused(LoginResult.Reason.WRONG_CODE, Optional.empty(), remaining);
        }
        throttle.succeeded(source);
        if (!store.deleteIfEquals(chalKey, raw.get())) {
            return LoginResult.Refused.of(LoginResult.Reason.UNKNOWN_CHALLENGE);
        }
        Optional<LoginResult.Refused> locked = blockingLock(pn, c.deviceId, source, "new-device");
        if (locked.isPresent()) {
            return locked.get();
        }
        Optional<DeviceBinding> old = decodeBinding(c.expectedBinding);
        Optional<DevicePublicKey> key = DevicePublicKey.parse(c.spki);
        if (old.isEmpty() || key.isEmpty()) {
            return LoginResult.Refused.of(LoginResult.Reason.BINDING_CHANGED);
        }
        DeviceBinding next = new DeviceBinding(c.deviceId, key.get(), old.get().generation() + 1, now);
        if (!store.compareAndSet(bindKey(pn), c.expectedBinding, encode(next), StateStore.NO_EXPIRY)) {
            audit.record(SecurityEventType.NEW_DEVICE_CONFIRMATION_FAILED, pn, c.deviceId, source, "binding-changed");
            return LoginResult.Refused.of(LoginResult.Reason.BINDING_CHANGED);
        }
        audit.record(SecurityEventType.DEVICE_SWITCHED, pn, c.deviceId, source,
                "from:" + old.get().deviceId() + ":generation:" + next.generation());
        signedOut(pn, old.get().deviceId());
        return loggedIn(pn, next, false, source, "new-device");
    }

    // ------------------------------------------------------------------ unlock with the device key

    /**
     * Starts an unlock on the bound device: returns a single-use nonce to sign with the device key.
     *
     * @param personalNumber the account
     * @param deviceId the device
     * @return the challenge, or refused (malformed, not the active device, locked)
     */
    public UnlockStart beginUnlock(String personalNumber, String deviceId) {
        if (!Checks.isPersonalNumber(personalNumber) || !Checks.isDeviceId(deviceId)) {
            return LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST);
        }
        Optional<DeviceBinding> b = store.get(bindKey(personalNumber)).flatMap(AccountLogin::decodeBinding);
        if (b.isEmpty() || !b.get().deviceId().equals(deviceId)) {
            return LoginResult.Refused.of(LoginResult.Reason.NOT_ACTIVE_DEVICE);
        }
        Optional<LoginResult.Refused> locked = blockingLock(personalNumber, deviceId, null, "unlock");
        if (locked.isPresent()) {
            return locked.get();
        }
        String challenge = UNLOCK_PREFIX + Secrets.b64url(Secrets.randomBytes(random, 32));
        Instant expires = clock.instant().plus(unlockValidity);
        byte[] record = new Bin.Writer(UNLOCK_V).putString(challenge).putLong(b.get().generation())
                .putLong(expires.toEpochMilli()).toByteArray();
        store.put(unlockKey(personalNumber, deviceId), record, unlockValidity);
        return new UnlockChallenge(challenge, expires);
    }

    /**
     * Finishes an unlock: verifies the device's signature over the challenge and creates a session.
     *
     * @param personalNumber the account
     * @param deviceId the device
     * @param challenge the challenge text from {@link #beginUnlock}
     * @param signature ECDSA P-256 SHA-256 signature of the challenge's UTF-8 bytes (DER or raw r||s)
     * @param source the request source
     * @return logged in, or refused
     */
    public LoginResult unlock(String personalNumber, String deviceId, String challenge, byte[] signature,
            String source) {
        Objects.requireNonNull(source, "source");
        if (!Checks.isPersonalNumber(personalNumber) || !Checks.isDeviceId(deviceId) || challenge == null
                || challenge.length() > 128) {
            return LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST);
        }
        String pn = personalNumber;
        Optional<byte[]> raw = store.consume(unlockKey(pn, deviceId));
        Optional<Bin.Reader> r = raw.flatMap(v -> Bin.Reader.of(v, UNLOCK_V));
        String expected = r.map(Bin.Reader::getString).orElse("");
        long generation = r.map(Bin.Reader::getLong).orElse(-1L);
        long expires = r.map(Bin.Reader::getLong).orElse(0L);
        Instant now = clock.instant();
        if (r.isEmpty() || !r.get().ok()
                || !Secrets.equal(expected.getBytes(StandardCharsets.UTF_8),
                        challenge.getBytes(StandardCharsets.UTF_8))
                || !now.isBefore(Instant.ofEpochMilli(expires))) {
            audit.record(SecurityEventType.DEVICE_UNLOCK_FAILED, pn, deviceId, source, "unknown-challenge");
            return LoginResult.Refused.of(LoginResult.Reason.UNKNOWN_CHALLENGE);
        }
        Optional<DeviceBinding> b = store.get(bindKey(pn)).flatMap(AccountLogin::decodeBinding);
        if (b.isEmpty() || !b.get().deviceId().equals(deviceId) || b.get().generation() != generation) {
            audit.record(SecurityEventType.DEVICE_UNLOCK_FAILED, pn, deviceId, source, "not-active-device");
            return LoginResult.Refused.of(LoginResult.Reason.NOT_ACTIVE_DEVICE);
        }
        Optional<LoginResult.Refused> locked = blockingLock(pn, deviceId, source, "unlock");
        if (locked.isPresent()) {
            return locked.get();
        }
        if (!b.get().publicKey().verify(challenge.getBytes(StandardCharsets.UTF_8), signature)) {
            audit.record(SecurityEventType.DEVICE_UNLOCK_FAILED, pn, deviceId, source, "bad-signature");
            return LoginResult.Refused.of(LoginResult.Reason.BAD_SIGNATURE);
        }
        audit.record(SecurityEventType.DEVICE_UNLOCKED, pn, deviceId, source, "device-key");
        return loggedIn(pn, b.get(), false, source, "device-key");
    }

    // ------------------------------------------------------------------ sessions

    /**
     * Validates a session token and refreshes its idle timer.
     *
     * @param token the token from the client (may be null or garbage)
     * @return valid (with the session) or invalid with the reason
     */
    public SessionValidation validateSession(String token) {
        if (!isToken(token)) {
            return new SessionValidation.Invalid(SessionValidation.Reason.UNKNOWN);
        }
        String key = sessionKey(token);
        for (int round = 0; round < ROUNDS; round++) {
            Optional<byte[]> raw = store.get(key);
            Optional<SessionInfo> s = raw.flatMap(v -> decodeSession(v));
            if (s.isEmpty()) {
                return new SessionValidation.Invalid(SessionValidation.Reason.UNKNOWN);
            }
            SessionInfo info = s.get();
            Instant now = clock.instant();
            if (!now.isBefore(info.absoluteExpiry())) {
                store.deleteIfEquals(key, raw.get());
                return new SessionValidation.Invalid(SessionValidation.Reason.ABSOLUTE_TIMEOUT);
            }
            if (!now.isBefore(info.lastSeenAt().plus(idleTimeout))) {
                store.deleteIfEquals(key, raw.get());
                return new SessionValidation.Invalid(SessionValidation.Reason.IDLE_TIMEOUT);
            }
            Optional<BindingHead> b = store.get(bindKey(info.personalNumber()))
                    .flatMap(AccountLogin::decodeBindingHead);
            if (b.isEmpty() || !b.get().deviceId().equals(info.deviceId())
                    || b.get().generation() != info.generation()) {
                store.deleteIfEquals(key, raw.get());
                return new SessionValidation.Invalid(SessionValidation.Reason.DEVICE_NOT_ACTIVE);
            }
            if (locks.status(info.personalNumber()) instanceof LockStatus.Locked l
                    && (l.has(LockType.USER_REQUESTED) || l.has(LockType.AUTHORITY))) {
                return new SessionValidation.Invalid(SessionValidation.Reason.ACCOUNT_LOCKED);
            }
            if (Duration.between(info.lastSeenAt(), now).compareTo(Duration.ofSeconds(1)) < 0) {
                return new SessionValidation.Valid(info);
            }
            SessionInfo touched = new SessionInfo(info.personalNumber(), info.deviceId(), info.generation(),
                    info.createdAt(), now, info.absoluteExpiry());
            if (store.compareAndSet(key, raw.get(), encode(touched), sessionTtl(touched, now))) {
                return new SessionValidation.Valid(touched);
            }
        }
        return new SessionValidation.Invalid(SessionValidation.Reason.UNKNOWN);
    }

    /**
     * Ends a session.
     *
     * @param token the token (may be null or garbage)
     * @return true when a session was ended
     */
    public boolean logout(String token) {
        if (!isToken(token)) {
            return false;
        }
        Optional<SessionInfo> s = store.consume(sessionKey(token)).flatMap(v -> decodeSession(v));
        s.ifPresent(i -> audit.record(SecurityEventType.SESSION_ENDED, i.personalNumber(), i.deviceId(), null,
                "logout"));
        return s.isPresent();
    }

    /**
     * Revokes every session of the account ("sign out everywhere"): the binding generation increases, so the device
     * must unlock again.
     *
     * @param personalNumber the account
     * @return true when the account had a bound device
     */
    public boolean revokeAllSessions(String personalNumber) {
        if (!Checks.isPersonalNumber(personalNumber)) {
            return false;
        }
        String bindKey = bindKey(personalNumber);
        for (int round = 0; round < ROUNDS; round++) {
            Optional<byte[]> raw = store.get(bindKey);
            if (raw.isEmpty()) {
                return false;
            }
            Optional<DeviceBinding> b = decodeBinding(raw.get());
            if (b.isEmpty()) {
                return false;
            }
            DeviceBinding next = new DeviceBinding(b.get().deviceId(), b.get().publicKey(),
                    b.get().generation() + 1, b.get().boundAt());
            if (store.compareAndSet(bindKey, raw.get(), encode(next), StateStore.NO_EXPIRY)) {
                audit.record(SecurityEventType.SESSION_ENDED, personalNumber, b.get().deviceId(), null,
                        "all-sessions-revoked");
                return true;
            }
        }
        throw new StateStoreException("binding kept changing", null);
    }

    /**
     * The account's active device.
     *
     * @param personalNumber the account
     * @return the binding, or empty
     */
    public Optional<DeviceBinding> activeDevice(String personalNumber) {
        if (!Checks.isPersonalNumber(personalNumber)) {
            return Optional.empty();
        }
        return store.get(bindKey(personalNumber)).flatMap(AccountLogin::decodeBinding);
    }

    // ------------------------------------------------------------------ lost device and recovery

    /**
     * The citizen reports a lost device: a temporary user-requested lock is placed and every session is revoked.
     * Call this only after authenticating the request on another channel (public-service portal, call centre).
     *
     * @param personalNumber the account
     * @param lockFor how long the lock lasts at most (recovery lifts it earlier)
     * @param source the request source
     * @return the lock
     */
    public AccountLock reportLostDevice(String personalNumber, Duration lockFor, String source) {
        if (!Checks.isPersonalNumber(personalNumber)) {
            throw new IllegalArgumentException("personal number must be 12 digits");
        }
        Objects.requireNonNull(source, "source");
        AccountLock lock = locks.lockByUser(personalNumber, lockFor, "lost-device");
        revokeAllSessions(personalNumber);
        return lock;
    }

    /**
     * Recovers the account with a fresh level-2 assertion and binds a new device: requires level 2, the same personal
     * number, an issue time within the last 5 minutes (1 minute of clock skew tolerated) and an assertion id never
     * used before. Lifts the user-requested and brute-force locks (not an authority lock), revokes every session of
     * the old device and creates a session on the new one.
     *
     * @param personalNumber the account
     * @param proof the verified assertion's data
     * @param newDeviceId the new device id
     * @param newDeviceKey the new device key
     * @param source the request source
     * @return logged in on the new device, or refused
     */
    public LoginResult recover(String personalNumber, RecoveryProof proof, String newDeviceId,
            DevicePublicKey newDeviceKey, String source) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(newDeviceKey, "newDeviceKey");
        Objects.requireNonNull(source, "source");
        String aid = proof.assertionId();
        Instant issued = proof.issuedAt();
        if (!Checks.isPersonalNumber(personalNumber) || !Checks.isDeviceId(newDeviceId) || aid == null
                || aid.isEmpty() || aid.length() > 256 || issued == null) {
            return LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST);
        }
        String pn = personalNumber;
        if (proof.assuranceLevel() < 2) {
            return recoveryRefused(pn, newDeviceId, source, LoginResult.Reason.PROOF_INSUFFICIENT_LEVEL);
        }
        if (!pn.equals(proof.personalNumber())) {
            return recoveryRefused(pn, newDeviceId, source, LoginResult.Reason.PROOF_WRONG_PERSON);
        }
        Instant now = clock.instant();
        if (issued.isBefore(now.minus(recoveryMaxAge)) || issued.isAfter(now.plus(recoverySkew))) {
            return recoveryRefused(pn, newDeviceId, source, LoginResult.Reason.PROOF_STALE);
        }
        byte[] pnBytes = pn.getBytes(StandardCharsets.US_ASCII);
        Duration remember = recoveryMaxAge.plus(recoverySkew).plus(recoverySkew);
        if (!store.putIfAbsent("eid:recovery:assertion:" + Secrets.hashId(aid), pnBytes, remember)) {
            return recoveryRefused(pn, newDeviceId, source, LoginResult.Reason.PROOF_REPLAYED);
        }
        if (locks.status(pn) instanceof LockStatus.Locked l && l.has(LockType.AUTHORITY)) {
            audit.record(SecurityEventType.RECOVERY_REFUSED, pn, newDeviceId, source, "authority-lock");
            return new LoginResult.Refused(LoginResult.Reason.ACCOUNT_LOCKED, l.until(), -1);
        }
        locks.lift(pn, LockType.USER_REQUESTED, "recovery");
        locks.lift(pn, LockType.BRUTE_FORCE, "recovery");
        String bindKey = bindKey(pn);
        for (int round = 0; round < ROUNDS; round++) {
            Optional<byte[]> raw = store.get(bindKey);
            if (raw.isEmpty()) {
                DeviceBinding b = new DeviceBinding(newDeviceId, newDeviceKey, 1, now);
                if (store.putIfAbsent(bindKey, encode(b), StateStore.NO_EXPIRY)) {
                    audit.record(SecurityEventType.RECOVERY_SUCCEEDED, pn, newDeviceId, source, "generation:1");
                    return loggedIn(pn, b, false, source, "recovery");
                }
                continue;
            }
            Optional<DeviceBinding> old = decodeBinding(raw.get());
            long gen = old.map(DeviceBinding::generation).orElse(now.toEpochMilli()) + 1;
            DeviceBinding b = new DeviceBinding(newDeviceId, newDeviceKey, gen, now);
            if (store.compareAndSet(bindKey, raw.get(), encode(b), StateStore.NO_EXPIRY)) {
                audit.record(SecurityEventType.RECOVERY_SUCCEEDED, pn, newDeviceId, source, "generation:" + gen);
                if (old.isPresent()) {
                    audit.record(SecurityEventType.DEVICE_SWITCHED, pn, newDeviceId, source,
                            "from:" + old.get().deviceId() + ":generation:" + gen);
                    if (!old.get().deviceId().equals(newDeviceId)) {
                        signedOut(pn, old.get().deviceId());
                    }
                }
                return loggedIn(pn, b, false, source, "recovery");
            }
        }
        throw new StateStoreException("binding kept changing", null);
    }

    /** @return the locks used by this service */
    public AccountLocks locks() {
        return locks;
    }

    // ------------------------------------------------------------------ helpers

    private LoginResult recoveryRefused(String pn, String deviceId, String source, LoginResult.Reason reason) {
        audit.record(SecurityEventType.RECOVERY_REFUSED, pn, deviceId, source, reason.name());
        return LoginResult.Refused.of(reason);
    }

    private Optional<LoginResult.Refused> blockingLock(String pn, String deviceId, String source, String step) {
        if (locks.status(pn) instanceof LockStatus.Locked l
                && (l.has(LockType.USER_REQUESTED) || l.has(LockType.AUTHORITY))) {
            audit.record(SecurityEventType.LOGIN_REFUSED_LOCKED, pn, deviceId, source, step);
            return Optional.of(new LoginResult.Refused(LoginResult.Reason.ACCOUNT_LOCKED, l.until(), -1));
        }
        return Optional.empty();
    }

    private void signedOut(String pn, String deviceId) {
        try {
            notifier.signedOut(pn, deviceId, clock.instant());
        } catch (RuntimeException e) {
            audit.record(SecurityEventType.DEVICE_SWITCHED, pn, deviceId, null, "signed-out-notification-failed");
        }
    }

    private LoginResult loggedIn(String pn, DeviceBinding b, boolean rehash, String source, String method) {
        return loggedIn(pn, b.deviceId(), b.generation(), rehash, source, method);
    }

    private LoginResult loggedIn(String pn, String deviceId, long generation, boolean rehash, String source,
            String method) {
        Instant now = clock.instant();
        String token = Secrets.b64url(Secrets.randomBytes(random, 32));
        SessionInfo info = new SessionInfo(pn, deviceId, generation, now, now, now.plus(absoluteTimeout));
        if (!store.putIfAbsent(sessionKey(token), encode(info), sessionTtl(info, now))) {
            throw new StateStoreException("session token collision", null);
        }
        audit.record(SecurityEventType.LOGIN_SUCCEEDED, pn, deviceId, source, method);
        return new LoginResult.LoggedIn(new SessionToken(token), info, rehash);
    }

    private Duration sessionTtl(SessionInfo info, Instant now) {
        Duration toAbsolute = Duration.between(now, info.absoluteExpiry());
        Duration ttl = toAbsolute.compareTo(idleTimeout) < 0 ? toAbsolute : idleTimeout;
        return ttl.isNegative() || ttl.isZero() ? Duration.ofMillis(1) : ttl;
    }

    private static String bindKey(String pn) {
        return "eid:dev:bind:" + pn;
    }

    private static String challengeKey(String pn, String challengeId) {
        return "eid:dev:chal:" + pn + ":" + challengeId;
    }

    private static String unlockKey(String pn, String deviceId) {
        return "eid:dev:unlock:" + pn + ":" + Secrets.hashId(deviceId);
    }

    private static String sessionKey(String token) {
        return "eid:sess:" + Secrets.hashId(token);
    }

    static byte[] encode(DeviceBinding b) {
        return new Bin.Writer(BINDING_V).putString(b.deviceId()).putBytes(b.publicKey().encoded())
                .putLong(b.generation()).putLong(b.boundAt().toEpochMilli()).toByteArray();
    }

    static Optional<DeviceBinding> decodeBinding(byte[] raw) {
        return Bin.Reader.of(raw, BINDING_V).flatMap(r -> {
            String id = r.getString();
            byte[] spki = r.getBytes();
            long gen = r.getLong();
            long at = r.getLong();
            if (!r.ok()) {
                return Optional.empty();
            }
            return DevicePublicKey.parse(spki).map(k -> new DeviceBinding(id, k, gen, Instant.ofEpochMilli(at)));
        });
    }

    /**
     * The binding's fields without parsing its key: for the checks that compare only the device id, the key's encoding
     * and the generation (password login, session validation). The key must still have the exact form of an encoded
     * P-256 public key ({@link #isP256Spki}); steps that use the key ({@link #unlock}) or hand the binding out parse
     * it fully with {@link #decodeBinding}.
     */
    private record BindingHead(String deviceId, byte[] spki, long generation) {
        boolean isDevice(String id, DevicePublicKey key) {
            return deviceId.equals(id) && Arrays.equals(spki, key.encoded());
        }
    }

    private static Optional<BindingHead> decodeBindingHead(byte[] raw) {
        return Bin.Reader.of(raw, BINDING_V).flatMap(r -> {
            String id = r.getString();
            byte[] spki = r.getBytes();
            long gen = r.getLong();
            r.getLong();
            if (!r.ok() || !isP256Spki(spki)) {
                return Optional.empty();
            }
            return Optional.of(new BindingHead(id, spki, gen));
        });
    }

    /** DER of SubjectPublicKeyInfo{id-ecPublicKey, prime256v1}, up to the uncompressed point's 0x04. */
    private static final byte[] P256_SPKI_PREFIX = {0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, (byte) 0x86, 0x48,
        (byte) 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03,
        0x42, 0x00, 0x04};

    /** Whether the bytes have the form of {@link DevicePublicKey#encoded()}: the prefix and a 64-byte point. */
    private static boolean isP256Spki(byte[] spki) {
        return spki.length == P256_SPKI_PREFIX.length + 64
                && Arrays.equals(spki, 0, P256_SPKI_PREFIX.length, P256_SPKI_PREFIX, 0, P256_SPKI_PREFIX.length);
    }

    /** A session token's form: 43 Base64url characters (256 bits). */
    private static boolean isToken(String token) {
        if (token == null || token.length() != 43) {
            return false;
        }
        for (int i = 0; i < 43; i++) {
            char c = token.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static byte[] encode(SessionInfo s) {
        return new Bin.Writer(SESSION_V).putString(s.personalNumber()).putString(s.deviceId())
                .putLong(s.generation()).putLong(s.createdAt().toEpochMilli())
                .putLong(s.lastSeenAt().toEpochMilli()).putLong(s.absoluteExpiry().toEpochMilli()).toByteArray();
    }

    private static Optional<SessionInfo> decodeSession(byte[] raw) {
        return Bin.Reader.of(raw, SESSION_V).flatMap(r -> {
            String pn = r.getString();
            String dev = r.getString();
            long gen = r.getLong();
            long created = r.getLong();
            long seen = r.getLong();
            long abs = r.getLong();
            if (!r.ok() || !Checks.isPersonalNumber(pn)) {
                return Optional.empty();
            }
            return Optional.of(new SessionInfo(pn, dev, gen, Instant.ofEpochMilli(created),
                    Instant.ofEpochMilli(seen), Instant.ofEpochMilli(abs)));
        });
    }

    private record Challenge(byte[] expectedBinding, String deviceId, byte[] spki, byte[] mac, Instant expiresAt) {
    }

    private static Optional<Challenge> decodeChallenge(byte[] raw) {
        return Bin.Reader.of(raw, CHALLENGE_V).flatMap(r -> {
            byte[] expected = r.getBytes();
            String dev = r.getString();
            byte[] spki = r.getBytes();
            byte[] mac = r.getBytes();
            long exp = r.getLong();
            if (!r.ok() || mac.length != 32) {
                return Optional.empty();
            }
            return Optional.of(new Challenge(expected, dev, spki, mac, Instant.ofEpochMilli(exp)));
        });
    }

    @Override
    public String toString() {
        return "AccountLogin[idle=" + idleTimeout + ", absolute=" + absoluteTimeout + ", codeValidity=" + codeValidity
                + "]";
    }

    /** Configures {@link AccountLogin}; each option can be set once. */
    public static final class Builder {
        private final StateStore store;
        private DeviceNotifier notifier;
        private byte[] serverKey;
        private Clock clock;
        private SecurityAudit audit;
        private PasswordHasher hasher;
        private AccountLocks locks;
        private SourceThrottle throttle;
        private SecureRandom random;
        private Duration codeValidity;
        private Integer codeMaxTries;
        private Duration idleTimeout;
        private Duration absoluteTimeout;
        private Duration unlockValidity;
        private Duration recoveryMaxAge;

        private Builder(StateStore store) {
            this.store = store;
        }

        /**
         * @param notifier reaches devices (required)
         * @return this
         */
        public Builder notifier(DeviceNotifier notifier) {
            Checks.once(this.notifier, "notifier");
            this.notifier = Objects.requireNonNull(notifier, "notifier");
            return this;
        }

        /**
         * @param key HMAC key for stored confirmation codes, at least 32 bytes (required; copied)
         * @return this
         */
        public Builder serverKey(byte[] key) {
            Checks.once(this.serverKey, "serverKey");
            this.serverKey = Secrets.serverKey(Objects.requireNonNull(key, "key"));
            return this;
        }

        /**
         * @param clock the clock (default system UTC)
         * @return this
         */
        public Builder clock(Clock clock) {
            Checks.once(this.clock, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param audit the audit trail (default logging only)
         * @return this
         */
        public Builder audit(SecurityAudit audit) {
            Checks.once(this.audit, "audit");
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        /**
         * @param hasher verifies stored password hashes (default {@link PasswordHasher#argon2id()})
         * @return this
         */
        public Builder hasher(PasswordHasher hasher) {
            Checks.once(this.hasher, "hasher");
            this.hasher = Objects.requireNonNull(hasher, "hasher");
            return this;
        }

        /**
         * @param locks the account locks (default: on the same store, clock and audit, 5 failures / 15 minutes)
         * @return this
         */
        public Builder locks(AccountLocks locks) {
            Checks.once(this.locks, "locks");
            this.locks = Objects.requireNonNull(locks, "locks");
            return this;
        }

        /**
         * @param throttle per-source failure throttle (default 20 failures per 15 minutes per source)
         * @return this
         */
        public Builder sourceThrottle(SourceThrottle throttle) {
            Checks.once(this.throttle, "sourceThrottle");
            this.throttle = Objects.requireNonNull(throttle, "throttle");
            return this;
        }

        /**
         * @param random codes, nonces and tokens (default a new {@link SecureRandom})
         * @return this
         */
        public Builder random(SecureRandom random) {
            Checks.once(this.random, "random");
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * @param d validity of a new-device code, at most 10 minutes (default 5)
         * @return this
         */
        public Builder newDeviceCodeValidity(Duration d) {
            Checks.once(this.codeValidity, "newDeviceCodeValidity");
            Checks.positive(d, "newDeviceCodeValidity");
            if (d.compareTo(MAX_CODE_VALIDITY) > 0) {
                throw new IllegalArgumentException("newDeviceCodeValidity must be at most " + MAX_CODE_VALIDITY);
            }
            this.codeValidity = d;
            return this;
        }

        /**
         * @param n tries per new-device code, 1..10 (default 5)
         * @return this
         */
        public Builder newDeviceCodeMaxTries(int n) {
            Checks.once(this.codeMaxTries, "newDeviceCodeMaxTries");
            if (n < 1 || n > 10) {
                throw new IllegalArgumentException("newDeviceCodeMaxTries must be 1..10");
            }
            this.codeMaxTries = n;
            return this;
        }

        /**
         * @param d session idle timeout (default 30 minutes)
         * @return this
         */
        public Builder sessionIdleTimeout(Duration d) {
            Checks.once(this.idleTimeout, "sessionIdleTimeout");
            this.idleTimeout = Checks.positive(d, "sessionIdleTimeout");
            return this;
        }

        /**
         * @param d session absolute timeout (default 12 hours)
         * @return this
         */
        public Builder sessionAbsoluteTimeout(Duration d) {
            Checks.once(this.absoluteTimeout, "sessionAbsoluteTimeout");
            this.absoluteTimeout = Checks.positive(d, "sessionAbsoluteTimeout");
            return this;
        }

        /**
         * @param d validity of an unlock challenge, at most 10 minutes (default 2)
         * @return this
         */
        public Builder unlockChallengeValidity(Duration d) {
            Checks.once(this.unlockValidity, "unlockChallengeValidity");
            Checks.positive(d, "unlockChallengeValidity");
            if (d.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("unlockChallengeValidity must be at most 10 minutes");
            }
            this.unlockValidity = d;
            return this;
        }

        /**
         * @param d how old a recovery assertion may be, at most 15 minutes (default 5)
         * @return this
         */
        public Builder recoveryMaxAge(Duration d) {
            Checks.once(this.recoveryMaxAge, "recoveryMaxAge");
            Checks.positive(d, "recoveryMaxAge");
            if (d.compareTo(Duration.ofMinutes(15)) > 0) {
                throw new IllegalArgumentException("recoveryMaxAge must be at most 15 minutes");
            }
            this.recoveryMaxAge = d;
            return this;
        }

        /** @return the service */
        public AccountLogin build() {
            return new AccountLogin(this);
        }
    }
}
