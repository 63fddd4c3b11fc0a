package io.github.eidvn.spring.boot.security;

import java.nio.CharBuffer;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.device.AccountLogin;
import io.github.eidvn.account.device.LoginRequest;
import io.github.eidvn.account.device.LoginResult;

/**
 * Spring Security password login through {@link AccountLogin}: Argon2id, account locks, per-source throttling and
 * the single-device rule. Authenticates {@link EidPasswordLogin} requests into an {@link EidSessionAuthentication}
 * that holds the new session token; any other outcome is an {@link EidLoginRefusedException} (a new device gets a
 * code on the active one first).
 *
 * <p><b>Security:</b> an unknown account and a wrong password get the same answer in the same time; the password is
 * erased after the attempt.
 */
public final class EidPasswordAuthenticationProvider implements AuthenticationProvider {

    private final AccountLogin login;
    private final PasswordHashLookup hashes;

    /**
     * @param login the account login
     * @param hashes the application's stored password hashes
     */
    public EidPasswordAuthenticationProvider(AccountLogin login, PasswordHashLookup hashes) {
        this.login = Objects.requireNonNull(login, "login");
        this.hashes = Objects.requireNonNull(hashes, "hashes");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        EidPasswordLogin req = (EidPasswordLogin) authentication;
        char[] password = req.password();
        if (password == null) {
            throw EidLoginRefusedException.refused(LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST));
        }
        try {
            Optional<AccountId> account = AccountId.parse(req.account());
            if (account.isEmpty()) {
                throw EidLoginRefusedException.refused(LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST));
            }
            LoginResult r = login.passwordLogin(LoginRequest.builder(account.get())
                    .password(CharBuffer.wrap(password))
                    .storedPasswordHash(hashes.storedHash(account.get()).orElse(null))
                    .deviceId(req.deviceId()).devicePublicKey(req.devicePublicKey()).source(req.source()).build());
            if (r instanceof LoginResult.LoggedIn in) {
                return new EidSessionAuthentication(in.session(), in.token());
            }
            if (r instanceof LoginResult.NewDeviceRequired nd) {
                throw EidLoginRefusedException.newDevice(nd);
            }
            throw EidLoginRefusedException.refused((LoginResult.Refused) r);
        } finally {
            req.eraseCredentials();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return EidPasswordLogin.class.isAssignableFrom(authentication);
    }

    @Override
    public String toString() {
        return "EidPasswordAuthenticationProvider[" + login + "]";
    }
}
