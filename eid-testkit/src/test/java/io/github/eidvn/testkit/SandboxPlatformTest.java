package io.github.eidvn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.BiometricMatch;
import io.github.eidvn.core.assurance.ProofingResult;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.sharing.SealRequest;
import io.github.eidvn.core.sharing.SealResult;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ConsentFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Rejected;
import io.github.eidvn.verifier.VerificationResult;
import io.github.eidvn.verifier.Verified;
import io.github.eidvn.verifier.hospital.CheckInDecision;
import io.github.eidvn.verifier.hospital.HospitalCheckIn;
import io.github.eidvn.verifier.hospital.InsuranceQuery;
import io.github.eidvn.verifier.hospital.LookupResult;
import io.github.eidvn.verifier.sharing.OpenRejected;
import io.github.eidvn.verifier.sharing.OpenResult;
import io.github.eidvn.verifier.sharing.Opened;
import io.github.eidvn.verifier.sharing.PartyDecryptionKey;
import io.github.eidvn.verifier.sharing.SharedDataOpener;

class SandboxPlatformTest {

    private final Clock clock = AssertionFixtures.clock();
    private final SandboxPlatform vneid = SandboxPlatform.create(clock);

    private HospitalCheckIn desk(TrustStore trust) {
        AssertionVerifier verifier = AssertionVerifier.builder().trustStore(trust).clock(clock)
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").requiredLevel(AssuranceLevel.LEVEL_2)
                .build();
        return HospitalCheckIn.builder().verifier(verifier).clock(clock).zone(SandboxPlatform.VIETNAM).build();
    }

    @Test
    void hospitalPresentation_checkedAgainstThePublishedJwks_validWithTheCardOfThisYear() {
        String qr = vneid.hospitalPresentation(SandboxPlatform.KHAI, "79024", "bhyt-checkin");

        CheckInDecision d = desk(TrustStore.builder().issuer(SandboxPlatform.ISSUER_ID,
                TrustStore.fromJwks(vneid.publicJwksJson())).build()).check(qr);

        assertThat(d.decision()).isEqualTo(CheckInDecision.Decision.VALID);
        assertThat(d.patient().orElseThrow().name()).hasValue("Nguyễn Thị Minh Khai");
        assertThat(d.insurance().orElseThrow().validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void hospitalPresentation_citizenWhoseCardEndedLastYear_rejectedAsExpired() {
        String qr = vneid.hospitalPresentation(SandboxPlatform.BINH, "79024", "bhyt-checkin");

        CheckInDecision d = desk(vneid.trustStore()).check(qr);

        assertThat(d.status()).isEqualTo(CheckInDecision.Status.CARD_EXPIRED);
    }

    @Test
    void hospitalPresentation_anotherPlatformsKeys_rejectedWithBadSignature() {
        SandboxPlatform other = SandboxPlatform.create(clock);
        String qr = other.hospitalPresentation(SandboxPlatform.KHAI, "79024", "bhyt-checkin");

        CheckInDecision d = desk(vneid.trustStore()).check(qr);

        assertThat(d.decision()).isEqualTo(CheckInDecision.Decision.REJECTED);
        assertThat(d.reason()).isNotEmpty().isNotEqualTo(Optional.of(Reason.EXPIRED));
    }

    @Test
    void stepUpAssertion_verifiedAtLevelTwoWithTheNumberOnly() {
        String jwt = vneid.stepUpAssertion(SandboxPlatform.DUC, "vcb-bank", "step-up");

        VerificationResult r = AssertionVerifier.builder().trustStore(vneid.trustStore()).clock(clock)
                .expectedAudience("vcb-bank").expectedPurpose("step-up").requiredLevel(AssuranceLevel.LEVEL_2)
                .build().verify(jwt);

        assertThat(r).isInstanceOfSatisfying(Verified.class, v -> {
            assertThat(v.assertion().level()).isEqualTo(AssuranceLevel.LEVEL_2);
            assertThat(v.assertion().claims()).containsOnlyKeys("personal_number")
                    .containsEntry("personal_number", SandboxPlatform.DUC);
        });
    }

    @Test
    void stepUpAssertion_otherIssuerIdConfigured_rejectedByAStoreBoundToTheDefaultId() {
        SandboxPlatform named = SandboxPlatform.builder().clock(clock).issuer("https://sandbox.example.vn").build();
        String jwt = named.stepUpAssertion(SandboxPlatform.DUC, "vcb-bank", "step-up");
        TrustStore wrongIssuer = TrustStore.builder().issuer(SandboxPlatform.ISSUER_ID, TrustStore.of(named.keys()))
                .build();

        VerificationResult r = AssertionVerifier.builder().trustStore(wrongIssuer).clock(clock)
                .expectedAudience("vcb-bank").expectedPurpose("step-up").requiredLevel(AssuranceLevel.LEVEL_2).build()
                .verify(jwt);

        assertThat(r).isInstanceOf(Rejected.class);
        assertThat(AssertionVerifier.builder().trustStore(named.trustStore()).clock(clock)
                .expectedAudience("vcb-bank").expectedPurpose("step-up").requiredLevel(AssuranceLevel.LEVEL_2).build()
                .verify(jwt))
                .isInstanceOf(Verified.class);
    }

    @Test
    void ekycPackage_openedByTheBankWithTheGrantedFieldsOnly_thenRefusedAfterWithdrawal() {
        ConsentFixtures.Party bank = ConsentFixtures.bank();
        vneid.parties().register(bank.party());
        ConsentRequestSigner.Signed request = ConsentRequestSigner.builder().partyId("vcb-bank")
                .signingKey(bank.signingKey()).audience(vneid.issuerId()).clock(clock).build()
                .request("bank-ekyc", EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME,
                        CitizenField.BIRTHDATE, CitizenField.PERMANENT_RESIDENCE))
                .sign();
        Set<CitizenField> granted = EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME);

        SandboxPlatform.EkycPackage pkg = vneid.ekycPackage(request.compactJws(), SandboxPlatform.KHAI, granted);

        SharedDataOpener opener = SharedDataOpener.builder()
                .decryptionKey(PartyDecryptionKey.fromPrivateJwkJson(bank.encryptionPrivateJwk()))
                .partyId("vcb-bank").trustStore(vneid.trustStore()).expectedIssuer(vneid.issuerId())
                .receiptStatus(vneid.ledger().openings()).requiredLevel(AssuranceLevel.LEVEL_2).clock(clock).build();
        OpenResult opened = opener.open(pkg.compactJwe(), pkg.nonce());
        assertThat(opened).isInstanceOfSatisfying(Opened.class, o -> {
            assertThat(o.claims().fields()).containsExactlyInAnyOrderElementsOf(granted);
            assertThat(o.claims().name()).hasValue("Nguyễn Thị Minh Khai");
        });
        assertThat(pkg.toString()).doesNotContain(pkg.compactJwe());

        CitizenProfile khai = vneid.citizen(SandboxPlatform.KHAI);
        assertThat(vneid.ledger().withdraw(khai.personalNumber(), pkg.receipt().receipt().id()))
                .isEqualTo(ConsentLedger.WithdrawOutcome.WITHDRAWN);
        assertThat(opener.open(pkg.compactJwe(), pkg.nonce())).isInstanceOf(OpenRejected.class);
        SealResult again = vneid.sealer().seal(SealRequest.forReceipt(pkg.receipt().receipt(),
                bank.party().encryptionKey()).claims(SharedClaims.fromProfile(khai)).level(AssuranceLevel.LEVEL_2)
                .methods("face").build());
        assertThat(again).isInstanceOf(SealResult.Refused.class);
    }

