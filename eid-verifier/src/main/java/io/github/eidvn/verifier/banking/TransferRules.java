package io.github.eidvn.verifier.banking;

import static io.github.eidvn.core.internal.Once.once;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.assurance.IdentityProofing;
import io.github.eidvn.core.internal.Base64Url;
import io.github.eidvn.core.spi.StateStore;

/**
 * The State Bank's rules for online transactions: the authentication rules of Quyết định 2345/QĐ-NHNN and the
 * account-holder rules of Thông tư 17/2024/TT-NHNN.
 *
 * <pre>{@code
 * TransferRules rules = TransferRules.builder().stateStore(store)
 *         .eidAudience("wallet-demo").eidPurpose("payment-authentication").build();
 * TransferDecision d = rules.decide(transfer, TransferEvidence.none());
 * // STEP_UP_BIOMETRIC: run the face check against the chip, or ask VNeID for a level-2 assertion, naming the challenge
 * String challenge = ((TransferDecision.StepUp) d).challenge().orElseThrow();
 * d = rules.decide(transfer, TransferEvidence.eid(verified, challenge));
 * if (d instanceof TransferDecision.Allow) { ... make the transfer ... }
 * }</pre>
 *
 * <p><b>Refusals first</b> (Thông tư 17/2024/TT-NHNN, from {@link #CIRCULAR_17_BIOMETRIC_DEADLINE 1 January 2025}):
 * an account whose holder's documents and biometrics were not matched ({@link AccountHolder.Match#NOT_MATCHED}) is
 * {@link TransferDecision.Refusal#HOLDER_NOT_VERIFIED}; a holder whose ID card has expired is
 * {@link TransferDecision.Refusal#ID_CARD_EXPIRED}. A zero, negative or too large amount is refused too.
 *
 * <p><b>Then the authentication rules</b> (Quyết định 2345/QĐ-NHNN), the first that applies fires:
 * <ol>
 *   <li>{@link TransferDecision.Rule#FIRST_ONLINE_TRANSACTION}: the account has no online transaction yet;</li>
 *   <li>{@link TransferDecision.Rule#NEW_DEVICE}: the device differs from the one of the account's previous online
 *       transactions;</li>
 *   <li>{@link TransferDecision.Rule#WALLET_TOP_UP_OVER_LIMIT}: an e-wallet top-up over
 *       {@code walletTopUpBiometricAbove} (10,000,000 VND by default);</li>
 *   <li>{@link TransferDecision.Rule#SINGLE_TRANSFER_OVER_LIMIT}: {@code amount > biometricAbove} (10,000,000 VND by
 *       default; exactly 10,000,000 is not over);</li>
 *   <li>{@link TransferDecision.Rule#DAILY_TOTAL_CROSSES_LIMIT}: {@code dayTotal <= dailyBiometricAbove < dayTotal
 *       + amount} (20,000,000 VND by default): the transfer that takes the day's total over the threshold; later
 *       transfers that day up to the per-transfer threshold need an OTP again;</li>
 *   <li>{@link TransferDecision.Rule#OTP_FOR_OTHER_TRANSFERS}: everything else.</li>
 * </ol>
 * The first five are biometric: satisfied by a counted {@link TransferEvidence#chipAndFace} or
 * {@link TransferEvidence#eid}; the OTP rule by an OTP or either biometric factor. When the evidence satisfies the
 * rule the answer is {@link TransferDecision.Allow}: the amount is added to the day total and the device becomes the
 * account's device; else {@link TransferDecision.StepUp} with the step-up to ask for (and, for biometrics, a
 * challenge), and nothing is recorded.
 *
 * <p><b>Biometric evidence is single-use and bound to one transfer.</b> It names a challenge the rules issued for
 * the transfer ({@link TransferDecision.StepUp#challenge()}, {@link #challenge(Transfer)}); the rules keep the
 * challenge in the store with the transfer's account, device, kind and amount, and consume it atomically when the
 * evidence is presented: a challenge issued for another transfer, another account or another amount does not count,
 * nor one used before. An e-ID assertion's {@code iss}+{@code jti} is recorded as used in the same way. An e-ID
 * assertion counts only at level 2, for the account holder's personal number, issued after the challenge and at most
 * {@link Builder#maxEvidenceAge(Duration) maxEvidenceAge} (5 minutes by default) before the decision, with the
 * {@link Builder#eidAudience audience} and {@link Builder#eidPurpose purpose} configured here (without them, no e-ID
 * assertion counts). A chip and face check counts only for the holder's card, unexpired, read after the challenge
 * and recently, with liveness passed and a face score of at least {@link Builder#faceThreshold faceThreshold}. The
 * evidence is consumed even when the decision then fails for a store failure (fail closed: ask again).
 *
 * <p><b>State.</b> The day is the calendar day in {@code Asia/Ho_Chi_Minh} (by default) of the injected clock; each
 * account's day total lives in the {@link StateStore} under {@code eid:bank:day-total:<yyyy-MM-dd>:<account>} (kept
 * two days), the account's device under {@code eid:bank:device:<account>} (a SHA-256 of the device id, kept without
 * expiry), challenges and used assertion ids under {@code eid:bank:challenge:} and {@code eid:bank:evidence:}.
 * Money is whole đồng in {@code long}, never floating point; sums are checked for overflow.
 *
 * <p>Immutable and thread-safe; several nodes may share one store.
 *
 * <p><b>Security.</b> The check of the day total and its update are one atomic step (compare-and-set on the
 * store, retried on contention): two transfers racing on one account can never both be judged against the same old
 * total, so parallel requests cannot split a crossing of the daily threshold into OTP-only transfers. A store
 * failure or persistent contention is {@link TransferDecision.Refusal#CHECK_UNAVAILABLE} (fail closed). The day
 * total counts every allowed transfer, including one the caller later fails to carry out (the rules err on the
 * strict side).
 */
