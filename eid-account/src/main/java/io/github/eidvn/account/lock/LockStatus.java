package io.github.eidvn.account.lock;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Whether an account is locked, and by what. */
public sealed interface LockStatus permits LockStatus.Unlocked, LockStatus.Locked {

    /** @return true when at least one lock is in force */
    boolean isLocked();

    /** No lock in force. */
    record Unlocked() implements LockStatus {
        @Override
        public boolean isLocked() {
            return false;
        }
    }

    /**
     * One or more locks in force.
     *
     * @param locks the locks, at least one
     */
    record Locked(List<AccountLock> locks) implements LockStatus {
        /** Copies and checks the list. */
        public Locked {
            locks = List.copyOf(locks);
            if (locks.isEmpty()) {
                throw new IllegalArgumentException("at least one lock");
            }
        }

        @Override
        public boolean isLocked() {
            return true;
        }

        /**
         * Whether a lock of a type is among them.
         *
         * @param type the type
         * @return true when present
         */
        public boolean has(LockType type) {
            Objects.requireNonNull(type, "type");
            return locks.stream().anyMatch(l -> l.type() == type);
        }

        /** @return when every lock has ended by itself; empty when one lasts until lifted */
        public Optional<Instant> until() {
            Instant latest = null;
            for (AccountLock l : locks) {
                if (l.until().isEmpty()) {
                    return Optional.empty();
                }
                if (latest == null || l.until().get().isAfter(latest)) {
                    latest = l.until().get();
                }
            }
            return Optional.ofNullable(latest);
        }
    }
}
