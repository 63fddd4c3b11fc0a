package io.github.eidvn.account.otp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.internal.AttemptCounter;
import io.github.eidvn.account.internal.Checks;
import io.github.eidvn.account.internal.CompareAndSet;
import io.github.eidvn.account.internal.Secrets;
import io.github.eidvn.core.spi.StateStore;

/**
 * Verifies TOTP and HOTP codes for accounts, with replay protection and a failure limit in the state store.
 *
 * <p>TOTP: the code is compared with the steps {@code now-w .. now+w} (default w = 1, i.e. ±30 s); a matched step is
 * recorded as the account's last used step with a compare-and-set, and no step at or before it is accepted again
 * (RFC 6238 §5.2). HOTP: the counters {@code c .. c+lookAhead} are tried ({@code c} = the next expected counter,
 * 0 initially) and the counter moves past the match with a compare-and-set (RFC 4226 §7.4).
 *
 * <p>Failure limit: each check first increments the account's attempt counter (one atomic step, before the code is
 * compared); beyond {@code maxFailures} attempts in {@code failureWindow} every code is refused with
 * {@link OtpVerification.Reason#TOO_MANY_ATTEMPTS}, so even concurrent guesses get at most that many comparisons. A
 * success resets the counter.
 *
 * <p><b>Security.</b> Codes are compared in constant time; all window steps are computed regardless of an early
 * match. Secrets are passed per call and never stored or logged here.
 */
public final class OtpVerifier {

    private final StateStore store;
    private final Clock clock;
    private final SecurityAudit audit;
    private final int window;
    private final int lookAhead;
    private final int maxFailures;
    private final Duration failureWindow;
    private final AttemptCounter attempts;

    private OtpVerifier(Builder b) {
        this.store = b.store;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.audit = b.audit == null ? SecurityAudit.loggingOnly(clock) : b.audit;
        this.window = b.window == null ? 1 : b.window;
        this.lookAhead = b.lookAhead == null ? 5 : b.lookAhead;
        this.maxFailures = b.maxFailures == null ? 10 : b.maxFailures;
        this.failureWindow = b.failureWindow == null ? Duration.ofMinutes(15) : b.failureWindow;
        this.attempts = AttemptCounter.of(store, maxFailures, failureWindow);
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
     * Verifies a TOTP code at the clock's current time.
     *
     * @param accountId the account (a personal number or any stable id, 1..256 characters)
     * @param secret the account's secret
     * @param totp the parameters
     * @param code the code as typed
     * @return accepted (with the step) or rejected
     */
    public OtpVerification verifyTotp(String accountId, OtpSecret secret, Totp totp, String code) {
        String id = accountKey(accountId);
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(totp, "totp");
        if (!wellFormed(code, totp.digits())) {
            return reject(accountId, OtpVerification.Reason.MALFORMED, -1, "totp");
        }
        AttemptCounter.Attempt attempt = attempts.record("eid:otp:fail:" + id);
        if (!attempt.allowed()) {
            return reject(accountId, OtpVerification.Reason.TOO_MANY_ATTEMPTS, 0, "totp");
        }
        long now = totp.stepAt(clock.instant());
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long matched = Long.MIN_VALUE;
        for (long s = now - window; s <= now + window; s++) {
            byte[] expected = totp.generateForStep(secret, s).getBytes(StandardCharsets.US_ASCII);
            if (Secrets.equal(expected, given) && matched == Long.MIN_VALUE) {
                matched = s;
            }
        }
        if (matched == Long.MIN_VALUE) {
            return reject(accountId, OtpVerification.Reason.WRONG_CODE, attempt.remaining(), "totp");
        }
        String lastKey = "eid:otp:totp-last:" + id;
        Duration ttl = totp.step().multipliedBy(2L * window + 2).plusMinutes(10);
        byte[] mine = Long.toString(matched).getBytes(StandardCharsets.US_ASCII);
        long step = matched;
        return CompareAndSet.<OtpVerification>update(store, lastKey, cur -> {
            if (cur.isPresent() && parse(cur.get()) >= step) {
                return new CompareAndSet.Done<>(reject(accountId, OtpVerification.Reason.ALREADY_USED,
                        attempt.remaining(), "totp"));
            }
            return new CompareAndSet.Write<>(mine, ttl, () -> accept(accountId, id, step, "totp"));
        }).orElseGet(() -> reject(accountId, OtpVerification.Reason.ALREADY_USED, attempt.remaining(), "totp"));
    }

    /**
     * Verifies a HOTP code against the account's next expected counter (0 when none is stored yet).
     *
     * @param accountId the account (1..256 characters)
     * @param secret the account's secret
     * @param hotp the parameters
     * @param code the code as typed
     * @return accepted (with the counter) or rejected
     */
    public OtpVerification verifyHotp(String accountId, OtpSecret secret, Hotp hotp, String code) {
        String id = accountKey(accountId);
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(hotp, "hotp");
        if (!wellFormed(code, hotp.digits())) {
            return reject(accountId, OtpVerification.Reason.MALFORMED, -1, "hotp");
        }
        AttemptCounter.Attempt attempt = attempts.record("eid:otp:fail:" + id);
        if (!attempt.allowed()) {
            return reject(accountId, OtpVerification.Reason.TOO_MANY_ATTEMPTS, 0, "hotp");
        }
        String ctrKey = "eid:otp:hotp-next:" + id;
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        return CompareAndSet.<OtpVerification>update(store, ctrKey, cur -> {
            long next = cur.map(OtpVerifier::parse).orElse(0L);
            long matched = -1;
            for (long c = next; c <= next + lookAhead; c++) {
                byte[] expected = hotp.generate(secret, c).getBytes(StandardCharsets.US_ASCII);
                if (Secrets.equal(expected, given) && matched < 0) {
                    matched = c;
                }
            }
            if (matched < 0) {
                return new CompareAndSet.Done<>(reject(accountId, OtpVerification.Reason.WRONG_CODE,
                        attempt.remaining(), "hotp"));
            }
            long counter = matched;
            byte[] moved = Long.toString(matched + 1).getBytes(StandardCharsets.US_ASCII);
            return new CompareAndSet.Write<>(moved, StateStore.NO_EXPIRY, () -> accept(accountId, id, counter, "hotp"));
        }).orElseGet(() -> reject(accountId, OtpVerification.Reason.ALREADY_USED, attempt.remaining(), "hotp"));
    }

    private OtpVerification accept(String accountId, String id, long counter, String kind) {
        store.delete("eid:otp:fail:" + id);
        audit.record(SecurityEventType.OTP_VERIFIED, pnOrNull(accountId), null, null, kind);
        return new OtpVerification.Accepted(counter);
    }

    private OtpVerification reject(String accountId, OtpVerification.Reason reason, int remaining, String kind) {
        audit.record(SecurityEventType.OTP_FAILED, pnOrNull(accountId), null, null, kind + ":" + reason.name());
        return new OtpVerification.Rejected(reason, Math.max(-1, remaining));
    }

    private static String pnOrNull(String accountId) {
        return Checks.isPersonalNumber(accountId) ? accountId : null;
    }

    private static String accountKey(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isEmpty() || accountId.length() > 256) {
            throw new IllegalArgumentException("accountId must be 1..256 characters");
        }
        return Secrets.hashId(accountId);
    }

