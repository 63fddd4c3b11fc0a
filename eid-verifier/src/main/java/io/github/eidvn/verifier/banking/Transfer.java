package io.github.eidvn.verifier.banking;

import static io.github.eidvn.core.internal.Once.once;

import java.util.Objects;

/**
 * An online transaction an account holder asks for, as the rules see it: which account pays, from which device, what
 * kind of transaction, how much, and the {@link AccountHolder}'s standing.
 *
 * <pre>{@code
 * Transfer t = Transfer.builder().account("wallet-0042").device("a1b2c3-install-id").holder(holder)
 *         .kind(Transfer.Kind.TRANSFER).amountVnd(15_000_000).build();
 * }</pre>
 *
 * <p>The amount is whole Vietnamese đồng in a {@code long} (the đồng has no minor unit in use; no floating point
 * anywhere). It is the customer's request and not checked here: {@link TransferRules#decide} refuses a zero,
 * negative or too large amount with {@link TransferDecision.Refusal#INVALID_AMOUNT} /
 * {@link TransferDecision.Refusal#AMOUNT_OVER_MAXIMUM}. Immutable.
 */
public final class Transfer {

    /** The longest account or device id. */
    public static final int MAX_ACCOUNT_LENGTH = 128;

    /** The kind of online transaction. */
    public enum Kind {
        /** A transfer (chuyển tiền) or payment from the account. */
        TRANSFER,
        /** An online withdrawal (rút tiền), e.g. from an e-wallet to a bank account or a cardless ATM withdrawal. */
        WITHDRAWAL,
        /** A top-up (nạp tiền) of an e-wallet from the account. */
        WALLET_TOP_UP
    }

    private final String account;
    private final String device;
    private final Kind kind;
    private final long amountVnd;
    private final AccountHolder holder;

    private Transfer(Builder b) {
        this.account = b.account;
        this.device = b.device;
        this.kind = b.kind;
        this.amountVnd = b.amount;
        this.holder = b.holder;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the paying account's id in the bank's or wallet's own system (the day total is kept per account) */
    public String account() {
        return account;
    }

    /** @return the id of the device the customer uses (the app's installation id, as the bank binds it) */
    public String device() {
        return device;
    }

    /** @return the kind of transaction */
    public Kind kind() {
        return kind;
    }

    /** @return the amount in VND as requested */
    public long amountVnd() {
        return amountVnd;
    }

    /** @return the account holder */
    public AccountHolder holder() {
        return holder;
    }

    /** @return the account id, kind and amount; no personal data, no device id */
    @Override
    public String toString() {
        return "Transfer[" + account + ", " + kind + ", " + amountVnd + " VND]";
    }

    static String checkId(String what, String id) {
        Objects.requireNonNull(id, what);
        if (id.isEmpty() || id.length() > MAX_ACCOUNT_LENGTH) {
            throw new IllegalArgumentException(what + " id must have 1 to " + MAX_ACCOUNT_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException(what + " id must be printable ASCII without spaces");
            }
        }
        return id;
    }

    /** Builds a {@link Transfer}; every option is required and may be set once. Not thread-safe. */
    public static final class Builder {
        private String account;
        private String device;
        private Kind kind;
        private Long amount;
        private AccountHolder holder;

        private Builder() {
        }

        /**
         * @param account the paying account's id: 1 to {@value #MAX_ACCOUNT_LENGTH} printable ASCII characters
         *     without spaces (it comes from the bank's own system, not from the customer)
         * @return this builder
         * @throws IllegalArgumentException for a malformed id
         */
        public Builder account(String account) {
            once(this.account, "account");
            this.account = checkId("account", account);
            return this;
        }

        /**
         * @param device the device id (the app installation the bank registered), same shape as the account id
         * @return this builder
         * @throws IllegalArgumentException for a malformed id
         */
        public Builder device(String device) {
            once(this.device, "device");
            this.device = checkId("device", device);
            return this;
        }

        /**
         * @param kind the kind of transaction
         * @return this builder
         */
        public Builder kind(Kind kind) {
            once(this.kind, "kind");
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * @param amountVnd the amount as the customer asked for it (checked by the rules, not here)
         * @return this builder
         */
        public Builder amountVnd(long amountVnd) {
            once(this.amount, "amountVnd");
            this.amount = amountVnd;
            return this;
        }

        /**
         * @param holder the account holder
         * @return this builder
         */
        public Builder holder(AccountHolder holder) {
            once(this.holder, "holder");
            this.holder = Objects.requireNonNull(holder, "holder");
            return this;
        }

        /**
         * @return the transfer
         * @throws IllegalStateException when an option is missing
         */
        public Transfer build() {
            if (account == null || device == null || kind == null || amount == null || holder == null) {
                throw new IllegalStateException("account, device, kind, amountVnd and holder are required");
            }
            return new Transfer(this);
        }
    }
}
