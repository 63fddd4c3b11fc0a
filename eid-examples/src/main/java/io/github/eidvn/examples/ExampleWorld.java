package io.github.eidvn.examples;

import java.time.LocalDate;

import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.InMemoryRelyingPartyRegistry;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.MaritalStatus;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.RelatedPerson;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.sharing.SharingSealer;
import io.github.eidvn.core.spi.InMemoryStateStore;

/**
 * The e-ID issuer's side shared by the consent examples: its keys, the party registry, the consent ledger, the
 * receipt issuer and the sealer, and the population-registry record of the example citizen.
 */
final class ExampleWorld {

    /** The issuer id. */
    static final String ISSUER = "https://vneid.gov.vn";

    final KeyRing issuerKeys = KeyRing.generate();
    final InMemoryRelyingPartyRegistry registry = InMemoryRelyingPartyRegistry.create();
    final CitizenReferences references = CitizenReferences.generate();
    final ConsentLedger ledger;
    final ConsentReceiptIssuer receipts = ConsentReceiptIssuer.builder().issuer(ISSUER).keyRing(issuerKeys)
            .references(references).build();
    final SharingSealer sealer;

    /** The issuer's side with the consent ledger in memory. */
    ExampleWorld() {
        this(ConsentLedger.builder().store(InMemoryStateStore.create()));
    }

    /**
     * The issuer's side with the consent ledger on a given storage.
     *
     * @param ledgerStorage a ledger builder with its storage set
     */
    ExampleWorld(ConsentLedger.Builder ledgerStorage) {
        this.ledger = ledgerStorage.references(references).build();
        this.sealer = SharingSealer.builder().issuer(ISSUER).keyRing(issuerKeys).receiptStatus(ledger).build();
    }

    /** The record the national population database holds for the example citizen (no phone, no e-mail). */
    static CitizenProfile citizen() {
        return CitizenProfile.builder()
                .personalNumber(PersonalNumber.of("079303012345"))
                .fullName("Nguyễn Thị Minh Khai")
                .birthDate(LocalDate.of(2003, 5, 17))
                .sex(Sex.FEMALE)
                .nationality("Việt Nam")
                .ethnicity("Kinh")
                .religion("Không")
                .hometown("Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An")
                .placeOfBirthRegistration("UBND Phường 6, Quận 3, TP. Hồ Chí Minh")
                .permanentResidence("12 Nguyễn Đình Chiểu, Phường 6, Quận 3, TP. Hồ Chí Minh")
                .currentResidence("45 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh")
                .maritalStatus(MaritalStatus.NOT_MARRIED)
                .father(RelatedPerson.of(PersonName.of("Nguyễn Văn Hùng"), PersonalNumber.of("079070001234")))
                .mother(RelatedPerson.of(PersonName.of("Trần Thị Lan")))
                .householdHead(RelatedPerson.of(PersonName.of("Nguyễn Văn Hùng"), PersonalNumber.of("079070001234")))
                .relationshipToHouseholdHead("Con")
                .build();
    }
}
