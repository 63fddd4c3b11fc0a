package io.github.eidvn.verifier.banking;

import java.time.LocalDate;

/**
 * What {@link TransferDecision.Allow} and {@link TransferDecision.StepUp} both tell: the rule that applied, the day
 * and the amount it was applied to, the day's total before the transfer, and the message for the customer.
 */
abstract class RuledDecision {
    private final TransferDecision.Rule rule;
    private final LocalDate day;
    private final long amountVnd;
    private final long dayTotalBeforeVnd;
    private final String messageVi;
    private final String messageEn;

    RuledDecision(TransferDecision.Rule rule, LocalDate day, long amountVnd, long dayTotalBeforeVnd, String messageVi,
            String messageEn) {
        this.rule = rule;
        this.day = day;
        this.amountVnd = amountVnd;
        this.dayTotalBeforeVnd = dayTotalBeforeVnd;
        this.messageVi = messageVi;
        this.messageEn = messageEn;
    }

    /** @return the rule that applied to this transfer */
    public TransferDecision.Rule rule() {
        return rule;
    }

    /** @return the calendar day (in the rules' zone, Vietnam by default) the transfer counts towards */
    public LocalDate day() {
        return day;
    }

    /** @return the amount, VND */
    public long amountVnd() {
        return amountVnd;
    }

    /** @return the account's total for the day before this transfer (without it), VND */
    public long dayTotalBeforeVnd() {
        return dayTotalBeforeVnd;
    }

    /** @return the message for the customer in Vietnamese */
    public String vietnamese() {
        return messageVi;
    }

    /** @return the message for the customer in English */
    public String english() {
        return messageEn;
    }
}