public final class TransferRules {

    /** Per-transfer threshold of Quyết định 2345/QĐ-NHNN: over it, biometrics. */
    public static final long DEFAULT_BIOMETRIC_ABOVE_VND = 10_000_000L;
    /** Daily threshold of Quyết định 2345/QĐ-NHNN: the transfer taking the day's total over it needs biometrics. */
    public static final long DEFAULT_DAILY_BIOMETRIC_ABOVE_VND = 20_000_000L;
    /** E-wallet top-up threshold of Quyết định 2345/QĐ-NHNN: a top-up over it needs biometrics. */
    public static final long DEFAULT_WALLET_TOP_UP_BIOMETRIC_ABOVE_VND = 10_000_000L;
    /** The default largest amount of one transfer: 10^15 VND. */
    public static final long DEFAULT_MAX_TRANSFER_VND = 1_000_000_000_000_000L;
    /** The default longest time between a biometric factor and the decision it counts for. */
    public static final Duration DEFAULT_MAX_EVIDENCE_AGE = Duration.ofMinutes(5);
    /** Thông tư 17/2024/TT-NHNN: from this day an unmatched holder gets no online transfers or withdrawals. */
    public static final LocalDate CIRCULAR_17_BIOMETRIC_DEADLINE = LocalDate.of(2025, 1, 1);
    /** The default zone of the calendar day. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The prefix of the day-total keys in the state store. */
    public static final String KEY_PREFIX = "eid:bank:day-total:";
    /** The prefix of the account-device keys in the state store. */
    public static final String DEVICE_KEY_PREFIX = "eid:bank:device:";

