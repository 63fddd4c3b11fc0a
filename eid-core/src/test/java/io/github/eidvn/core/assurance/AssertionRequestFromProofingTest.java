package io.github.eidvn.core.assurance;

import static io.github.eidvn.core.assurance.ProofingFixtures.ANH;
import static io.github.eidvn.core.assurance.ProofingFixtures.CLOCK;
import static io.github.eidvn.core.assurance.ProofingFixtures.REGISTRY;
import static io.github.eidvn.core.assurance.ProofingFixtures.chipOf;
import static io.github.eidvn.core.assurance.ProofingFixtures.declaring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.testing.AssertionFixtures;

/** From an identity-proofing decision and a registry record to an assertion request. */
class AssertionRequestFromProofingTest {

    private static final BiometricMatcher FACE_OK = (citizen, probe) ->
            new BiometricMatch(probe.method(), 0.93, true);
    private static final HealthInsuranceClaim CARD = new HealthInsuranceClaim("HS4790120878811",
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 4, "79024");
    private static final List<String> HOSPITAL = List.of("personal_number", "name", "birthdate", "gender",
            "health_insurance");

    private static ProofingResult.Proofed proof(ProofingRequest request) {
        ProofingResult r = IdentityProofing.builder().registry(REGISTRY).matcher(FACE_OK).clock(CLOCK).build()
                .proof(request);
        assertThat(r).isInstanceOf(ProofingResult.Proofed.class);
        return (ProofingResult.Proofed) r;
    }

    private static BiometricProbe face() {
        return BiometricProbe.ofReference(BiometricMethod.FACE, "selfie-1");
    }

    @Test
    void toEvidence_mapsEachProofingEvidenceToItsOidcIdaForm() {
        java.time.Instant t = CLOCK.instant();
        assertThat(new ProofingEvidence.RegistryRecord(ProofingEvidence.RegistryRecord.POPULATION_REGISTER, t)
                .toEvidence()).isEqualTo(Evidence.of("electronic_record", "data"));
        assertThat(new ProofingEvidence.ChipDocument(ProofingEvidence.ChipDocument.ID_CARD, t).toEvidence())
                .isEqualTo(Evidence.of("document", "vcrypt"));
        assertThat(new ProofingEvidence.Biometric(BiometricMethod.FACE, 0.93, 0.8, t).toEvidence())
                .isEqualTo(Evidence.of("electronic_record", "bvr"));
    }

