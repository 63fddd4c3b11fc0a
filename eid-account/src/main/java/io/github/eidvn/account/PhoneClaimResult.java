package io.github.eidvn.account;

import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link PhoneNumberClaims#claim}. */
public sealed interface PhoneClaimResult permits PhoneClaimResult.Claimed, PhoneClaimResult.Refused {

    /**
     * The person now holds the number.
     *
     * @param phone the number, E.164
     * @param replaced the person's previous number, released by this claim, if any
     */
    record Claimed(String phone, Optional<String> replaced) implements PhoneClaimResult {
        /** Checks the components. */
        public Claimed {
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(replaced, "replaced");
        }
    }

    /**
     * The claim was refused; nothing changed.
     *
     * @param reason why
     */
    record Refused(Reason reason) implements PhoneClaimResult {
        /** Checks the components. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a claim was refused. */
    enum Reason {
        /** Another person holds the number (who is never revealed). */
        HELD_BY_ANOTHER_PERSON,
        /** Not a Vietnamese mobile number. */
        INVALID_PHONE,
        /** Not a 12-digit personal number. */
        INVALID_PERSONAL_NUMBER,
        /** Concurrent changes kept the claim from completing; retry. */
        CONTENDED
    }
}
