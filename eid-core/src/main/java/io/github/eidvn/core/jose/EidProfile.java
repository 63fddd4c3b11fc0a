package io.github.eidvn.core.jose;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.internal.Es256;
import io.github.eidvn.core.keys.TrustedKey;

/**
 * The rules of eid's own token profiles, shared by {@code AssertionVerifier}, {@code SharedDataOpener} and
 * {@code ConsentRequestVerifier} so that they cannot drift apart.
 *
 * <ul>
 *   <li><b>Low S</b>: eid's signers always emit the low-S form of an ES256 signature (s &lt;= n/2); the high-S twin
 *       (s replaced by n - s) verifies mathematically but is a second text for the same token, so eid's profiles
 *       refuse it. Outside tokens (RFC 7515 A.3, SMART Health Cards) are not held to this.</li>
 *   <li><b>Lifetime cap</b>: {@code exp - iat} at most a per-profile maximum; a token without {@code iat} has its
 *       lifetime counted from now.</li>
 *   <li><b>Level 2 needs a level-2 method</b>: face or fingerprint ({@code amr} {@code face}, {@code fpt}), or
 *       biometric verification evidence ({@code check_method} {@code bvr}); a chip read alone is not enough.</li>
 *   <li><b>Clock skew</b>: tolerance for clocks that disagree, 60 seconds by default and at most 2 minutes.</li>
 *   <li><b>Issuer bound to its key</b>: the key that verified a token must accept the token's {@code iss}.</li>
 * </ul>
 */
public final class EidProfile {

    /** The longest lifetime of an identity assertion or QR presentation. */
    public static final Duration MAX_ASSERTION_LIFETIME = Duration.ofHours(24);
    /** The longest lifetime of a sealed package (consented data for one party). */
    public static final Duration MAX_SEALED_LIFETIME = Duration.ofHours(1);
    /** The longest lifetime of a consent request. */
    public static final Duration MAX_CONSENT_REQUEST_LIFETIME = Duration.ofMinutes(10);

    /** The largest clock skew a verifier's builder accepts. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(2);
    /** The clock skew of a verifier whose builder was given none. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    /** {@code amr} values (RFC 8176) that are level-2 methods: facial recognition and fingerprint. */
    public static final Set<String> LEVEL_2_METHODS = Set.of("face", "fpt");
    /** The evidence {@code check_method} of a biometric verification (OpenID Connect for Identity Assurance). */
    public static final String BIOMETRIC_CHECK_METHOD = "bvr";

    private EidProfile() {
    }

    /**
     * Whether a JWS ES256 signature is in eid's low-S form.
     *
     * @param signature R || S
     * @return false for a high S or anything that is not 64 bytes
     */
    public static boolean isLowS(byte[] signature) {
        return Es256.isLowS(signature);
    }

    /**
     * Checks the lifetime cap.
     *
     * @param issuedAt the token's {@code iat}, or null when it has none (the lifetime is then counted from now)
     * @param expiresAt the token's {@code exp}
     * @param now the verification time
     * @param max the cap
     * @return empty when within the cap, else a detail for the rejection
     */
    public static Optional<String> lifetimeExceeded(Instant issuedAt, Instant expiresAt, Instant now, Duration max) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(max, "max");
        Instant from = issuedAt == null ? now : issuedAt;
        Duration lifetime = Duration.between(from, expiresAt);
        if (lifetime.compareTo(max) > 0) {
            return Optional.of((issuedAt == null ? "valid for " + lifetime + " from now" : "valid for " + lifetime)
                    + ", more than the maximum lifetime " + max);
        }
        return Optional.empty();
    }

    /**
     * A lifetime cap chosen in a builder: only at or below the profile's maximum.
     *
     * @param name the option name, for the message
     * @param requested the requested cap
     * @param max the profile's maximum
     * @return {@code requested}
     * @throws IllegalArgumentException when not positive or above {@code max}
     */
    public static Duration checkLifetimeCap(String name, Duration requested, Duration max) {
        Objects.requireNonNull(requested, name);
        if (requested.isNegative() || requested.isZero() || requested.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be positive and at most " + max
                    + " (it can only be lowered)");
        }
        return requested;
    }

    /**
     * A clock skew chosen in a builder: zero to {@link #MAX_CLOCK_SKEW}.
     *
     * @param skew the requested skew
     * @return {@code skew}
     * @throws IllegalArgumentException when negative or above {@link #MAX_CLOCK_SKEW}
     */
    public static Duration checkClockSkew(Duration skew) {
        Objects.requireNonNull(skew, "skew");
        if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clock skew must be between 0 and " + MAX_CLOCK_SKEW);
        }
        return skew;
    }

    /**
     * Whether the methods or the evidence of a token include a level-2 method.
     *
     * @param amr the token's {@code amr} values (may be empty)
     * @param evidence the token's evidence (may be empty)
     * @return true when {@code amr} holds {@code face} or {@code fpt}, or an evidence's check method is
     *     {@value #BIOMETRIC_CHECK_METHOD}
     */
    public static boolean hasLevel2Method(List<String> amr, List<Evidence> evidence) {
        for (String m : amr) {
            if (LEVEL_2_METHODS.contains(m)) {
                return true;
            }
        }
        for (Evidence e : evidence) {
            if (BIOMETRIC_CHECK_METHOD.equals(e.method())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key that may vouch for a token's {@code iss}: the key that verified its signature when it accepts that
     * issuer, else another candidate with the same public key (the same key listed for several issuers) that does.
     *
     * @param verifiedBy the key the signature verified with
     * @param candidates the keys tried
     * @param iss the token's {@code iss}
     * @return the key, or empty when no key bound to {@code iss} signed the token
     */
    public static Optional<TrustedKey> keyForIssuer(TrustedKey verifiedBy, List<TrustedKey> candidates, String iss) {
        if (verifiedBy.acceptsIssuer(iss)) {
            return Optional.of(verifiedBy);
        }
        for (TrustedKey k : candidates) {
            if (k.acceptsIssuer(iss) && k.thumbprint().equals(verifiedBy.thumbprint())
                    && k.algorithm().equals(verifiedBy.algorithm())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
