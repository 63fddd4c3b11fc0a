package io.github.eidvn.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.eidvn.account.internal.Checks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: writes every security event to the SLF4J logger {@value #LOGGER_NAME} (INFO, failures at WARN)
 * and hands it to the registered {@link SecurityEventListener}s.
 *
 * <p><b>Security.</b> Events are built by the account services from masked and non-secret fields only; this class
 * adds nothing else. Listener exceptions are caught and logged (their message only), never propagated.
 */
public final class SecurityAudit {

    /** The SLF4J logger name of the audit trail. */
    public static final String LOGGER_NAME = "eid.audit";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private final List<SecurityEventListener> listeners;
    private final Clock clock;

    private SecurityAudit(List<SecurityEventListener> listeners, Clock clock) {
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    /**
     * An audit trail that only logs.
     *
     * @param clock the clock stamping events
     * @return the audit trail
     */
    public static SecurityAudit loggingOnly(Clock clock) {
        return new SecurityAudit(List.of(), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * An audit trail that logs and calls the listeners in order.
     *
     * @param clock the clock stamping events
     * @param listeners the listeners
     * @return the audit trail
     */
    public static SecurityAudit of(Clock clock, SecurityEventListener... listeners) {
        List<SecurityEventListener> l = new ArrayList<>();
        for (SecurityEventListener x : listeners) {
            l.add(Objects.requireNonNull(x, "listener"));
        }
        return new SecurityAudit(l, Objects.requireNonNull(clock, "clock"));
    }

    /** @return the clock stamping events */
    public Clock clock() {
        return clock;
    }

    /**
     * Records an event about an account.
     *
     * @param type what happened
     * @param account the account id or personal number (masked here with {@link Masking#account}), or null
     * @param deviceId the device, or null
     * @param source the source, or null
     * @param detail a short non-secret detail, or null
     * @return the event as recorded
     */
    public SecurityEvent record(SecurityEventType type, String account, String deviceId, String source,
            String detail) {
        SecurityEvent e = new SecurityEvent(type, clock.instant(),
                account == null ? "-" : Masking.account(account),
                deviceId == null ? "-" : Checks.source(deviceId),
                source == null ? "-" : Checks.source(source),
                detail == null ? "-" : Checks.source(detail));
        emit(e);
        return e;
    }

    /**
     * Writes an already built event.
     *
     * @param event the event
     */
    public void emit(SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        // the guards spare the argument array when the level is off
        if (event.type().isFailure()) {
            if (LOG.isWarnEnabled()) {
                LOG.warn("event={} subject={} device={} source={} detail={} at={}", event.type(), event.subject(),
                        event.deviceId(), event.source(), event.detail(), event.at());
            }
        } else if (LOG.isInfoEnabled()) {
            LOG.info("event={} subject={} device={} source={} detail={} at={}", event.type(), event.subject(),
                    event.deviceId(), event.source(), event.detail(), event.at());
        }
        for (SecurityEventListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException ex) {
                LOG.warn("security event listener {} failed: {}", l.getClass().getName(), ex.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "SecurityAudit[" + listeners.size() + " listeners]";
    }
}
