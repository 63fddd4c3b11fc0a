package io.github.eidvn.account.password;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.internal.AccountKeys;
import io.github.eidvn.account.internal.AttemptCounter;
import io.github.eidvn.account.internal.Checks;
import io.github.eidvn.account.internal.Secrets;
import io.github.eidvn.account.lock.AccountLocks;
import io.github.eidvn.account.lock.LockStatus;
import io.github.eidvn.account.lock.LockType;
import io.github.eidvn.account.otp.OtpChannel;
import io.github.eidvn.account.otp.OtpSendResult;
import io.github.eidvn.account.otp.OtpVerification;
import io.github.eidvn.account.otp.OutOfBandOtp;
import io.github.eidvn.core.spi.StateStore;

/**
 * A forgotten password, reset as the e-ID app's rules allow: by a code sent by SMS to the registered phone or by
 * e-mail to the registered address ({@link OutOfBandOtp}, purpose {@value #OTP_PURPOSE}), or by answering the
 * account's security questions. A passed step gives a single-use {@link ResetTicket} (valid 10 minutes); the new
 * password is then checked by the {@link PasswordPolicy} and hashed, and the ticket is used up.
 *
 * <pre>{@code
 * reset.sendCode(account, OtpChannel.SMS, registeredPhone);            // from your records, never from the form
 * ResetStep step = reset.verifyCode(account, OtpChannel.SMS, registeredPhone, typedCode, clientIp);
 * ResetCompletion done = reset.complete(account, ticket, newPassword, context, clientIp);
 * // store done's hash and history, then AccountLogin.revokeAllSessions(account)
 * }</pre>
 *
 * <p><b>Security.</b> The recipient must come from the account's records (the registered phone or e-mail). Security
 * answers are stored as Argon2id hashes of their normalized form ({@link #hashAnswer}); every answer must match, and
 * failed attempts are counted per account (5 per hour by default). An account under an authority lock cannot be
 * reset. A completed reset lifts the brute-force lock. Events go to the audit trail
 * ({@link SecurityEventType#PASSWORD_RESET_CODE_SENT} and the following); no code, answer, ticket or password is
 * logged.
 */
public final class PasswordReset {

    /** The purpose under which reset codes are sent. */
    public static final String OTP_PURPOSE = "password-reset";

    /** How long a ticket is valid. */
    public static final Duration TICKET_VALIDITY = Duration.ofMinutes(10);

    /** The fewest security questions a reset by answers accepts. */
    public static final int MIN_QUESTIONS = 2;

    private final StateStore store;
    private final OutOfBandOtp otp;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final AccountLocks locks;
    private final SecurityAudit audit;
    private final SecureRandom random;
    private final AttemptCounter answerAttempts;

    private PasswordReset(Builder b) {
        if (b.otp == null || b.policy == null) {
            throw new IllegalStateException("otp and policy are required");
        }
        this.store = b.store;
        this.otp = b.otp;
        this.policy = b.policy;
        Clock clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.audit = b.audit == null ? SecurityAudit.loggingOnly(clock) : b.audit;
        this.hasher = b.hasher == null ? PasswordHasher.argon2id() : b.hasher;
        this.locks = b.locks == null ? AccountLocks.builder(store).clock(clock).audit(audit).build() : b.locks;
        this.random = b.random == null ? new SecureRandom() : b.random;
        this.answerAttempts = AttemptCounter.of(store, b.maxAnswerFailures == null ? 5 : b.maxAnswerFailures,
                Duration.ofHours(1));
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
     * The stored form of a security answer: Argon2id of the answer without case, diacritics, invisible characters or
     * repeated spaces ({@code "Hà Nội"}, {@code "ha  noi"} and {@code "HA NOI"} are one answer).
     *
     * @param hasher the hasher
     * @param answer the answer as typed when it was set
     * @return the PHC string to store
     */
    public static String hashAnswer(PasswordHasher hasher, String answer) {
        return hasher.hash(normalizeAnswer(Objects.requireNonNull(answer, "answer")));
    }

    static String normalizeAnswer(String answer) {
        return PasswordText.skeleton(answer).strip().replaceAll("\\s+", " ");
    }

    /**
     * Sends a reset code to the account's registered phone (SMS) or e-mail address.
     *
     * @param account the account
     * @param channel SMS or e-mail
     * @param registeredRecipient the phone or address from the account's records
     * @return sent, or refused (cooldown, hourly limit, delivery failure, bad recipient)
     */
    public OtpSendResult sendCode(AccountId account, OtpChannel channel, String registeredRecipient) {
        Objects.requireNonNull(account, "account");
        OtpSendResult r = otp.send(OTP_PURPOSE, channel, registeredRecipient);
        if (r instanceof OtpSendResult.Sent) {
            audit.record(SecurityEventType.PASSWORD_RESET_CODE_SENT, account.value(), null, null, channel.name());
        }
        return r;
    }

    /**
     * Verifies a reset code; the right one gives a ticket.
     *
     * @param account the account
     * @param channel the channel the code was sent by
     * @param registeredRecipient the same recipient as {@link #sendCode}
     * @param code the code as typed
     * @param source the request source
     * @return a ticket, or refused with the reason
     */
    public ResetStep verifyCode(AccountId account, OtpChannel channel, String registeredRecipient, String code,
            String source) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(source, "source");
        if (authorityLocked(account, source)) {
            return new ResetStep.Refused(ResetStep.Reason.ACCOUNT_LOCKED, -1);
        }
        OtpVerification v = otp.verify(OTP_PURPOSE, channel, registeredRecipient, code, source);
        if (v instanceof OtpVerification.Rejected rej) {
            audit.record(SecurityEventType.PASSWORD_RESET_FAILED, account.value(), null, source,
                    "code:" + rej.reason());
            return new ResetStep.Refused(ResetStep.Reason.of(rej.reason()), rej.remainingTries());
        }
        return issueTicket(account, source, "code:" + channel.name());
    }

