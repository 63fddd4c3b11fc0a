package io.github.eidvn.verifier.hospital;

import static io.github.eidvn.core.internal.Once.once;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.assurance.HealthInsuranceClaim;
import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.core.identity.NameComparison;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.qr.LegacyChipCardData;
import io.github.eidvn.qr.QrContent;
import io.github.eidvn.qr.QrImageDecoder;
import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.qr.QrTextReader;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Rejected;
import io.github.eidvn.verifier.VerificationResult;
import io.github.eidvn.verifier.Verified;

/**
 * The health-insurance (BHYT) check at a hospital reception desk: a receptionist scans the patient's QR code (with a
 * keyboard-wedge scanner, or a webcam photo) and gets a {@link CheckInDecision}.
 *
 * <pre>{@code
 * AssertionVerifier verifier = AssertionVerifier.builder()
 *         .trustStore(TrustStore.fromJwksFile(Path.of("vneid-jwks.json")))
 *         .expectedAudience("79024")             // this hospital's facility code
 *         .expectedPurpose("bhyt-checkin")
 *         .requiredLevel(AssuranceLevel.LEVEL_2)
 *         .build();
 * HospitalCheckIn desk = HospitalCheckIn.builder().verifier(verifier)
 *         .facility("79024")                     // a card registered elsewhere is named so
 *         .lookup(HttpInsuranceLookup.builder().baseUri(URI.create("https://bhyt-gw.benhvien.local/")).build())
 *         .build();
 * CheckInDecision d = desk.check(scannedText);   // or desk.check(photoBytes)
 * show(d.vietnamese(), d.patient(), d.insurance());
 * }</pre>
 *
 * <p>Decisions, in order (Công văn 931/BYT-BH):
 * <ol>
 *   <li>the unsigned chip ID card QR (the patient shows the ID card instead of the BHYT card): with a
 *       {@link HealthInsuranceLookup} configured, the cards are looked up by the card's personal number within the
 *       lookup timeout ({@link HealthInsuranceLookup#DEFAULT_TIMEOUT} by default), and:
 *       <ul>
 *         <li>no answer → {@link CheckInDecision.Status#LOOKUP_UNAVAILABLE} (check by hand, never valid);</li>
 *         <li>no card → {@link CheckInDecision.Status#NO_VALID_CARD} with 931's fallback (BHYT card and a photo
 *             ID);</li>
 *         <li>cards, but none whose holder name (ignoring letter case) and birth date equal the QR's →
 *             {@link CheckInDecision.Status#DATA_MISMATCH};</li>
 *         <li>a matching card valid on the check-in date → {@link CheckInDecision.Status#VALID_IDENTITY_UNVERIFIED}
 *             with that card, {@code patient.verified = false} and {@link CheckInDecision.Notice#COMPARE_PHOTO};
 *             matching cards none of which is valid that day → {@link CheckInDecision.Status#NO_VALID_CARD} showing
 *             the latest;</li>
 *       </ul>
 *       without a lookup → {@link CheckInDecision.Status#CHECK_MANUALLY} with its data marked unverified;</li>
 *   <li>any other text goes through {@link AssertionVerifier#verifyScanned(QrContent)}; a rejection →
 *       {@link CheckInDecision.Status#REJECTED} with the verifier's reason (bad signature, expired, replayed,
 *       wrong audience, ...);</li>
 *   <li>a verified assertion without a {@code health_insurance} claim →
 *       {@link CheckInDecision.Status#NO_INSURANCE_DATA};</li>
 *   <li>the card's {@code valid_from}..{@code valid_to} (both days included) against the check-in date, today in the
 *       desk's zone ({@code Asia/Ho_Chi_Minh} by default) → {@link CheckInDecision.Status#VALID},
 *       {@link CheckInDecision.Status#CARD_NOT_YET_VALID} or {@link CheckInDecision.Status#CARD_EXPIRED}.</li>
 * </ol>
 * An image in which no QR code can be read → {@link CheckInDecision.Status#UNREADABLE}. When the desk's
 * {@link Builder#facility(String) facility} is set, a card registered at another facility carries
 * {@link CheckInDecision.Notice#OTHER_FACILITY}.
 *
 * <p>Immutable and thread-safe when the verifier is.
 *
 * <p><b>Security.</b> All checks of the code (signature, expiry of the QR, audience = this facility, purpose,
 * replay, level) are the verifier's: configure it with the facility code as expected audience and the check-in
 * purpose, so that a QR made for another hospital or another use is refused. With the verifier's default replay
 * guard a code is accepted once per process; a second scan is {@link io.github.eidvn.verifier.Reason#REPLAYED}.
 * Desks that share the replay memory (several desks, a restarted desk) build their verifier with
 * {@code replayGuard(StateStoreReplayGuard.over(store))}. Chip-card QR data is never treated as verified: a card found
 * by its number is valid for admission only after the receptionist compared the photo.
 */
public final class HospitalCheckIn {

