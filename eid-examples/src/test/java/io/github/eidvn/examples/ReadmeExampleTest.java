package io.github.eidvn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.hospital.CheckInDecision;
import io.github.eidvn.verifier.hospital.HospitalCheckIn;

/** The README's code sample, run as a test; the README must hold the same lines as the marked region below. */
class ReadmeExampleTest {

    private static final String CLAIMS = "{\"personal_number\":\"079303012345\",\"name\":\"Nguyễn Thị Minh Khai\","
            + "\"birthdate\":\"2003-05-17\",\"gender\":\"female\",\"health_insurance\":{\"number\":\"HS4790120878811\","
            + "\"valid_from\":\"2026-01-01\",\"valid_to\":\"2099-12-31\",\"benefit_level\":4,\"facility\":\"79024\"}}";

    @Test
    void readmeSample_issuesAndVerifiesAHospitalPresentation() {
        String claimsJson = CLAIMS;
        // README-BEGIN
        // Issuer (the e-ID platform): a level-2 presentation for one hospital, as digits for a QR code
        KeyRing keys = KeyRing.generate();
        AssertionIssuer issuer = AssertionIssuer.builder().issuer("https://issuer.example.vn").keyRing(keys).build();
        AssertionRequest request = AssertionRequest.builder()
                .level(AssuranceLevel.LEVEL_2).methods("face")
                .evidence(Evidence.of("electronic_record", "bvr"))
                .claims(AssertionRequest.parseClaims(claimsJson))
                .audience("79024").purpose("bhyt-checkin").build();
        String qrText = SignedQrText.encode(issuer.issueForQr(request)); // "841…", digits only
        byte[] png = QrRenderer.defaults().png(qrText);

        // Hospital (offline): trust the issuer's public JWKS, then check a scan or a photo
        AssertionVerifier verifier = AssertionVerifier.builder()
                .trustStore(TrustStore.fromJwks(keys.publicJwksJson()))
                .expectedAudience("79024").expectedPurpose("bhyt-checkin")
                .requiredLevel(AssuranceLevel.LEVEL_2).build();
        HospitalCheckIn desk = HospitalCheckIn.builder().verifier(verifier).build();
        CheckInDecision decision = desk.check(png);
        System.out.println(decision.decision() + ": " + decision.vietnamese()); // VALID: Thẻ BHYT còn hiệu lực …
        // README-END
        assertThat(qrText).matches("[0-9]+");
        assertThat(decision.decision()).isEqualTo(CheckInDecision.Decision.VALID);
        assertThat(desk.check(qrText).decision()).isEqualTo(CheckInDecision.Decision.REJECTED); // replayed
    }

    @Test
    void readme_holdsTheSampleVerbatim() throws IOException {
        ReadmeSamples.assertReadmeHolds("ReadmeExampleTest.java", "        // README-BEGIN", "        // README-END");
    }
}
