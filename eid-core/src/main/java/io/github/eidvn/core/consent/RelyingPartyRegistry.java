package io.github.eidvn.core.consent;

import java.util.Optional;

/**
 * The service-provider interface for registered relying parties: the citizen side looks a party up before it
 * shows any request ({@link ConsentRequestVerifier}).
 *
 * <p>Implementations must be thread-safe and must only return parties that passed {@link RelyingParty}'s
 * registration rules with purposes from {@link #catalogue()}. {@link InMemoryRelyingPartyRegistry} serves one JVM
 * and reads the registry file format; a deployment may back this with its own database.
 */
public interface RelyingPartyRegistry {

    /**
     * The party with an id.
     *
     * @param partyId the id (untrusted: it comes from a request); null or malformed gives empty
     * @return the party, or empty when not registered
     */
    Optional<RelyingParty> find(String partyId);

    /**
     * The catalogue of purposes this registry's parties draw from.
     *
     * @return the catalogue
     */
    PurposeCatalogue catalogue();
}
