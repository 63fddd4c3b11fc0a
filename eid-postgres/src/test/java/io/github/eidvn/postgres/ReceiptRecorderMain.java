package io.github.eidvn.postgres;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.ReceiptFactory;

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
        CitizenReferences refs = CitizenReferences.of(ConsentFixtures.secret());
        ReceiptFactory receipts = new ReceiptFactory(Clock.systemUTC(), refs);
        EidDatabase db = EidDatabase.open(args[0]);
        ConsentLedger ledger = ConsentLedger.builder().records(PostgresConsentRecords.of(db)).references(refs)
                .maxPerCitizen(4096).build();
        out.println("ready");
        for (long i = 0;; i++) {
            PersonalNumber citizen = PersonalNumber.of(String.format("079303%06d", i % 1000));
            ConsentReceiptIssuer.Issued issued = receipts.grant(citizen, Duration.ofDays(30));
            if (ledger.record(citizen, issued) == ConsentLedger.RecordOutcome.RECORDED) {
                out.println("recorded " + issued.receipt().id());
            }
        }
    }
}
