package io.github.eidvn.verifier.hospital;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.assurance.HealthInsuranceClaim;
import io.github.eidvn.core.identity.BenefitLevel;
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
 * HospitalCheckIn desk = HospitalCheckIn.builder().verifier(verifier).build();
 * CheckInDecision d = desk.check(scannedText);   // or desk.check(photoBytes)
 * show(d.messageVi(), d.patient(), d.insurance());
 * }</pre>
 *
 * <p>Decisions, in order:
 * <ol>
 *   <li>the unsigned legacy chip-card QR → {@link CheckInDecision.Decision#CHECK_MANUALLY} with its data marked
 *       unverified: ask for the BHYT card and a photo ID (Công văn 931/BYT-BH);</li>
 *   <li>any other text goes through {@link AssertionVerifier#verifyScanned(QrContent)}; a rejection →
 *       {@link CheckInDecision.Decision#REJECTED} with the verifier's reason (bad signature, expired, replayed,
 *       wrong audience, ...);</li>
 *   <li>a verified assertion without a {@code health_insurance} claim →
 *       {@link CheckInDecision.Decision#NO_INSURANCE_DATA};</li>
 *   <li>the card's {@code valid_from}..{@code valid_to} (both days included) against the check-in date, today in the
 *       desk's zone ({@code Asia/Ho_Chi_Minh} by default) → {@link CheckInDecision.Decision#VALID},
 *       {@link CheckInDecision.Decision#CARD_NOT_YET_VALID} or {@link CheckInDecision.Decision#CARD_EXPIRED}.</li>
 * </ol>
 * An image in which no QR code can be read → {@link CheckInDecision.Decision#UNREADABLE}.
 *
 * <p>Immutable and thread-safe when the verifier is.
 *
 * <p><b>Security.</b> All checks of the code (signature, expiry of the QR, audience = this facility, purpose,
 * replay, level) are the verifier's: configure it with the facility code as expected audience and the check-in
 * purpose, so that a QR made for another hospital or another use is refused. With the verifier's default replay
 * guard a code is accepted once; a second scan is {@link io.github.eidvn.verifier.Reason#REPLAYED}. Chip-card QR
 * data is never treated as verified.
 */
public final class HospitalCheckIn {

    /** The default zone of the check-in date. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AssertionVerifier verifier;
    private final Clock clock;
    private final ZoneId zone;

    private HospitalCheckIn(Builder b) {
        if (b.verifier == null) {
            throw new IllegalStateException("verifier is required");
        }
        this.verifier = b.verifier;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.zone = b.zone == null ? VIETNAM : b.zone;
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
            LegacyChipCardData card = ((QrContent.UnverifiedChipCard) content).data();
            return CheckInDecision.checkManually(today, new CheckInDecision.Patient(false,
                    Optional.of(card.fullName()), Optional.of(card.birthDate()), Optional.of(card.sex()),
                    Optional.of(mask(card.personalNumber())), Optional.empty()));
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
        CheckInDecision.Decision decision = today.isBefore(c.validFrom()) ? CheckInDecision.Decision.CARD_NOT_YET_VALID
                : today.isAfter(c.validTo()) ? CheckInDecision.Decision.CARD_EXPIRED
                : CheckInDecision.Decision.VALID;
        return CheckInDecision.card(decision, today, patient, card);
    }

    /**
     * Reads the QR code in a photo or screenshot ({@link QrImageDecoder}: PNG, JPEG, GIF or BMP) and checks its text
     * as {@link #check(String)} does.
     *
     * @param image the image file bytes (untrusted)
     * @return the decision; {@link CheckInDecision.Decision#UNREADABLE} when no QR code can be read
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
        return "HospitalCheckIn[zone=" + zone + ", " + verifier + "]";
    }

    /** Builds a {@link HospitalCheckIn}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private AssertionVerifier verifier;
        private Clock clock;
        private ZoneId zone;

        private Builder() {
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " is already set");
            }
        }

        /**
         * Required: the verifier configured by the hospital (trusted issuer keys, expected audience = the facility
         * code, expected purpose e.g. {@code bhyt-checkin}, usually required level 2).
         *
         * @param verifier the verifier
         * @return this builder
         */
        public Builder verifier(AssertionVerifier verifier) {
            once(this.verifier, "verifier");
            this.verifier = Objects.requireNonNull(verifier, "verifier");
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
            once(this.clock, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The zone of the check-in date; {@link #VIETNAM} ({@code Asia/Ho_Chi_Minh}) by default.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            once(this.zone, "zone");
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * @return the check-in desk
         * @throws IllegalStateException when the verifier is missing
         */
        public HospitalCheckIn build() {
            return new HospitalCheckIn(this);
        }
    }
}
