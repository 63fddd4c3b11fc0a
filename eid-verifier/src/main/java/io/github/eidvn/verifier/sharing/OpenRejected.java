package io.github.eidvn.verifier.sharing;

import io.github.eidvn.core.result.Refusal;

/**
 * A delivery that failed a stage of the {@link SharedDataOpener}.
 *
 * @param reason why, with Vietnamese and English messages
 * @param detail a technical detail for logs; never decrypted content or key material
 */
public record OpenRejected(OpenReason reason, String detail) implements OpenResult, Refusal<OpenReason> {

    /**
     * @throws NullPointerException when an argument is null
     */
    public OpenRejected {
        Refusal.requireReasonAndDetail(reason, detail);
    }

    @Override
    public boolean isOpened() {
        return false;
    }
}
