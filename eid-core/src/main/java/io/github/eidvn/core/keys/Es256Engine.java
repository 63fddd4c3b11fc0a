package io.github.eidvn.core.keys;

import io.github.eidvn.core.internal.NativeEs256;

/**
 * Which code computes ES256 signatures and verifications in this JVM, for diagnostics (the CLI's
 * {@code --version}, benchmark reports, a service's health page).
 *
 * <p>eid chooses once per JVM: AWS-LC through the Amazon Corretto Crypto Provider when the application has
 * {@code software.amazon.cryptools:AmazonCorrettoCryptoProvider} (with its platform classifier) on the class path,
 * its native library loads, and it agrees with Bouncy Castle on a sign-and-verify cross-check; Bouncy Castle's
 * pure-Java P-256 otherwise. Both give the same answers; the native engine is several times faster at signing.
 * System property {@code io.github.eidvn.es256} set to {@code bouncycastle} keeps the pure-Java engine; set to
 * {@code native} it makes an unavailable native engine an error ({@link #isNative()} throws) instead of a fallback.
 *
 * <p><b>Security:</b> whichever engine runs, eid itself validates public points (on the curve, in the group) and
 * signature scalars (r and s in [1, n-1]) before the engine sees them, and both engines sign in constant time.
 */
public final class Es256Engine {

    private Es256Engine() {
    }

    /**
     * Whether ES256 runs on the native engine.
     *
     * @return true for AWS-LC, false for Bouncy Castle
     * @throws IllegalStateException when {@code io.github.eidvn.es256=native} and the native engine is unavailable
     */
    public static boolean isNative() {
        return NativeEs256.active();
    }

    /**
     * A one-line description of the engine, e.g. {@code AmazonCorrettoCryptoProvider 2.5.0 (AWS-LC v1.47.0)} or
     * {@code Bouncy Castle lightweight API (AmazonCorrettoCryptoProvider is not on the class path)}.
     *
     * @return the description (no secrets)
     */
    public static String describe() {
        return NativeEs256.describe();
    }
}
