package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.BiometricMatch;
import io.github.eidvn.core.assurance.BiometricMethod;
import io.github.eidvn.core.assurance.BiometricProbe;
import io.github.eidvn.core.assurance.HealthInsuranceClaim;
import io.github.eidvn.core.assurance.IdentityProofing;
import io.github.eidvn.core.assurance.InMemoryPopulationRegistry;
import io.github.eidvn.core.assurance.ProofingRequest;
import io.github.eidvn.core.assurance.ProofingResult;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.QrErrorCorrection;
import io.github.eidvn.qr.QrSizes;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;

/**
 * Measures the hospital presentation (level 2, aud 79024, purpose bhyt-checkin) as a real QR text and checks it
 * fits a QR code of version 12 or less at error correction M (ZXing's encoder decides the version: 12-M holds 691
 * digits, 13-M 796, 14-M 871; the claim profile's version 1 took 810 digits, version 14), beside the same JWS as
 * SMART Health Card numeric text and base45.
 */
class QrSizeTest {

    @Test
    void hospitalPresentation_fitsTheQrTarget() {
        KeyRing ring = KeyRing.generate();
        String qr = AssertionFixtures.issuer(ring, AssertionFixtures.clock())
                .issueForQr(AssertionFixtures.hospitalRequest());
        String jwt = AssertionFixtures.issuer(ring, AssertionFixtures.clock())
                .issueJwt(AssertionFixtures.hospitalRequest());
        String[] p = qr.split("\\.");
        byte[] header = Base64.getUrlDecoder().decode(p[0]);
        byte[] deflated = Base64.getUrlDecoder().decode(p[1]);
        byte[] json = RawDeflate.inflate(deflated, RawDeflate.MAX_INFLATED_BYTES);
        assertThat(new String(header, StandardCharsets.UTF_8))
                .isEqualTo(AssertionIssuer.qrHeaderJson(ring.current().kid().substring(0, 8)));
        int jwtPayload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]).length;
        System.out.printf("QR-SIZE fixture presentation: header %d B, compact JSON %d B, deflated %d B, signature"
                + " 64 B; standard JWT payload %d B, compact JWS %d chars%n  compact JSON: %s%n", header.length,
                json.length, deflated.length, jwtPayload, jwt.length(), new String(json, StandardCharsets.UTF_8));
        int version = report("fixture (iss https://vneid.gov.vn, evidence data+vcrypt)", qr);
        assertThat(version).isLessThanOrEqualTo(12);
        assertThat(SignedQrText.encode(qr).length()).isLessThanOrEqualTo(691);
        verifies(ring, qr);
    }

    /** The presentation built from an identity-proofing decision (evidence data + bvr, with record type). */
    @Test
    void proofedHospitalPresentation_fitsTheQrTarget() {
        CitizenProfile khai = CitizenProfile.builder().personalNumber(PersonalNumber.of("079303012345"))
                .fullName("Nguyễn Thị Minh Khai").birthDate(LocalDate.of(2003, 5, 17)).sex(Sex.FEMALE)
                .cardIssueDate(LocalDate.of(2026, 6, 1)).build();
        ProofingResult r = IdentityProofing.builder().registry(InMemoryPopulationRegistry.of(khai))
                .matcher((c, probe) -> new BiometricMatch(probe.method(), 0.9, true))
                .clock(AssertionFixtures.clock()).build()
                .proof(ProofingRequest.builder().personalNumber("079303012345").fullName("Nguyễn Thị Minh Khai")
                        .birthDate(LocalDate.of(2003, 5, 17)).sex(Sex.FEMALE)
                        .biometricProbe(BiometricProbe.ofReference(BiometricMethod.FACE, "selfie")).build());
        ProofingResult.Proofed proofed = (ProofingResult.Proofed) r;
        AssertionRequest request = AssertionRequest.builder().proofed(proofed)
                .claims(AssertionRequest.claimsFrom(khai, new HealthInsuranceClaim("HS4790120878811",
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 4, "79024"),
                        List.of("personal_number", "name", "birthdate", "gender", "health_insurance")))
                .audience("79024").purpose("bhyt-checkin").build();
        KeyRing ring = KeyRing.generate();
        String qr = AssertionFixtures.issuer(ring, AssertionFixtures.clock()).issueForQr(request);
        int version = report("from proofing (iss https://vneid.gov.vn, evidence data+bvr)", qr);
        assertThat(version).isLessThanOrEqualTo(12);
        verifies(ring, qr);
    }

    private static void verifies(KeyRing ring, String qr) {
        AssertionVerifier v = AssertionVerifier.builder().trustStore(TrustStore.fromJwks(ring.publicJwksJson()))
                .clock(AssertionFixtures.clock()).expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
        assertThat(v.verifyScanned(SignedQrText.encode(qr))).isInstanceOf(Verified.class);
    }

    /** Prints the size table row set for one presentation and returns the QR version of the digits text at M. */
    private static int report(String what, String jws) {
        String digits = SignedQrText.encode(jws);
        String shc = QrSizes.smartHealthCardNumeric(jws);
        String base45 = QrSizes.base45Container(jws);
        int digitsVersion = QrSizes.version(digits, QrErrorCorrection.M).getAsInt();
        System.out.printf("QR-SIZE %s:%n"
                        + "  | encoding              | bytes | characters | QR version (M) |%n"
                        + "  | eid digits container  | %5d | %10d | %14d |%n"
                        + "  | SMART Health Card shc | %5d | %10d | %14d |%n"
                        + "  | base45 of container   | %5d | %10d | %14d |%n"
                        + "  | plain compact JWS     | %5d | %10d | %14d |%n",
                what, QrSizes.containerLength(jws), digits.length(), digitsVersion,
                jws.length(), shc.length(), QrSizes.version(shc, QrErrorCorrection.M).getAsInt(),
                QrSizes.containerLength(jws), base45.length(), QrSizes.version(base45, QrErrorCorrection.M).getAsInt(),
                jws.length(), jws.length(), QrSizes.version(jws, QrErrorCorrection.M).getAsInt());
        return digitsVersion;
    }
}
