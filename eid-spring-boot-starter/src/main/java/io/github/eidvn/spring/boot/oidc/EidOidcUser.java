package io.github.eidvn.spring.boot.oidc;

import java.util.Collection;
import java.util.Objects;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.oidc.client.EidOidcClient;
import io.github.eidvn.oidc.client.LoggedIn;

/**
 * The principal of an e-ID login through {@code oauth2Login}: Spring's OIDC user (pairwise {@code sub} as its name)
 * with the assurance level reached and the verified claims the citizen consented to share. Its authorities hold
 * {@code OIDC_USER}, the scopes, and {@code EID_LOA_1} (and {@code EID_LOA_2} at level 2).
 *
 * <p><b>Security:</b> {@link #toString()} names the subject and level only.
 */
public final class EidOidcUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final AssuranceLevel level;
    /** Derived from the ID token; made again after deserialization. */
    private transient LoggedIn login;

    EidOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
            LoggedIn login) {
        super(authorities, idToken, userInfo, "sub");
        this.login = Objects.requireNonNull(login, "login");
        this.level = login.level();
    }

    /** @return the assurance level the provider authenticated the citizen at */
    public AssuranceLevel level() {
        return level;
    }

    /** @return the claims the citizen consented to share, as the provider verified them ({@code verified_claims}) */
    public SharedClaims verifiedClaims() {
        return login().claims();
    }

    /** @return the id of the consent receipt the provider recorded for this sharing */
    public String receiptId() {
        return login().receiptId();
    }

    private LoggedIn login() {
        LoggedIn l = login;
        if (l == null) {
            l = (LoggedIn) EidOidcClient.accept(getIdToken().getClaims(), level, getIdToken().getTokenValue());
            login = l;
        }
        return l;
    }

    @Override
    public String toString() {
        return "EidOidcUser[sub=" + getName() + ", level=" + level.number() + "]";
    }
}
