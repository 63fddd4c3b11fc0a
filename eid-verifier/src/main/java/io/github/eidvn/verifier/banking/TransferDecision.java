package io.github.eidvn.verifier.banking;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.BilingualText;
import io.github.eidvn.core.result.HasBilingualText;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link TransferRules#decide}: {@link Allow} (the transfer may go ahead and now counts towards the
 * day's total), {@link StepUp} (ask the customer for an OTP or a biometric check, then decide again) or
 * {@link Refused} (the request itself is unacceptable, or the day total could not be checked).
 *
 * <p>Every answer has a message for the customer in Vietnamese and English. Values are immutable; only
 * {@link TransferRules} makes them.
 */
public sealed interface TransferDecision extends BilingualText permits TransferDecision.Allow, TransferDecision.StepUp,
        TransferDecision.Refused {

    /** The four answers, for a {@code switch}. */
    enum Outcome {
        /** Go ahead: the evidence satisfies the rule that applies. */
        ALLOW,
        /** Ask for a one-time password (or any biometric factor), then decide again. */
        STEP_UP_OTP,
        /**
         * Ask for a face biometric check against the chip ID card's data, or a level-2 e-ID authentication, then
         * decide again.
         */
        STEP_UP_BIOMETRIC,
        /** Not acceptable as asked; see {@link Refused#refusal()}. */
        REFUSED
    }

    /** The rule of Quyết định 2345/QĐ-NHNN that applied, with the configured thresholds, first that applies first. */
    enum Rule {
        /** The account's first online transaction (no device recorded for it yet): biometric. */
        FIRST_ONLINE_TRANSACTION(Outcome.STEP_UP_BIOMETRIC),
        /** The first transaction on a device other than the one of the account's previous online transactions. */
        NEW_DEVICE(Outcome.STEP_UP_BIOMETRIC),
        /** An e-wallet top-up over the top-up threshold (10,000,000 VND by default): biometric. */
        WALLET_TOP_UP_OVER_LIMIT(Outcome.STEP_UP_BIOMETRIC),
        /** The transfer alone is over the per-transfer threshold (10,000,000 VND by default): biometric. */
        SINGLE_TRANSFER_OVER_LIMIT(Outcome.STEP_UP_BIOMETRIC),
        /**
         * The transfer takes the account's total for the day from at most the daily threshold to over it
         * (20,000,000 VND by default): biometric.
         */
        DAILY_TOTAL_CROSSES_LIMIT(Outcome.STEP_UP_BIOMETRIC),
        /** Any other transfer: one-time password. */
        OTP_FOR_OTHER_TRANSFERS(Outcome.STEP_UP_OTP);

        private final Outcome stepUp;

        Rule(Outcome stepUp) {
            this.stepUp = stepUp;
        }

        /** @return the step-up this rule asks for when the evidence is not enough */
        public Outcome stepUp() {
            return stepUp;
        }

        /** @return true when this rule needs a biometric factor */
        public boolean needsBiometric() {
            return stepUp == Outcome.STEP_UP_BIOMETRIC;
        }
    }

    /** Why a transfer request was refused, with messages for the customer. */
    enum Refusal implements HasBilingualText {
        /** The amount is zero or negative. */
        INVALID_AMOUNT("Số tiền không hợp lệ.", "The amount is not valid."),
        /** The amount is over the largest amount one transfer may have. */
        AMOUNT_OVER_MAXIMUM("Số tiền vượt quá mức tối đa của một giao dịch.",
                "The amount is over the maximum of one transfer."),
        /** The day's total would no longer fit in a {@code long}. */
        DAY_TOTAL_OVERFLOW("Tổng giá trị giao dịch trong ngày vượt quá giới hạn xử lý.",
                "The day's total of transfers is over what can be processed."),
        /**
         * Thông tư 17/2024/TT-NHNN: from 1 January 2025, no online transfer or withdrawal for an account whose
         * holder's identity documents and biometrics have not been matched (chip or level-2 e-ID).
         */
        HOLDER_NOT_VERIFIED("Tài khoản chưa được đối chiếu giấy tờ tùy thân và sinh trắc học của chủ tài khoản"
                + " (thẻ căn cước gắn chip hoặc định danh điện tử mức độ 2): chưa thể giao dịch trực tuyến (Thông tư"
                + " 17/2024/TT-NHNN).", "The account holder's identity documents and biometrics have not been"
                + " matched (chip ID card or level-2 e-ID): online transactions are suspended (Circular"
                + " 17/2024/TT-NHNN)."),
        /** Thông tư 17/2024/TT-NHNN: the holder's ID card has expired; online transactions are suspended. */
        ID_CARD_EXPIRED("Thẻ căn cước của chủ tài khoản đã hết hạn: tạm dừng giao dịch trực tuyến cho đến khi cập"
                + " nhật giấy tờ mới (Thông tư 17/2024/TT-NHNN).", "The account holder's ID card has expired: online"
                + " transactions are suspended until the new document is recorded (Circular 17/2024/TT-NHNN)."),
        /** The day's total could not be read or written (state store failing, contention): fail closed. */
        CHECK_UNAVAILABLE("Chưa thể kiểm tra hạn mức giao dịch trong ngày. Vui lòng thử lại.",
                "The day's transfer total could not be checked. Please try again.");

        private final Bilingual text;

        Refusal(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }

    /** @return the answer */
    Outcome outcome();

    /** @return the message for the customer in Vietnamese */
    @Override
    String vietnamese();

    /** @return the message for the customer in English */
    @Override
    String english();

    /**
     * The transfer may go ahead; its amount was added to the account's day total in the same atomic step that
     * checked the total.
     */
    final class Allow extends RuledDecision implements TransferDecision {
        private final TransferEvidence.Factor satisfiedBy;

        Allow(Rule rule, TransferEvidence.Factor satisfiedBy, LocalDate day, long amountVnd, long dayTotalBeforeVnd,
                String messageVi, String messageEn) {
            super(rule, day, amountVnd, dayTotalBeforeVnd, messageVi, messageEn);
            this.satisfiedBy = satisfiedBy;
        }

        @Override
        public Outcome outcome() {
            return Outcome.ALLOW;
        }

        /** @return the factor that satisfied the rule (the strongest one presented when several did) */
        public TransferEvidence.Factor satisfiedBy() {
            return satisfiedBy;
        }

        /** @return the account's total for the day with this transfer, VND */
        public long dayTotalAfterVnd() {
            return dayTotalBeforeVnd() + amountVnd();
        }

        @Override
        public String toString() {
            return "Allow[" + rule() + " by " + satisfiedBy + ", " + day() + ", " + amountVnd() + " VND, day total "
                    + dayTotalAfterVnd() + " VND]";
        }
    }

    /**
     * The evidence at hand is not enough for the rule that applies: ask for {@link #outcome()}
     * ({@link Outcome#STEP_UP_OTP} or {@link Outcome#STEP_UP_BIOMETRIC}) and decide again with the new evidence.
     * Nothing was added to the day total.
     */
    final class StepUp extends RuledDecision implements TransferDecision {
        private final String detail;
        private final String challenge;

        StepUp(Rule rule, LocalDate day, long amountVnd, long dayTotalBeforeVnd, String detail, String challenge,
                String messageVi, String messageEn) {
            super(rule, day, amountVnd, dayTotalBeforeVnd, messageVi, messageEn);
            this.challenge = challenge;
            this.detail = detail;
        }

        @Override
        public Outcome outcome() {
            return rule().stepUp();
        }

        /**
         * The challenge to name in the biometric evidence for this very transfer
         * ({@link TransferEvidence#chipAndFace}, {@link TransferEvidence#eid}); single-use, valid for the rules'
         * evidence age. Not a secret, but do not log it next to the customer's data.
         *
         * @return the challenge for a biometric step-up; empty for an OTP step-up
         */
        public Optional<String> challenge() {
            return Optional.ofNullable(challenge);
        }

        /**
         * @return a technical detail for logs (English): e.g. why a presented biometric factor did not count; empty
         *     when there is nothing to add
         */
        public String detail() {
            return detail;
        }

        @Override
        public String toString() {
            return "StepUp[" + outcome() + ", " + rule() + ", " + day() + ", " + amountVnd() + " VND, day total "
                    + dayTotalBeforeVnd() + " VND" + (detail.isEmpty() ? "" : ", " + detail) + "]";
        }
    }

    /** The request is not acceptable as asked, or the day total could not be checked (fail closed). */
    final class Refused implements TransferDecision {
        private final Refusal refusal;
        private final String detail;

        Refused(Refusal refusal, String detail) {
            this.refusal = refusal;
            this.detail = detail;
        }

        @Override
        public Outcome outcome() {
            return Outcome.REFUSED;
        }

        /** @return why */
        public Refusal refusal() {
            return refusal;
        }

        /** @return a technical detail for logs (English) */
        public String detail() {
            return detail;
        }

        @Override
        public String vietnamese() {
            return refusal.vietnamese();
        }

        @Override
        public String english() {
            return refusal.english();
        }

        @Override
        public String toString() {
            return "Refused[" + refusal + ", " + detail + "]";
        }
    }
}
