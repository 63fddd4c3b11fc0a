package io.github.eidvn.verifier.banking;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.spi.StateStore;

/**
 * The authentication rules of Quyết định 2345/QĐ-NHNN for online transfers and payments: a transfer over
 * 10,000,000 VND, or one that takes the account's total for the day over 20,000,000 VND, needs a face biometric
 * check matched against the chip ID card's data or an authentication through a level-2 e-ID; any other transfer
 * needs a one-time password.
 *
 * <pre>{@code
 * TransferRules rules = TransferRules.builder().stateStore(store).build();   // the defaults above
 * TransferDecision d = rules.decide(new Transfer("wallet-0042", 15_000_000), TransferEvidence.none());
 * // STEP_UP_BIOMETRIC, rule SINGLE_TRANSFER_OVER_LIMIT: run the face check or ask VNeID for a level-2 assertion,
 * d = rules.decide(new Transfer("wallet-0042", 15_000_000), TransferEvidence.eid(verified, holderNumber));
 * if (d instanceof TransferDecision.Allow) { ... make the transfer ... }
 * }</pre>
 *
 * <p>The rules, in order (the first that applies fires):
 * <ol>
 *   <li>{@link TransferDecision.Rule#SINGLE_TRANSFER_OVER_LIMIT}: {@code amount > biometricAbove} (10,000,000 VND
 *       by default; exactly 10,000,000 is not over);</li>
 *   <li>{@link TransferDecision.Rule#DAILY_TOTAL_CROSSES_LIMIT}: {@code dayTotal <= dailyBiometricAbove < dayTotal
 *       + amount} (20,000,000 VND by default): the transfer that takes the day's total over the threshold; later
 *       transfers that day up to the per-transfer threshold need an OTP again;</li>
 *   <li>{@link TransferDecision.Rule#OTP_FOR_OTHER_TRANSFERS}: everything else.</li>
 * </ol>
 * A biometric rule is satisfied by {@link TransferEvidence.Factor#FACE_MATCHED_WITH_CHIP} or a counted
 * {@link TransferEvidence.Factor#EID_LEVEL_2}; the OTP rule by an OTP or either biometric factor. When the evidence
 * satisfies the rule the answer is {@link TransferDecision.Allow} and the amount is added to the day total; else
 * {@link TransferDecision.StepUp} with the step-up to ask for, and nothing is recorded. A zero, negative or too
 * large amount is {@link TransferDecision.Refused}.
 *
 * <p>The day is the calendar day in {@code Asia/Ho_Chi_Minh} (by default) of the injected clock; each account's
 * day total lives in the {@link StateStore} under {@code eid:bank:day-total:<yyyy-MM-dd>:<account>} (kept two
 * days). Money is whole đồng in {@code long}, never floating point; sums are checked for overflow.
 *
 * <p>Immutable and thread-safe; several nodes may share one store.
 *
 * <p><b>Security.</b> The check of the day total and its update are one atomic step (compare-and-set on the
 * store, retried on contention): two transfers racing on one account can never both be judged against the same old
 * total, so parallel requests cannot split a crossing of the daily threshold into OTP-only transfers. A store
 * failure or persistent contention is {@link TransferDecision.Refusal#CHECK_UNAVAILABLE} (fail closed). An e-ID
 * assertion counts as the biometric factor only when it is at level 2, its {@code personal_number} is the account
 * holder's and it was issued at most {@link Builder#maxEvidenceAge(Duration) maxEvidenceAge} (5 minutes by default)
 * before the decision. The day total counts every allowed transfer, including one the caller later fails to carry
 * out (the rules err on the strict side).
 */
public final class TransferRules {

    /** Per-transfer threshold of Quyết định 2345/QĐ-NHNN: over it, biometrics. */
    public static final long DEFAULT_BIOMETRIC_ABOVE_VND = 10_000_000L;
    /** Daily threshold of Quyết định 2345/QĐ-NHNN: the transfer taking the day's total over it needs biometrics. */
    public static final long DEFAULT_DAILY_BIOMETRIC_ABOVE_VND = 20_000_000L;
    /** The default largest amount of one transfer: 10^15 VND. */
    public static final long DEFAULT_MAX_TRANSFER_VND = 1_000_000_000_000_000L;
    /** The default longest time between an e-ID assertion's issue and the decision it counts for. */
    public static final Duration DEFAULT_MAX_EVIDENCE_AGE = Duration.ofMinutes(5);
    /** The default zone of the calendar day. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The prefix of the day-total keys in the state store. */
    public static final String KEY_PREFIX = "eid:bank:day-total:";

