package io.github.eidvn.account.otp;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.account.Masking;
import io.github.eidvn.account.PhoneNumbers;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.internal.Bin;
import io.github.eidvn.account.internal.AttemptCounter;
import io.github.eidvn.account.internal.Checks;
import io.github.eidvn.account.internal.Secrets;
import io.github.eidvn.account.lock.SourceThrottle;
import io.github.eidvn.core.spi.StateStore;

/**
 * Out-of-band one-time codes sent by SMS or e-mail through an {@link OtpSender}.
 *
 * <ul>
 * <li>6 digits from {@link SecureRandom}; stored only as HMAC-SHA256 under a server key (bound to purpose, recipient
 * and issue), so a leaked store does not reveal codes.</li>
 * <li>Valid 5 minutes by default (at most 10); single use (the accepting check deletes it with a delete-if-equals, so
 * of two concurrent right answers only one is accepted); a new code replaces the pending one.</li>
 * <li>At most 5 tries per code (default): each try increments the code's try counter <em>before</em> the comparison,
 * so even concurrent guesses get at most that many comparisons; the last wrong try deletes the code.</li>
 * <li>Resend cooldown 60 s per recipient; at most 5 sends per recipient in any sliding hour (five one-hour slots, each
 * claimed with put-if-absent).</li>
 * <li>Failed checks are also counted per request source ({@link SourceThrottle}), so an attacker cycling
 * recipients is throttled too.</li>
 * </ul>
 *
 * <p><b>Security.</b> SMS is a restricted authenticator in NIST SP 800-63B (SIM swap, interception): use it for
 * recovery and step-up with the other rules of this package, not as the only factor for high-value operations. The
 * server key must be at least 32 random bytes, kept outside the state store.
 */
public final class OutOfBandOtp {

    /** Longest allowed validity. */
    public static final Duration MAX_VALIDITY = Duration.ofMinutes(10);

    private static final int VERSION = 1;
    private static final int DIGITS = 6;
    private static final Duration HOUR = Duration.ofHours(1);

    private final StateStore store;
    private final OtpSender sender;
    private final byte[] serverKey;
    private final Clock clock;
    private final SecurityAudit audit;
    private final SecureRandom random;
    private final Duration validity;
    private final int maxTries;
    private final Duration cooldown;
    private final int maxSendsPerHour;
    private final SourceThrottle throttle;

