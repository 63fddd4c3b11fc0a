package io.github.eidvn.core.consent;

import java.util.Objects;

/**
 * A consent request that passed every check of a {@link ConsentRequestVerifier}: the party is registered, the
 * signature is the party's, the request is fresh and addressed to this issuer, and it asks only for fields the
 * party registered for a catalogue purpose.
 *
 * <p><b>Security:</b> only the verifier builds one (package-private constructor), so a {@link ConsentReceiptIssuer}
 * given a {@code VerifiedRequest} knows the checks ran.
 */
public final class VerifiedRequest implements RequestResult {

    private final ConsentRequest request;
    private final RelyingParty party;
    private final Purpose purpose;

    VerifiedRequest(ConsentRequest request, RelyingParty party, Purpose purpose) {
        this.request = Objects.requireNonNull(request, "request");
        this.party = Objects.requireNonNull(party, "party");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
    }

    /** @return the request */
    public ConsentRequest request() {
        return request;
    }

    /** @return the registered party that made it */
    public RelyingParty party() {
        return party;
    }

    /** @return the catalogue purpose it names */
    public Purpose purpose() {
        return purpose;
    }

    @Override
    public boolean isVerified() {
        return true;
    }

    @Override
    public String toString() {
        return "VerifiedRequest[" + request + "]";
    }
}
