package io.github.eidvn.oidc.provider;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.Purpose;
import io.github.eidvn.core.consent.RelyingParty;

/**
 * A pending authorization as the integrator's pages show it: which party asks, for which registered purpose,
 * which fields, at which assurance level. The transaction id names it in the following steps; it is 128 random bits,
 * so a page may carry it in a form as its anti-forgery token.
 *
 * <p>Immutable.
 */
public final class Authorization {

    private final String transactionId;
    private final RelyingParty party;
    private final Purpose purpose;
    private final Set<CitizenField> fields;
    private final AssuranceLevel requiredLevel;

    Authorization(String transactionId, RelyingParty party, Purpose purpose, Set<CitizenField> fields,
            AssuranceLevel requiredLevel) {
        this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
        this.party = Objects.requireNonNull(party, "party");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
        this.requiredLevel = Objects.requireNonNull(requiredLevel, "requiredLevel");
    }

    /** @return the transaction id to pass to the next step */
    public String transactionId() {
        return transactionId;
    }

    /** @return the registered party (the client) that asks */
    public RelyingParty party() {
        return party;
    }

    /** @return the registered purpose the party gives */
    public Purpose purpose() {
        return purpose;
    }

    /** @return the fields asked for (the citizen may grant some of them) */
    public Set<CitizenField> fields() {
        return fields;
    }

    /** @return the assurance level the client requires */
    public AssuranceLevel requiredLevel() {
        return requiredLevel;
    }

    @Override
    public String toString() {
        return "Authorization[party=" + party.id() + ", purpose=" + purpose.code() + ", level=" + requiredLevel.acr()
                + "]";
    }
}
