package io.github.eidvn.account.device;

import java.util.Objects;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.internal.Checks;

/**
 * The confirmation of a new device with the code shown on the active device, built with named fields (challenge id,
 * code and source are all strings):
 *
 * <pre>{@code
 * NewDeviceConfirmation.of(account, newDeviceRequired).code(typed).source(clientIp)
 * }</pre>
 */
public final class NewDeviceConfirmation {

    private final AccountId account;
    private final String challengeId;
    private final String code;
    private final String source;

    private NewDeviceConfirmation(AccountId account, String challengeId, String code, String source) {
        this.account = account;
        this.challengeId = challengeId;
        this.code = code;
        this.source = source;
    }

    /**
     * Starts a confirmation of the challenge a password login returned.
     *
     * @param account the account
     * @param challenge the login's answer
     * @return the next step: the code
     */
    public static CodeStep of(AccountId account, LoginResult.NewDeviceRequired challenge) {
        return of(account, Objects.requireNonNull(challenge, "challenge").challengeId());
    }

    /**
     * Starts a confirmation from a challenge id the client sent back.
     *
     * @param account the account
     * @param challengeId the id of {@link LoginResult.NewDeviceRequired}
     * @return the next step: the code
     */
    public static CodeStep of(AccountId account, String challengeId) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(challengeId, "challengeId");
        return code -> source -> new NewDeviceConfirmation(account, challengeId,
                Objects.requireNonNull(code, "code"), Objects.requireNonNull(source, "source"));
    }

    /** The code step. */
    @FunctionalInterface
    public interface CodeStep {
        /**
         * @param typed the 6-digit code as typed
         * @return the source step
         */
        SourceStep code(String typed);
    }

    /** The source step. */
    @FunctionalInterface
    public interface SourceStep {
        /**
         * @param requestSource the client IP address as seen by your gateway
         * @return the confirmation
         */
        NewDeviceConfirmation source(String requestSource);
    }

    /** @return the account */
    public AccountId account() {
        return account;
    }

    /** @return the challenge id */
    public String challengeId() {
        return challengeId;
    }

    /** @return the code as typed */
    public String code() {
        return code;
    }

    /** @return the request source */
    public String source() {
        return source;
    }

    /** Redacts the code. */
    @Override
    public String toString() {
        return "NewDeviceConfirmation[" + account + ", code redacted, source=" + Checks.source(source) + "]";
    }
}
