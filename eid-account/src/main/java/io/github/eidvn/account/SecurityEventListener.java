package io.github.eidvn.account;

/**
 * SPI: receives every security event (e.g. to a SIEM, a database, a push to the user).
 *
 * <p>Called synchronously on the thread of the operation, after the operation's state change. An exception thrown by
 * a listener is logged and does not undo or fail the operation; listeners that must not lose events queue them
 * durably themselves.
 */
@FunctionalInterface
public interface SecurityEventListener {

    /**
     * Receives one event.
     *
     * @param event the event (no secrets, personal number masked)
     */
    void onEvent(SecurityEvent event);
}
