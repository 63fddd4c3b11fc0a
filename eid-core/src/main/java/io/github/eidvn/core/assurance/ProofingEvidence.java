package io.github.eidvn.core.assurance;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of evidence behind a proofing decision, shaped for the {@code evidence} array of OpenID Connect for
 * Identity Assurance {@code verified_claims}: {@link #type()} is the evidence type, {@link #checkMethod()} the
 * {@code check_details[].check_method}, {@link #time()} the time of the check.
 *
 * <ul>
 *   <li>{@link RegistryRecord}: {@code electronic_record} of type {@code population_register}, checked by
 *       {@code data} (declared data compared with the authoritative source);</li>
 *   <li>{@link ChipDocument}: {@code document} of type {@code idcard}, checked by {@code vcrypt} (cryptographic
 *       security features: the chip, verified by passive authentication);</li>
 *   <li>{@link Biometric}: the biometric comparison against the enrolled data of the {@code electronic_record},
 *       checked by {@code bvr} (biometric verification by automated means) with its method and score.</li>
 * </ul>
 *
 * <p>{@link #toEvidence()} gives the form written into an assertion ({@link Evidence}, serialised as
 * {@code {"type":..,"check_details":[{"check_method":..}]}}). It carries the evidence type and the check method,
 * nothing else: under the {@code vn_eid} trust framework an {@code electronic_record} is the national population
 * database record and a {@code document} the chip ID card, so their record and document types are implied; the
 * check time, the matcher's score and threshold stay with the proofing decision (they are internal to the identity
 * provider, and every byte counts in a QR code: the hospital presentation is a few digits short of a smaller QR
 * version). Use
 * {@link AssertionRequest.Builder#proofed(ProofingResult.Proofed)} to carry a whole decision into a request.
 */
public sealed interface ProofingEvidence permits ProofingEvidence.RegistryRecord, ProofingEvidence.ChipDocument, ProofingEvidence.Biometric {

    /** @return the OpenID Connect for Identity Assurance evidence type */
    String type();

    /** @return the OpenID Connect for Identity Assurance check method */
    String checkMethod();

    /** @return when the check was made */
    Instant time();

    /**
     * The evidence as written into an assertion's {@code verified_claims.verification.evidence}:
     * <ul>
     *   <li>{@link RegistryRecord}: {@code {"type":"electronic_record","check_details":[{"check_method":"data"}]}}
     *       (the population register record matched);</li>
     *   <li>{@link Biometric}: {@code {"type":"electronic_record","check_details":[{"check_method":"bvr"}]}}
     *       (compared with the record's enrolled biometrics; the modality is in the assertion's {@code amr}:
     *       {@code face} or {@code fpt});</li>
     *   <li>{@link ChipDocument}: {@code {"type":"document","check_details":[{"check_method":"vcrypt"}]}} (the ID
     *       card's chip verified cryptographically).</li>
     * </ul>
     *
     * @return the assertion evidence: {@code Evidence.of(type(), checkMethod())}
     */
    default Evidence toEvidence() {
        return Evidence.of(type(), checkMethod());
    }

    /**
     * The population registry record the declared data was matched against.
     *
     * @param recordType {@code population_register}
     * @param time when the record was consulted
     */
    record RegistryRecord(String recordType, Instant time) implements ProofingEvidence {
        /** The record type of the population registry. */
        public static final String POPULATION_REGISTER = "population_register";

        /**
         * @param recordType the record type, not null
         * @param time the time, not null
         */
        public RegistryRecord {
            Objects.requireNonNull(recordType, "recordType");
            Objects.requireNonNull(time, "time");
        }

        @Override
        public String type() {
            return "electronic_record";
        }

        @Override
        public String checkMethod() {
            return "data";
        }

    }

    /**
     * The chip ID card whose data (verified by the caller's passive authentication) matched the registry.
     *
     * @param documentType {@code idcard}
     * @param time when passive authentication succeeded
     */
    record ChipDocument(String documentType, Instant time) implements ProofingEvidence {
        /** The document type of the chip ID card. */
        public static final String ID_CARD = "idcard";

        /**
         * @param documentType the document type, not null
         * @param time the time, not null
         */
        public ChipDocument {
            Objects.requireNonNull(documentType, "documentType");
            Objects.requireNonNull(time, "time");
        }

        @Override
        public String type() {
            return "document";
        }

        @Override
        public String checkMethod() {
            return "vcrypt";
        }

    }

    /**
     * A biometric comparison that reached the threshold with liveness.
     *
     * @param method face or fingerprint
     * @param score the matcher's score in {@code [0, 1]}
     * @param threshold the threshold it was compared with
     * @param time when the comparison was made
     */
    record Biometric(BiometricMethod method, double score, double threshold, Instant time) implements ProofingEvidence {
        /**
         * @param method the method, not null
         * @param score the score
         * @param threshold the threshold
         * @param time the time, not null
         */
        public Biometric {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(time, "time");
        }

        @Override
        public String type() {
            return "electronic_record";
        }

        @Override
        public String checkMethod() {
            return "bvr";
        }

    }
}