    private static final Duration KEY_TTL = Duration.ofDays(2);
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(1);
    private static final int MAX_ATTEMPTS = 64;

    private final StateStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final long biometricAbove;
    private final long dailyBiometricAbove;
    private final long maxTransfer;
    private final Duration maxEvidenceAge;

    private TransferRules(Builder b) {
        if (b.store == null) {
            throw new IllegalStateException("stateStore is required");
        }
        this.store = b.store;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.zone = b.zone == null ? VIETNAM : b.zone;
        this.biometricAbove = b.biometricAbove == null ? DEFAULT_BIOMETRIC_ABOVE_VND : b.biometricAbove;
        this.dailyBiometricAbove = b.dailyBiometricAbove == null ? DEFAULT_DAILY_BIOMETRIC_ABOVE_VND
                : b.dailyBiometricAbove;
        this.maxTransfer = b.maxTransfer == null ? DEFAULT_MAX_TRANSFER_VND : b.maxTransfer;
        this.maxEvidenceAge = b.maxEvidenceAge == null ? DEFAULT_MAX_EVIDENCE_AGE : b.maxEvidenceAge;
    }

    /**
     * A builder; each option may be set once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides on a transfer with the evidence at hand; when the answer is {@link TransferDecision.Allow} the amount
     * has been added to the account's day total.
     *
     * @param transfer the transfer as the customer asked for it (the amount is untrusted)
     * @param evidence the authentication already passed for it ({@link TransferEvidence#none()} to learn which
     *     step-up is needed)
     * @return the decision
     * @throws NullPointerException when an argument is null
     */
    public TransferDecision decide(Transfer transfer, TransferEvidence evidence) {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(evidence, "evidence");
        long amount = transfer.amountVnd();
        if (amount <= 0) {
            return new TransferDecision.Refused(TransferDecision.Refusal.INVALID_AMOUNT,
                    "amount " + amount + " VND is not positive");
        }
        if (amount > maxTransfer) {
            return new TransferDecision.Refused(TransferDecision.Refusal.AMOUNT_OVER_MAXIMUM,
                    "amount " + amount + " VND is over the maximum " + maxTransfer + " VND");
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, zone);
        String eidProblem = eidProblem(evidence, now);
        TransferEvidence.Factor biometric = eidProblem == null ? TransferEvidence.Factor.EID_LEVEL_2
                : evidence.factors().contains(TransferEvidence.Factor.FACE_MATCHED_WITH_CHIP)
                ? TransferEvidence.Factor.FACE_MATCHED_WITH_CHIP : null;
        boolean otp = evidence.factors().contains(TransferEvidence.Factor.OTP);
        String key = key(day, transfer.account());
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Optional<byte[]> current = store.get(key);
                long before = current.isPresent() ? decode(current.get()) : 0L;
                if (before > Long.MAX_VALUE - amount) {
                    return new TransferDecision.Refused(TransferDecision.Refusal.DAY_TOTAL_OVERFLOW,
                            "day total " + before + " VND plus " + amount + " VND overflows");
                }
                TransferDecision.Rule rule = amount > biometricAbove ? TransferDecision.Rule.SINGLE_TRANSFER_OVER_LIMIT
                        : before <= dailyBiometricAbove && before + amount > dailyBiometricAbove
                        ? TransferDecision.Rule.DAILY_TOTAL_CROSSES_LIMIT
                        : TransferDecision.Rule.OTP_FOR_OTHER_TRANSFERS;
                TransferEvidence.Factor by = biometric != null ? biometric
                        : !rule.needsBiometric() && otp ? TransferEvidence.Factor.OTP : null;
                if (by == null) {
                    return stepUp(rule, day, amount, before, evidence, eidProblem);
                }
                byte[] next = encode(before + amount);
                boolean written = current.isPresent() ? store.compareAndSet(key, current.get(), next, KEY_TTL)
                        : store.putIfAbsent(key, next, KEY_TTL);
                if (written) {
                    return allow(rule, by, day, amount, before);
                }
            }
            return new TransferDecision.Refused(TransferDecision.Refusal.CHECK_UNAVAILABLE,
                    "day total still changing after " + MAX_ATTEMPTS + " attempts");
        } catch (RuntimeException e) {
            return new TransferDecision.Refused(TransferDecision.Refusal.CHECK_UNAVAILABLE,
                    "day total not available: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The account's total of allowed transfers for today (in the rules' zone), for display.
     *
     * @param account the account id (as in {@link Transfer#account()})
     * @return the total, VND
     * @throws NullPointerException when {@code account} is null
     * @throws IllegalArgumentException when the account id is malformed
     * @throws io.github.eidvn.core.spi.StateStoreException when the store fails
     * @throws IllegalStateException when the stored total is corrupt
     */
    public long dayTotalVnd(String account) {
        Transfer check = new Transfer(account, 0);
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
        return store.get(key(day, check.account())).map(TransferRules::decode).orElse(0L);
    }

    /** @return the per-transfer biometric threshold, VND */
    public long biometricAboveVnd() {
        return biometricAbove;
    }

    /** @return the daily biometric threshold, VND */
    public long dailyBiometricAboveVnd() {
        return dailyBiometricAbove;
    }

    /** Null when the evidence carries a usable level-2 e-ID assertion; else why not (for the step-up detail). */
    private String eidProblem(TransferEvidence evidence, Instant now) {
        Optional<Assertion> eid = evidence.eidAssertion();
        if (eid.isEmpty()) {
            return "no e-ID assertion";
        }
        Assertion a = eid.get();
        if (!a.level().satisfies(AssuranceLevel.LEVEL_2)) {
            return "e-ID assertion is level " + a.level().number() + ", level 2 needed";
        }
        if (!a.personalNumber().map(evidence.eidHolder()::equals).orElse(false)) {
            return "e-ID assertion is not for the account holder";
        }
        if (a.issuedAt().isBefore(now.minus(maxEvidenceAge))) {
            return "e-ID assertion issued more than " + maxEvidenceAge.toSeconds() + " s ago";
        }
        if (a.issuedAt().isAfter(now.plus(FUTURE_SKEW))) {
            return "e-ID assertion issued in the future";
        }
        return null;
    }

    private TransferDecision stepUp(TransferDecision.Rule rule, LocalDate day, long amount, long before,
            TransferEvidence evidence, String eidProblem) {
        String detail = evidence.factors().contains(TransferEvidence.Factor.EID_LEVEL_2) ? eidProblem : "";
        String vi;
        String en;
        switch (rule) {
            case SINGLE_TRANSFER_OVER_LIMIT:
                vi = "Giao dịch trên " + Vnd.vi(biometricAbove) + " cần " + BIOMETRIC_VI;
                en = "A transfer over " + Vnd.en(biometricAbove) + " needs " + BIOMETRIC_EN;
                break;
            case DAILY_TOTAL_CROSSES_LIMIT:
                vi = "Giao dịch này làm tổng giá trị giao dịch trong ngày vượt " + Vnd.vi(dailyBiometricAbove)
                        + " (đã giao dịch " + Vnd.vi(before) + "): cần " + BIOMETRIC_VI;
                en = "This transfer takes the day's total over " + Vnd.en(dailyBiometricAbove) + " (so far "
                        + Vnd.en(before) + "): it needs " + BIOMETRIC_EN;
                break;
            default:
                vi = "Nhập mã OTP để xác nhận giao dịch " + Vnd.vi(amount) + ".";
                en = "Enter the one-time password (OTP) to confirm the transfer of " + Vnd.en(amount) + ".";
                break;
        }
        return new TransferDecision.StepUp(rule, day, amount, before, detail, vi, en);
    }

    private static final String BIOMETRIC_VI = "xác thực sinh trắc học khuôn mặt, đối chiếu với dữ liệu trong chip"
            + " của thẻ căn cước hoặc qua tài khoản định danh điện tử mức độ 2 (Quyết định 2345/QĐ-NHNN).";
    private static final String BIOMETRIC_EN = "a face biometric check against the data in the chip of the ID card,"
            + " or through a level-2 electronic identity (Decision 2345/QĐ-NHNN).";

    private static TransferDecision allow(TransferDecision.Rule rule, TransferEvidence.Factor by, LocalDate day,
            long amount, long before) {
        String byVi;
        String byEn;
        switch (by) {
            case OTP:
                byVi = "mã OTP";
                byEn = "one-time password";
                break;
            case FACE_MATCHED_WITH_CHIP:
                byVi = "sinh trắc học khuôn mặt đối chiếu chip căn cước";
                byEn = "face biometrics against the ID card chip";
                break;
            default:
                byVi = "định danh điện tử mức độ 2";
                byEn = "level-2 electronic identity";
                break;
        }
        return new TransferDecision.Allow(rule, by, day, amount, before,
                "Giao dịch " + Vnd.vi(amount) + " được chấp thuận (xác thực bằng " + byVi
                        + "). Tổng giao dịch trong ngày: " + Vnd.vi(before + amount) + ".",
                "Transfer of " + Vnd.en(amount) + " allowed (authenticated by " + byEn + "). Day's total: "
                        + Vnd.en(before + amount) + ".");
    }

    private static String key(LocalDate day, String account) {
        return KEY_PREFIX + day + ":" + account;
    }

    private static byte[] encode(long total) {
        return Long.toString(total).getBytes(StandardCharsets.US_ASCII);
    }

    private static long decode(byte[] value) {
        if (value.length == 0 || value.length > 19) {
            throw new IllegalStateException("corrupt day total");
        }
        long n = 0;
        for (byte b : value) {
            if (b < '0' || b > '9') {
                throw new IllegalStateException("corrupt day total");
            }
            n = n * 10 + (b - '0');
        }
        if (n < 0) {
            throw new IllegalStateException("corrupt day total");
        }
        return n;
    }

    /** @return thresholds, zone and store; no account data */
    @Override
    public String toString() {
        return "TransferRules[biometric above " + biometricAbove + " VND per transfer or crossing "
                + dailyBiometricAbove + " VND per day, zone " + zone + ", " + store + "]";
    }

    /** Builds {@link TransferRules}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private StateStore store;
        private Clock clock;
        private ZoneId zone;
        private Long biometricAbove;
        private Long dailyBiometricAbove;
        private Long maxTransfer;
        private Duration maxEvidenceAge;

        private Builder() {
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " is already set");
            }
        }

        private static long positive(String name, long value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }

        /**
         * Required: where the day totals live ({@link io.github.eidvn.core.spi.InMemoryStateStore} for one node,
         * the Redis store for several).
         *
         * @param store the store
         * @return this builder
         */
        public Builder stateStore(StateStore store) {
            once(this.store, "stateStore");
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The clock of the decisions; {@link Clock#systemUTC()} by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            once(this.clock, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The zone of the calendar day; {@link #VIETNAM} by default.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            once(this.zone, "zone");
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * A transfer over this amount needs biometrics; {@value #DEFAULT_BIOMETRIC_ABOVE_VND} VND by default.
         *
         * @param vnd the threshold, positive
         * @return this builder
         */
        public Builder biometricAboveVnd(long vnd) {
            once(this.biometricAbove, "biometricAboveVnd");
            this.biometricAbove = positive("biometricAboveVnd", vnd);
            return this;
        }

        /**
         * The transfer that takes the day's total over this amount needs biometrics;
         * {@value #DEFAULT_DAILY_BIOMETRIC_ABOVE_VND} VND by default.
         *
         * @param vnd the threshold, positive
         * @return this builder
         */
        public Builder dailyBiometricAboveVnd(long vnd) {
            once(this.dailyBiometricAbove, "dailyBiometricAboveVnd");
            this.dailyBiometricAbove = positive("dailyBiometricAboveVnd", vnd);
            return this;
        }

        /**
         * The largest amount of one transfer; larger ones are refused ({@value #DEFAULT_MAX_TRANSFER_VND} VND by
         * default).
         *
         * @param vnd the maximum, positive
         * @return this builder
         */
        public Builder maxTransferVnd(long vnd) {
            once(this.maxTransfer, "maxTransferVnd");
            this.maxTransfer = positive("maxTransferVnd", vnd);
            return this;
        }

        /**
         * How long after its issue an e-ID assertion counts as the biometric factor (5 minutes by default, at most
         * one hour).
         *
         * @param age the age, positive, at most one hour
         * @return this builder
         */
        public Builder maxEvidenceAge(Duration age) {
            once(this.maxEvidenceAge, "maxEvidenceAge");
            Objects.requireNonNull(age, "age");
            if (age.isNegative() || age.isZero() || age.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("maxEvidenceAge must be positive and at most one hour");
            }
            this.maxEvidenceAge = age;
            return this;
        }

        /**
         * @return the rules
         * @throws IllegalStateException when the state store is missing
         */
        public TransferRules build() {
            return new TransferRules(this);
        }
    }
}
