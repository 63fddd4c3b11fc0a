package io.github.eidvn.core.sharing;

import java.time.Instant;
import java.util.Objects;

import io.github.eidvn.core.consent.ReceiptState;

/**
 * The outcome of {@link SharingSealer#seal(SealRequest)}: {@link Sealed} or {@link Refused}.
 */
public sealed interface SealResult permits SealResult.Sealed, SealResult.Refused {

    /**
     * A sealed delivery.
     *
     * @param compactJwe the compact JWE for the party
     * @param jti the inner JWT's id
     * @param expiresAt the delivery's expiry
     */
    record Sealed(String compactJwe, String jti, Instant expiresAt) implements SealResult {
        /**
         * @throws NullPointerException when an argument is null
         */
        public Sealed {
            Objects.requireNonNull(compactJwe, "compactJwe");
            Objects.requireNonNull(jti, "jti");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * Nothing sealed: the consent is not in force.
     *
     * @param status the receipt's state ({@code WITHDRAWN}, {@code EXPIRED}, {@code UNKNOWN}, {@code UNAVAILABLE}),
     *     or {@code ACTIVE} when the request asks for fields the receipt does not grant
     * @param detail a technical detail for logs
     */
    record Refused(ReceiptState.Status status, String detail) implements SealResult {
        /**
         * @throws NullPointerException when an argument is null
         */
        public Refused {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