    @Test
    void proofed_level2Face_setsLevelAmrAndEvidenceInOrder() {
        ProofingResult.Proofed p = proof(declaring(ANH).biometricProbe(face()).build());
        AssertionRequest r = AssertionRequest.builder().proofed(p)
                .claims(AssertionRequest.claimsFrom(p.registryRecord(), CARD, HOSPITAL)).build();
        assertThat(r.level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(r.methods()).containsExactly("face");
        assertThat(r.evidence()).extracting(Evidence::type, Evidence::method).containsExactly(
                org.assertj.core.groups.Tuple.tuple("electronic_record", "data"),
                org.assertj.core.groups.Tuple.tuple("electronic_record", "bvr"));
    }

    @Test
    void proofed_faceAndChip_amrFaceSc_threePiecesOfEvidence() {
        ProofingResult.Proofed p = proof(declaring(ANH).biometricProbe(face()).chipEvidence(chipOf(ANH).build())
                .build());
        AssertionRequest r = AssertionRequest.builder().proofed(p).methods("otp")
                .claims(AssertionRequest.claimsFrom(p.registryRecord(), List.of("name"))).build();
        assertThat(r.methods()).containsExactly("face", "sc", "otp");
        assertThat(r.evidence()).extracting(Evidence::method).containsExactly("data", "bvr", "vcrypt");
    }

    @Test
    void proofed_level1FromRegistryDataAlone_needsTheSessionMethods() {
        ProofingResult.Proofed p = proof(declaring(ANH).build());
        assertThat(p.level()).isEqualTo(AssuranceLevel.LEVEL_1);
        AssertionRequest.Builder noMethods = AssertionRequest.builder().proofed(p)
                .claims(AssertionRequest.claimsFrom(p.registryRecord(), List.of("name")));
        assertThatThrownBy(noMethods::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("methods(");
        AssertionRequest r = AssertionRequest.builder().proofed(p).methods("pwd", "otp")
                .claims(AssertionRequest.claimsFrom(p.registryRecord(), List.of("name"))).build();
        assertThat(r.level()).isEqualTo(AssuranceLevel.LEVEL_1);
        assertThat(r.methods()).containsExactly("pwd", "otp");
        assertThat(r.evidence()).containsExactly(Evidence.of("electronic_record", "data"));
    }

    @Test
    void proofed_repeatedSessionMethod_keptOnce() {
        ProofingResult.Proofed p = proof(declaring(ANH).biometricProbe(face()).build());
        AssertionRequest r = AssertionRequest.builder().methods("face", "pwd").proofed(p)
                .claims(AssertionRequest.claimsFrom(p.registryRecord(), List.of("name"))).build();
        assertThat(r.methods()).containsExactly("face", "pwd");
    }

    @Test
    void proofed_conflictsWithLevelEvidenceOrASecondCall() {
        ProofingResult.Proofed p = proof(declaring(ANH).biometricProbe(face()).build());
        assertThatThrownBy(() -> AssertionRequest.builder().level(AssuranceLevel.LEVEL_1).proofed(p))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("level");
        assertThatThrownBy(() -> AssertionRequest.builder().evidence(Evidence.of("document", "vcrypt")).proofed(p))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("evidence");
        assertThatThrownBy(() -> AssertionRequest.builder().proofed(p).proofed(p))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AssertionRequest.builder().proofed(p).level(AssuranceLevel.LEVEL_1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AssertionRequest.builder().proofed(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void claimsFrom_onlyTheRequestedClaims_inCanonicalOrder() {
        Map<String, Object> claims = AssertionRequest.claimsFrom(ANH, List.of("gender", "name"));
        assertThat(claims).containsExactly(Map.entry("name", "Trần Thị Ngọc Ánh"), Map.entry("gender", "female"));
        Map<String, Object> all = AssertionRequest.claimsFrom(ANH, CARD, HOSPITAL);
        assertThat(all.keySet()).containsExactly("personal_number", "name", "birthdate", "gender",
                "health_insurance");
        assertThat(all.get("birthdate")).isEqualTo("2003-04-05");
        assertThat(AssertionFixtures.asMap(all.get("health_insurance"))).containsExactly(
                Map.entry("number", "HS4790120878811"), Map.entry("valid_from", "2026-01-01"),
                Map.entry("valid_to", "2026-12-31"), Map.entry("benefit_level", 4), Map.entry("facility", "79024"));
        assertThatThrownBy(() -> all.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void claimsFrom_claimNotHeld_leftOut_unknownName_rejected() {
        assertThat(AssertionRequest.claimsFrom(ANH, List.of("name", "phone_number", "address", "health_insurance")))
                .containsOnlyKeys("name");
        CitizenProfile withAddress = CitizenProfile.builder().personalNumber(PersonalNumber.of("001090000111"))
                .fullName("Phạm Văn Hùng").birthDate(LocalDate.of(1990, 3, 15)).sex(Sex.MALE)
                .permanentResidence("Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội").phoneNumber("0912345678").build();
        assertThat(AssertionRequest.claimsFrom(withAddress, List.of("address", "phone_number")))
                .containsEntry("address", Map.of("formatted", "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội"))
                .containsEntry("phone_number", "0912345678");
        assertThatThrownBy(() -> AssertionRequest.claimsFrom(ANH, List.of("name", "nationality")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nationality");
        assertThatThrownBy(() -> AssertionRequest.claimsFrom(ANH, java.util.Arrays.asList("name", null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void claims_nfdName_storedAndIssuedAsNfc() {
        String nfc = "Nguyễn Thị Minh Khai";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        Map<String, Object> claims = AssertionRequest.parseClaims("{\"name\":\"" + nfd + "\"}");
        assertThat(claims.get("name")).isEqualTo(nfc);
        AssertionRequest r = AssertionRequest.builder().level(AssuranceLevel.LEVEL_1).methods("pwd")
                .claims(Map.of("name", nfd)).build();
        assertThat(r.claims().get("name")).isEqualTo(nfc);
    }

    @Test
    void proofedRequest_issuesTheEvidenceIntoVerifiedClaims() {
        ProofingResult.Proofed p = proof(declaring(ANH).biometricProbe(face()).build());
        AssertionRequest r = AssertionRequest.builder().proofed(p)
                .claims(AssertionRequest.claimsFrom(p.registryRecord(), CARD, HOSPITAL))
                .audience("79024").purpose("bhyt-checkin").build();
        KeyRing ring = KeyRing.generate();
        String jwt = AssertionFixtures.issuer(ring, AssertionFixtures.clock()).issueJwt(r);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("\"acr\":\"urn:vn:eid:loa:2\"", "\"amr\":[\"face\"]",
                "{\"type\":\"electronic_record\",\"check_details\":[{\"check_method\":\"data\"}]}",
                "{\"type\":\"electronic_record\",\"check_details\":[{\"check_method\":\"bvr\"}]}",
                "\"trust_framework\":\"" + AssertionCodec.TRUST_FRAMEWORK + "\"");
    }
}
