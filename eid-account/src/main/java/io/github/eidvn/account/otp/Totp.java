package io.github.eidvn.account.otp;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * TOTP (RFC 6238) parameters and code generation: HOTP over {@code T = floor((time - T0) / step)} as a 64-bit
 * counter (so times after 2038 work).
 */
public final class Totp {

    private final OtpAlgorithm algorithm;
    private final int digits;
    private final Duration step;
    private final long t0;

    private Totp(OtpAlgorithm algorithm, int digits, Duration step, long t0) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6..8");
        }
        Objects.requireNonNull(step, "step");
        if (step.getNano() != 0 || step.getSeconds() < 1 || step.getSeconds() > 300) {
            throw new IllegalArgumentException("step must be whole seconds, 1..300");
        }
        this.digits = digits;
        this.step = step;
        this.t0 = t0;
    }

    /** @return SHA-1, 6 digits, 30 s step, T0 = 0 (what authenticator apps expect) */
    public static Totp defaults() {
        return new Totp(OtpAlgorithm.SHA1, 6, Duration.ofSeconds(30), 0);
    }

    /**
     * TOTP parameters with T0 = 0.
     *
     * @param algorithm the HMAC
     * @param digits 6..8
     * @param step the time step, whole seconds 1..300
     * @return the parameters
     */
    public static Totp of(OtpAlgorithm algorithm, int digits, Duration step) {
        return new Totp(algorithm, digits, step, 0);
    }

    /**
     * The time step number at an instant.
     *
     * @param time the instant
     * @return {@code floor((epochSeconds - T0) / step)}
     */
    public long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond() - t0, step.getSeconds());
    }

    /**
     * The code at an instant.
     *
     * @param secret the shared secret
     * @param time the instant
     * @return the code, leading zeros kept
     */
    public String generate(OtpSecret secret, Instant time) {
        return generateForStep(secret, stepAt(time));
    }

    /**
     * The code of a time step.
     *
     * @param secret the shared secret
     * @param step the step number
     * @return the code
     */
    public String generateForStep(OtpSecret secret, long step) {
        return Hotp.code(secret.raw(), step, digits, algorithm);
    }

    /**
     * The RFC computation on raw key bytes of any length (for conformance vectors whose seeds are not valid
     * {@link OtpSecret}s, and the CLI).
     *
     * @param key the HMAC key
     * @param time the instant
     * @return the code
     */
    public String generate(byte[] key, Instant time) {
        return Hotp.code(key.clone(), stepAt(time), digits, algorithm);
    }

    /** @return the HMAC */
    public OtpAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the number of digits */
    public int digits() {
        return digits;
    }

    /** @return the time step */
    public Duration step() {
        return step;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Totp t && t.algorithm == algorithm && t.digits == digits && t.step.equals(step)
                && t.t0 == t0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, digits, step, t0);
    }

    @Override
    public String toString() {
        return "Totp[" + algorithm + ", " + digits + " digits, step " + step.getSeconds() + " s]";
    }
}