    @Test
    void ekycPackage_requestOfAnUnregisteredParty_refusedWithReason() {
        ConsentFixtures.Party bank = ConsentFixtures.bank();
        String jws = ConsentRequestSigner.builder().partyId("vcb-bank").signingKey(bank.signingKey())
                .audience(vneid.issuerId()).clock(clock).build()
                .request("bank-ekyc", EnumSet.of(CitizenField.NAME)).sign().compactJws();

        assertThatThrownBy(() -> vneid.ekycPackage(jws, SandboxPlatform.KHAI, EnumSet.of(CitizenField.NAME)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consent request refused");
    }

    @Test
    void insuranceLookup_holdsTheCardsOfTheRegistry() {
        var lookup = vneid.insuranceLookup();

        assertThat(lookup.size()).isEqualTo(4);
        assertThat(lookup.lookup(InsuranceQuery.personalNumber(SandboxPlatform.KHAI))).isInstanceOfSatisfying(
                LookupResult.Found.class, f -> assertThat(f.cards()).singleElement()
                        .satisfies(c -> assertThat(c.toString()).contains("79024")));
    }

    @Test
    void citizen_unknownNumber_refusedWithMaskedNumber() {
        assertThatThrownBy(() -> vneid.citizen("079303099999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("079303099999");
        assertThatThrownBy(() -> vneid.hospitalPresentation("079303099999", "79024", "bhyt-checkin"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fakeFaceMatcher_anotherCitizensSelfie_scoresLowAndProofingStaysBelowLevelTwo() {
        CitizenProfile khai = vneid.citizen(SandboxPlatform.KHAI);
        CitizenProfile duc = vneid.citizen(SandboxPlatform.DUC);
        FakeFaceMatcher matcher = new FakeFaceMatcher();

        BiometricMatch same = matcher.match(khai, FakeFaceMatcher.selfieOf(khai));
        BiometricMatch other = matcher.match(khai, FakeFaceMatcher.selfieOf(duc));

        assertThat(same.score()).isGreaterThan(other.score());
        assertThat(other.score()).isLessThan(0.5);
        assertThat(matcher.toString()).contains("FAKE");
        ProofingResult wrongFace = vneid.proof(io.github.eidvn.core.assurance.ProofingRequest.builder()
                .personalNumber(SandboxPlatform.KHAI).fullName("Nguyễn Thị Minh Khai")
                .birthDate(khai.birthDate()).sex(khai.sex()).biometricProbe(FakeFaceMatcher.selfieOf(duc)).build());
        assertThat(wrongFace instanceof ProofingResult.Proofed p && p.level() == AssuranceLevel.LEVEL_2).isFalse();
        assertThat(vneid.proof(SandboxPlatform.levelTwoRequest(khai))).isInstanceOfSatisfying(
                ProofingResult.Proofed.class, p -> assertThat(p.level()).isEqualTo(AssuranceLevel.LEVEL_2));
    }

    @Test
    void legacyChipCardText_carriesNumberNameAndDates() {
        String text = SandboxPlatform.legacyChipCardText(vneid.citizen(SandboxPlatform.DUC));

        assertThat(text).startsWith("001088001234||Trần Văn Đức|02111988|Nam|");
    }
}
