package io.github.eidvn.verifier.hospital;

import java.time.Duration;

/**
 * Service-provider interface: looks a person's health-insurance (BHYT) cards up in the social-insurance system by
 * personal number or social-insurance number, as Công văn 931/BYT-BH has hospitals do when a patient shows the chip
 * ID card (or VNeID) instead of the BHYT card.
 *
 * <p>Implementations in this package: {@link SandboxInsuranceLookup} (a JSON file, for trials and tests) and
 * {@link HttpInsuranceLookup} (an HTTP adapter with a documented JSON contract, for a gateway the hospital runs or
 * subscribes to). eid defines no government API: a hospital connected to the social-insurance gateway implements this
 * interface over the gateway it is given, or puts a small proxy speaking {@link HttpInsuranceLookup}'s contract in
 * front of it.
 *
 * <p>Contract: answer within bounded time (the check-in gives every call at most its
 * {@code lookupTimeout}, {@link #DEFAULT_TIMEOUT} by default, and treats a late answer as
 * {@link LookupResult.Unavailable}); never throw (a failure is {@link LookupResult.Unavailable}); never answer
 * {@link LookupResult.NotFound} when the system could not be asked. Must be thread-safe.
 *
 * <p><b>Security.</b> The answer is personal data: keep it out of logs. A lookup proves that a card exists for a
 * number, not that the person at the desk is its holder: the check-in marks such a patient unverified and asks the
 * receptionist to compare the photo on the ID card.
 */
@FunctionalInterface
public interface HealthInsuranceLookup {

    /** The default time budget of one lookup. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /**
     * Looks the cards of one person up.
     *
     * @param query the personal number or social-insurance number
     * @return the cards found, {@link LookupResult.NotFound} or {@link LookupResult.Unavailable}; never null
     * @throws NullPointerException when {@code query} is null (the only exception allowed)
     */
    LookupResult lookup(InsuranceQuery query);
}