    /** The default zone of the check-in date. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AssertionVerifier verifier;
    private final Clock clock;
    private final ZoneId zone;
    private final BoundedLookup lookup;
    private final String facility;

    private HospitalCheckIn(Builder b) {
        if (b.verifier == null) {
            throw new IllegalStateException("verifier is required");
        }
        this.verifier = b.verifier;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.zone = b.zone == null ? VIETNAM : b.zone;
        if (b.lookupTimeout != null && b.lookup == null) {
            throw new IllegalStateException("lookupTimeout without a lookup");
        }
        this.lookup = b.lookup == null ? null : new BoundedLookup(b.lookup,
                b.lookupTimeout == null ? HealthInsuranceLookup.DEFAULT_TIMEOUT : b.lookupTimeout);
        this.facility = b.facility;
    }

    /**
     * A builder; each option may be set once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the text of a scanned QR code.
     *
     * @param scannedText what the scanner typed or an image decoder read (untrusted; one trailing line break is
     *     ignored; empty, garbage or oversized text gives {@link CheckInDecision.Decision#REJECTED})
     * @return the decision
     * @throws NullPointerException when {@code scannedText} is null
     */
    public CheckInDecision check(String scannedText) {
        Objects.requireNonNull(scannedText, "scannedText");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (scannedText.length() > SignedQrText.MAX_TEXT_LENGTH) {
            return CheckInDecision.rejected(today, io.github.eidvn.verifier.Reason.TOO_LARGE,
                    "scanned text longer than " + SignedQrText.MAX_TEXT_LENGTH + " characters");
        }
        QrContent content = QrTextReader.read(scannedText);
        if (content instanceof QrContent.UnverifiedChipCard) {
            return chipCard(today, ((QrContent.UnverifiedChipCard) content).data());
        }
        VerificationResult result = verifier.verifyScanned(content);
        if (result instanceof Rejected) {
            Rejected r = (Rejected) result;
            return CheckInDecision.rejected(today, r.reason(), r.detail());
        }
        Assertion a = ((Verified) result).assertion();
        CheckInDecision.Patient patient = new CheckInDecision.Patient(true, a.name(), a.birthdate(),
                a.gender().flatMap(Sex::parse), a.personalNumber().map(HospitalCheckIn::mask),
                Optional.of(a.level()));
        Optional<HealthInsuranceClaim> hi = a.healthInsurance();
        if (hi.isEmpty()) {
            return CheckInDecision.noInsurance(today, patient);
        }
        HealthInsuranceClaim c = hi.get();
        CheckInDecision.Insurance card = new CheckInDecision.Insurance(c.number(), c.validFrom(), c.validTo(),
                BenefitLevel.ofCode(c.benefitLevel()).orElseThrow(), c.facility());
        CheckInDecision.Status status = today.isBefore(c.validFrom()) ? CheckInDecision.Status.CARD_NOT_YET_VALID
                : today.isAfter(c.validTo()) ? CheckInDecision.Status.CARD_EXPIRED
                : CheckInDecision.Status.VALID;
        return CheckInDecision.card(status, today, patient, card, facilityNotice(card.facility()));
    }

    /** The unsigned chip-card QR: the health-insurance lookup by its personal number, when there is one. */
    private CheckInDecision chipCard(LocalDate today, LegacyChipCardData qr) {
        CheckInDecision.Patient patient = new CheckInDecision.Patient(false, Optional.of(qr.fullName()),
                Optional.of(qr.birthDate()), Optional.of(qr.sex()), Optional.of(mask(qr.personalNumber())),
                Optional.empty());
        if (lookup == null) {
            return CheckInDecision.checkManually(today, patient);
        }
        LookupResult result = lookup.lookup(InsuranceQuery.personalNumber(qr.personalNumber()));
        if (result instanceof LookupResult.Unavailable) {
            return CheckInDecision.lookupUnavailable(today, patient, "lookup unavailable: "
                    + ((LookupResult.Unavailable) result).detail());
        }
        if (result instanceof LookupResult.NotFound) {
            return CheckInDecision.noValidCard(today, patient, null, "no card for the personal number");
        }
        List<InsuranceCard> matching = new ArrayList<>();
        for (InsuranceCard c : ((LookupResult.Found) result).cards()) {
            if (c.birthDate().equals(qr.birthDate())
                    && NameComparison.CASE_INSENSITIVE.matches(c.holderName(), qr.fullName())
                    && c.personalNumber().map(qr.personalNumber()::equals).orElse(true)) {
                matching.add(c);
            }
        }
        if (matching.isEmpty()) {
            return CheckInDecision.dataMismatch(today, patient);
        }
        Comparator<InsuranceCard> latestEnd = Comparator.comparing(InsuranceCard::validTo);
        Optional<InsuranceCard> valid = matching.stream().filter(c -> c.validOn(today)).max(latestEnd);
        if (valid.isEmpty()) {
            return CheckInDecision.noValidCard(today, patient, insurance(matching.stream().max(latestEnd)
                    .orElseThrow()), "no card valid on the check-in date");
        }
        InsuranceCard card = valid.get();
        List<CheckInDecision.Notice> notices = new ArrayList<>();
        notices.add(CheckInDecision.Notice.COMPARE_PHOTO);
        notices.addAll(facilityNotice(card.facility()));
        return CheckInDecision.card(CheckInDecision.Status.VALID_IDENTITY_UNVERIFIED, today, patient,
                insurance(card), notices);
    }

