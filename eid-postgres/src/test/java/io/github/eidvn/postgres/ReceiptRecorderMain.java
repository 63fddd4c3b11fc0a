package io.github.eidvn.postgres;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.testing.ConsentFixtures;

/**
 * The process the crash test kills: records receipts in a loop on the database at {@code args[0]}, printing
 * {@code recorded <id>} after each {@code record} has returned {@code RECORDED}.
 */
public final class ReceiptRecorderMain {

    private ReceiptRecorderMain() {
    }

    /**
     * @param args the JDBC URL
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Set<CitizenField> asked = EnumSet.of(CitizenField.NAME, CitizenField.BIRTHDATE);
        ConsentFixtures.Party bank = ConsentFixtures.bank();
        CitizenReferences refs = CitizenReferences.of(ConsentFixtures.secret());
        ConsentReceiptIssuer receipts = ConsentReceiptIssuer.builder().issuer(ConsentFixtures.ISSUER)
                .keyRing(KeyRing.generate()).references(refs).build();
        ConsentRequestSigner signer = ConsentRequestSigner.builder().partyId("vcb-bank")
                .signingKey(bank.signingKey()).audience(ConsentFixtures.ISSUER).build();
        ConsentRequestVerifier verifier = ConsentRequestVerifier.builder().registry(ConsentFixtures.registry(bank))
                .audience(ConsentFixtures.ISSUER).build();
        EidDatabase db = EidDatabase.open(args[0]);
        ConsentLedger ledger = ConsentLedger.builder().records(PostgresConsentRecords.of(db)).references(refs)
                .maxPerCitizen(4096).build();
        out.println("ready");
        for (long i = 0;; i++) {
            PersonalNumber citizen = PersonalNumber.of(String.format("079303%06d", i % 1000));
            VerifiedRequest v = (VerifiedRequest) verifier.verify(signer.request("bank-ekyc", asked).sign()
                    .compactJws());
            ConsentReceiptIssuer.Issued issued = receipts.grant(v, citizen, asked, Duration.ofDays(30));
            if (ledger.record(citizen, issued) == ConsentLedger.RecordOutcome.RECORDED) {
                out.println("recorded " + issued.receipt().id());
            }
        }
    }
}
