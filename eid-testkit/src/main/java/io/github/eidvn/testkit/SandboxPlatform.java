package io.github.eidvn.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.HealthInsuranceClaim;
import io.github.eidvn.core.assurance.IdentityProofing;
import io.github.eidvn.core.assurance.InMemoryPopulationRegistry;
import io.github.eidvn.core.assurance.ProofingRequest;
import io.github.eidvn.core.assurance.ProofingResult;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.InMemoryRelyingPartyRegistry;
import io.github.eidvn.core.consent.RequestRejected;
import io.github.eidvn.core.consent.RequestResult;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.MaritalStatus;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.RelatedPerson;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.sharing.SealRequest;
import io.github.eidvn.core.sharing.SealResult;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.core.sharing.SharingSealer;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.verifier.hospital.InsuranceCard;
import io.github.eidvn.verifier.hospital.SandboxInsuranceLookup;

/**
 * A SANDBOX e-ID platform in a few lines, for integrators' tests and the examples: the issuer's keys and published
 * JWKS, a population registry of made-up citizens with their health-insurance cards (as Vietnam Social Security
 * would hold them), identity proofing with the {@link FakeFaceMatcher}, a relying-party registry, the consent ledger
 * and receipt issuer, the sealer of consented data, and helpers that issue what a relying party receives:
 * {@link #hospitalPresentation(String, String, String)}, {@link #ekycPackage(String, String, Collection)} and
 * {@link #stepUpAssertion(String, String, String)}.
 *
 * <pre>{@code
 * SandboxPlatform vneid = SandboxPlatform.create(clock);
 * String qr = vneid.hospitalPresentation(SandboxPlatform.KHAI, "79024", "bhyt-checkin");
 * AssertionVerifier verifier = AssertionVerifier.builder().trustStore(vneid.trustStore())...
 * }</pre>
 *
 * <p>Dates are relative to the clock (ID cards issued 120 days ago, BHYT cards valid for the current calendar year in
 * Vietnam, one card that ended last year), so tests never go stale. Thread-safe as its parts are (the in-memory
 * registry, ledger and state store are).
 *
 * <p><b>Security.</b> SANDBOX ONLY: made-up citizens, a FAKE face matcher, keys generated in memory. Its tokens are
 * signed as {@value #ISSUER_ID} unless told otherwise, which no real verifier trusts.
 */
public final class SandboxPlatform {

    /** The default issuer id written as {@code iss}: a sandbox URN, never a real authority. */
    public static final String ISSUER_ID = "urn:eidvn:sandbox";
    /** The zone of the sandbox's calendar. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Nguyễn Thị Minh Khai (born 2003, female): full registry record, BHYT card this year at facility 79024. */
    public static final String KHAI = "079303012345";
    /** Trần Văn Đức (born 1988, male): BHYT card this year at facility 01001. */
    public static final String DUC = "001088001234";
    /** Lê Hoàng Yến (born 1995, female): BHYT card this year at facility 48005. */
    public static final String YEN = "048195004321";
    /** Phạm Văn Bình (born 1960, male): BHYT card that ended on 31 December of last year. */
    public static final String BINH = "001060007777";
    /** The claims of a hospital presentation: number, name, birth date, sex and the BHYT card. */
    public static final List<String> HOSPITAL_CLAIMS = List.of("personal_number", "name", "birthdate", "gender",
            "health_insurance");
    /** The claims of a step-up assertion: the personal number only. */
    public static final List<String> STEP_UP_CLAIMS = List.of("personal_number");

    private final String issuerId;
    private final Clock clock;
    private final KeyRing ring;
    private final List<CitizenProfile> citizens;
    private final Map<PersonalNumber, HealthInsuranceClaim> cards = new LinkedHashMap<>();
    private final IdentityProofing proofing;
    private final AssertionIssuer issuer;
    private final InMemoryRelyingPartyRegistry parties = InMemoryRelyingPartyRegistry.create();
    private final CitizenReferences references;
    private final ConsentLedger ledger;
    private final ConsentReceiptIssuer receipts;
    private final SharingSealer sealer;

