package io.github.eidvn.examples.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.eidvn.spring.boot.oidc.EidOidcLoginFailureHandler;
import io.github.eidvn.spring.boot.oidc.EidOidcUser;

/**
 * "Log in with e-ID" for the bank's web pages, when {@code eid.oidc.client.issuer} is set: {@code /web/**} needs an
 * e-ID login through {@code oauth2Login} (the starter's PAR, PKCE, {@code private_key_jwt} and level check), with a
 * browser session; the token API keeps its own stateless chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "eid.oidc.client", name = "issuer")
class EidLoginConfig {

    @Bean
    @Order(1)
    SecurityFilterChain eidWeb(HttpSecurity http) throws Exception {
        EidOidcLoginFailureHandler failure = new EidOidcLoginFailureHandler();
        http.securityMatcher("/web/**", "/oauth2/authorization/**", "/login/oauth2/code/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2Login(o -> o.failureHandler(failure).defaultSuccessUrl("/web/me")
                        // a refused or failed PAR: the same bilingual page instead of Spring's bare 500
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <F extends OAuth2AuthorizationRequestRedirectFilter> F postProcess(F filter) {
                                filter.setAuthenticationFailureHandler(failure);
                                return filter;
                            }
                        }));
        return http.build();
    }

    /** The logged-in citizen as the bank sees it. */
    @RestController
    static class WebController {

        /**
         * @param user the e-ID principal
         * @return the pairwise subject, the level, the verified claims and the consent receipt id
         */
        @GetMapping("/web/me")
        Map<String, Object> me(@AuthenticationPrincipal EidOidcUser user) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("sub", user.getName());
            out.put("level", user.level().number());
            out.put("claims", user.verifiedClaims().asMap());
            out.put("receipt", user.receiptId());
            return out;
        }
    }
}