    private OutOfBandOtp(Builder b) {
        if (b.sender == null || b.serverKey == null) {
            throw new IllegalStateException("sender and serverKey are required");
        }
        this.store = b.store;
        this.sender = b.sender;
        this.serverKey = b.serverKey;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.audit = b.audit == null ? SecurityAudit.loggingOnly(clock) : b.audit;
        this.random = b.random == null ? new SecureRandom() : b.random;
        this.validity = b.validity == null ? Duration.ofMinutes(5) : b.validity;
        this.maxTries = b.maxTries == null ? 5 : b.maxTries;
        this.cooldown = b.cooldown == null ? Duration.ofSeconds(60) : b.cooldown;
        this.maxSendsPerHour = b.maxSendsPerHour == null ? 5 : b.maxSendsPerHour;
        this.throttle = b.throttle == null ? SourceThrottle.create(store, "otp", 20, Duration.ofMinutes(15))
                : b.throttle;
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
     * Sends a new code (replacing any pending one for the same purpose and recipient).
     *
     * @param purpose what the code is for: 1..32 characters from {@code a-z 0-9 . _ -} (e.g. "login")
     * @param channel SMS or e-mail
     * @param recipient a Vietnamese mobile number (any common form) or an e-mail address
     * @return sent, or refused with the reason and how long to wait
     */
    public OtpSendResult send(String purpose, OtpChannel channel, String recipient) {
        Objects.requireNonNull(channel, "channel");
        Optional<String> to = normalize(channel, recipient);
        if (!validPurpose(purpose) || to.isEmpty()) {
            return new OtpSendResult.Refused(OtpSendResult.Reason.INVALID_RECIPIENT, Duration.ZERO);
        }
        String rcpt = to.get();
        String rid = recipientId(channel, rcpt);
        Instant now = clock.instant();

        String coolKey = "eid:oob:cool:" + rid;
        Instant coolEnd = now.plus(cooldown);
        if (!store.putIfAbsent(coolKey, millis(coolEnd), cooldown)) {
            Duration wait = store.get(coolKey).map(v -> untilFrom(now, v)).orElse(Duration.ZERO);
            audit.record(SecurityEventType.OTP_SEND_REFUSED, null, null, null,
                    channel + ":" + mask(channel, rcpt) + ":cooldown");
            return new OtpSendResult.Refused(OtpSendResult.Reason.COOLDOWN, wait);
        }
        boolean slot = false;
        Duration soonest = HOUR;
        for (int i = 0; i < maxSendsPerHour && !slot; i++) {
            String slotKey = "eid:oob:hour:" + rid + ":" + i;
            if (store.putIfAbsent(slotKey, millis(now.plus(HOUR)), HOUR)) {
                slot = true;
            } else {
                Duration d = store.get(slotKey).map(v -> untilFrom(now, v)).orElse(Duration.ZERO);
                if (d.compareTo(soonest) < 0) {
                    soonest = d;
                }
            }
        }
        if (!slot) {
            audit.record(SecurityEventType.OTP_SEND_REFUSED, null, null, null,
                    channel + ":" + mask(channel, rcpt) + ":hourly-limit");
            return new OtpSendResult.Refused(OtpSendResult.Reason.RATE_LIMITED, soonest);
        }

        String code = Secrets.randomDigits(random, DIGITS);
        String issue = Secrets.b64url(Secrets.randomBytes(random, 12));
        Instant expires = now.plus(validity);
        byte[] record = new Bin.Writer(VERSION).putString(issue)
                .putBytes(Secrets.hmac(serverKey, "eid-oob-v1", purpose, channel.name(), rcpt, issue, code))
                .putLong(expires.toEpochMilli()).toByteArray();
        String codeKey = codeKey(purpose, rid);
        store.put(codeKey, record, validity);
        try {
            sender.send(new OtpMessage(channel, rcpt, code, purpose, expires, validity));
        } catch (RuntimeException e) {
            store.deleteIfEquals(codeKey, record);
            audit.record(SecurityEventType.OTP_SEND_REFUSED, null, null, null,
                    channel + ":" + mask(channel, rcpt) + ":delivery-failed");
            return new OtpSendResult.Refused(OtpSendResult.Reason.DELIVERY_FAILED, Duration.ZERO);
        }
        audit.record(SecurityEventType.OTP_SENT, null, null, null, channel + ":" + mask(channel, rcpt) + ":" + purpose);
        return new OtpSendResult.Sent(expires, coolEnd);
    }

    /**
     * Checks a code.
     *
     * @param purpose the purpose it was sent for
     * @param channel the channel it was sent by
     * @param recipient the recipient it was sent to (any accepted form)
     * @param code the code as typed
     * @param source the request source (client IP address or device id) for per-source throttling
     * @return accepted (the code is used up) or rejected
     */
    public OtpVerification verify(String purpose, OtpChannel channel, String recipient, String code, String source) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(source, "source");
        Optional<String> to = normalize(channel, recipient);
        if (!validPurpose(purpose) || to.isEmpty() || !OtpVerifier.wellFormed(code, DIGITS)) {
            return new OtpVerification.Rejected(OtpVerification.Reason.MALFORMED, -1);
        }
        String rcpt = to.get();
        String rid = recipientId(channel, rcpt);
        String where = channel + ":" + mask(channel, rcpt);
        if (!throttle.tryAcquire(source)) {
            audit.record(SecurityEventType.SOURCE_THROTTLED, null, null, source, "otp");
            return new OtpVerification.Rejected(OtpVerification.Reason.SOURCE_THROTTLED, 0);
        }
        String codeKey = codeKey(purpose, rid);
        Optional<byte[]> raw = store.get(codeKey);
        Optional<Stored> stored = raw.flatMap(OutOfBandOtp::decode);
        Instant now = clock.instant();
        if (stored.isEmpty() || !now.isBefore(stored.get().expiresAt)) {
            throttle.succeeded(source);
            audit.record(SecurityEventType.OTP_FAILED, null, null, source, where + ":no-active-code");
            return new OtpVerification.Rejected(OtpVerification.Reason.NO_ACTIVE_CODE, -1);
        }
        Stored s = stored.get();
        AttemptCounter.Attempt tries = AttemptCounter.of(store, maxTries, validity).record("eid:oob:tries:" + s.issue);
        if (!tries.allowed()) {
            store.deleteIfEquals(codeKey, raw.get());
            throttle.succeeded(source);
            audit.record(SecurityEventType.OTP_FAILED, null, null, source, where + ":too-many-attempts");
            return new OtpVerification.Rejected(OtpVerification.Reason.TOO_MANY_ATTEMPTS, 0);
        }
        byte[] mac = Secrets.hmac(serverKey, "eid-oob-v1", purpose, channel.name(), rcpt, s.issue, code);
        if (!Secrets.equal(mac, s.mac)) {
            int remaining = tries.remaining();
            if (remaining <= 0) {
                store.deleteIfEquals(codeKey, raw.get());
            }
            audit.record(SecurityEventType.OTP_FAILED, null, null, source, where + ":wrong-code");
            return new OtpVerification.Rejected(OtpVerification.Reason.WRONG_CODE, remaining);
        }
        throttle.succeeded(source);
        if (!store.deleteIfEquals(codeKey, raw.get())) {
            audit.record(SecurityEventType.OTP_FAILED, null, null, source, where + ":already-used");
            return new OtpVerification.Rejected(OtpVerification.Reason.ALREADY_USED, -1);
        }
        audit.record(SecurityEventType.OTP_VERIFIED, null, null, source, where + ":" + purpose);
        return new OtpVerification.Accepted(0);
    }

    /** @return how long a code is valid */
    public Duration validity() {
        return validity;
    }

    /** @return tries per code */
    public int maxTries() {
        return maxTries;
    }

    private record Stored(String issue, byte[] mac, Instant expiresAt) {
    }

