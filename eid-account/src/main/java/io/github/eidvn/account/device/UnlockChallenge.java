package io.github.eidvn.account.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A server nonce for the device to sign with its key after the local fingerprint/face/passcode check.
 *
 * @param challenge the exact text to sign (its UTF-8 bytes), {@code eid-unlock-v1.} followed by 256 random bits in
 *        Base64url; single use
 * @param expiresAt when it expires
 */
public record UnlockChallenge(String challenge, Instant expiresAt) implements UnlockStart {

    /** Checks the components. */
    public UnlockChallenge {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
