package io.github.eidvn.account.device;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.internal.AccountKeys;
import io.github.eidvn.account.internal.AttemptCounter;
import io.github.eidvn.account.internal.Checks;
import io.github.eidvn.account.internal.Secrets;
import io.github.eidvn.account.lock.AccountLock;
import io.github.eidvn.account.lock.AccountLocks;
import io.github.eidvn.account.lock.SourceThrottle;
import io.github.eidvn.account.password.PasswordHasher;
import io.github.eidvn.core.spi.StateStore;

/**
 * Login with one active device per account: a façade over the password login, the new-device code, the device-key
 * unlock, the sessions and the lost-device recovery.
 *
 * <p>Accounts are keyed by an {@link AccountId} the integrator chooses (the VNeID app's personal number, a bank's
 * customer number, a user name); the holder's personal number is asked only where a rule needs it (recovery with an
 * identity assertion).
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
 * level-2 {@link io.github.eidvn.account.RecoveryProof} naming the holder lifts that lock and binds a new
 * device; {@link #unlockByAuthority} applies an authority's decision (police, service desk): every lock lifted, the
 * lost device replaced by the one registered at the desk.</li>
 * </ol>
 *
 * <p>Brute force: password attempts on one account are serialized (a short lease in the store; a concurrent attempt
 * gets {@link LoginResult.Reason#BUSY}), so the failure count of {@link AccountLocks} is exact: at most
 * {@code maxFailures} wrong passwords before the lock, even under parallel guessing. Each source (IP address) has its
 * own failure budget ({@link SourceThrottle}) across all accounts.
 *
 * <p>Contention: a step that keeps losing its compare-and-set to concurrent requests answers
 * {@link LoginResult.Reason#BUSY} (or {@link SessionValidation.Reason#BUSY}, {@link AuthorityUnlockResult#BUSY}); no
 * method throws for contention.
 *
 * <p><b>Security.</b> Every compound step is decided by one atomic store operation (put-if-absent for the first
 * binding and the lease, compare-and-set for device switches, delete-if-equals and consume for single-use codes and
 * nonces). Codes are stored as HMAC-SHA256 under the server key. Unknown accounts cost a dummy Argon2id verification
 * and get the same answer as a wrong password. Security events go to the {@link SecurityAudit} with the account id
 * masked; no password, code, token or key is ever logged. State-store keys hold a hash of the account id as a hash
 * tag ({@code {a.<hash>}}), so a Redis Cluster keeps one account's keys in one slot.
 */
public final class AccountLogin {

    /** Upper bound of the new-device code validity. */
    public static final Duration MAX_CODE_VALIDITY = Duration.ofMinutes(10);

    private final LoginContext context;
    private final Sessions sessions;
    private final PasswordLoginFlow passwords;
    private final NewDeviceFlow newDevices;
    private final DeviceUnlockFlow unlocks;
    private final DeviceRecoveryFlow recovery;

    private AccountLogin(Builder b) {
        if (b.notifier == null || b.serverKey == null) {
            throw new IllegalStateException("notifier and serverKey are required");
        }
        Clock clock = b.clock == null ? Clock.systemUTC() : b.clock;
        SecurityAudit audit = b.audit == null ? SecurityAudit.loggingOnly(clock) : b.audit;
        Duration codeValidity = b.codeValidity == null ? Duration.ofMinutes(5) : b.codeValidity;
        Duration idle = b.idleTimeout == null ? Duration.ofMinutes(30) : b.idleTimeout;
        Duration absolute = b.absoluteTimeout == null ? Duration.ofHours(12) : b.absoluteTimeout;
        if (idle.compareTo(absolute) > 0) {
            throw new IllegalStateException("idle timeout must not exceed the absolute timeout");
        }
        this.context = new LoginContext(b.store, b.notifier, b.serverKey, clock, audit,
                b.hasher == null ? PasswordHasher.argon2id() : b.hasher,
                b.locks == null ? AccountLocks.builder(b.store).clock(clock).audit(audit).build() : b.locks,
                b.throttle == null ? SourceThrottle.create(b.store, "login", 20, Duration.ofMinutes(15)) : b.throttle,
                b.random == null ? new SecureRandom() : b.random,
                AttemptCounter.of(b.store, b.codeMaxTries == null ? 5 : b.codeMaxTries, codeValidity), codeValidity,
                idle, absolute, b.unlockValidity == null ? Duration.ofMinutes(2) : b.unlockValidity,
                b.recoveryMaxAge == null ? Duration.ofMinutes(5) : b.recoveryMaxAge, Duration.ofMinutes(1));
        this.sessions = new Sessions(context);
        this.newDevices = new NewDeviceFlow(context, sessions);
        this.passwords = new PasswordLoginFlow(context, sessions, newDevices);
        this.unlocks = new DeviceUnlockFlow(context, sessions);
        this.recovery = new DeviceRecoveryFlow(context, sessions);
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

    /**
     * Password login from a device.
     *
     * @param request the request
     * @return logged in (bound device), new device required (code sent to the active device), or refused
     */
    public LoginResult passwordLogin(LoginRequest request) {
        return passwords.login(Objects.requireNonNull(request, "request"));
    }

    /**
     * Confirms a new device with the code shown on the active device, and switches the active device.
     *
     * @param confirmation the account, the challenge, the code as typed and the request source
     * @return logged in on the new device, or refused
     */
    public LoginResult confirmNewDevice(NewDeviceConfirmation confirmation) {
        return newDevices.confirm(Objects.requireNonNull(confirmation, "confirmation"));
    }

    /**
     * Starts an unlock on the bound device: returns a single-use nonce to sign with the device key.
     *
     * @param account the account
     * @param deviceId the device
     * @return the challenge, or refused (malformed, not the active device, locked)
     */
    public UnlockStart beginUnlock(AccountId account, String deviceId) {
        return unlocks.begin(Objects.requireNonNull(account, "account"), deviceId);
    }

    /**
     * Finishes an unlock: verifies the device's signature over the challenge and creates a session.
     *
     * @param account the account
     * @param deviceId the device
     * @param challenge the challenge text from {@link #beginUnlock} (starts with {@code eid-unlock-v1.})
     * @param signature ECDSA P-256 SHA-256 signature of the challenge's UTF-8 bytes (DER or raw r||s)
     * @param source the request source
     * @return logged in, or refused
     */
    public LoginResult unlock(AccountId account, String deviceId, String challenge, byte[] signature, String source) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(source, "source");
        return unlocks.finish(account, deviceId, challenge, signature, source);
    }

