package io.github.eidvn.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;

/**
 * Signed consent receipts for ledger tests: the fixtures' bank ({@code vcb-bank}) asks for {@link #ASKED} under
 * {@code bank-ekyc}, the request is checked, and the citizen grants it all.
 */
public final class ReceiptFactory {

    /** The fields asked for and granted. */
    public static final Set<CitizenField> ASKED = EnumSet.of(CitizenField.NAME, CitizenField.BIRTHDATE);

    private final ConsentReceiptIssuer receipts;
    private final ConsentRequestSigner signer;
    private final ConsentRequestVerifier verifier;

    /**
     * @param clock the time of requests and receipts
     * @param references the citizen references
     * @param issuerKeys the keys signing receipts
     */
    public ReceiptFactory(Clock clock, CitizenReferences references, KeyRing issuerKeys) {
        ConsentFixtures.Party bank = ConsentFixtures.bank();
        receipts = ConsentReceiptIssuer.builder().issuer(ConsentFixtures.ISSUER).keyRing(issuerKeys)
                .references(references).clock(clock).build();
        signer = ConsentRequestSigner.builder().partyId("vcb-bank").signingKey(bank.signingKey())
                .audience(ConsentFixtures.ISSUER).clock(clock).build();
        verifier = ConsentRequestVerifier.builder().registry(ConsentFixtures.registry(bank))
                .audience(ConsentFixtures.ISSUER).clock(clock).build();
    }

    /**
     * With fresh issuer keys.
     *
     * @param clock the time of requests and receipts
     * @param references the citizen references
     */
    public ReceiptFactory(Clock clock, CitizenReferences references) {
        this(clock, references, KeyRing.generate());
    }

    /**
     * A receipt for the bank.
     *
     * @param who the citizen
     * @param validity how long the consent lasts
     * @return the issued receipt
     */
    public ConsentReceiptIssuer.Issued grant(PersonalNumber who, Duration validity) {
        VerifiedRequest v = (VerifiedRequest) verifier.verify(signer.request("bank-ekyc", ASKED).sign().compactJws());
        return receipts.grant(v, who, ASKED, validity);
    }
}
