package io.github.eidvn.verifier.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.InMemoryRelyingPartyRegistry;
import io.github.eidvn.core.consent.Purpose;
import io.github.eidvn.core.consent.PurposeCatalogue;
import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.MaritalStatus;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.RelatedPerson;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.sharing.SealRequest;
import io.github.eidvn.core.sharing.SealResult;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.core.sharing.SharingSealer;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.testing.SettableClock;

/** Invariants of consented sharing: never one field more than granted; any tampering is refused. */
class SharingProperties {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private final SettableClock clock = SettableClock.at(AssertionFixtures.NOW);
    private final KeyRing ring = KeyRing.generate();
    private final SigningKey partySigning = SigningKey.generate();
    private final PartyDecryptionKey partyKey = PartyDecryptionKey.generateEc();
    private final CitizenReferences refs = CitizenReferences.of(ConsentFixtures.secret());
    private final ConsentLedger ledger = ConsentLedger.builder().store(InMemoryStateStore.create(clock))
            .references(refs).clock(clock).maxPerCitizen(4096).build();
    private final ConsentRequestSigner signer;
    private final ConsentRequestVerifier requests;
    private final ConsentReceiptIssuer receipts;
    private final SharingSealer sealer;
    private final SharedDataOpener opener;

    SharingProperties() {
        RelyingParty.Builder b = RelyingParty.builder().id("any-party").legalName("Đơn vị bất kỳ", "Any party")
                .contact("dpo@any.example.vn").signingJwks("{\"keys\":[" + partySigning.publicJwkJson() + "]}")
                .encryptionKey(partyKey.publicKey());
        for (Purpose p : PurposeCatalogue.standard().all()) {
            b.purpose(p);
        }
        InMemoryRelyingPartyRegistry registry = InMemoryRelyingPartyRegistry.create().register(b.build());
        signer = ConsentRequestSigner.builder().partyId("any-party").signingKey(partySigning)
                .audience(ConsentFixtures.ISSUER).clock(clock).build();
        requests = ConsentRequestVerifier.builder().registry(registry).audience(ConsentFixtures.ISSUER).clock(clock)
                .build();
        receipts = ConsentReceiptIssuer.builder().issuer(ConsentFixtures.ISSUER).keyRing(ring).references(refs)
                .clock(clock).build();
        sealer = SharingSealer.builder().issuer(ConsentFixtures.ISSUER).keyRing(ring).clock(clock)
                .receiptStatus(ledger).build();
        opener = SharedDataOpener.builder().decryptionKey(partyKey).partyId("any-party")
                .trustStore(TrustStore.of(ring)).expectedIssuer(ConsentFixtures.ISSUER).receiptStatus(ledger).withoutReplayGuard().clock(clock)
                .anyLevel().build();
    }

