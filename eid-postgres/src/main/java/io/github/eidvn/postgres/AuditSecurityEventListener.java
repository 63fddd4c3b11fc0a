package io.github.eidvn.postgres;

import java.util.Objects;

import io.github.eidvn.account.SecurityEvent;
import io.github.eidvn.account.SecurityEventListener;

/**
 * Records every account security event in the audit: {@code SecurityAudit.of(clock, new
 * AuditSecurityEventListener(audit))}. Each event is committed before {@link #onEvent} returns.
 *
 * <p><b>Security.</b> A database failure throws from {@link #onEvent}; {@code SecurityAudit} then logs it and the
 * account operation goes on (the event is in the SLF4J audit log only). Alert on those log lines.
 */
public final class AuditSecurityEventListener implements SecurityEventListener {

    private final AuditLog audit;

    /**
     * @param audit the audit to append to
     */
    public AuditSecurityEventListener(AuditLog audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public void onEvent(SecurityEvent event) {
        audit.append(AuditEvent.account(event));
    }

    @Override
    public String toString() {
        return "AuditSecurityEventListener[" + audit + "]";
    }
}
