package io.github.eidvn.verifier;

import io.github.eidvn.core.result.Refusal;

/**
 * A token that failed a stage.
 *
 * @param reason why (with Vietnamese and English messages for users)
 * @param detail a technical detail for logs; never personal data or key material
 */
public record Rejected(Reason reason, String detail) implements VerificationResult, Refusal<Reason> {

    /**
     * @throws NullPointerException when an argument is null
     */
    public Rejected {
        Refusal.requireReasonAndDetail(reason, detail);
    }

    @Override
    public boolean isVerified() {
        return false;
    }
}