    private static CheckInDecision.Insurance insurance(InsuranceCard c) {
        return new CheckInDecision.Insurance(c.number(), c.validFrom(), c.validTo(), c.benefitLevel(), c.facility());
    }

    private List<CheckInDecision.Notice> facilityNotice(String cardFacility) {
        return facility != null && !facility.equalsIgnoreCase(cardFacility)
                ? List.of(CheckInDecision.Notice.OTHER_FACILITY) : List.of();
    }

    /**
     * Reads the QR code in a photo or screenshot ({@link QrImageDecoder}: PNG, JPEG, GIF or BMP) and checks its text
     * as {@link #check(String)} does.
     *
     * @param image the image file bytes (untrusted)
     * @return the decision; {@link CheckInDecision.Status#UNREADABLE} when no QR code can be read
     * @throws NullPointerException when {@code image} is null
     */
    public CheckInDecision check(byte[] image) {
        Objects.requireNonNull(image, "image");
        QrScanResult scan = QrImageDecoder.decode(image);
        if (scan instanceof QrScanResult.Failed) {
            return CheckInDecision.unreadable(LocalDate.ofInstant(clock.instant(), zone), (QrScanResult.Failed) scan);
        }
        return check(((QrScanResult.Found) scan).text());
    }

    /** The 12-digit number with its six middle digits hidden, as {@code PersonalNumber.masked()}. */
    static String mask(String personalNumber) {
        if (personalNumber.length() != 12) {
            return "*".repeat(personalNumber.length());
        }
        return personalNumber.substring(0, 3) + "******" + personalNumber.substring(9);
    }

    /** @return the zone and the verifier */
    @Override
    public String toString() {
        return "HospitalCheckIn[zone=" + zone + (facility == null ? "" : ", facility " + facility)
                + (lookup == null ? "" : ", lookup " + lookup) + ", " + verifier + "]";
    }

    /** Builds a {@link HospitalCheckIn}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private AssertionVerifier verifier;
        private Clock clock;
        private ZoneId zone;
        private HealthInsuranceLookup lookup;
        private Duration lookupTimeout;
        private String facility;

        private Builder() {
        }

        /**
         * Required: the verifier configured by the hospital (trusted issuer keys, expected audience = the facility
         * code, expected purpose e.g. {@code bhyt-checkin}, usually required level 2).
         *
         * @param verifier the verifier
         * @return this builder
         */
        public Builder verifier(AssertionVerifier verifier) {
            this.verifier = once(this.verifier, verifier, "verifier");
            return this;
        }

        /**
         * The clock giving the check-in date; {@link Clock#systemUTC()} by default (the date is taken in
         * {@link #zone(ZoneId)}). The verifier keeps its own clock for the QR code's times.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = once(this.clock, clock, "clock");
            return this;
        }

        /**
         * The zone of the check-in date; {@link #VIETNAM} ({@code Asia/Ho_Chi_Minh}) by default.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = once(this.zone, zone, "zone");
            return this;
        }

        /**
         * The health-insurance lookup for the chip ID card's QR (Công văn 931/BYT-BH); without one, that QR gives
         * {@link CheckInDecision.Status#CHECK_MANUALLY}.
         *
         * @param lookup the lookup, e.g. {@link HttpInsuranceLookup} or {@link SandboxInsuranceLookup}
         * @return this builder
         */
        public Builder lookup(HealthInsuranceLookup lookup) {
            this.lookup = once(this.lookup, lookup, "lookup");
            return this;
        }

        /**
         * The time one lookup may take before the check answers {@link CheckInDecision.Status#LOOKUP_UNAVAILABLE};
         * {@link HealthInsuranceLookup#DEFAULT_TIMEOUT} by default.
         *
         * @param timeout positive, at most 30 seconds
         * @return this builder
         */
        public Builder lookupTimeout(Duration timeout) {
            once(this.lookupTimeout, "lookupTimeout");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
                throw new IllegalArgumentException("lookupTimeout must be positive and at most 30 seconds");
            }
            this.lookupTimeout = timeout;
            return this;
        }

        /**
         * This hospital's facility code (mã cơ sở KCB, e.g. {@code 79024}): a card registered for primary care
         * elsewhere then carries {@link CheckInDecision.Notice#OTHER_FACILITY}. Not set by default (no notice).
         *
         * @param facility the code
         * @return this builder
         */
        public Builder facility(String facility) {
            once(this.facility, "facility");
            Objects.requireNonNull(facility, "facility");
            if (!facility.matches("[A-Za-z0-9]{1,16}")) {
                throw new IllegalArgumentException("facility code is 1 to 16 ASCII letters and digits");
            }
            this.facility = facility;
            return this;
        }

        /**
         * @return the check-in desk
         * @throws IllegalStateException when the verifier is missing, or a lookup timeout is set without a lookup
         */
        public HospitalCheckIn build() {
            return new HospitalCheckIn(this);
        }
    }
}