    static final String CHALLENGE_PREFIX = "eid:bank:challenge:";
    private static final Duration KEY_TTL = Duration.ofDays(2);
    private static final int MAX_ATTEMPTS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StateStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final long biometricAbove;
    private final long dailyBiometricAbove;
    private final long topUpBiometricAbove;
    private final long maxTransfer;
    private final Duration maxEvidenceAge;
    private final StepUpEvidence stepUpEvidence;

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
        this.topUpBiometricAbove = b.topUpBiometricAbove == null ? DEFAULT_WALLET_TOP_UP_BIOMETRIC_ABOVE_VND
                : b.topUpBiometricAbove;
        this.maxTransfer = b.maxTransfer == null ? DEFAULT_MAX_TRANSFER_VND : b.maxTransfer;
        this.maxEvidenceAge = b.maxEvidenceAge == null ? DEFAULT_MAX_EVIDENCE_AGE : b.maxEvidenceAge;
        this.stepUpEvidence = new StepUpEvidence(store, maxEvidenceAge, b.eidAudience, b.eidPurpose,
                b.faceThreshold == null ? IdentityProofing.DEFAULT_THRESHOLD : b.faceThreshold);
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
     * Issues a challenge for a transfer, to name in its biometric evidence when the app asks for biometrics before
     * the rules do (a biometric {@link TransferDecision.StepUp} carries one already). Single-use; valid for
     * {@link Builder#maxEvidenceAge(Duration) maxEvidenceAge}.
     *
     * @param transfer the transfer, exactly as it will be decided
     * @return the challenge (22 base64url characters)
     * @throws NullPointerException when {@code transfer} is null
     * @throws io.github.eidvn.core.spi.StateStoreException when the store fails
     */
    public String challenge(Transfer transfer) {
        Objects.requireNonNull(transfer, "transfer");
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String challenge = Base64Url.encode(random);
        String value = clock.instant().getEpochSecond() + "\n" + binding(transfer);
        if (!store.putIfAbsent(CHALLENGE_PREFIX + challenge, value.getBytes(StandardCharsets.UTF_8),
                maxEvidenceAge)) {
            throw new IllegalStateException("challenge collision");
        }
        return challenge;
    }

    static String binding(Transfer t) {
        return t.account() + "\n" + sha256(t.device()) + "\n" + t.kind() + "\n" + t.amountVnd() + "\n"
                + t.holder().personalNumber().value();
    }

    /**
     * Decides on a transaction with the evidence at hand; when the answer is {@link TransferDecision.Allow} the amount
     * has been added to the account's day total and the device recorded as the account's.
     *
     * @param transfer the transaction as the customer asked for it (the amount is untrusted)
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
        AccountHolder holder = transfer.holder();
        if (!holder.match().satisfiesCircular17() && !day.isBefore(CIRCULAR_17_BIOMETRIC_DEADLINE)) {
            return new TransferDecision.Refused(TransferDecision.Refusal.HOLDER_NOT_VERIFIED,
                    "holder's documents and biometrics not matched (Circular 17/2024/TT-NHNN)");
        }
        if (holder.idCardValidUntil().map(day::isAfter).orElse(false)) {
            return new TransferDecision.Refused(TransferDecision.Refusal.ID_CARD_EXPIRED,
                    "holder's ID card expired on " + holder.idCardValidUntil().get());
        }
        boolean otp = evidence.factors().contains(TransferEvidence.Factor.OTP);
        String key = key(day, transfer.account());
        String deviceKey = DEVICE_KEY_PREFIX + transfer.account();
        byte[] device = sha256(transfer.device()).getBytes(StandardCharsets.US_ASCII);
        try {
            StepUpEvidence.Checked bio = stepUpEvidence.check(transfer, evidence, now, day);
            Optional<byte[]> known = store.get(deviceKey);
            TransferDecision.Rule deviceRule = known.isEmpty() ? TransferDecision.Rule.FIRST_ONLINE_TRANSACTION
                    : !Arrays.equals(known.get(), device) ? TransferDecision.Rule.NEW_DEVICE : null;
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Optional<byte[]> current = store.get(key);
                long before = current.isPresent() ? decode(current.get()) : 0L;
                if (before > Long.MAX_VALUE - amount) {
                    return new TransferDecision.Refused(TransferDecision.Refusal.DAY_TOTAL_OVERFLOW,
                            "day total " + before + " VND plus " + amount + " VND overflows");
                }
                TransferDecision.Rule rule = deviceRule != null ? deviceRule
                        : transfer.kind() == Transfer.Kind.WALLET_TOP_UP && amount > topUpBiometricAbove
                        ? TransferDecision.Rule.WALLET_TOP_UP_OVER_LIMIT
                        : amount > biometricAbove ? TransferDecision.Rule.SINGLE_TRANSFER_OVER_LIMIT
                        : before <= dailyBiometricAbove && before + amount > dailyBiometricAbove
                        ? TransferDecision.Rule.DAILY_TOTAL_CROSSES_LIMIT
                        : TransferDecision.Rule.OTP_FOR_OTHER_TRANSFERS;
                TransferEvidence.Factor by = bio.factor() != null ? bio.factor()
                        : !rule.needsBiometric() && otp ? TransferEvidence.Factor.OTP : null;
                if (by == null) {
                    return stepUp(transfer, rule, day, before, bio.problem());
                }
                byte[] next = encode(before + amount);
                boolean written = current.isPresent() ? store.compareAndSet(key, current.get(), next, KEY_TTL)
                        : store.putIfAbsent(key, next, KEY_TTL);
                if (written) {
                    if (deviceRule != null) {
                        store.put(deviceKey, device, StateStore.NO_EXPIRY);
                    }
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
        Transfer.checkId("account", account);
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
        return store.get(key(day, account)).map(TransferRules::decode).orElse(0L);
    }

    /** @return the per-transfer biometric threshold, VND */
    public long biometricAboveVnd() {
        return biometricAbove;
    }

    /** @return the daily biometric threshold, VND */
    public long dailyBiometricAboveVnd() {
        return dailyBiometricAbove;
    }

    /** @return the e-wallet top-up biometric threshold, VND */
    public long walletTopUpBiometricAboveVnd() {
        return topUpBiometricAbove;
    }

    private TransferDecision stepUp(Transfer transfer, TransferDecision.Rule rule, LocalDate day, long before,
            String detail) {
        long amount = transfer.amountVnd();
        String vi;
        String en;
        switch (rule) {
            case FIRST_ONLINE_TRANSACTION:
                vi = "Giao dịch trực tuyến đầu tiên của tài khoản cần " + BIOMETRIC_VI;
                en = "The account's first online transaction needs " + BIOMETRIC_EN;
                break;
            case NEW_DEVICE:
                vi = "Giao dịch đầu tiên trên thiết bị mới hoặc khác thiết bị trước đây cần " + BIOMETRIC_VI;
                en = "The first transaction on a new or different device needs " + BIOMETRIC_EN;
                break;
            case WALLET_TOP_UP_OVER_LIMIT:
                vi = "Nạp tiền vào ví điện tử trên " + Vnd.vi(topUpBiometricAbove) + " cần " + BIOMETRIC_VI;
                en = "An e-wallet top-up over " + Vnd.en(topUpBiometricAbove) + " needs " + BIOMETRIC_EN;
                break;
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
        String challenge = rule.needsBiometric() ? challenge(transfer) : null;
        return new TransferDecision.StepUp(rule, day, amount, before, detail, challenge, vi, en);
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

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
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
                + dailyBiometricAbove + " VND per day, top-ups above " + topUpBiometricAbove + " VND, zone " + zone
                + ", " + store + "]";
    }

    /** Builds {@link TransferRules}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private StateStore store;
        private Clock clock;
        private ZoneId zone;
        private Long biometricAbove;
        private Long dailyBiometricAbove;
        private Long maxTransfer;
        private Long topUpBiometricAbove;
        private Duration maxEvidenceAge;
        private String eidAudience;
        private String eidPurpose;
        private Double faceThreshold;

        private Builder() {
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
            this.store = once(this.store, store, "stateStore");
            return this;
        }

        /**
         * The clock of the decisions; {@link Clock#systemUTC()} by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = once(this.clock, clock, "clock");
            return this;
        }

        /**
         * The zone of the calendar day; {@link #VIETNAM} by default.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = once(this.zone, zone, "zone");
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
         * An e-wallet top-up over this amount needs biometrics; {@value #DEFAULT_WALLET_TOP_UP_BIOMETRIC_ABOVE_VND}
         * VND by default.
         *
         * @param vnd the threshold, positive
         * @return this builder
         */
        public Builder walletTopUpBiometricAboveVnd(long vnd) {
            once(this.topUpBiometricAbove, "walletTopUpBiometricAboveVnd");
            this.topUpBiometricAbove = positive("walletTopUpBiometricAboveVnd", vnd);
            return this;
        }

        /**
         * The audience an e-ID assertion must name to count as a biometric factor: the wallet's or bank's id at the
         * e-ID issuer. Without it (and {@link #eidPurpose}), no e-ID assertion counts.
         *
         * @param audience the audience, e.g. {@code wallet-demo}
         * @return this builder
         */
        public Builder eidAudience(String audience) {
            once(this.eidAudience, "eidAudience");
            this.eidAudience = nonBlank("eidAudience", audience);
            return this;
        }

        /**
         * The purpose an e-ID assertion must state to count as a biometric factor, e.g.
         * {@code payment-authentication}: an assertion made for another purpose (a hospital check-in, a login) never
         * authorises a payment.
         *
         * @param purpose the purpose
         * @return this builder
         */
        public Builder eidPurpose(String purpose) {
            once(this.eidPurpose, "eidPurpose");
            this.eidPurpose = nonBlank("eidPurpose", purpose);
            return this;
        }

        /**
         * The lowest face score of a chip and face check that counts; {@link IdentityProofing#DEFAULT_THRESHOLD} by
         * default.
         *
         * @param threshold in {@code (0, 1]}
         * @return this builder
         */
        public Builder faceThreshold(double threshold) {
            once(this.faceThreshold, "faceThreshold");
            if (!(threshold > 0.0 && threshold <= 1.0)) {
                throw new IllegalArgumentException("faceThreshold must be in (0, 1]");
            }
            this.faceThreshold = threshold;
            return this;
        }

        private static String nonBlank(String name, String value) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " is blank");
            }
            return value;
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
         * How long a challenge stays valid and how long after its making a biometric factor (the e-ID assertion's
         * issue, the chip reading) counts (5 minutes by default, at most one hour).
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
