package io.github.eidvn.spring.boot.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.eidvn.account.device.AccountLogin;
import io.github.eidvn.account.device.SessionValidation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Validates eid session tokens ({@code Authorization: Bearer <token>}) with {@link AccountLogin#validateSession}:
 * a valid one puts an {@link EidSessionAuthentication} in the security context; an invalid one (unknown, idle or
 * absolute timeout, another device took over, account locked) ends the request with 401 and the reason. A request
 * without a bearer token passes on unauthenticated, for the rest of the chain to decide.
 *
 * <p>Add it to your {@code SecurityFilterChain}, e.g. {@code http.addFilterBefore(filter,
 * AuthorizationFilter.class)}; the starter does not register it with the servlet container by itself.
 */
public final class EidSessionTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private final AccountLogin login;

    /**
     * @param login the account login that issued the sessions
     */
    public EidSessionTokenFilter(AccountLogin login) {
        this.login = Objects.requireNonNull(login, "login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        SessionValidation v = login.validateSession(header.substring(BEARER.length()).trim());
        if (v instanceof SessionValidation.Valid valid) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new EidSessionAuthentication(valid.session(), null));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
            return;
        }
        SessionValidation.Reason reason = ((SessionValidation.Invalid) v).reason();
        SecurityContextHolder.clearContext();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(("Phiên đăng nhập không còn hiệu lực; vui lòng đăng nhập lại. / The session "
                + "is no longer valid; please sign in again. (" + reason + ")\n").getBytes(StandardCharsets.UTF_8));
    }
}
