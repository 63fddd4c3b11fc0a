package io.github.eidvn.chip;

import io.github.eidvn.core.assurance.ChipEvidence;
import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;
import io.github.eidvn.core.result.Outcome;
import io.github.eidvn.core.result.Refusal;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of {@link ChipVerifier#verify(ChipFiles)}: {@link ChipVerified} or {@link ChipRejected}. Only the
 * verifier creates these objects.
 */
public sealed interface ChipVerification extends Outcome<ChipVerification.ChipVerified, ChipVerification.Reason>
        permits ChipVerification.ChipVerified, ChipVerification.ChipRejected {

    /** @return true for {@link ChipVerified} */
    default boolean isVerified() {
        return isSuccess();
    }

    /** @return the status of each data group uploaded or listed in the SOD, by number */
    SortedMap<Integer, DataGroupStatus> dataGroups();

    /** What passive authentication found for one data group. */
    enum DataGroupStatus {
        /** Uploaded, and its hash equals the one the document signer signed. */
        VALID,
        /** Uploaded, but its hash differs from the signed one. */
        HASH_MISMATCH,
        /** Uploaded, but the SOD lists no hash for it: its content is not vouched for. */
        NOT_COVERED,
        /** Listed in the SOD but not uploaded. */
        NOT_READ,
        /** Not checked, because verification stopped before the hashes were compared. */
        NOT_CHECKED
    }

    /** Whether the chip proved it is not a clone by signing a challenge with the key of DG15. */
    enum ActiveAuthenticationStatus {
        /** The response to the challenge verified with the DG15 key. */
        VERIFIED,
        /** The chip has a DG15 key, but no challenge and response were given. */
        NOT_PERFORMED,
        /** The chip has no DG15 (no active authentication key). */
        NOT_SUPPORTED
    }

    /** Whether the chip proved it is not a clone by chip authentication with the key of DG14. */
    enum ChipAuthenticationStatus {
        /** The chip answered a server-made chip authentication challenge with the DG14 key's session keys. */
        VERIFIED,
        /** DG14 was uploaded, but no chip authentication response was given. */
        NOT_PERFORMED,
        /** DG14 was not uploaded. */
        NOT_SUPPORTED
    }

    /**
     * The document signer of the SOD and the CSCA it chains to.
     *
     * @param subject the document signer's subject name (RFC 2253)
     * @param issuer its issuer name (RFC 2253)
     * @param serialNumber its serial number
     * @param notBefore start of its validity
     * @param notAfter end of its validity
     * @param csca the trusted certificate it chains to (itself when the document signer is trusted directly)
     */
    record Signer(String subject, String issuer, BigInteger serialNumber, Instant notBefore, Instant notAfter,
            X509Certificate csca) {
        /**
         * @param subject not null
         * @param issuer not null
         * @param serialNumber not null
         * @param notBefore not null
         * @param notAfter not null
         * @param csca not null
         */
        public Signer {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(serialNumber, "serialNumber");
            Objects.requireNonNull(notBefore, "notBefore");
            Objects.requireNonNull(notAfter, "notAfter");
            Objects.requireNonNull(csca, "csca");
        }
    }

    /**
     * Passive authentication succeeded: the SOD is signed by a document signer chained to a trusted CSCA, both valid
     * at the verification time, and every data group used here (DG1, and DG2, DG13, DG15 when uploaded) has the
     * signed hash; the MRZ of DG1 agrees with DG13.
     *
     * <p><b>Security.</b> This proves the data is the issuing State's and, with {@link ActiveAuthenticationStatus#VERIFIED}
     * or {@link ChipAuthenticationStatus#VERIFIED}, that the chip is not a copy. It does not prove that the person presenting the card is its holder: compare a live
     * face with {@link #face()} (or a fingerprint) for that. {@link #toString()} masks personal data.
     */
    final class ChipVerified implements ChipVerification, Outcome.Success<ChipVerified, Reason> {
        private final Mrz mrz;
        private final CitizenData citizen;
        private final FaceImage face;
        private final SortedMap<Integer, DataGroupStatus> dataGroups;
        private final Signer signer;
        private final ActiveAuthenticationStatus activeAuthentication;
        private final ChipAuthenticationStatus chipAuthentication;
        private final Instant verifiedAt;

        ChipVerified(Mrz mrz, CitizenData citizen, FaceImage face, Map<Integer, DataGroupStatus> dataGroups,
                Signer signer, ActiveAuthenticationStatus activeAuthentication,
                ChipAuthenticationStatus chipAuthentication, Instant verifiedAt) {
            this.mrz = Objects.requireNonNull(mrz, "mrz");
            this.citizen = citizen;
            this.face = face;
            this.dataGroups = Collections.unmodifiableSortedMap(new TreeMap<>(dataGroups));
            this.signer = Objects.requireNonNull(signer, "signer");
            this.activeAuthentication = Objects.requireNonNull(activeAuthentication, "activeAuthentication");
            this.chipAuthentication = Objects.requireNonNull(chipAuthentication, "chipAuthentication");
            this.verifiedAt = Objects.requireNonNull(verifiedAt, "verifiedAt");
        }

        /** @return this result, so that {@code verifier.verify(files).orElseThrow()} gives it */
        @Override
        public ChipVerified value() {
            return this;
        }

        /** @return the MRZ of DG1 */
        public Mrz mrz() {
            return mrz;
        }

        /** @return the holder's data of DG13 (Vietnamese cards), if uploaded */
        public Optional<CitizenData> citizen() {
            return Optional.ofNullable(citizen);
        }

        /** @return the portrait of DG2, if uploaded */
        public Optional<FaceImage> face() {
            return Optional.ofNullable(face);
        }

        @Override
        public SortedMap<Integer, DataGroupStatus> dataGroups() {
            return dataGroups;
        }

        /** @return the document signer and its CSCA */
        public Signer signer() {
            return signer;
        }

        /** @return whether the chip proved it is genuine by active authentication */
        public ActiveAuthenticationStatus activeAuthentication() {
            return activeAuthentication;
        }

        /** @return whether the chip proved it is genuine by chip authentication (DG14) */
        public ChipAuthenticationStatus chipAuthentication() {
            return chipAuthentication;
        }

        /** @return the time the verification was made for */
        public Instant verifiedAt() {
            return verifiedAt;
        }

        /**
         * The evidence for {@link io.github.eidvn.core.assurance.IdentityProofing}: number, name, birth date and sex
         * from DG13, expiry from DG13 (or the MRZ), the DG2 portrait when read, the verification time, and whether the
         * chip proved it is not a clone (active or chip authentication verified). Chip
         * evidence alone supports level 1; level 2 needs a biometric match as well.
         *
         * @return the evidence
         * @throws IllegalStateException if DG13 was not uploaded (a chip without the holder's personal number and full
         *     name cannot be matched to the population registry)
         */
        public ChipEvidence toChipEvidence() {
            if (citizen == null) {
                throw new IllegalStateException("DG13 was not read: the chip gives no personal number and full name");
            }
            ChipEvidence.Builder b = ChipEvidence.builder().personalNumber(citizen.personalNumber())
                    .fullName(citizen.fullName()).birthDate(citizen.birthDate()).sex(citizen.sex())
                    .verifiedAt(verifiedAt)
                    .activeAuthentication(activeAuthentication == ActiveAuthenticationStatus.VERIFIED
                            || chipAuthentication == ChipAuthenticationStatus.VERIFIED);
            Optional<java.time.LocalDate> expiry = citizen.expiryDate().or(mrz::expiryDate);
            if (citizen.expiryDate().isPresent() || citizen.expiryText().isEmpty()) {
                expiry.ifPresent(b::dateOfExpiry);
            }
            if (face != null) {
                b.portrait(face.bytes(), face.format().mediaType());
            }
            return b.build();
        }

        /** @return status and masked data only */
        @Override
        public String toString() {
            return "ChipVerified[" + mrz + ", " + dataGroups + ", AA " + activeAuthentication + ", CA "
                    + chipAuthentication + "]";
        }
    }

    /**
     * Verification refused the files.
     *
     * @param reason why
     * @param detail technical explanation in English, without personal data
     * @param dataGroups the data groups' status as far as verification got
     */
    record ChipRejected(Reason reason, String detail, SortedMap<Integer, DataGroupStatus> dataGroups)
            implements ChipVerification, Outcome.Failure<ChipVerified, Reason> {
        /**
         * @param reason not null
         * @param detail not null
         * @param dataGroups not null
         */
        public ChipRejected {
            Refusal.requireReasonAndDetail(reason, detail);
            dataGroups = Collections.unmodifiableSortedMap(new TreeMap<>(dataGroups));
        }
    }

    /** Why the chip's files were refused, with messages in Vietnamese and English. */
    enum Reason implements HasBilingualText {
        /** A file is not what ICAO 9303 (or DG13 of the Vietnamese card) describes, or a required file is missing. */
        MALFORMED("Dữ liệu đọc từ chip không đúng định dạng.", "The data read from the chip is malformed."),
        /** The SOD's CMS signature does not verify. */
        SOD_SIGNATURE_INVALID("Chữ ký số của dữ liệu chip không hợp lệ.",
                "The signature over the chip data is invalid."),
        /** The document signer does not chain to a trusted CSCA. */
        SIGNER_NOT_TRUSTED("Chứng thư ký dữ liệu chip không thuộc cơ quan cấp thẻ được tin cậy.",
                "The chip data was not signed by a trusted issuing authority."),
        /** The document signer or its CSCA is not valid at the verification time. */
        CERTIFICATE_EXPIRED("Chứng thư ký dữ liệu chip đã hết hạn hoặc chưa có hiệu lực.",
                "The certificate that signed the chip data is expired or not yet valid."),
        /** A data group's hash differs from the signed one. */
        DATA_GROUP_HASH_MISMATCH("Dữ liệu chip đã bị thay đổi sau khi ký.",
                "The chip data was altered after it was signed."),
        /** A data group used for the result is not covered by the SOD. */
        DATA_GROUP_NOT_COVERED("Dữ liệu chip không được cơ quan cấp thẻ ký xác nhận.",
                "Part of the chip data is not covered by the issuer's signature."),
        /** The MRZ of DG1 disagrees with DG13, or with the MRZ the reader used to open the chip. */
        MRZ_MISMATCH("Vùng đọc máy (MRZ) không khớp với dữ liệu trong chip.",
                "The machine-readable zone does not match the chip data."),
        /** Active authentication failed: the chip may be a clone. */
        ACTIVE_AUTHENTICATION_FAILED("Không xác thực được chip (có thể là chip sao chép).",
                "The chip failed active authentication (it may be a clone)."),
        /** Chip authentication (DG14) failed or was required and missing: the chip may be a clone. */
        CHIP_AUTHENTICATION_FAILED("Không xác thực được khóa chip (DG14) (có thể là chip sao chép).",
                "The chip failed chip authentication with its DG14 key (it may be a clone).");

        private final Bilingual text;

        Reason(String vietnamese, String english) { text = new Bilingual(vietnamese, english); }

        @Override
        public Bilingual text() {
            return text;
        }
    }
}