    /**
     * Validates a session token and refreshes its idle timer.
     *
     * @param token the token from the client (may be null or garbage)
     * @return valid (with the session) or invalid with the reason
     */
    public SessionValidation validateSession(String token) {
        return sessions.validate(token);
    }

    /**
     * Ends a session.
     *
     * @param token the token (may be null or garbage)
     * @return true when a session was ended
     */
    public boolean logout(String token) {
        return sessions.logout(token);
    }

    /**
     * Revokes every session of the account ("sign out everywhere"): the binding generation increases, so the device
     * must unlock again.
     *
     * @param account the account
     * @return true when the account had a bound device
     */
    public boolean revokeAllSessions(AccountId account) {
        return sessions.revokeAll(Objects.requireNonNull(account, "account"));
    }

    /**
     * The account's active device.
     *
     * @param account the account
     * @return the binding, or empty
     */
    public Optional<DeviceBinding> activeDevice(AccountId account) {
        return context.store().get(AccountKeys.binding(Objects.requireNonNull(account, "account")))
                .flatMap(AccountRecords::decodeBinding);
    }

    /**
     * The citizen reports a lost device: a temporary user-requested lock is placed and every session is revoked.
     * Call this only after authenticating the request on another channel (public-service portal, call centre,
     * police).
     *
     * @param account the account
     * @param lockFor how long the lock lasts at most (recovery or an authority lifts it earlier)
     * @param source the request source
     * @return the lock
     */
    public AccountLock reportLostDevice(AccountId account, Duration lockFor, String source) {
        return recovery.reportLost(Objects.requireNonNull(account, "account"), lockFor, source);
    }

    /**
     * Recovers the account with a fresh level-2 assertion and binds a new device: requires level 2, the holder's
     * personal number, an issue time within the last 5 minutes (1 minute of clock skew tolerated) and an assertion id
     * never used before. Lifts the user-requested and brute-force locks (not an authority lock), revokes every session
     * of the old device and creates a session on the new one.
     *
     * @param request the account, the holder's personal number, the proof and the new device
     * @return logged in on the new device, or refused
     */
    public LoginResult recover(RecoveryRequest request) {
        return recovery.recover(Objects.requireNonNull(request, "request"));
    }

    /**
     * Applies an authority's unlock decision (the e-ID app's rule for a lost phone: unlocked through an authority, not
     * only from the locked app): lifts every lock, including an authority lock, and replaces the bound device with the
     * new one registered at the desk, which then signs in with its key. Each case reference works once; a decision
     * older than 7 days is refused.
     *
     * @param decision the authority's decision, authenticated by your back office
     * @param source the request source (the desk's system)
     * @return the outcome
     */
    public AuthorityUnlockResult unlockByAuthority(AuthorityUnlock decision, String source) {
        Objects.requireNonNull(source, "source");
        return recovery.unlockByAuthority(Objects.requireNonNull(decision, "decision"), source);
    }

    /** @return the locks used by this service */
    public AccountLocks locks() {
        return context.locks();
    }

    @Override
    public String toString() {
        return "AccountLogin[idle=" + context.idleTimeout() + ", absolute=" + context.absoluteTimeout()
                + ", codeValidity=" + context.codeValidity() + "]";
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
