package io.github.eidvn.spring.boot.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import io.github.eidvn.oidc.client.LoginRefusal;

/**
 * A refused e-ID login as a plain-text page (HTTP 403) with eid's reason in Vietnamese and English: the user
 * service's and the PAR resolver's own refusals ({@code eid_*}), or the provider's error at the redirect URI mapped
 * by {@link LoginRefusal#ofProviderError} (the provider's own description is never shown). Set it with
 * {@code oauth2Login(o -> o.failureHandler(new EidOidcLoginFailureHandler()))}, and on the
 * {@code OAuth2AuthorizationRequestRedirectFilter} (through an object post-processor) for a refused or failed PAR.
 */
public final class EidOidcLoginFailureHandler implements AuthenticationFailureHandler {

    /** A handler. */
    public EidOidcLoginFailureHandler() {
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String message = null;
        String code = null;
        // the PAR resolver's refusal reaches the redirect filter's handler wrapped in Spring's own exception
        for (Throwable t = exception; t != null && code == null; t = t.getCause()) {
            if (t instanceof OAuth2AuthenticationException o) {
                code = o.getError().getErrorCode();
                if (code.startsWith("eid_")) {
                    message = o.getError().getDescription();
                }
            }
        }
        if (message == null) {
            LoginRefusal reason = LoginRefusal.ofProviderError(code);
            message = reason.vietnamese() + " / " + reason.english();
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }
}
