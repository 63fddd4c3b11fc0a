package io.github.eidvn.spring.boot.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import io.github.eidvn.account.device.AccountLogin;
import io.github.eidvn.spring.boot.EidAutoConfiguration;

/**
 * When Spring Security's web module is present and an {@link AccountLogin} bean exists: the password
 * {@link EidPasswordAuthenticationProvider} (given a {@link PasswordHashLookup} bean) and the
 * {@link EidSessionTokenFilter} (kept out of the servlet container's own filter list: add it to your security
 * filter chain).
 */
@AutoConfiguration(after = EidAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.security.web.SecurityFilterChain",
    "jakarta.servlet.Filter"})
@ConditionalOnBean(AccountLogin.class)
public class EidSecurityAutoConfiguration {

    /** Creates the configuration (Spring calls it). */
    public EidSecurityAutoConfiguration() {
    }

    /**
     * Password login through the account rules.
     *
     * @param login the account login
     * @param hashes the application's password hashes
     * @return the provider
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PasswordHashLookup.class)
    public EidPasswordAuthenticationProvider eidPasswordAuthenticationProvider(AccountLogin login,
            PasswordHashLookup hashes) {
        return new EidPasswordAuthenticationProvider(login, hashes);
    }

    /**
     * The session-token filter.
     *
     * @param login the account login
     * @return the filter
     */
    @Bean
    @ConditionalOnMissingBean
    public EidSessionTokenFilter eidSessionTokenFilter(AccountLogin login) {
        return new EidSessionTokenFilter(login);
    }

    /**
     * Keeps the filter out of the servlet container's chain: it belongs in the security filter chain.
     *
     * @param filter the filter
     * @return a disabled registration
     */
    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.web.servlet.FilterRegistrationBean")
    public FilterRegistrationBean<EidSessionTokenFilter> eidSessionTokenFilterRegistration(
            EidSessionTokenFilter filter) {
        FilterRegistrationBean<EidSessionTokenFilter> r = new FilterRegistrationBean<>(filter);
        r.setEnabled(false);
        return r;
    }
}
