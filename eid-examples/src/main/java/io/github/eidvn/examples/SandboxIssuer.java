package io.github.eidvn.examples;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * recently, BHYT cards valid for the current calendar year in Vietnam, one card that ended last year), so the demo
 * never goes stale. Used by the demo, the reception desk's sample codes and the e-wallet example.
 *
 * <p><b>Security.</b> SANDBOX ONLY: made-up citizens, a simulated face matcher, a key generated at start. Its codes
 * are signed by {@value #ISSUER_ID}, which no real verifier trusts.
 */
public final class SandboxIssuer {

    /** The issuer id written as {@code iss}: a sandbox URN, never a real authority. */
    public static final String ISSUER_ID = "urn:eidvn:sandbox";
    /** The zone of the sandbox's calendar. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final KeyRing ring;
    private final List<CitizenProfile> citizens;
    private final Map<PersonalNumber, HealthInsuranceClaim> cards = new LinkedHashMap<>();
    private final IdentityProofing proofing;
    private final AssertionIssuer issuer;

    /**
     * A sandbox issuer with a fresh key and the made-up registry, dated by the clock.
     *
     * @param clock the clock
     */
    public SandboxIssuer(Clock clock) {
        this(clock, KeyRing.generate());
    }

    /**
     * A sandbox issuer signing with the given keys (e.g. the keys its consented-sharing sealer also uses, so that
     * relying parties trust one JWKS).
     *
     * @param clock the clock
     * @param ring the signing keys
     */
    public SandboxIssuer(Clock clock, KeyRing ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
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
        CitizenProfile binh = CitizenProfile.builder().personalNumber(PersonalNumber.of("001060007777"))
                .fullName("Phạm Văn Bình").birthDate(LocalDate.of(1960, 3, 8)).sex(Sex.MALE)
                .permanentResidence("Số 20 Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh")
                .cardIssueDate(cardIssued).build();
        this.citizens = List.of(khai, duc, yen, binh);
        cards.put(khai.personalNumber(), new HealthInsuranceClaim("HS4790120878811", yearStart, yearEnd, 4, "79024"));
        cards.put(duc.personalNumber(), new HealthInsuranceClaim("DN4010123456789", yearStart, yearEnd, 4, "01001"));
        cards.put(yen.personalNumber(), new HealthInsuranceClaim("GD4480123456789", yearStart, yearEnd, 4, "48005"));
        // a card that ended on 31 December of last year: the "expired card" sample
        cards.put(binh.personalNumber(), new HealthInsuranceClaim("HT3790160007777", yearStart.minusYears(1),
                yearStart.minusDays(1), 3, "79024"));
        this.proofing = IdentityProofing.builder().registry(InMemoryPopulationRegistry.of(citizens))
                .matcher(new DemoFaceMatcher()).clock(clock.withZone(VIETNAM)).build();
        this.issuer = AssertionIssuer.builder().issuer(ISSUER_ID).keyRing(ring).clock(clock).build();
    }

    /**
     * The made-up population registry: Nguyễn Thị Minh Khai, Trần Văn Đức and Lê Hoàng Yến with BHYT cards valid
     * this year, Phạm Văn Bình whose card ended last year.
     *
     * @return the citizens
     */
    public List<CitizenProfile> citizens() {
        return citizens;
    }

    /**
     * A citizen's BHYT card as the insurance records hold it.
     *
     * @param number the personal number
     * @return the card, if any
     */
    public Optional<HealthInsuranceClaim> card(PersonalNumber number) {
        return Optional.ofNullable(cards.get(number));
    }

    /**
     * The text of the QR printed on a citizen's chip ID card (unsigned):
     * {@code id|cmnd|name|ddMMyyyy|sex|address|ddMMyyyy}.
     *
     * @param c the citizen
     * @return the text
     */
    public static String legacyChipCardText(CitizenProfile c) {
        DateTimeFormatter dmy = DateTimeFormatter.ofPattern("ddMMuuuu", Locale.ROOT);
        return c.personalNumber().value() + "||" + c.fullName().value() + "|" + dmy.format(c.birthDate()) + "|"
                + c.sex().vietnamese() + "|" + c.permanentResidence().orElseThrow() + "|"
                + dmy.format(c.cardIssueDate().orElseThrow());
    }

    /**
     * The declared data of a citizen with the demo selfie: what the VNeID app would send for level 2.
     *
     * @param c the citizen
     * @return the request
     */
    public static ProofingRequest levelTwoRequest(CitizenProfile c) {
        return ProofingRequest.builder().personalNumber(c.personalNumber().value()).fullName(c.fullName().value())
                .birthDate(c.birthDate()).sex(c.sex()).biometricProbe(DemoFaceMatcher.selfieOf(c)).build();
    }

    /**
     * Identity proofing against the made-up registry with the demo face matcher.
     *
     * @param request the declared data
     * @return the result
     */
    public ProofingResult proof(ProofingRequest request) {
        return proofing.proof(request);
    }

    /**
     * The request for a proofed citizen: only the claims asked for, BHYT card from the insurance records.
     *
     * @param proofed the proofing result
     * @param requested the claim names asked for
     * @param audience the relying party
     * @param purpose the purpose
     * @return the request
     */
    public AssertionRequest presentation(ProofingResult.Proofed proofed, List<String> requested, String audience,
            String purpose) {
        CitizenProfile record = proofed.registryRecord();
        Map<String, Object> claims = card(record.personalNumber())
                .map(card -> AssertionRequest.claimsFrom(record, card, requested))
                .orElseGet(() -> AssertionRequest.claimsFrom(record, requested));
        return AssertionRequest.builder().proofed(proofed).claims(claims).audience(audience).purpose(purpose).build();
    }

    /**
     * Signs a request in the compact QR form.
     *
     * @param request the request
     * @return the compact JWS
     */
    public String issueForQr(AssertionRequest request) {
        return issuer.issueForQr(request);
    }

    /**
     * Signs a request in the standard JWT form.
     *
     * @param request the request
     * @return the compact JWS
     */
    public String issueJwt(AssertionRequest request) {
        return issuer.issueJwt(request);
    }

    /** @return the signing key's id */
    public String kid() {
        return ring.current().kid();
    }

    /** @return the public JWKS the issuer publishes for verifiers */
    public String publicJwksJson() {
        return ring.publicJwksJson();
    }
}
