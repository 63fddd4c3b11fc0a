package io.github.eidvn.spring.boot.security;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.github.eidvn.account.device.SessionInfo;
import io.github.eidvn.account.device.SessionToken;

/**
 * An authenticated eid session: after a password login ({@link #sessionToken()} holds the new token to hand to the
 * app) or after {@link EidSessionTokenFilter} validated a request's bearer token. Authority {@code ROLE_EID_USER}.
 */
public final class EidSessionAuthentication extends EidAuthenticationToken {

    private static final long serialVersionUID = 1L;
    /** The authority every eid session has. */
    public static final String AUTHORITY = "ROLE_EID_USER";

    private final transient SessionInfo session;
    private final transient SessionToken token;

    EidSessionAuthentication(SessionInfo session, SessionToken token) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.session = Objects.requireNonNull(session, "session");
        this.token = token;
        setAuthenticated(true);
    }

    /** @return the session: account, device, times */
    public SessionInfo session() {
        return session;
    }

    /**
     * The session token created by a password login, to return to the app once; empty for a request authenticated
     * by its bearer token.
     *
     * @return the token
     */
    public Optional<SessionToken> sessionToken() {
        return Optional.ofNullable(token);
    }

    /** @return nothing: the session token is never a credential kept here */
    @Override
    public Object getCredentials() {
        return null;
    }

    /** @return the account id (canonical form) */
    @Override
    public Object getPrincipal() {
        return session.account().value();
    }

    @Override
    String accountForDisplay() {
        return session.account().value();
    }

    @Override
    String deviceForDisplay() {
        return session.deviceId();
    }
}
