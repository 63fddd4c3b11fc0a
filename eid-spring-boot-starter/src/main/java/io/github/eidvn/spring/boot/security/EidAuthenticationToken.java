package io.github.eidvn.spring.boot.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import io.github.eidvn.account.Masking;

/**
 * What eid's authentication tokens share: equal only to themselves (never by their credentials or session), and a
 * {@code toString()} that shows the masked account and the device, never a password or a token.
 */
abstract class EidAuthenticationToken extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    EidAuthenticationToken(Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
    }

    /** @return the account id, to be shown masked */
    abstract String accountForDisplay();

    /** @return the device id */
    abstract String deviceForDisplay();

    @Override
    public final boolean equals(Object o) {
        return this == o;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }

    /** @return the masked account and the device; never a password or a token */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + Masking.account(accountForDisplay()) + ", device="
                + deviceForDisplay() + "]";
    }
}