    private SandboxPlatform(Builder b) {
        this.issuerId = b.issuer;
        this.clock = b.clock;
        this.ring = b.keyRing != null ? b.keyRing : KeyRing.generate();
        this.references = b.references != null ? b.references : CitizenReferences.generate();
        LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);
        LocalDate cardIssued = today.minusDays(120);
        LocalDate yearStart = today.withDayOfYear(1);
        LocalDate yearEnd = yearStart.plusYears(1).minusDays(1);
        CitizenProfile khai = CitizenProfile.builder().personalNumber(PersonalNumber.of(KHAI))
                .fullName("Nguyễn Thị Minh Khai").birthDate(LocalDate.of(2003, 5, 17)).sex(Sex.FEMALE)
                .nationality("Việt Nam").ethnicity("Kinh").religion("Không")
                .hometown("Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An")
                .placeOfBirthRegistration("UBND Phường 6, Quận 3, TP. Hồ Chí Minh")
                .permanentResidence("Số 12 Nguyễn Huệ, Phường Sài Gòn, Thành phố Hồ Chí Minh")
                .currentResidence("Số 45 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh")
                .maritalStatus(MaritalStatus.NOT_MARRIED)
                .father(RelatedPerson.of(PersonName.of("Nguyễn Văn Hùng"), PersonalNumber.of("079070001234")))
                .mother(RelatedPerson.of(PersonName.of("Trần Thị Lan")))
                .householdHead(RelatedPerson.of(PersonName.of("Nguyễn Văn Hùng"), PersonalNumber.of("079070001234")))
                .relationshipToHouseholdHead("Con")
                .cardIssueDate(cardIssued).build();
        CitizenProfile duc = CitizenProfile.builder().personalNumber(PersonalNumber.of(DUC))
                .fullName("Trần Văn Đức").birthDate(LocalDate.of(1988, 11, 2)).sex(Sex.MALE)
                .permanentResidence("Số 5 Phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội")
                .cardIssueDate(cardIssued).build();
        CitizenProfile yen = CitizenProfile.builder().personalNumber(PersonalNumber.of(YEN))
                .fullName("Lê Hoàng Yến").birthDate(LocalDate.of(1995, 8, 21)).sex(Sex.FEMALE)
                .permanentResidence("Số 9 Bạch Đằng, Phường Hải Châu, Thành phố Đà Nẵng")
                .cardIssueDate(cardIssued).build();
        CitizenProfile binh = CitizenProfile.builder().personalNumber(PersonalNumber.of(BINH))
                .fullName("Phạm Văn Bình").birthDate(LocalDate.of(1960, 3, 8)).sex(Sex.MALE)
                .permanentResidence("Số 20 Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh")
                .cardIssueDate(cardIssued).build();
        this.citizens = List.of(khai, duc, yen, binh);
        cards.put(khai.personalNumber(), new HealthInsuranceClaim("HS4790120878811", yearStart, yearEnd, 4, "79024"));
        cards.put(duc.personalNumber(), new HealthInsuranceClaim("DN4010123456789", yearStart, yearEnd, 4, "01001"));
        cards.put(yen.personalNumber(), new HealthInsuranceClaim("GD4480123456789", yearStart, yearEnd, 4, "48005"));
        cards.put(binh.personalNumber(), new HealthInsuranceClaim("HT3790160007777", yearStart.minusYears(1),
                yearStart.minusDays(1), 3, "79024"));
        this.proofing = IdentityProofing.builder().registry(InMemoryPopulationRegistry.of(citizens))
                .matcher(new FakeFaceMatcher()).clock(clock.withZone(VIETNAM)).build();
        this.issuer = AssertionIssuer.builder().issuer(issuerId).keyRing(ring).clock(clock).build();
        ConsentLedger.Builder storage = b.ledgerStorage != null ? b.ledgerStorage
                : ConsentLedger.builder().store(InMemoryStateStore.create(clock)).clock(clock);
        this.ledger = storage.references(references).build();
        this.receipts = ConsentReceiptIssuer.builder().issuer(issuerId).keyRing(ring).references(references)
                .clock(clock).build();
        this.sealer = SharingSealer.builder().issuer(issuerId).keyRing(ring).clock(clock).receiptStatus(ledger)
                .build();
    }

    /**
     * A platform with a fresh key, its in-memory ledger and the made-up registry, dated by the clock.
     *
     * @param clock the clock
     * @return the platform
     */
    public static SandboxPlatform create(Clock clock) {
        return builder().clock(clock).build();
    }

    /** @return a builder (every setting optional) */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- keys

    /** @return the issuer id written as {@code iss} */
    public String issuerId() {
        return issuerId;
    }

    /** @return the signing keys (assertions, receipts and sealed packages) */
    public KeyRing keys() {
        return ring;
    }

    /** @return the signing key's id */
    public String kid() {
        return ring.current().kid();
    }

    /** @return the public JWKS the issuer publishes for verifiers */
    public String publicJwksJson() {
        return ring.publicJwksJson();
    }

    /** @return a trust store holding the public keys bound to {@link #issuerId()} */
    public TrustStore trustStore() {
        return TrustStore.builder().issuer(issuerId, TrustStore.of(ring)).build();
    }

    // ---------------------------------------------------------------- population registry

    /**
     * The made-up population registry: {@link #KHAI}, {@link #DUC} and {@link #YEN} with BHYT cards valid this
     * year, {@link #BINH} whose card ended last year.
     *
     * @return the citizens
     */
    public List<CitizenProfile> citizens() {
        return citizens;
    }

    /**
     * A made-up citizen's registry record.
     *
     * @param personalNumber the 12-digit number (e.g. {@link #KHAI})
     * @return the record
     * @throws IllegalArgumentException when the registry holds no such citizen
     */
    public CitizenProfile citizen(String personalNumber) {
        Objects.requireNonNull(personalNumber, "personalNumber");
        return citizens.stream().filter(c -> c.personalNumber().value().equals(personalNumber)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the sandbox registry holds no citizen "
                        + PersonalNumber.of(personalNumber).masked()));
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
     * The social-insurance lookup of the hospital package over the made-up citizens' cards.
     *
     * @return a new lookup
     */
    public SandboxInsuranceLookup insuranceLookup() {
        List<InsuranceCard> list = new ArrayList<>();
        for (CitizenProfile c : citizens) {
            card(c.personalNumber()).ifPresent(card -> list.add(new InsuranceCard(
                    Optional.of(c.personalNumber().value()), card.number(), c.fullName().value(), c.birthDate(),
                    Optional.of(c.sex()), card.validFrom(), card.validTo(),
                    BenefitLevel.ofCode(card.benefitLevel()).orElseThrow(), card.facility())));
        }
        return SandboxInsuranceLookup.of(list);
    }

    /**
     * The text of the QR printed on a citizen's chip ID card (unsigned):
     * {@code id|cmnd|name|ddMMyyyy|sex|address|ddMMyyyy}.
     *
     * @param c the citizen, with a permanent residence and a card issue date
     * @return the text
     */
    public static String legacyChipCardText(CitizenProfile c) {
        DateTimeFormatter dmy = DateTimeFormatter.ofPattern("ddMMuuuu", Locale.ROOT);
        return c.personalNumber().value() + "||" + c.fullName().value() + "|" + dmy.format(c.birthDate()) + "|"
                + c.sex().vietnamese() + "|" + c.permanentResidence().orElseThrow() + "|"
                + dmy.format(c.cardIssueDate().orElseThrow());
    }

    // ---------------------------------------------------------------- proofing and assertions

    /**
     * The declared data of a citizen with the fake matcher's selfie: what the VNeID app would send for level 2.
     *
     * @param c the citizen
     * @return the request
     */
    public static ProofingRequest levelTwoRequest(CitizenProfile c) {
        return ProofingRequest.builder().personalNumber(c.personalNumber().value()).fullName(c.fullName().value())
                .birthDate(c.birthDate()).sex(c.sex()).biometricProbe(FakeFaceMatcher.selfieOf(c)).build();
    }

    /**
     * Identity proofing against the made-up registry with the {@link FakeFaceMatcher}.
     *
     * @param request the declared data
     * @return the result
     */
    public ProofingResult proof(ProofingRequest request) {
        return proofing.proof(request);
    }

    /**
     * The request for a proofed citizen: only the claims asked for, the BHYT card from the insurance records.
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

    /**
     * A hospital presentation as the citizen's phone shows it: proofed at level 2 (face), the
     * {@link #HOSPITAL_CLAIMS}, signed in the compact QR form, as QR text.
     *
     * @param personalNumber a made-up citizen's number
     * @param facility the hospital's facility code (the audience)
     * @param purpose the purpose (e.g. {@code bhyt-checkin})
     * @return the QR text (a new assertion id each time)
     * @throws IllegalArgumentException when the registry holds no such citizen
     */
    public String hospitalPresentation(String personalNumber, String facility, String purpose) {
        return SignedQrText.encode(issueForQr(presentation(levelTwo(personalNumber), HOSPITAL_CLAIMS, facility,
                purpose)));
    }

    /**
     * A level-2 step-up assertion (face, {@link #STEP_UP_CLAIMS}) as a standard JWT, e.g. the evidence a bank's
     * transfer rules take.
     *
     * @param personalNumber a made-up citizen's number
     * @param audience the relying party
     * @param purpose the purpose
     * @return the compact JWS (a new assertion id each time)
     * @throws IllegalArgumentException when the registry holds no such citizen
     */
    public String stepUpAssertion(String personalNumber, String audience, String purpose) {
        AssertionRequest request = presentation(levelTwo(personalNumber), STEP_UP_CLAIMS, audience, purpose);
        if (request.level() != AssuranceLevel.LEVEL_2) {
            throw new IllegalStateException("sandbox proofing did not reach level 2");
        }
        return issueJwt(request);
    }

    private ProofingResult.Proofed levelTwo(String personalNumber) {
        ProofingResult result = proof(levelTwoRequest(citizen(personalNumber)));
        if (!(result instanceof ProofingResult.Proofed)) {
            throw new IllegalStateException("sandbox proofing failed: " + result);
        }
        return (ProofingResult.Proofed) result;
    }

    // ---------------------------------------------------------------- consented sharing

    /** @return the relying-party registry (register the parties a test needs) */
    public InMemoryRelyingPartyRegistry parties() {
        return parties;
    }

    /** @return the citizen references of the ledger and the receipts */
    public CitizenReferences references() {
        return references;
    }

    /** @return the consent ledger */
    public ConsentLedger ledger() {
        return ledger;
    }

    /** @return the consent-receipt issuer */
    public ConsentReceiptIssuer receipts() {
        return receipts;
    }

    /** @return the sealer of consented data (checks the ledger) */
    public SharingSealer sealer() {
        return sealer;
    }

    /**
     * An eKYC package for a party: the platform checks the party's signed consent request against the
     * {@link #parties()} registry, the citizen grants {@code granted}, the ledger records the receipt, and the
     * citizen's registry data is sealed at level 2 (face) to the party's encryption key.
     *
     * @param consentRequestJws the party's signed consent request (audience {@link #issuerId()})
     * @param personalNumber a made-up citizen's number
     * @param granted the fields the citizen agrees to share (a subset of those asked)
     * @return the package and its receipt
     * @throws IllegalArgumentException when the request is refused or the registry holds no such citizen
     * @throws IllegalStateException when the ledger does not record the receipt or the sealer refuses
     */
    public EkycPackage ekycPackage(String consentRequestJws, String personalNumber,
            Collection<CitizenField> granted) {
        CitizenProfile citizen = citizen(personalNumber);
        RequestResult checked = ConsentRequestVerifier.builder().registry(parties).audience(issuerId).clock(clock)
                .build().verify(consentRequestJws);
        if (!(checked instanceof VerifiedRequest)) {
            RequestRejected r = (RequestRejected) checked;
            throw new IllegalArgumentException("consent request refused: " + r.reason() + ": " + r.detail());
        }
        VerifiedRequest verified = (VerifiedRequest) checked;
        ConsentReceiptIssuer.Issued issued = receipts.grant(verified, citizen.personalNumber(), granted,
                Duration.ofDays(30));
        ConsentLedger.RecordOutcome recorded = ledger.record(citizen.personalNumber(), issued);
        if (recorded != ConsentLedger.RecordOutcome.RECORDED) {
            throw new IllegalStateException("the ledger did not record the receipt: " + recorded);
        }
        SealResult sealed = sealer.seal(SealRequest.forReceipt(issued.receipt(), verified.party().encryptionKey())
                .claims(SharedClaims.fromProfile(citizen)).level(AssuranceLevel.LEVEL_2).methods("face").build());
        if (!(sealed instanceof SealResult.Sealed)) {
            throw new IllegalStateException("the sealer refused: " + sealed);
        }
        return new EkycPackage(((SealResult.Sealed) sealed).compactJwe(), verified.request().nonce(), issued);
    }

    /**
     * A sealed eKYC delivery.
     *
     * @param compactJwe the package for the party ({@code SharedDataOpener.open(compactJwe, nonce)})
     * @param nonce the nonce of the party's request
     * @param receipt the consent receipt the ledger recorded
     */
    public record EkycPackage(String compactJwe, String nonce, ConsentReceiptIssuer.Issued receipt) {
        /**
         * Creates the value.
         *
         * @throws NullPointerException when a component is null
         */
        public EkycPackage {
            Objects.requireNonNull(compactJwe, "compactJwe");
            Objects.requireNonNull(nonce, "nonce");
            Objects.requireNonNull(receipt, "receipt");
        }

        /** @return the sizes and the receipt id, not the package */
        @Override
        public String toString() {
            return "EkycPackage[" + compactJwe.length() + " chars, receipt " + receipt.receipt().id() + "]";
        }
    }

    @Override
    public String toString() {
        return "SandboxPlatform[SANDBOX, " + issuerId + ", " + FakeFaceMatcher.LABEL_EN + "]";
    }

    /** Builds a {@link SandboxPlatform}. Not thread-safe. */
    public static final class Builder {
        private String issuer = ISSUER_ID;
        private Clock clock = Clock.systemUTC();
        private KeyRing keyRing;
        private CitizenReferences references;
        private ConsentLedger.Builder ledgerStorage;

        private Builder() {
        }

        /**
         * The issuer id written as {@code iss} in assertions, receipts and packages; {@link #ISSUER_ID} by default.
         *
         * @param issuer the id
         * @return this builder
         */
        public Builder issuer(String issuer) {
            Objects.requireNonNull(issuer, "issuer");
            if (issuer.isBlank()) {
                throw new IllegalArgumentException("issuer is blank");
            }
            this.issuer = issuer;
            return this;
        }

        /**
         * The clock of every part; the system clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The signing keys; a fresh key by default.
         *
         * @param keyRing the keys
         * @return this builder
         */
        public Builder keyRing(KeyRing keyRing) {
            this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
            return this;
        }

        /**
         * The citizen references of the ledger and receipts; fresh ones by default.
         *
         * @param references the references
         * @return this builder
         */
        public Builder references(CitizenReferences references) {
            this.references = Objects.requireNonNull(references, "references");
            return this;
        }

        /**
         * The consent ledger's storage (e.g. {@code ConsentLedger.builder().records(PostgresConsentRecords.of(db))});
         * an in-memory state store by default. The platform sets its references.
         *
         * @param ledgerStorage a ledger builder with its storage set
         * @return this builder
         */
        public Builder ledger(ConsentLedger.Builder ledgerStorage) {
            this.ledgerStorage = Objects.requireNonNull(ledgerStorage, "ledgerStorage");
            return this;
        }

        /** @return the platform */
        public SandboxPlatform build() {
            return new SandboxPlatform(this);
        }
    }
}