    /**
     * Verifies the answers to the account's security questions; all right gives a ticket.
     *
     * @param account the account
     * @param storedAnswerHashes the account's answers as stored by {@link #hashAnswer}, in question order (at least
     *        {@value #MIN_QUESTIONS})
     * @param answers the answers as typed, same order
     * @param source the request source
     * @return a ticket, or refused with the reason
     */
    public ResetStep verifyAnswers(AccountId account, List<String> storedAnswerHashes, List<String> answers,
            String source) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(source, "source");
        if (storedAnswerHashes.size() < MIN_QUESTIONS || answers.size() != storedAnswerHashes.size()
                || answers.stream().anyMatch(a -> a == null || a.isBlank() || a.length() > 256)) {
            return new ResetStep.Refused(ResetStep.Reason.MALFORMED, -1);
        }
        if (authorityLocked(account, source)) {
            return new ResetStep.Refused(ResetStep.Reason.ACCOUNT_LOCKED, -1);
        }
        String counterKey = AccountKeys.resetAnswerFailures(account);
        AttemptCounter.Attempt attempt = answerAttempts.record(counterKey);
        if (!attempt.allowed()) {
            audit.record(SecurityEventType.PASSWORD_RESET_FAILED, account.value(), null, source,
                    "answers:too-many-attempts");
            return new ResetStep.Refused(ResetStep.Reason.TOO_MANY_ATTEMPTS, 0);
        }
        boolean all = true;
        for (int i = 0; i < answers.size(); i++) {
            // every answer is verified, so the time does not tell which one was wrong
            all &= hasher.verify(normalizeAnswer(answers.get(i)), storedAnswerHashes.get(i)).matches();
        }
        if (!all) {
            audit.record(SecurityEventType.PASSWORD_RESET_FAILED, account.value(), null, source, "answers:wrong");
            return new ResetStep.Refused(ResetStep.Reason.WRONG_ANSWERS, attempt.remaining());
        }
        answerAttempts.reset(counterKey);
        return issueTicket(account, source, "answers");
    }

    /**
     * Sets the new password with a ticket: checks the policy (a rejected password leaves the ticket usable), then uses
     * the ticket up, lifts the brute-force lock and returns the hash to store.
     *
     * @param account the account
     * @param ticket the ticket of {@link #verifyCode} or {@link #verifyAnswers}
     * @param newPassword the new password
     * @param context what is known about the account (its previous hashes for the history rule)
     * @param source the request source
     * @return completed with the new hash and history, rejected by the policy, or refused (unknown or used ticket)
     */
    public ResetCompletion complete(AccountId account, ResetTicket ticket, CharSequence newPassword,
            PasswordContext context, String source) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(newPassword, "newPassword");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(source, "source");
        String key = AccountKeys.resetTicket(account, Secrets.hashId(ticket.value()));
        if (store.get(key).isEmpty()) {
            audit.record(SecurityEventType.PASSWORD_RESET_FAILED, account.value(), null, source, "unknown-ticket");
            return new ResetCompletion.Refused(ResetStep.Reason.UNKNOWN_TICKET);
        }
        PasswordCheckResult check = policy.check(newPassword, context);
        if (check instanceof PasswordCheckResult.Rejected rej) {
            audit.record(SecurityEventType.PASSWORD_RESET_FAILED, account.value(), null, source, "weak-password");
            return new ResetCompletion.PasswordRejected(rej);
        }
        if (store.consume(key).isEmpty()) {
            audit.record(SecurityEventType.PASSWORD_RESET_FAILED, account.value(), null, source, "ticket-used");
            return new ResetCompletion.Refused(ResetStep.Reason.UNKNOWN_TICKET);
        }
        String hash = hasher.hash(newPassword);
        locks.lift(account, LockType.BRUTE_FORCE, "password-reset");
        audit.record(SecurityEventType.PASSWORD_RESET_COMPLETED, account.value(), null, source, null);
        return new ResetCompletion.Completed(hash, policy.rotateHistory(context.previousHashes(), hash));
    }

    private boolean authorityLocked(AccountId account, String source) {
        if (locks.status(account) instanceof LockStatus.Locked l && l.has(LockType.AUTHORITY)) {
            audit.record(SecurityEventType.PASSWORD_RESET_FAILED, account.value(), null, source, "authority-lock");
            return true;
        }
        return false;
    }

    private ResetStep issueTicket(AccountId account, String source, String how) {
        String value = Secrets.b64url(Secrets.randomBytes(random, 32));
        store.put(AccountKeys.resetTicket(account, Secrets.hashId(value)), new byte[] {1}, TICKET_VALIDITY);
        audit.record(SecurityEventType.PASSWORD_RESET_VERIFIED, account.value(), null, source, how);
        return new ResetStep.Verified(new ResetTicket(value));
    }

    @Override
    public String toString() {
        return "PasswordReset[" + policy.name() + ", answers " + answerAttempts.max() + " per hour]";
    }

    /** Configures {@link PasswordReset}; each option can be set once. */
    public static final class Builder {
        private final StateStore store;
        private OutOfBandOtp otp;
        private PasswordPolicy policy;
        private PasswordHasher hasher;
        private AccountLocks locks;
        private SecurityAudit audit;
        private Clock clock;
        private SecureRandom random;
        private Integer maxAnswerFailures;

        private Builder(StateStore store) {
            this.store = store;
        }

        /**
         * @param codes sends and verifies the SMS and e-mail codes (required)
         * @return this
         */
        public Builder otp(OutOfBandOtp codes) {
            Checks.once(otp, "otp");
            this.otp = Objects.requireNonNull(codes, "otp");
            return this;
        }

        /**
         * @param p the policy the new password must pass (required)
         * @return this
         */
        public Builder policy(PasswordPolicy p) {
            Checks.once(policy, "policy");
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /**
         * @param h hashes the new password and verifies the answers (default {@link PasswordHasher#argon2id()})
         * @return this
         */
        public Builder hasher(PasswordHasher h) {
            Checks.once(hasher, "hasher");
            this.hasher = Objects.requireNonNull(h, "hasher");
            return this;
        }

        /**
         * @param l the account locks (default: on the same store)
         * @return this
         */
        public Builder locks(AccountLocks l) {
            Checks.once(locks, "locks");
            this.locks = Objects.requireNonNull(l, "locks");
            return this;
        }

        /**
         * @param a the audit trail (default logging only)
         * @return this
         */
        public Builder audit(SecurityAudit a) {
            Checks.once(audit, "audit");
            this.audit = Objects.requireNonNull(a, "audit");
            return this;
        }

        /**
         * @param c the clock (default system UTC)
         * @return this
         */
        public Builder clock(Clock c) {
            Checks.once(clock, "clock");
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * @param r tickets (default a new {@link SecureRandom})
         * @return this
         */
        public Builder random(SecureRandom r) {
            Checks.once(random, "random");
            this.random = Objects.requireNonNull(r, "random");
            return this;
        }

        /**
         * @param n wrong answer sets per account per hour, 1..10 (default 5)
         * @return this
         */
        public Builder maxAnswerFailures(int n) {
            Checks.once(maxAnswerFailures, "maxAnswerFailures");
            if (n < 1 || n > 10) {
                throw new IllegalArgumentException("maxAnswerFailures must be 1..10");
            }
            this.maxAnswerFailures = n;
            return this;
        }

        /** @return the service */
        public PasswordReset build() {
            return new PasswordReset(this);
        }
    }
}
