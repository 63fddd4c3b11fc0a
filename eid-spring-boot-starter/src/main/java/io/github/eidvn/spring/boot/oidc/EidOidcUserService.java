package io.github.eidvn.spring.boot.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.oidc.client.EidOidcClient;
import io.github.eidvn.oidc.client.LoggedIn;
import io.github.eidvn.oidc.client.LoginRefused;
import io.github.eidvn.oidc.client.LoginResult;

/**
 * The OIDC user service of {@code oauth2Login} for the eid registration: after Spring Security has validated the ID
 * token (ES256 signature from the provider's JWKS, issuer, audience, time, nonce), accepts it only with an
 * {@code acr} at least the required level and {@code verified_claims} at that level
 * ({@link EidOidcClient#accept}), and makes an {@link EidOidcUser}. A refusal is an
 * {@link OAuth2AuthenticationException} whose error code is {@code eid_<reason>} and whose description is eid's reason
 * in Vietnamese and English. Other registrations go to Spring's {@link OidcUserService} unchanged.
 */
public final class EidOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final String registrationId;
    private final AssuranceLevel requiredLevel;

    /**
     * @param registrationId the eid registration's id
     * @param requiredLevel the lowest level accepted
     */
    public EidOidcUserService(String registrationId, AssuranceLevel requiredLevel) {
        this.registrationId = Objects.requireNonNull(registrationId, "registrationId");
        this.requiredLevel = Objects.requireNonNull(requiredLevel, "requiredLevel");
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        if (!registrationId.equals(request.getClientRegistration().getRegistrationId())) {
            return user;
        }
        LoginResult result = EidOidcClient.accept(request.getIdToken().getClaims(), requiredLevel,
                request.getIdToken().getTokenValue());
        if (result instanceof LoginRefused refused) {
            throw refusal(refused);
        }
        LoggedIn login = (LoggedIn) result;
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        for (AssuranceLevel l : AssuranceLevel.values()) {
            if (login.level().satisfies(l)) {
                authorities.add(new SimpleGrantedAuthority("EID_LOA_" + l.number()));
            }
        }
        return new EidOidcUser(authorities, request.getIdToken(), user.getUserInfo(), login);
    }

    /**
     * eid's refusal as Spring Security's authentication failure.
     *
     * @param refused the refusal
     * @return the exception: code {@code eid_<reason>}, description in Vietnamese and English
     */
    static OAuth2AuthenticationException refusal(LoginRefused refused) {
        OAuth2Error error = new OAuth2Error("eid_" + refused.reason().name().toLowerCase(Locale.ROOT),
                refused.reason().vietnamese() + " / " + refused.reason().english(), null);
        return new OAuth2AuthenticationException(error, error.getDescription() + " (" + refused.detail() + ")");
    }
}
