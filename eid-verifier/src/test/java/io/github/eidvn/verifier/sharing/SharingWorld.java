package io.github.eidvn.verifier.sharing;

import java.time.Duration;
import java.util.Set;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.sharing.SealRequest;
import io.github.eidvn.core.sharing.SealResult;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.core.sharing.SharingSealer;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.SettableClock;

/** Test world: an issuer with a ledger, a bank registered for eKYC, and the bank's opener. */
final class SharingWorld {

    static final PersonalNumber CITIZEN = PersonalNumber.of(ConsentFixtures.CITIZEN_NUMBER);

    final SettableClock clock = SettableClock.at(AssertionFixtures.NOW);
    final KeyRing ring = KeyRing.generate();
    final ConsentFixtures.Party bank;
    final PartyDecryptionKey bankKey;
    final CitizenReferences refs = CitizenReferences.of(ConsentFixtures.secret());
    final ConsentLedger ledger = ConsentLedger.builder().store(InMemoryStateStore.create(clock)).references(refs)
            .clock(clock).build();
    final ConsentRequestSigner signer;
    final ConsentRequestVerifier requests;
    final ConsentReceiptIssuer receipts;
    final SharingSealer sealer;

    SharingWorld() {
        this(ConsentFixtures.bank());
    }

    SharingWorld(ConsentFixtures.Party bank) {
        this(bank, PartyDecryptionKey.fromPrivateJwkJson(bank.encryptionPrivateJwk()));
    }

    /** A world whose bank decrypts with {@code bankKey} (e.g. a key in an HSM), registered with its public part. */
    SharingWorld(ConsentFixtures.Party bank, PartyDecryptionKey bankKey) {
        this.bank = bank;
        this.bankKey = bankKey;
        this.signer = ConsentRequestSigner.builder().partyId(bank.party().id()).signingKey(bank.signingKey())
                .audience(ConsentFixtures.ISSUER).clock(clock).build();
        this.requests = ConsentRequestVerifier.builder().registry(ConsentFixtures.registry(bank))
                .audience(ConsentFixtures.ISSUER).clock(clock).build();
        this.receipts = ConsentReceiptIssuer.builder().issuer(ConsentFixtures.ISSUER).keyRing(ring).references(refs)
                .clock(clock).build();
        this.sealer = SharingSealer.builder().issuer(ConsentFixtures.ISSUER).keyRing(ring).clock(clock)
                .receiptStatus(ledger).build();
    }

    /** The bank asks, the citizen grants {@code granted}, the ledger records it. */
    ConsentReceiptIssuer.Issued consent(String purpose, Set<CitizenField> asked, Set<CitizenField> granted) {
        String jws = signer.request(purpose, asked).sign().compactJws();
        VerifiedRequest v = (VerifiedRequest) requests.verify(jws);
        ConsentReceiptIssuer.Issued issued = receipts.grant(v, CITIZEN, granted, Duration.ofDays(30));
        ledger.record(CITIZEN, issued);
        return issued;
    }

    String seal(ConsentReceiptIssuer.Issued issued, SharedClaims data) {
        SealResult r = sealer.seal(SealRequest.forReceipt(issued.receipt(), bank.party().encryptionKey())
                .claims(data).level(AssuranceLevel.LEVEL_2).methods("face").build());
        return ((SealResult.Sealed) r).compactJwe();
    }

    SharedDataOpener.Builder opener() {
        return SharedDataOpener.builder().decryptionKey(bankKey).partyId(bank.party().id())
                .trustStore(TrustStore.of(ring)).expectedIssuer(ConsentFixtures.ISSUER).clock(clock);
    }
}