    @Provide
    Arbitrary<CitizenProfile> profiles() {
        Arbitrary<String> words = Arbitraries.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng",
                "Bùi", "Đỗ", "Thị", "Văn", "Minh", "Khai", "Lan", "Hùng", "Ánh", "Dũng", "Thu", "Hà");
        Arbitrary<String> names = words.list().ofMinSize(2).ofMaxSize(4).map(l -> String.join(" ", l));
        Arbitrary<String> places = Arbitraries.of("12 Nguyễn Đình Chiểu, Quận 3, TP. Hồ Chí Minh",
                "5 Tràng Tiền, Hoàn Kiếm, Hà Nội", "Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An",
                "Phường Hải Châu 1, Quận Hải Châu, TP. Đà Nẵng");
        Arbitrary<LocalDate> births = Arbitraries.integers().between(0, 60 * 365)
                .map(d -> LocalDate.of(1950, 1, 1).plusDays(d));
        return Combinators.combine(names, births, Arbitraries.of(Sex.values()), Arbitraries.integers().between(0,
                999_999), Arbitraries.longs(), places, names).as((name, birth, sex, serial, mask, place, relative) -> {
                    int century = (birth.getYear() >= 2000 ? 2 : 0) + (sex == Sex.FEMALE ? 1 : 0);
                    String number = String.format("079%d%02d%06d", century, birth.getYear() % 100, serial);
                    CitizenProfile.Builder b = CitizenProfile.builder().personalNumber(PersonalNumber.of(number))
                            .fullName(name).birthDate(birth).sex(sex);
                    Random r = new Random(mask);
                    if (r.nextBoolean()) {
                        b.nationality("Việt Nam");
                    }
                    if (r.nextBoolean()) {
                        b.ethnicity("Kinh");
                    }
                    if (r.nextBoolean()) {
                        b.religion("Không");
                    }
                    if (r.nextBoolean()) {
                        b.hometown(place);
                    }
                    if (r.nextBoolean()) {
                        b.placeOfBirthRegistration(place);
                    }
                    if (r.nextBoolean()) {
                        b.permanentResidence(place);
                    }
                    if (r.nextBoolean()) {
                        b.temporaryResidence(place);
                    }
                    if (r.nextBoolean()) {
                        b.currentResidence(place);
                    }
                    if (r.nextBoolean()) {
                        b.maritalStatus(MaritalStatus.values()[r.nextInt(4)]);
                    }
                    if (r.nextBoolean()) {
                        b.father(RelatedPerson.of(PersonName.of(relative)));
                    }
                    if (r.nextBoolean()) {
                        b.mother(RelatedPerson.of(PersonName.of(relative), PersonalNumber.of("001170000001")));
                    }
                    if (r.nextBoolean()) {
                        b.spouse(RelatedPerson.of(PersonName.of(relative)));
                    }
                    if (r.nextBoolean()) {
                        b.householdHead(RelatedPerson.of(PersonName.of(relative)));
                        b.relationshipToHouseholdHead("Con");
                    }
                    if (r.nextBoolean()) {
                        b.phoneNumber("+849" + String.format("%08d", r.nextInt(100_000_000)));
                    }
                    if (r.nextBoolean()) {
                        b.email("citizen" + r.nextInt(1000) + "@example.vn");
                    }
                    return b.build();
                });
    }

    @Provide
    Arbitrary<Purpose> purposes() {
        return Arbitraries.of(PurposeCatalogue.standard().all());
    }

    private ConsentReceiptIssuer.Issued consent(CitizenProfile who, Purpose purpose, Set<CitizenField> granted) {
        String jws = signer.request(purpose.code(), purpose.fields()).sign().compactJws();
        VerifiedRequest v = (VerifiedRequest) requests.verify(jws);
        ConsentReceiptIssuer.Issued issued = receipts.grant(v, who.personalNumber(), granted, Duration.ofDays(1));
        assertThat(ledger.record(who.personalNumber(), issued)).isEqualTo(ConsentLedger.RecordOutcome.RECORDED);
        return issued;
    }

    private String seal(ConsentReceiptIssuer.Issued issued, SharedClaims data) {
        SealResult r = sealer.seal(SealRequest.forReceipt(issued.receipt(), partyKey.publicKey()).claims(data)
                .level(AssuranceLevel.LEVEL_2).methods("face").build());
        return ((SealResult.Sealed) r).compactJwe();
    }

    private static Set<CitizenField> subset(Set<CitizenField> of, long seed) {
        List<CitizenField> all = new ArrayList<>(of);
        Random r = new Random(seed);
        EnumSet<CitizenField> out = EnumSet.noneOf(CitizenField.class);
        for (CitizenField f : all) {
            if (r.nextBoolean()) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            out.add(all.get(r.nextInt(all.size())));
        }
        return out;
    }

    @Property(tries = 150)
    void openedClaims_areExactlyTheGrantedFieldsTheRegistryHolds(@ForAll("profiles") CitizenProfile profile,
            @ForAll("purposes") Purpose purpose, @ForAll long grantSeed, @ForAll boolean withCard) {
        Set<CitizenField> granted = subset(purpose.fields(), grantSeed);
        SharedClaims data = SharedClaims.fromProfile(profile);
        if (withCard) {
            data = data.plus(ConsentFixtures.claims().only(EnumSet.of(CitizenField.HEALTH_INSURANCE)));
        }
        ConsentReceiptIssuer.Issued issued = consent(profile, purpose, granted);
        OpenResult r = opener.open(seal(issued, data), issued.receipt().requestNonce());
        assertThat(r).isInstanceOf(Opened.class);
        SharedClaims opened = ((Opened) r).claims();
        Set<CitizenField> expected = EnumSet.noneOf(CitizenField.class);
        expected.addAll(granted);
        expected.retainAll(data.fields());
        assertThat(opened.fields()).isEqualTo(expected);
        assertThat(granted).containsAll(opened.fields());
        assertThat(opened).isEqualTo(data.only(granted));
    }

    @Property(tries = 200)
    void anyByteFlipInAnyJwePart_isRefused(@ForAll @IntRange(min = 0, max = 4) int part,
            @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll @IntRange(min = 0, max = 7) int bit) {
        CitizenProfile p = ConsentFixtures.profile();
        Purpose ekyc = PurposeCatalogue.standard().find("bank-ekyc").orElseThrow();
        ConsentReceiptIssuer.Issued issued = consent(p, ekyc, ekyc.fields());
        String jwe = seal(issued, SharedClaims.fromProfile(p));
        String[] parts = jwe.split("\\.");
        byte[] bytes = D64.decode(parts[part]);
        bytes[position % bytes.length] ^= (byte) (1 << bit);
        parts[part] = B64.encodeToString(bytes);
        OpenResult r = opener.open(String.join(".", parts), issued.receipt().requestNonce());
        assertThat(r).isInstanceOf(OpenRejected.class);
        OpenReason reason = ((OpenRejected) r).reason();
        if (part == 0) {
            assertThat(reason).isIn(OpenReason.MALFORMED, OpenReason.DISALLOWED_ALGORITHM, OpenReason.WRONG_TYPE,
                    OpenReason.WRONG_RECIPIENT, OpenReason.DECRYPTION_FAILED);
        } else {
            assertThat(reason).isEqualTo(OpenReason.DECRYPTION_FAILED);
        }
    }

    @Property(tries = 100)
    void anyCharacterChangeOfTheCompactText_isRefused(@ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll("base64Chars") char replacement) {
        CitizenProfile p = ConsentFixtures.profile();
        Purpose ekyc = PurposeCatalogue.standard().find("bank-ekyc").orElseThrow();
        ConsentReceiptIssuer.Issued issued = consent(p, ekyc, ekyc.fields());
        String jwe = seal(issued, SharedClaims.fromProfile(p));
        int at = position % jwe.length();
        if (jwe.charAt(at) == replacement) {
            return;
        }
        String changed = jwe.substring(0, at) + replacement + jwe.substring(at + 1);
        assertThat(opener.open(changed, issued.receipt().requestNonce())).isInstanceOf(OpenRejected.class);
    }

    @Provide
    Arbitrary<Character> base64Chars() {
        return Arbitraries.of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".toCharArray())
                .map(c -> c);
    }
}
