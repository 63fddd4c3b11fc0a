package io.github.eidvn.core.assurance;

import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonalNumber;

import java.util.Optional;

/**
 * Service-provider interface to the national population database (Cơ sở dữ liệu quốc gia về dân cư) or a copy of it:
 * look a citizen up by personal identification number.
 *
 * <p>Implementations must be thread-safe. They return the authoritative record; {@link IdentityProofing} compares
 * declared data against it. An infrastructure failure should be thrown as an unchecked exception (it propagates out
 * of {@link IdentityProofing#proof(ProofingRequest)}), never reported as "not found".
 *
 * <p><b>Security.</b> The record returned for a number must be the record of that number
 * ({@code profile.personalNumber().equals(number)}); {@link IdentityProofing} checks this and throws
 * {@link IllegalStateException} otherwise.
 */
public interface PopulationRegistry {

    /**
     * Looks a citizen up.
     *
     * @param number the personal identification number
     * @return the citizen's record, or empty when the registry has no such number
     */
    Optional<CitizenProfile> lookup(PersonalNumber number);
}