    static boolean wellFormed(String code, int digits) {
        if (code == null || code.length() != digits) {
            return false;
        }
        for (int i = 0; i < digits; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parse(byte[] v) {
        try {
            return Long.parseLong(new String(v, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "OtpVerifier[window=" + window + ", lookAhead=" + lookAhead + ", maxFailures=" + maxFailures + "]";
    }

    /** Configures an {@link OtpVerifier}; each option can be set once. */
    public static final class Builder {
        private final StateStore store;
        private Clock clock;
        private SecurityAudit audit;
        private Integer window;
        private Integer lookAhead;
        private Integer maxFailures;
        private Duration failureWindow;

        private Builder(StateStore store) {
            this.store = store;
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
         * @param steps TOTP steps accepted on each side of now, 0..2 (default 1)
         * @return this
         */
        public Builder window(int steps) {
            Checks.once(this.window, "window");
            if (steps < 0 || steps > 2) {
                throw new IllegalArgumentException("window must be 0..2");
            }
            this.window = steps;
            return this;
        }

        /**
         * @param n HOTP counters tried beyond the expected one, 0..20 (default 5)
         * @return this
         */
        public Builder hotpLookAhead(int n) {
            Checks.once(this.lookAhead, "hotpLookAhead");
            if (n < 0 || n > 20) {
                throw new IllegalArgumentException("hotpLookAhead must be 0..20");
            }
            this.lookAhead = n;
            return this;
        }

        /**
         * @param n attempts per account per failure window, 1..100 (default 10)
         * @return this
         */
        public Builder maxFailures(int n) {
            Checks.once(this.maxFailures, "maxFailures");
            if (n < 1 || n > 100) {
                throw new IllegalArgumentException("maxFailures must be 1..100");
            }
            this.maxFailures = n;
            return this;
        }

        /**
         * @param d the failure window (default 15 minutes)
         * @return this
         */
        public Builder failureWindow(Duration d) {
            Checks.once(this.failureWindow, "failureWindow");
            this.failureWindow = Checks.positive(d, "failureWindow");
            return this;
        }

        /** @return the verifier */
        public OtpVerifier build() {
            return new OtpVerifier(this);
        }
    }
}
