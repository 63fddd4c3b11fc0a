package io.github.eidvn.oidc.client;

import java.net.URI;
import java.util.Objects;

/**
 * A pushed authorization request accepted by the provider: send the browser to {@link #authorizationUri()} and keep
 * the {@link #session()} on the server side (never in the browser) until the callback.
 *
 * @param authorizationUri where to redirect the browser
 * @param session the secrets of this login, for {@link EidOidcClient#finish}
 */
public record LoginStarted(URI authorizationUri, LoginSession session) implements LoginStart {
    /** Checks. */
    public LoginStarted {
        Objects.requireNonNull(authorizationUri, "authorizationUri");
        Objects.requireNonNull(session, "session");
    }
}
