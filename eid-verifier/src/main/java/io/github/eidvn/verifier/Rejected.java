package io.github.eidvn.verifier;

import java.util.Objects;

/**
 * A token that failed a stage.
 *
 * @param reason why (with Vietnamese and English messages for users)
 * @param detail a technical detail for logs; never personal data or key material
 */
public record Rejected(Reason reason, String detail) implements VerificationResult {

    /**
     * @throws NullPointerException when an argument is null
     */
    public Rejected {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public boolean isVerified() {
        return false;
    }
}