    private static Optional<Stored> decode(byte[] raw) {
        return Bin.Reader.of(raw, VERSION).flatMap(r -> {
            String issue = r.getString();
            byte[] mac = r.getBytes();
            long exp = r.getLong();
            return r.ok() && mac.length == 32 ? Optional.of(new Stored(issue, mac, Instant.ofEpochMilli(exp)))
                    : Optional.empty();
        });
    }

    private static String codeKey(String purpose, String rid) {
        return "eid:oob:code:" + purpose + ":" + rid;
    }

    private static String recipientId(OtpChannel channel, String rcpt) {
        return Secrets.hashId(channel.name() + ":" + rcpt);
    }

    private static String mask(OtpChannel channel, String rcpt) {
        return channel == OtpChannel.SMS ? Masking.phone(rcpt) : Masking.email(rcpt);
    }

    private static byte[] millis(Instant t) {
        return Long.toString(t.toEpochMilli()).getBytes(StandardCharsets.US_ASCII);
    }

    private static Duration untilFrom(Instant now, byte[] v) {
        try {
            Duration d = Duration.between(now, Instant.ofEpochMilli(
                    Long.parseLong(new String(v, StandardCharsets.US_ASCII))));
            return d.isNegative() ? Duration.ZERO : d;
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    static boolean validPurpose(String purpose) {
        return purpose != null && purpose.matches("[a-z0-9._-]{1,32}");
    }

    static Optional<String> normalize(OtpChannel channel, String recipient) {
        if (recipient == null) {
            return Optional.empty();
        }
        if (channel == OtpChannel.SMS) {
            return PhoneNumbers.normalize(recipient);
        }
        String e = recipient.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || e.length() < 3) {
            return Optional.empty();
        }
        int at = e.indexOf('@');
        if (at < 1 || at != e.lastIndexOf('@') || at == e.length() - 1 || e.indexOf('.', at) < 0) {
            return Optional.empty();
        }
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == ';') {
                return Optional.empty();
            }
        }
        return Optional.of(e);
    }

    @Override
    public String toString() {
        return "OutOfBandOtp[validity=" + validity + ", maxTries=" + maxTries + ", cooldown=" + cooldown
                + ", maxSendsPerHour=" + maxSendsPerHour + "]";
    }

    /** Configures {@link OutOfBandOtp}; each option can be set once. */
    public static final class Builder {
        private final StateStore store;
        private OtpSender sender;
        private byte[] serverKey;
        private Clock clock;
        private SecurityAudit audit;
        private SecureRandom random;
        private Duration validity;
        private Integer maxTries;
        private Duration cooldown;
        private Integer maxSendsPerHour;
        private SourceThrottle throttle;

        private Builder(StateStore store) {
            this.store = store;
        }

        /**
         * @param sender delivers the codes (required)
         * @return this
         */
        public Builder sender(OtpSender sender) {
            Checks.once(this.sender, "sender");
            this.sender = Objects.requireNonNull(sender, "sender");
            return this;
        }

        /**
         * @param key the HMAC key for stored codes, at least 32 bytes (required; copied)
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
         * @param random the code source (default a new {@link SecureRandom})
         * @return this
         */
        public Builder random(SecureRandom random) {
            Checks.once(this.random, "random");
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * @param d how long a code is valid, at most 10 minutes (default 5)
         * @return this
         */
        public Builder validity(Duration d) {
            Checks.once(this.validity, "validity");
            Checks.positive(d, "validity");
            if (d.compareTo(MAX_VALIDITY) > 0) {
                throw new IllegalArgumentException("validity must be at most " + MAX_VALIDITY);
            }
            this.validity = d;
            return this;
        }

        /**
         * @param n tries per code, 1..10 (default 5)
         * @return this
         */
        public Builder maxTries(int n) {
            Checks.once(this.maxTries, "maxTries");
            if (n < 1 || n > 10) {
                throw new IllegalArgumentException("maxTries must be 1..10");
            }
            this.maxTries = n;
            return this;
        }

        /**
         * @param d minimum time between two sends to one recipient (default 60 s)
         * @return this
         */
        public Builder resendCooldown(Duration d) {
            Checks.once(this.cooldown, "resendCooldown");
            this.cooldown = Checks.positive(d, "resendCooldown");
            return this;
        }

        /**
         * @param n sends per recipient in any hour, 1..20 (default 5)
         * @return this
         */
        public Builder maxSendsPerHour(int n) {
            Checks.once(this.maxSendsPerHour, "maxSendsPerHour");
            if (n < 1 || n > 20) {
                throw new IllegalArgumentException("maxSendsPerHour must be 1..20");
            }
            this.maxSendsPerHour = n;
            return this;
        }

        /**
         * @param throttle per-source failure throttle for {@link #verify} (default 20 failures per 15 minutes)
         * @return this
         */
        public Builder sourceThrottle(SourceThrottle throttle) {
            Checks.once(this.throttle, "sourceThrottle");
            this.throttle = Objects.requireNonNull(throttle, "throttle");
            return this;
        }

        /** @return the service */
        public OutOfBandOtp build() {
            return new OutOfBandOtp(this);
        }
    }
}
