package io.github.eidvn.examples;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.HealthInsuranceClaim;
import io.github.eidvn.core.assurance.IdentityProofing;
import io.github.eidvn.core.assurance.InMemoryPopulationRegistry;
import io.github.eidvn.core.assurance.ProofingRequest;
import io.github.eidvn.core.assurance.ProofingResult;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.keys.KeyRing;

/**
 * A sandbox identity provider for the demo: an in-memory population registry of made-up citizens, their
 * health-insurance cards (as Vietnam Social Security would hold them), identity proofing with the
 * {@link DemoFaceMatcher}, and an ES256 issuer with a fresh key. Dates are relative to the clock (cards issued
 * recently, BHYT cards valid for the current calendar year in Vietnam), so the demo never goes stale.
 */
final class SandboxIssuer {

    /** The issuer id written as {@code iss}: a sandbox URN, never a real authority. */
    static final String ISSUER_ID = "urn:eidvn:sandbox";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final KeyRing ring = KeyRing.generate();
    private final List<CitizenProfile> citizens;
    private final Map<PersonalNumber, HealthInsuranceClaim> cards = new LinkedHashMap<>();
    private final IdentityProofing proofing;
    private final AssertionIssuer issuer;

    SandboxIssuer(Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);
        LocalDate cardIssued = today.minusDays(120);
        LocalDate yearStart = today.withDayOfYear(1);
        LocalDate yearEnd = yearStart.plusYears(1).minusDays(1);
        CitizenProfile khai = CitizenProfile.builder().personalNumber(PersonalNumber.of("079303012345"))
                .fullName("Nguyễn Thị Minh Khai").birthDate(LocalDate.of(2003, 5, 17)).sex(Sex.FEMALE)
                .permanentResidence("Số 12 Nguyễn Huệ, Phường Sài Gòn, Thành phố Hồ Chí Minh")
                .cardIssueDate(cardIssued).build();
        CitizenProfile duc = CitizenProfile.builder().personalNumber(PersonalNumber.of("001088001234"))
                .fullName("Trần Văn Đức").birthDate(LocalDate.of(1988, 11, 2)).sex(Sex.MALE)
                .permanentResidence("Số 5 Phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội")
                .cardIssueDate(cardIssued).build();
        CitizenProfile yen = CitizenProfile.builder().personalNumber(PersonalNumber.of("048195004321"))
                .fullName("Lê Hoàng Yến").birthDate(LocalDate.of(1995, 8, 21)).sex(Sex.FEMALE)
                .permanentResidence("Số 9 Bạch Đằng, Phường Hải Châu, Thành phố Đà Nẵng")
                .cardIssueDate(cardIssued).build();
        this.citizens = List.of(khai, duc, yen);
        cards.put(khai.personalNumber(), new HealthInsuranceClaim("HS4790120878811", yearStart, yearEnd, 4, "79024"));
        cards.put(duc.personalNumber(), new HealthInsuranceClaim("DN4010123456789", yearStart, yearEnd, 4, "01001"));
        cards.put(yen.personalNumber(), new HealthInsuranceClaim("GD4480123456789", yearStart, yearEnd, 4, "48005"));
        this.proofing = IdentityProofing.builder().registry(InMemoryPopulationRegistry.of(citizens))
                .matcher(new DemoFaceMatcher()).clock(clock.withZone(VIETNAM)).build();
        this.issuer = AssertionIssuer.builder().issuer(ISSUER_ID).keyRing(ring).clock(clock).build();
    }

    List<CitizenProfile> citizens() {
        return citizens;
    }

    Optional<HealthInsuranceClaim> card(PersonalNumber number) {
        return Optional.ofNullable(cards.get(number));
    }

    /** The declared data of a citizen with the demo selfie: what the VNeID app would send for level 2. */
    static ProofingRequest levelTwoRequest(CitizenProfile c) {
        return ProofingRequest.builder().personalNumber(c.personalNumber().value()).fullName(c.fullName().value())
                .birthDate(c.birthDate()).sex(c.sex()).biometricProbe(DemoFaceMatcher.selfieOf(c)).build();
    }

    ProofingResult proof(ProofingRequest request) {
        return proofing.proof(request);
    }

    /** The request for a proofed citizen: only the claims asked for, BHYT card from the insurance records. */
    AssertionRequest presentation(ProofingResult.Proofed proofed, List<String> requested, String audience,
            String purpose) {
        CitizenProfile record = proofed.registryRecord();
        Map<String, Object> claims = card(record.personalNumber())
                .map(card -> AssertionRequest.claimsFrom(record, card, requested))
                .orElseGet(() -> AssertionRequest.claimsFrom(record, requested));
        return AssertionRequest.builder().proofed(proofed).claims(claims).audience(audience).purpose(purpose).build();
    }

    String issueForQr(AssertionRequest request) {
        return issuer.issueForQr(request);
    }

    String kid() {
        return ring.current().kid();
    }

    /** What the issuer publishes for verifiers. */
    String publicJwksJson() {
        return ring.publicJwksJson();
    }
}
