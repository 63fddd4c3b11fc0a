package io.github.eidvn.verifier.banking;

import java.util.Objects;

/**
 * A transfer (chuyển tiền) or payment an account holder asks for, as the rules see it: whose day total it counts
 * towards and how much it is.
 *
 * <p>The amount is whole Vietnamese đồng in a {@code long} (the đồng has no minor unit in use; no floating point
 * anywhere). It is the customer's request and not checked here: {@link TransferRules#decide} refuses a zero,
 * negative or too large amount with {@link TransferDecision.Refusal#INVALID_AMOUNT} /
 * {@link TransferDecision.Refusal#AMOUNT_OVER_MAXIMUM}.
 *
 * @param account the paying account's id in the bank's or wallet's own system: 1 to {@value #MAX_ACCOUNT_LENGTH}
 *     printable ASCII characters without spaces (the day total is kept per account)
 * @param amountVnd the amount in VND as requested
 */
public record Transfer(String account, long amountVnd) {

    /** The longest account id. */
    public static final int MAX_ACCOUNT_LENGTH = 128;

    /**
     * Creates the value.
     *
     * @throws NullPointerException when {@code account} is null
     * @throws IllegalArgumentException when {@code account} is empty, too long, or not printable ASCII without
     *     spaces (the account id comes from the bank's own system, not from the customer)
     */
    public Transfer {
        Objects.requireNonNull(account, "account");
        if (account.isEmpty() || account.length() > MAX_ACCOUNT_LENGTH) {
            throw new IllegalArgumentException("account id must have 1 to " + MAX_ACCOUNT_LENGTH + " characters");
        }
        for (int i = 0; i < account.length(); i++) {
            char c = account.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("account id must be printable ASCII without spaces");
            }
        }
    }

    /** @return the account id and the amount */
    @Override
    public String toString() {
        return "Transfer[" + account + ", " + amountVnd + " VND]";
    }
}
