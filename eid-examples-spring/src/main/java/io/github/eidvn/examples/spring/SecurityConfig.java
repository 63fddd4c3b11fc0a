package io.github.eidvn.examples.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import io.github.eidvn.spring.boot.security.EidPasswordAuthenticationProvider;
import io.github.eidvn.spring.boot.security.EidSessionTokenFilter;

/** The app's security: login and check-in are open, everything else needs an eid session token. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    AuthenticationManager authenticationManager(EidPasswordAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, EidSessionTokenFilter sessions) throws Exception {
        // a token API without cookies: no server session, so no CSRF token to check
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/login", "/api/checkin", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(sessions, AuthorizationFilter.class);
        return http.build();
    }
}
