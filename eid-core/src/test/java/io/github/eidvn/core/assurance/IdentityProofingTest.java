package io.github.eidvn.core.assurance;

import static io.github.eidvn.core.assurance.ProofingFixtures.ANH;
import static io.github.eidvn.core.assurance.ProofingFixtures.BABY;
import static io.github.eidvn.core.assurance.ProofingFixtures.CHILD;
import static io.github.eidvn.core.assurance.ProofingFixtures.CLOCK;
import static io.github.eidvn.core.assurance.ProofingFixtures.EXPIRED;
import static io.github.eidvn.core.assurance.ProofingFixtures.FATHER;
import static io.github.eidvn.core.assurance.ProofingFixtures.MOTHER;
import static io.github.eidvn.core.assurance.ProofingFixtures.NO_CARD;
import static io.github.eidvn.core.assurance.ProofingFixtures.REGISTRY;
import static io.github.eidvn.core.assurance.ProofingFixtures.TODAY;
import static io.github.eidvn.core.assurance.ProofingFixtures.chipOf;
import static io.github.eidvn.core.assurance.ProofingFixtures.declaring;
import static io.github.eidvn.core.assurance.ProofingFixtures.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eidvn.core.assurance.ProofingResult.Proofed;
import io.github.eidvn.core.assurance.ProofingResult.Reason;
import io.github.eidvn.core.assurance.ProofingResult.Rejected;
import io.github.eidvn.core.assurance.AgeRules.AccountForm;
import io.github.eidvn.core.assurance.AgeRules.AgeGroup;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.Sex;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IdentityProofingTest {

    private static final byte[] SELFIE = {1, 2, 3};

    /** A matcher answering a fixed score and liveness, recording what it was asked. */
    private static final class FixedMatcher implements BiometricMatcher {
        final double score;
        final boolean live;
        final List<CitizenProfile> asked = new ArrayList<>();

        FixedMatcher(double score, boolean live) {
            this.score = score;
            this.live = live;
        }

        @Override
        public BiometricMatch match(CitizenProfile citizen, BiometricProbe probe) {
            asked.add(citizen);
            return new BiometricMatch(probe.method(), score, live);
        }
    }

    private static IdentityProofing proofing() {
        return IdentityProofing.builder().registry(REGISTRY).clock(CLOCK).build();
    }

    private static IdentityProofing proofing(BiometricMatcher matcher) {
        return IdentityProofing.builder().registry(REGISTRY).matcher(matcher).clock(CLOCK).build();
    }

    private static Proofed proofed(ProofingResult r) {
        assertThat(r).as(r.toString()).isInstanceOf(Proofed.class);
        return (Proofed) r;
    }

    private static Rejected rejected(ProofingResult r, Reason reason) {
        assertThat(r).as(r.toString()).isInstanceOf(Rejected.class);
        Rejected rej = (Rejected) r;
        assertThat(rej.reason()).isEqualTo(reason);
        assertThat(rej.isProofed()).isFalse();
        return rej;
    }

    private static BiometricProbe face() {
        return BiometricProbe.ofBytes(BiometricMethod.FACE, SELFIE);
    }

    // ---- level 1

    @Test
    void proof_declaredDataMatchesRegistry_levelOneWithRegistryEvidence() {
        Proofed p = proofed(proofing().proof(declaring(ANH).build()));
        assertThat(p.level()).isEqualTo(AssuranceLevel.LEVEL_1);
        assertThat(p.registryRecord()).isEqualTo(ANH);
        assertThat(p.matchedFields()).containsExactly(IdentityField.PERSONAL_NUMBER, IdentityField.FULL_NAME,
                IdentityField.BIRTH_DATE, IdentityField.SEX);
        assertThat(p.amr()).isEmpty();
        assertThat(p.evidence()).hasSize(1);
        ProofingEvidence e = p.evidence().get(0);
        assertThat(e).isInstanceOf(ProofingEvidence.RegistryRecord.class);
        assertThat(e.type()).isEqualTo("electronic_record");
        assertThat(e.checkMethod()).isEqualTo("data");
        assertThat(((ProofingEvidence.RegistryRecord) e).recordType()).isEqualTo("population_register");
        assertThat(p.time()).isEqualTo(CLOCK.instant());
        assertThat(p.entitlement().form()).isEqualTo(AccountForm.OWN);
        assertThat(p.guardian()).isEmpty();
        assertThat(p.isProofed()).isTrue();
    }

    @Test
    void proof_nameInOtherCaseOrNfdOrOtherToneMarkPlacement_matches() {
        for (String declared : new String[] {"trần  thị ngọc ánh", "TRẦN THỊ NGỌC ÁNH",
            Normalizer.normalize("Trần Thị Ngọc Ánh", Normalizer.Form.NFD)}) {
            ProofingRequest req = ProofingRequest.builder().personalNumber(ANH.personalNumber().value())
                    .fullName(declared).birthDate(ANH.birthDate()).sex(Sex.FEMALE).build();
            assertThat(proofed(proofing().proof(req)).level()).isEqualTo(AssuranceLevel.LEVEL_1);
        }
    }

    /** Issue 15: proofing compares exactly after NFC and tone-mark normalisation; "Hà", "Hạ", "Ha" differ. */
    @Test
    void proof_nameWithoutOrWithOtherDiacritics_mismatch_issue15() {
        for (String declared : new String[] {"TRAN THI NGOC ANH", "Tran Thi Ngoc Anh", "Trần Thị Ngọc Anh",
            "Trần Thị Ngọc Ảnh"}) {
            ProofingRequest req = ProofingRequest.builder().personalNumber(ANH.personalNumber().value())
                    .fullName(declared).birthDate(ANH.birthDate()).sex(Sex.FEMALE).build();
            assertThat(rejected(proofing().proof(req), Reason.FIELD_MISMATCH).mismatchedFields()).as(declared)
                    .containsExactly(IdentityField.FULL_NAME);
        }
    }

    @Test
    void proof_typedNumberAndName_sameAsText() {
        ProofingRequest req = ProofingRequest.builder().personalNumber(ANH.personalNumber())
                .fullName(ANH.fullName()).birthDate(ANH.birthDate()).sex(ANH.sex()).build();
        assertThat(proofed(proofing().proof(req)).level()).isEqualTo(AssuranceLevel.LEVEL_1);
    }

    // ---- bad declared data

    @Test
    void proof_malformedNumber_rejectedInvalidNumber() {
        for (String bad : new String[] {"07930301234", "0793030123456", "07930301234a",
            "\uFF10\uFF17\uFF19\uFF13\uFF10\uFF13\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15", "003303012345", ""}) {
            ProofingRequest req = ProofingRequest.builder().personalNumber(bad).fullName("Trần Thị Ngọc Ánh")
                    .birthDate(ANH.birthDate()).sex(Sex.FEMALE).build();
            Rejected r = rejected(proofing().proof(req), Reason.INVALID_NUMBER);
            assertThat(r.mismatchedFields()).isEmpty();
        }
    }

    @Test
    void proof_blankName_rejectedInvalidName() {
        ProofingRequest req = ProofingRequest.builder().personalNumber(ANH.personalNumber().value()).fullName(" \t")
                .birthDate(ANH.birthDate()).sex(Sex.FEMALE).build();
        rejected(proofing().proof(req), Reason.INVALID_NAME);
    }

    @Test
    void proof_numberNotInRegistry_rejectedNotInRegistry() {
        ProofingRequest req = ProofingRequest.builder().personalNumber("079303099999").fullName("Trần Thị Ngọc Ánh")
                .birthDate(ANH.birthDate()).sex(Sex.FEMALE).build();
        Rejected r = rejected(proofing().proof(req), Reason.NOT_IN_REGISTRY);
        assertThat(r.detail()).doesNotContain("079303099999");
    }

    @Test
    void proof_birthDateDiffers_rejectedFieldMismatchNamingBirthDate() {
        ProofingRequest req = ProofingRequest.builder().personalNumber(ANH.personalNumber().value())
                .fullName(ANH.fullName().value()).birthDate(ANH.birthDate().plusDays(1)).sex(Sex.FEMALE).build();
        Rejected r = rejected(proofing().proof(req), Reason.FIELD_MISMATCH);
        assertThat(r.mismatchedFields()).containsExactly(IdentityField.BIRTH_DATE);
    }

    @Test
    void proof_sexDiffers_rejectedFieldMismatchNamingSex() {
        ProofingRequest req = ProofingRequest.builder().personalNumber(ANH.personalNumber().value())
                .fullName(ANH.fullName().value()).birthDate(ANH.birthDate()).sex(Sex.MALE).build();
        assertThat(rejected(proofing().proof(req), Reason.FIELD_MISMATCH).mismatchedFields())
                .containsExactly(IdentityField.SEX);
    }

    @Test
    void proof_nameAndBirthDateDiffer_rejectedNamingBoth() {
        ProofingRequest req = ProofingRequest.builder().personalNumber(ANH.personalNumber().value())
                .fullName("Trần Thị Ngọc Anh Thư").birthDate(ANH.birthDate().minusYears(1)).sex(Sex.FEMALE).build();
        Rejected r = rejected(proofing().proof(req), Reason.FIELD_MISMATCH);
        assertThat(r.mismatchedFields()).containsExactly(IdentityField.FULL_NAME, IdentityField.BIRTH_DATE);
        assertThat(r.detail()).doesNotContain("Trần");
    }

    @Test
    void proof_differentDiacriticsOrDifferentLetters_mismatch() {
        ProofingRequest tones = ProofingRequest.builder().personalNumber(ANH.personalNumber().value())
                .fullName("Trân Thi Ngoc Anh").birthDate(ANH.birthDate()).sex(Sex.FEMALE).build();
        rejected(proofing().proof(tones), Reason.FIELD_MISMATCH);
        ProofingRequest other = ProofingRequest.builder().personalNumber(ANH.personalNumber().value())
                .fullName("Trần Thị Ngọc Ánh Anh").birthDate(ANH.birthDate()).sex(Sex.FEMALE).build();
        rejected(proofing().proof(other), Reason.FIELD_MISMATCH);
    }

    // ---- card

    @Test
    void proof_noCardRecorded_rejectedNoValidCard() {
        rejected(proofing().proof(declaring(NO_CARD).build()), Reason.NO_VALID_CARD);
    }

    @Test
    void proof_cardExpiredAtRenewalAge_rejectedNoValidCard() {
        Rejected r = rejected(proofing().proof(declaring(EXPIRED).build()), Reason.NO_VALID_CARD);
        assertThat(r.detail()).contains("not valid");
    }

    // ---- level 2 by biometrics

    @Test
    void proof_faceMatchAboveThresholdWithLiveness_levelTwo() {
        FixedMatcher matcher = new FixedMatcher(0.95, true);
        Proofed p = proofed(proofing(matcher).proof(declaring(ANH).biometricProbe(face()).build()));
        assertThat(p.level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(p.amr()).containsExactly("face");
        assertThat(p.evidence()).hasSize(2);
        ProofingEvidence.Biometric b = (ProofingEvidence.Biometric) p.evidence().get(1);
        assertThat(b.method()).isEqualTo(BiometricMethod.FACE);
        assertThat(b.score()).isEqualTo(0.95);
        assertThat(b.threshold()).isEqualTo(0.80);
        assertThat(b.checkMethod()).isEqualTo("bvr");
        assertThat(matcher.asked).containsExactly(ANH);
    }

    @Test
    void proof_fingerprintMatch_levelTwoWithFpt() {
        Proofed p = proofed(proofing(new FixedMatcher(0.9, true)).proof(declaring(ANH)
                .biometricProbe(BiometricProbe.ofReference(BiometricMethod.FINGERPRINT, "scan-42")).build()));
        assertThat(p.level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(p.amr()).containsExactly("fpt");
    }

    @Test
    void proof_scoreExactlyAtThreshold_passes_justBelow_rejected() {
        assertThat(proofed(proofing(new FixedMatcher(0.80, true)).proof(declaring(ANH).biometricProbe(face())
                .build())).level()).isEqualTo(AssuranceLevel.LEVEL_2);
        Rejected r = rejected(proofing(new FixedMatcher(0.7999, true)).proof(declaring(ANH).biometricProbe(face())
                .build()), Reason.BIOMETRIC_BELOW_THRESHOLD);
        assertThat(r.detail()).contains("0.7999").contains("0.8000");
    }

    @Test
    void proof_customThreshold_applies() {
        IdentityProofing strict = IdentityProofing.builder().registry(REGISTRY)
                .matcher(new FixedMatcher(0.85, true)).threshold(0.9).clock(CLOCK).build();
        assertThat(strict.threshold()).isEqualTo(0.9);
        rejected(strict.proof(declaring(ANH).biometricProbe(face()).build()), Reason.BIOMETRIC_BELOW_THRESHOLD);
    }

    @Test
    void proof_livenessFailed_rejectedEvenWithPerfectScore() {
        rejected(proofing(new FixedMatcher(1.0, false)).proof(declaring(ANH).biometricProbe(face()).build()),
                Reason.LIVENESS_FAILED);
    }

    @Test
    void proof_failedBiometric_isNotDowngradedToLevelOne() {
        ProofingResult r = proofing(new FixedMatcher(0.1, true)).proof(declaring(ANH).biometricProbe(face()).build());
        assertThat(r.isProofed()).isFalse();
    }

    // ---- chip evidence: level 1 on its own, level 2 only with a biometric match

    @Test
    void proof_chipEvidenceAlone_levelOneWithScAndDocumentEvidence() {
        ChipEvidence chip = chipOf(ANH).birthDate(ANH.birthDate()).sex(Sex.FEMALE)
                .dateOfExpiry(TODAY.plusYears(1)).build();
        Proofed p = proofed(proofing().proof(declaring(ANH).chipEvidence(chip).build()));
        assertThat(p.level()).isEqualTo(AssuranceLevel.LEVEL_1);
        assertThat(p.amr()).containsExactly("sc");
        ProofingEvidence doc = p.evidence().get(1);
        assertThat(doc).isInstanceOf(ProofingEvidence.ChipDocument.class);
        assertThat(doc.type()).isEqualTo("document");
        assertThat(doc.checkMethod()).isEqualTo("vcrypt");
        assertThat(((ProofingEvidence.ChipDocument) doc).documentType()).isEqualTo("idcard");
        assertThat(doc.time()).isEqualTo(chip.verifiedAt());
    }

    /** Issue 15: the chip's name must equal the registry's (case aside), not only without diacritics. */
    @Test
    void proof_chipNameInUpperAscii_chipEvidenceMismatch_issue15() {
        ChipEvidence chip = chipOf(ANH).build();
        ChipEvidence ascii = ChipEvidence.builder().personalNumber(ANH.personalNumber())
                .fullName(name("TRAN THI NGOC ANH")).verifiedAt(chip.verifiedAt()).build();
        rejected(proofing().proof(declaring(ANH).chipEvidence(ascii).build()), Reason.CHIP_EVIDENCE_MISMATCH);
        ChipEvidence upper = ChipEvidence.builder().personalNumber(ANH.personalNumber())
                .fullName(name("TRẦN THỊ NGỌC ÁNH")).verifiedAt(chip.verifiedAt()).build();
        // the same name in capitals matches; chip evidence alone gives level 1 (issue 16)
        assertThat(proofed(proofing().proof(declaring(ANH).chipEvidence(upper).build())).level())
                .isEqualTo(AssuranceLevel.LEVEL_1);
    }

    @Test
    void proof_chipAndLiveFaceMatch_levelTwoWithDocumentAndBiometricEvidence() {
        Proofed p = proofed(proofing(new FixedMatcher(0.9, true)).proof(declaring(ANH).biometricProbe(face())
                .chipEvidence(chipOf(ANH).build()).build()));
        assertThat(p.level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(p.evidence()).extracting(ProofingEvidence::checkMethod).containsExactly("data", "bvr", "vcrypt");
    }

    @Test
    void proof_chipWithPortrait_matcherComparesLiveFaceWithChipPortrait() {
        byte[] portrait = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        List<byte[]> compared = new ArrayList<>();
        BiometricMatcher againstChip = new BiometricMatcher() {
            @Override
            public BiometricMatch match(CitizenProfile citizen, BiometricProbe probe) {
                throw new AssertionError("the chip form must be called when chip evidence is given");
            }

            @Override
            public BiometricMatch match(CitizenProfile citizen, BiometricProbe probe, ChipEvidence chip) {
                compared.add(chip.portrait().orElseThrow());
                return new BiometricMatch(probe.method(), 0.95, true);
            }
        };
        ChipEvidence chip = chipOf(ANH).portrait(portrait, "image/jpeg").activeAuthentication(true).build();
        Proofed p = proofed(proofing(againstChip).proof(declaring(ANH).biometricProbe(face()).chipEvidence(chip)
                .build()));
        assertThat(p.level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(compared).singleElement().isEqualTo(portrait);
        assertThat(chip.toString()).doesNotContain("image/jpeg");
    }

    @Test
    void proof_chipAndFailedLiveness_rejectedNotLevelOne() {
        rejected(proofing(new FixedMatcher(0.9, false)).proof(declaring(ANH).biometricProbe(face())
                .chipEvidence(chipOf(ANH).build()).build()), Reason.LIVENESS_FAILED);
    }

    @Test
    void proof_chipAndFace_bothMethodsInAmr() {
        Proofed p = proofed(proofing(new FixedMatcher(0.9, true)).proof(declaring(ANH).biometricProbe(face())
                .chipEvidence(chipOf(ANH).build()).build()));
        assertThat(p.amr()).containsExactly("face", "sc");
        assertThat(p.evidence()).extracting(ProofingEvidence::type)
                .containsExactly("electronic_record", "electronic_record", "document");
    }

    @Test
    void proof_chipOfAnotherPerson_rejectedChipEvidenceMismatch() {
        ChipEvidence other = ChipEvidence.builder().personalNumber(FATHER.personalNumber())
                .fullName(FATHER.fullName()).verifiedAt(CLOCK.instant()).build();
        Rejected r = rejected(proofing().proof(declaring(ANH).chipEvidence(other).build()),
                Reason.CHIP_EVIDENCE_MISMATCH);
        assertThat(r.mismatchedFields()).containsExactly(IdentityField.PERSONAL_NUMBER, IdentityField.FULL_NAME);
    }

    @Test
    void proof_chipBirthDateOrSexDiffers_rejectedChipEvidenceMismatch() {
        rejected(proofing().proof(declaring(ANH).chipEvidence(chipOf(ANH).birthDate(ANH.birthDate().plusDays(1))
                .build()).build()), Reason.CHIP_EVIDENCE_MISMATCH);
        assertThat(rejected(proofing().proof(declaring(ANH).chipEvidence(chipOf(ANH).sex(Sex.MALE).build()).build()),
                Reason.CHIP_EVIDENCE_MISMATCH).mismatchedFields()).containsExactly(IdentityField.SEX);
    }

    @Test
    void proof_chipCardExpired_rejectedNoValidCard() {
        rejected(proofing().proof(declaring(ANH).chipEvidence(chipOf(ANH).dateOfExpiry(TODAY.minusDays(1)).build())
                .build()), Reason.NO_VALID_CARD);
        proofed(proofing().proof(declaring(ANH).chipEvidence(chipOf(ANH).dateOfExpiry(TODAY).build()).build()));
    }

    // ---- age rules and guardians

    @Test
    void proof_childWithoutGuardian_rejectedUnderAgeWithoutGuardian() {
        rejected(proofing().proof(declaring(CHILD).build()), Reason.UNDER_AGE_WITHOUT_GUARDIAN);
        rejected(proofing(new FixedMatcher(0.99, true)).proof(declaring(CHILD).biometricProbe(face()).build()),
                Reason.UNDER_AGE_WITHOUT_GUARDIAN);
    }

    @Test
    void proof_childWithFatherAndFace_levelTwoWithGuardian() {
        Proofed p = proofed(proofing(new FixedMatcher(0.9, true)).proof(declaring(CHILD)
                .guardian(FATHER.personalNumber()).biometricProbe(face()).build()));
        assertThat(p.level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(p.entitlement().ageGroup()).isEqualTo(AgeGroup.FROM_6_TO_UNDER_14);
        assertThat(p.entitlement().form()).isEqualTo(AccountForm.WITH_GUARDIAN);
        assertThat(p.guardian()).contains(FATHER.personalNumber());
    }

    @Test
    void proof_childWithMotherAsText_levelOne() {
        Proofed p = proofed(proofing().proof(declaring(CHILD).guardian(MOTHER.personalNumber().value()).build()));
        assertThat(p.level()).isEqualTo(AssuranceLevel.LEVEL_1);
        assertThat(p.guardian()).contains(MOTHER.personalNumber());
    }

    @Test
    void proof_guardianNotAParent_rejectedGuardianNotRecognised() {
        rejected(proofing().proof(declaring(CHILD).guardian(ANH.personalNumber()).build()),
                Reason.GUARDIAN_NOT_RECOGNISED);
    }

    @Test
    void proof_guardianNotInRegistry_rejectedGuardianNotRecognised() {
        rejected(proofing().proof(declaring(CHILD).guardian("001080099999").build()), Reason.GUARDIAN_NOT_RECOGNISED);
    }

    @Test
    void proof_guardianNumberMalformed_rejectedGuardianNotRecognised() {
        rejected(proofing().proof(declaring(CHILD).guardian("00108000033").build()), Reason.GUARDIAN_NOT_RECOGNISED);
    }

    @Test
    void proof_minorRecordedAsLegalRepresentative_rejectedGuardianNotRecognised() {
        Rejected r = rejected(proofing().proof(declaring(BABY).guardian(ProofingFixtures.TEEN.personalNumber())
                .build()), Reason.GUARDIAN_NOT_RECOGNISED);
        assertThat(r.detail()).contains("under 18");
    }

    @Test
    void proof_ownNumberAsGuardian_rejectedGuardianNotRecognised() {
        rejected(proofing().proof(declaring(ANH).guardian(ANH.personalNumber()).build()),
                Reason.GUARDIAN_NOT_RECOGNISED);
    }

    @Test
    void proof_underSixWithGuardianAndChip_cappedAtLevelOneThroughGuardianAccount() {
        Proofed p = proofed(proofing().proof(declaring(BABY).guardian(MOTHER.personalNumber())
                .chipEvidence(chipOf(BABY).build()).build()));
        assertThat(p.level()).isEqualTo(AssuranceLevel.LEVEL_1);
        assertThat(p.entitlement().ageGroup()).isEqualTo(AgeGroup.UNDER_6);
        assertThat(p.entitlement().form()).isEqualTo(AccountForm.THROUGH_GUARDIAN_ACCOUNT);
        assertThat(p.amr()).containsExactly("sc");
    }

    @Test
    void proof_underSixWithoutGuardian_rejectedUnderAgeWithoutGuardian() {
        rejected(proofing().proof(declaring(BABY).build()), Reason.UNDER_AGE_WITHOUT_GUARDIAN);
    }

    // ---- SPI contract and configuration

    @Test
    void proof_probeWithoutMatcher_throwsIllegalState() {
        assertThatThrownBy(() -> proofing().proof(declaring(ANH).biometricProbe(face()).build()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void proof_matcherAnsweringOtherMethod_throwsIllegalState() {
        BiometricMatcher wrong = (c, p) -> new BiometricMatch(BiometricMethod.FINGERPRINT, 0.99, true);
        assertThatThrownBy(() -> proofing(wrong).proof(declaring(ANH).biometricProbe(face()).build()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void proof_registryReturningAnotherRecord_throwsIllegalState() {
        PopulationRegistry broken = n -> Optional.of(FATHER);
        IdentityProofing p = IdentityProofing.builder().registry(broken).clock(CLOCK).build();
        assertThatThrownBy(() -> p.proof(declaring(ANH).build())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void proof_registryFailure_propagates() {
        PopulationRegistry down = n -> {
            throw new IllegalStateException("registry down");
        };
        IdentityProofing p = IdentityProofing.builder().registry(down).clock(CLOCK).build();
        assertThatThrownBy(() -> p.proof(declaring(ANH).build())).hasMessage("registry down");
    }

    @Test
    void builder_validatesAndSetsOnce() {
        assertThat(proofing().threshold()).isEqualTo(IdentityProofing.DEFAULT_THRESHOLD).isEqualTo(0.80);
        assertThatThrownBy(() -> IdentityProofing.builder().build()).isInstanceOf(IllegalStateException.class);
        for (double bad : new double[] {0.0, -0.1, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> IdentityProofing.builder().threshold(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> IdentityProofing.builder().threshold(0.9).threshold(0.9))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IdentityProofing.builder().registry(REGISTRY).registry(REGISTRY))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IdentityProofing.builder().clock(CLOCK).clock(CLOCK))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> proofing().proof(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void request_requiredFieldsAndSetOnce() {
        assertThatThrownBy(() -> ProofingRequest.builder().personalNumber("079303012345").build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ProofingRequest.builder().personalNumber("079303012345")
                .personalNumber(PersonalNumber.of("079303012345"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ProofingRequest.builder().guardian("a").guardian("b"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toStrings_doNotRevealPersonalData() {
        ProofingRequest req = declaring(CHILD).guardian(FATHER.personalNumber()).biometricProbe(face()).build();
        assertThat(req.toString()).doesNotContain("001216000555").doesNotContain("Khang")
                .doesNotContain("001080000333").contains("001******555");
        ProofingResult r = proofing(new FixedMatcher(0.9, true)).proof(req);
        assertThat(r.toString()).doesNotContain("001216000555").doesNotContain("Khang");
        assertThat(chipOf(ANH).build().toString()).doesNotContain("079303012345").doesNotContain("Ánh");
    }

    @Test
    void reasons_haveVietnameseAndEnglishMessages() {
        for (Reason r : Reason.values()) {
            assertThat(r.vietnamese()).isNotBlank().isNotEqualTo(r.english());
            assertThat(r.message(new Locale("vi"))).isEqualTo(r.vietnamese());
            assertThat(r.message(Locale.ENGLISH)).isEqualTo(r.english());
        }
        for (IdentityField f : IdentityField.values()) {
            assertThat(f.vietnamese()).isNotBlank();
            assertThat(f.english()).isNotBlank();
        }
    }
}
