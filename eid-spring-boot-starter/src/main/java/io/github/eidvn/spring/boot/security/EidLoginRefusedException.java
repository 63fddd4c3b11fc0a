package io.github.eidvn.spring.boot.security;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.core.AuthenticationException;

import io.github.eidvn.account.device.LoginResult;

/**
 * A password login that did not create a session: refused with a {@link LoginResult.Reason}, or waiting for the
 * code sent to the account's active device ({@link #newDeviceChallengeId()}). The message is the reason in
 * Vietnamese and English.
 */
public final class EidLoginRefusedException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final LoginResult.Reason reason;
    private final String challengeId;
    private final Instant retryAt;

    private EidLoginRefusedException(String message, LoginResult.Reason reason, String challengeId, Instant retryAt) {
        super(message);
        this.reason = reason;
        this.challengeId = challengeId;
        this.retryAt = retryAt;
    }

    static EidLoginRefusedException refused(LoginResult.Refused r) {
        return new EidLoginRefusedException(r.reason().vietnamese() + " / " + r.reason().english(), r.reason(), null,
                r.retryAt().orElse(null));
    }

    static EidLoginRefusedException newDevice(LoginResult.NewDeviceRequired r) {
        return new EidLoginRefusedException("Đã gửi mã xác nhận tới thiết bị đang đăng nhập. / A confirmation code was "
                + "sent to the account's signed-in device.", null, r.challengeId(), r.expiresAt());
    }

    /** @return why the login was refused; empty when a new-device confirmation is pending */
    public Optional<LoginResult.Reason> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * The challenge to confirm with the code sent to the active device ({@code AccountLogin.confirmNewDevice}).
     *
     * @return the challenge id, when the login came from a new device
     */
    public Optional<String> newDeviceChallengeId() {
        return Optional.ofNullable(challengeId);
    }

    /** @return when to try again (locks, throttling), or when the new-device code expires */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }
}
