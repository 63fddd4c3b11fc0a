package io.github.eidvn.core.consent;

import io.github.eidvn.core.result.Refusal;

import java.util.Objects;

/**
 * A consent request that failed a check.
 *
 * @param reason why, with messages for the citizen
 * @param detail a technical detail for logs; never personal data or key material
 */
public record RequestRejected(RequestReason reason, String detail) implements RequestResult, Refusal<RequestReason> {

    /**
     * @throws NullPointerException when an argument is null
     */
    public RequestRejected {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public boolean isVerified() {
        return false;
    }
}
