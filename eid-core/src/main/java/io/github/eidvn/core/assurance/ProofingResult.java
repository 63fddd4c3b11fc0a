package io.github.eidvn.core.assurance;

import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;
import io.github.eidvn.core.result.Outcome;
import io.github.eidvn.core.result.Refusal;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The decision of {@link IdentityProofing}: {@link Proofed} at a level, or {@link Rejected} with a {@link Reason}.
 * Only {@link IdentityProofing} creates a {@link Proofed}.
 */
public sealed interface ProofingResult extends Outcome<ProofingResult.Proofed, ProofingResult.Reason>
        permits ProofingResult.Proofed, ProofingResult.Rejected {

    /** @return when the decision was made (from the proofing clock) */
    Instant time();

    /** @return true for {@link Proofed} */
    default boolean isProofed() {
        return isSuccess();
    }

    /**
     * The person is who they declared, at {@link #level()}.
     *
     * <p>{@link #amr()} holds RFC 8176 method values for the checks that passed beyond the registry data match:
     * {@code "face"} (face match with liveness), {@code "fpt"} (fingerprint match with liveness), {@code "sc"} (the chip
     * of the ID card, a smart card, verified by passive authentication). A level-1 decision from declared data alone
     * has an empty list: matching data against the registry is identity proofing, not an authentication method; the
     * assertion issuer adds the methods of the login session. {@link #evidence()} lists the registry record first,
     * then the biometric match, then the chip document.
     */
    final class Proofed implements ProofingResult, Outcome.Success<Proofed, Reason> {
        private final AssuranceLevel level;
        private final CitizenProfile registryRecord;
        private final Set<IdentityField> matchedFields;
        private final List<String> amr;
        private final List<ProofingEvidence> evidence;
        private final Instant time;
        private final AgeRules.Entitlement entitlement;
        private final PersonalNumber guardian;

        Proofed(AssuranceLevel level, CitizenProfile registryRecord, Set<IdentityField> matchedFields, List<String> amr,
                List<ProofingEvidence> evidence, Instant time, AgeRules.Entitlement entitlement, PersonalNumber guardian) {
            this.level = Objects.requireNonNull(level, "level");
            this.registryRecord = Objects.requireNonNull(registryRecord, "registryRecord");
            this.matchedFields = Collections.unmodifiableSet(EnumSet.copyOf(matchedFields));
            this.amr = List.copyOf(amr);
            this.evidence = List.copyOf(evidence);
            this.time = Objects.requireNonNull(time, "time");
            this.entitlement = Objects.requireNonNull(entitlement, "entitlement");
            this.guardian = guardian;
        }

        /** @return the assurance level reached */
        public AssuranceLevel level() {
            return level;
        }

        /** @return the registry record the person was matched to */
        public CitizenProfile registryRecord() {
            return registryRecord;
        }

        /** @return the declared fields that matched the registry (all four for a proofed person) */
        public Set<IdentityField> matchedFields() {
            return matchedFields;
        }

        /** @return RFC 8176 authentication method references, in the order face/fpt, sc */
        public List<String> amr() {
            return amr;
        }

        /** @return the evidence: registry record, then biometric, then chip document (when present) */
        public List<ProofingEvidence> evidence() {
            return evidence;
        }

        @Override
        public Instant time() {
            return time;
        }

        /** @return what the person may hold by the age rules on the proofing date (form tells how to apply) */
        public AgeRules.Entitlement entitlement() {
            return entitlement;
        }

        /** @return the verified parent or guardian acting for the person, if one was given */
        public Optional<PersonalNumber> guardian() {
            return Optional.ofNullable(guardian);
        }

        /** @return this decision, so that {@code proofing.proof(request).orElseThrow()} gives it */
        @Override
        public Proofed value() {
            return this;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Proofed p && level == p.level && registryRecord.equals(p.registryRecord)
                    && matchedFields.equals(p.matchedFields) && amr.equals(p.amr) && evidence.equals(p.evidence)
                    && time.equals(p.time) && entitlement.equals(p.entitlement)
                    && Objects.equals(guardian, p.guardian);
        }

        @Override
        public int hashCode() {
            return Objects.hash(level, registryRecord, matchedFields, amr, evidence, time, entitlement, guardian);
        }

        /** @return level, masked number, methods and time */
        @Override
        public String toString() {
            return "Proofed[" + level + ", " + registryRecord.personalNumber().masked() + ", amr=" + amr + ", " + time
                    + "]";
        }
    }

    /**
     * The request was refused.
     *
     * <p><b>Security.</b> {@link #mismatchedFields()} and {@link #detail()} are for logs and operators. Showing a
     * citizen which field did not match lets an impostor find a victim's data field by field: show the citizen only
     * {@link Reason#vietnamese()} / {@link Reason#english()}, and rate-limit attempts.
     */
    record Rejected(Reason reason, String detail, Set<IdentityField> mismatchedFields, Instant time)
            implements ProofingResult, Outcome.Failure<Proofed, Reason> {

        /**
         * Creates the value.
         *
         * @param reason why, not null
         * @param detail a technical explanation in English, without personal data in clear; not null
         * @param mismatchedFields the fields that did not match, for {@link Reason#FIELD_MISMATCH} (against the
         *     registry) and {@link Reason#CHIP_EVIDENCE_MISMATCH} (chip against the registry); empty otherwise
         * @param time when the decision was made, not null
         * @throws NullPointerException when an argument is null
         */
        public Rejected {
            Refusal.requireReasonAndDetail(reason, detail);
            mismatchedFields = mismatchedFields.isEmpty() ? Set.of()
                    : Collections.unmodifiableSet(EnumSet.copyOf(mismatchedFields));
            Objects.requireNonNull(time, "time");
        }

        /** @return the reason and the detail (the mismatched fields are in {@link #mismatchedFields()}) */
        @Override
        public String toString() {
            return "Rejected[" + reason + ", " + detail + "]";
        }
    }

    /** Why proofing refused a request, with Vietnamese and English messages for the person. */
    enum Reason implements HasBilingualText {
        /** The declared number is not a valid personal identification number. */
        INVALID_NUMBER("Số định danh cá nhân không hợp lệ.", "The personal identification number is not valid."),
        /** The declared name is blank, too long or has control characters. */
        INVALID_NAME("Họ và tên không hợp lệ.", "The full name is not valid."),
        /** The registry has no such number. */
        NOT_IN_REGISTRY("Không tìm thấy thông tin công dân trong Cơ sở dữ liệu quốc gia về dân cư.",
                "No citizen with this number was found in the national population database."),
        /** Declared name, birth date or sex differ from the registry. */
        FIELD_MISMATCH("Thông tin khai báo không khớp với Cơ sở dữ liệu quốc gia về dân cư.",
                "The declared information does not match the national population database."),
        /** The citizen has no ID card valid on the proofing date (required by Nghị định 69/2024 Điều 7). */
        NO_VALID_CARD("Công dân chưa có thẻ căn cước còn hiệu lực.",
                "The citizen does not hold a valid ID card."),
        /** A child (or person under guardianship) applied without a parent or guardian. */
        UNDER_AGE_WITHOUT_GUARDIAN("Người dưới 14 tuổi phải được cha, mẹ hoặc người giám hộ đăng ký cùng.",
                "A person under 14 must apply through or with a parent or guardian."),
        /** The guardian is unknown, under 18, the person themself, or not a parent/legal representative in the record. */
        GUARDIAN_NOT_RECOGNISED("Người đại diện không phải cha, mẹ hoặc người giám hộ hợp pháp của người này.",
                "The guardian is not a parent or legal representative of this person."),
        /** The chip data (verified by passive authentication) differs from the registry, or is malformed. */
        CHIP_EVIDENCE_MISMATCH("Dữ liệu trong chip thẻ căn cước không khớp với Cơ sở dữ liệu quốc gia về dân cư.",
                "The data on the ID card chip does not match the national population database."),
        /** Liveness / presentation-attack detection failed. */
        LIVENESS_FAILED("Không xác minh được người thật (kiểm tra liveness không đạt).",
                "Liveness detection failed."),
        /** The biometric score is below the threshold. */
        BIOMETRIC_BELOW_THRESHOLD("Sinh trắc học không khớp với dữ liệu đã đăng ký.",
                "The biometric sample does not match the enrolled data.");

        private final Bilingual text;

        Reason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }
}
