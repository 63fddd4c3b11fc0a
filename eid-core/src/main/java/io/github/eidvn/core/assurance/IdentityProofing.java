package io.github.eidvn.core.assurance;

import static io.github.eidvn.core.internal.Once.once;

import io.github.eidvn.core.identity.CardValidity;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.NameComparison;
import io.github.eidvn.core.identity.PersonName;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.RelatedPerson;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the assurance level of a person from declared data and evidence, against the population registry
 * (the first step of the data path: registry data → proofing → assertion issuing).
 *
 * <p><b>Rules</b> (Nghị định 69/2024/NĐ-CP), evaluated in this order; the first failure rejects:
 * <ol>
 *   <li>the declared number parses strictly ({@link ProofingResult.Reason#INVALID_NUMBER}) and the name is usable
 *       ({@link ProofingResult.Reason#INVALID_NAME});</li>
 *   <li>the registry has the number ({@link ProofingResult.Reason#NOT_IN_REGISTRY}) and the declared name
 *       (exactly after NFC and tone-mark normalisation, case-insensitive at most:
 *       {@link NameComparison#CASE_INSENSITIVE}; "Hà", "Hạ" and "Ha" are different names), birth date and sex
 *       equal the record ({@link ProofingResult.Reason#FIELD_MISMATCH}, with the fields);</li>
 *   <li>age rules ({@link AgeRules}) on the clock's date: the record must show an ID card valid today
 *       ({@link CitizenProfile#cardIssueDate()} with {@link CardValidity}, else
 *       {@link ProofingResult.Reason#NO_VALID_CARD}); under 14 a guardian is required
 *       ({@link ProofingResult.Reason#UNDER_AGE_WITHOUT_GUARDIAN}). A guardian, whenever given, must be in the registry,
 *       be 18 or older, not be the person, and be recorded as the person's father, mother or legal representative
 *       ({@link ProofingResult.Reason#GUARDIAN_NOT_RECOGNISED}). eid does not authenticate the guardian: the caller must
 *       have done so at level 2;</li>
 *   <li>chip evidence, when given, must match the record (number, name, and birth date and sex when present;
 *       {@link ProofingResult.Reason#CHIP_EVIDENCE_MISMATCH}) and not be expired
 *       ({@link ProofingResult.Reason#NO_VALID_CARD});</li>
 *   <li>a biometric probe, when given, is compared by the {@link BiometricMatcher}: liveness must pass
 *       ({@link ProofingResult.Reason#LIVENESS_FAILED}) and the score reach the threshold
 *       ({@link ProofingResult.Reason#BIOMETRIC_BELOW_THRESHOLD}).</li>
 * </ol>
 * The result is level 1 from the registry match alone, and level 2 when a biometric match was also supplied (face or
 * fingerprint, with liveness: Nghị định 69/2024 requires the declared data to be verified by portrait or fingerprint).
 * Chip evidence alone stays at level 1: it proves the card and its data, not that the person presenting it is the
 * holder; with a biometric match it is recorded as a second piece of evidence (and the matcher receives it, to compare
 * the live face with the chip's portrait, {@link BiometricMatcher#match(CitizenProfile, BiometricProbe, ChipEvidence)}).
 * The level is capped by the age rules: under 6 the result is level 1 whatever the evidence (the account is
 * registered through the guardian's account, see {@link ProofingResult.Proofed#entitlement()}). ProofingEvidence that is
 * supplied and fails always rejects; it is never ignored to fall back to level 1.
 *
 * <p><b>Threshold.</b> Default {@value #DEFAULT_THRESHOLD}. Scores are the matcher's, in {@code [0, 1]}; the number
 * means nothing until the matcher is calibrated to it (e.g. a false-match rate of 1 in 10 000 or better at 0.80 for
 * face). A score equal to the threshold passes.
 *
 * <p><b>Security.</b> Fails closed: every supplied piece of evidence must pass. The registry record returned must
 * carry the looked-up number, and a matcher must answer for the probe's method, else {@link IllegalStateException}.
 * Exceptions thrown by the registry or matcher propagate (an outage is never reported as a mismatch). Show citizens
 * only the reason messages, not {@link ProofingResult.Rejected#mismatchedFields()}. Immutable and thread-safe when
 * the SPIs are.
 */
public final class IdentityProofing {

    /** The default biometric threshold. */
    public static final double DEFAULT_THRESHOLD = 0.80;

    /** Age from which a guardian is accepted (age of majority, Bộ luật Dân sự 2015 Điều 20). */
    public static final int GUARDIAN_MIN_AGE = 18;

    private final PopulationRegistry registry;
    private final BiometricMatcher matcher;
    private final double threshold;
    private final Clock clock;

    private IdentityProofing(Builder b) {
        if (b.registry == null) {
            throw new IllegalStateException("registry is required");
        }
        this.registry = b.registry;
        this.matcher = b.matcher;
        this.threshold = b.threshold == null ? DEFAULT_THRESHOLD : b.threshold;
        this.clock = b.clock == null ? Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")) : b.clock;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the biometric threshold in use */
    public double threshold() {
        return threshold;
    }

    /**
     * Decides.
     *
     * @param request declared data and evidence
     * @return {@link ProofingResult.Proofed} or {@link ProofingResult.Rejected}
     * @throws NullPointerException if {@code request} is null
     * @throws IllegalStateException if a biometric probe is given but no matcher is configured, or an SPI breaks its
     *     contract
     */
    public ProofingResult proof(ProofingRequest request) {
        Objects.requireNonNull(request, "request");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        PersonalNumber.ParseOptions strict = PersonalNumber.ParseOptions.builder().clock(clock).build();

        // 1. declared data well formed
        PersonalNumber number;
        if (request.parsedNumber().isPresent()) {
            number = request.parsedNumber().get();
        } else {
            PersonalNumber.ParseResult parsed = PersonalNumber.parse(request.personalNumber(), strict);
            if (!(parsed instanceof PersonalNumber.ParseResult.Valid)) {
                PersonalNumber.ParseResult.Invalid invalid = (PersonalNumber.ParseResult.Invalid) parsed;
                return reject(ProofingResult.Reason.INVALID_NUMBER, invalid.reason() + ": " + invalid.detail(), now);
            }
            number = parsed.orElseThrow();
        }
        Optional<PersonName> name = PersonName.parse(request.fullName());
        if (name.isEmpty()) {
            return reject(ProofingResult.Reason.INVALID_NAME, "name is blank, longer than " + PersonName.MAX_LENGTH
                    + " characters or has control characters", now);
        }

        // 2. registry match
        Optional<CitizenProfile> found = lookup(number);
        if (found.isEmpty()) {
            return reject(ProofingResult.Reason.NOT_IN_REGISTRY, "no record for " + number.masked(), now);
        }
        CitizenProfile record = found.get();
        Set<IdentityField> mismatched = EnumSet.noneOf(IdentityField.class);
        if (!name.get().matches(record.fullName(), NameComparison.CASE_INSENSITIVE)) {
            mismatched.add(IdentityField.FULL_NAME);
        }
        if (!request.birthDate().equals(record.birthDate())) {
            mismatched.add(IdentityField.BIRTH_DATE);
        }
        if (request.sex() != record.sex()) {
            mismatched.add(IdentityField.SEX);
        }
        if (!mismatched.isEmpty()) {
            return new ProofingResult.Rejected(ProofingResult.Reason.FIELD_MISMATCH,
                    "declared data differs from the registry in " + mismatched, mismatched, now);
        }

        // 3. age rules, card, guardian
        if (record.birthDate().isAfter(today)) {
            throw new IllegalStateException("registry record has a birth date after today");
        }
        boolean validCard = record.cardIssueDate()
                .map(issued -> CardValidity.isValidOn(record.birthDate(), issued, today))
                .orElse(false);
        AgeRules.Entitlement entitlement = AgeRules.entitlementOn(record.birthDate(), validCard, today);
        if (!entitlement.eligible()) {
            return reject(ProofingResult.Reason.NO_VALID_CARD, record.cardIssueDate().isPresent()
                    ? "the ID card recorded in the registry is not valid on " + today
                    : "the registry records no ID card", now);
        }
        boolean guardianGiven = request.guardian().isPresent();
        if (entitlement.guardianRequired() && !guardianGiven) {
            return reject(ProofingResult.Reason.UNDER_AGE_WITHOUT_GUARDIAN, "age group " + entitlement.ageGroup()
                    + " requires a parent or guardian (" + entitlement.form() + ")", now);
        }
        PersonalNumber guardian = null;
        if (guardianGiven) {
            GuardianCheck checked = checkGuardian(request, record, number, strict, today);
            if (checked.failure() != null) {
                return reject(ProofingResult.Reason.GUARDIAN_NOT_RECOGNISED, checked.failure(), now);
            }
            guardian = checked.guardian();
        }

        List<String> amr = new ArrayList<>();
        List<ProofingEvidence> evidence = new ArrayList<>();
        evidence.add(new ProofingEvidence.RegistryRecord(ProofingEvidence.RegistryRecord.POPULATION_REGISTER, now));
        boolean strongEvidence = false;

        // 4. chip evidence
        Optional<ChipEvidence> chip = request.chipEvidence();
        if (chip.isPresent()) {
            ProofingResult.Rejected chipRejection = checkChip(chip.get(), record, today, now);
            if (chipRejection != null) {
                return chipRejection;
            }
        }

        // 5. biometrics
        Optional<BiometricProbe> probe = request.biometricProbe();
        if (probe.isPresent()) {
            if (matcher == null) {
                throw new IllegalStateException("a biometric probe was given but no BiometricMatcher is configured");
            }
            BiometricMatch match = chip.isPresent() ? matcher.match(record, probe.get(), chip.get())
                    : matcher.match(record, probe.get());
            if (match == null) {
                throw new IllegalStateException("BiometricMatcher returned null");
            }
            if (match.method() != probe.get().method()) {
                throw new IllegalStateException("BiometricMatcher answered " + match.method() + " for a "
                        + probe.get().method() + " probe");
            }
            if (!match.livenessPassed()) {
                return reject(ProofingResult.Reason.LIVENESS_FAILED, match.method() + " liveness detection failed", now);
            }
            if (match.score() < threshold) {
                return reject(ProofingResult.Reason.BIOMETRIC_BELOW_THRESHOLD, String.format(Locale.ROOT,
                        "%s score %.4f below threshold %.4f", match.method(), match.score(), threshold), now);
            }
            amr.add(match.method().amr());
            evidence.add(new ProofingEvidence.Biometric(match.method(), match.score(), threshold, now));
            strongEvidence = true;
        }
        if (chip.isPresent()) {
            amr.add("sc");
            // evidence of the card, not of its holder: never level 2 on its own
            evidence.add(new ProofingEvidence.ChipDocument(ProofingEvidence.ChipDocument.ID_CARD, chip.get().verifiedAt()));
        }

        AssuranceLevel level = strongEvidence && entitlement.permits(AssuranceLevel.LEVEL_2)
                ? AssuranceLevel.LEVEL_2 : AssuranceLevel.LEVEL_1;
        return new ProofingResult.Proofed(level, record, EnumSet.allOf(IdentityField.class), amr, evidence, now,
                entitlement, guardian);
    }

    private Optional<CitizenProfile> lookup(PersonalNumber number) {
        Optional<CitizenProfile> found = registry.lookup(number);
        if (found == null) {
            throw new IllegalStateException("PopulationRegistry returned null");
        }
        if (found.isPresent() && !found.get().personalNumber().equals(number)) {
            throw new IllegalStateException("PopulationRegistry returned the record of another number");
        }
        return found;
    }

    /** Either the verified guardian or why it is not recognised. */
    private record GuardianCheck(PersonalNumber guardian, String failure) {
        static GuardianCheck failed(String failure) {
            return new GuardianCheck(null, failure);
        }
    }

    private GuardianCheck checkGuardian(ProofingRequest request, CitizenProfile record, PersonalNumber number,
            PersonalNumber.ParseOptions strict, LocalDate today) {
        PersonalNumber guardian;
        if (request.parsedGuardian().isPresent()) {
            guardian = request.parsedGuardian().get();
        } else {
            PersonalNumber.ParseResult parsed = PersonalNumber.parse(request.guardian().orElseThrow(), strict);
            if (!parsed.isValid()) {
                return GuardianCheck.failed("guardian number is invalid: "
                        + ((PersonalNumber.ParseResult.Invalid) parsed).reason());
            }
            guardian = parsed.orElseThrow();
        }
        if (guardian.equals(number)) {
            return GuardianCheck.failed("a person cannot be their own guardian");
        }
        Optional<CitizenProfile> guardianRecord = lookup(guardian);
        if (guardianRecord.isEmpty()) {
            return GuardianCheck.failed("guardian " + guardian.masked() + " is not in the registry");
        }
        LocalDate guardianBirth = guardianRecord.get().birthDate();
        if (today.isBefore(guardianBirth.plusYears(GUARDIAN_MIN_AGE))) {
            return GuardianCheck.failed("guardian " + guardian.masked() + " is under " + GUARDIAN_MIN_AGE);
        }
        boolean listed = isListed(record.father(), guardian) || isListed(record.mother(), guardian)
                || isListed(record.legalRepresentative(), guardian);
        if (!listed) {
            return GuardianCheck.failed("guardian " + guardian.masked()
                    + " is not recorded as father, mother or legal representative of " + number.masked());
        }
        return new GuardianCheck(guardian, null);
    }

    private static boolean isListed(Optional<RelatedPerson> person, PersonalNumber guardian) {
        return person.flatMap(RelatedPerson::number).map(guardian::equals).orElse(false);
    }

    private static ProofingResult.Rejected checkChip(ChipEvidence chip, CitizenProfile record, LocalDate today,
            Instant now) {
        Set<IdentityField> mismatched = EnumSet.noneOf(IdentityField.class);
        if (!chip.personalNumber().equals(record.personalNumber())) {
            mismatched.add(IdentityField.PERSONAL_NUMBER);
        }
        if (!chip.fullName().matches(record.fullName(), NameComparison.CASE_INSENSITIVE)) {
            mismatched.add(IdentityField.FULL_NAME);
        }
        if (chip.birthDate().isPresent() && !chip.birthDate().get().equals(record.birthDate())) {
            mismatched.add(IdentityField.BIRTH_DATE);
        }
        if (chip.sex().isPresent() && chip.sex().get() != record.sex()) {
            mismatched.add(IdentityField.SEX);
        }
        if (!mismatched.isEmpty()) {
            return new ProofingResult.Rejected(ProofingResult.Reason.CHIP_EVIDENCE_MISMATCH,
                    "chip data differs from the registry in " + mismatched, mismatched, now);
        }
        if (chip.dateOfExpiry().isPresent() && chip.dateOfExpiry().get().isBefore(today)) {
            return new ProofingResult.Rejected(ProofingResult.Reason.NO_VALID_CARD,
                    "the card read from the chip expired on " + chip.dateOfExpiry().get(), Set.of(), now);
        }
        return null;
    }

    private static ProofingResult.Rejected reject(ProofingResult.Reason reason, String detail, Instant now) {
        return new ProofingResult.Rejected(reason, detail, Set.of(), now);
    }

    /** Builder; each option set once ({@link IllegalStateException} on a second call). */
    public static final class Builder {
        private PopulationRegistry registry;
        private BiometricMatcher matcher;
        private Double threshold;
        private Clock clock;

        private Builder() {
        }

        /**
         * @param registry the population registry (required)
         * @return this builder
         */
        public Builder registry(PopulationRegistry registry) {
            this.registry = once(this.registry, registry, "registry");
            return this;
        }

        /**
         * @param matcher the biometric matcher (optional; without it, a request with a probe throws)
         * @return this builder
         */
        public Builder matcher(BiometricMatcher matcher) {
            this.matcher = once(this.matcher, matcher, "matcher");
            return this;
        }

        /**
         * @param threshold the minimum biometric score, in {@code (0, 1]} (default {@value #DEFAULT_THRESHOLD})
         * @return this builder
         * @throws IllegalArgumentException if outside {@code (0, 1]} or NaN
         */
        public Builder threshold(double threshold) {
            if (!(threshold > 0.0 && threshold <= 1.0)) {
                throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
            }
            once(this.threshold, "threshold");
            this.threshold = threshold;
            return this;
        }

        /**
         * @param clock gives the proofing time and date for the age rules (default: system clock in
         *     {@code Asia/Ho_Chi_Minh})
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = once(this.clock, clock, "clock");
            return this;
        }

        /**
         * @return the proofing service
         * @throws IllegalStateException if no registry was set
         */
        public IdentityProofing build() {
            return new IdentityProofing(this);
        }
    }
}
