package io.github.eidvn.account.device;

import java.util.Objects;

/** The outcome of {@link AccountLogin#validateSession}. */
public sealed interface SessionValidation permits SessionValidation.Valid, SessionValidation.Invalid {

    /** @return true only for {@link Valid} */
    default boolean valid() {
        return this instanceof Valid;
    }

    /**
     * The session is valid (and its idle timer was refreshed).
     *
     * @param session the session
     */
    record Valid(SessionInfo session) implements SessionValidation {
        /** Checks the component. */
        public Valid {
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * The session is not valid.
     *
     * @param reason why
     */
    record Invalid(Reason reason) implements SessionValidation {
        /** Checks the component. */
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a session is not valid. */
    enum Reason {
        /** Unknown, malformed, logged out or expired and removed. */
        UNKNOWN,
        /** Not used for longer than the idle timeout. */
        IDLE_TIMEOUT,
        /** Older than the absolute timeout. */
        ABSOLUTE_TIMEOUT,
        /** Its device is no longer the account's active device (another device took over, or sign-out everywhere). */
        DEVICE_NOT_ACTIVE,
        /** The account is locked (by the citizen or an authority). */
        ACCOUNT_LOCKED,
        /** The session kept changing under concurrent requests; try again. */
        BUSY
    }
}
