package io.github.eidvn.chip;

import static io.github.eidvn.core.internal.Once.once;

import io.github.eidvn.chip.internal.Bc;
import io.github.eidvn.chip.internal.Tlv;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;

/**
 * Verifies the files read from a chip (ICAO Doc 9303 Part 11 §5 and Part 12): passive authentication of EF.SOD and
 * the data groups, then DG1, DG2 and DG13, then active authentication with DG15.
 *
 * <p><b>Order</b> (the first failure rejects, with a {@link ChipVerification.Reason}):
 * <ol>
 *   <li>EF.SOD is a {@code 77}-tagged CMS SignedData of an LDS security object, each uploaded data group has its
 *       outer tag, DG1 is present ({@code MALFORMED});</li>
 *   <li>the CMS signature verifies with the document signer certificate in the SOD ({@code SOD_SIGNATURE_INVALID});</li>
 *   <li>the document signer is a trusted certificate itself or is issued and signed by one
 *       ({@code SIGNER_NOT_TRUSTED});</li>
 *   <li>the document signer and that CSCA are valid at the verification time ({@code CERTIFICATE_EXPIRED});</li>
 *   <li>every uploaded data group listed in the SOD has the signed hash ({@code DATA_GROUP_HASH_MISMATCH}); DG1, DG2,
 *       DG13 and DG15, which the result uses, must be listed ({@code DATA_GROUP_NOT_COVERED}); other uploaded groups
 *       the SOD does not list are reported {@link ChipVerification.DataGroupStatus#NOT_COVERED} and not used;</li>
 *   <li>DG1 holds a valid MRZ, DG2 a JPEG or JPEG 2000 portrait, DG13 (on documents issued by {@code VNM}; other
 *       states' DG13 is hash-checked but not read) the Vietnamese holder data ({@code MALFORMED});</li>
 *   <li>the MRZ agrees with DG13 (personal number, birth date, sex, expiry date) and with the MRZ the reader used
 *       when one is given ({@code MRZ_MISMATCH});</li>
 *   <li>when a challenge and response are given, the response verifies with the DG15 key (RSA with ISO/IEC 9796-2
 *       scheme 1, or plain ECDSA), and when {@link Builder#requireActiveAuthentication()} is set, a chip with DG15 must
 *       have answered ({@code ACTIVE_AUTHENTICATION_FAILED});</li>
 *   <li>when a chip authentication response is given, DG14 is uploaded and covered by the SOD, holds the key of the
 *       {@link ChipAuthenticationChallenge}, and the chip's response to its protected command carries a MAC made with
 *       the session keys only the chip and the server can derive; when {@link Builder#requireChipAuthentication()} is
 *       set, a chip authentication must have been given and verified ({@code CHIP_AUTHENTICATION_FAILED}).</li>
 * </ol>
 *
 * <p><b>Security.</b> Fails closed; every input is size-capped ({@link ChipFiles}). Chip authentication (DG14) is
 * checked only in the form a server can verify: relayed with a terminal key the server made
 * ({@link ChipAuthenticationChallenge}); a transcript the phone recorded with its own terminal key proves nothing,
 * since the phone could compute the chip's answers itself. A verified
 * chip proves the data, not the presence of its holder (see {@link ChipVerification.ChipVerified}). Immutable and
 * thread-safe.
 */
public final class ChipVerifier {

    /** Largest active authentication challenge or response accepted. */
    public static final int MAX_CHALLENGE_RESPONSE_BYTES = 1024;

    private static final int[] USED_GROUPS = {1, 2, 13, 15};

    private final TrustList trustList;
    private final Clock clock;
    private final boolean requireActiveAuthentication;
    private final boolean requireChipAuthentication;

    private ChipVerifier(Builder b) {
        if (b.trustList == null) {
            throw new IllegalStateException("trustList is required");
        }
        this.trustList = b.trustList;
        this.clock = b.clock == null ? Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")) : b.clock;
        this.requireActiveAuthentication = b.requireActiveAuthentication;
        this.requireChipAuthentication = b.requireChipAuthentication;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies the files without active authentication data.
     *
     * @param files the files read from the chip
     * @return {@link ChipVerification.ChipVerified} or {@link ChipVerification.ChipRejected}
     */
    public ChipVerification verify(ChipFiles files) {
        return verify(files, Optional.empty(), Optional.empty());
    }

    /**
     * Verifies the files, with the MRZ the reader used to open the chip and/or the chip's answer to an active
     * authentication challenge.
     *
     * @param files the files read from the chip
     * @param readerMrz the MRZ printed on the card and used for BAC, compared with DG1 when present
     * @param activeAuthentication the challenge the terminal sent (8 bytes) and the chip's signature, when performed
     * @return {@link ChipVerification.ChipVerified} or {@link ChipVerification.ChipRejected}
     */
    public ChipVerification verify(ChipFiles files, Optional<Mrz> readerMrz,
            Optional<ActiveAuthenticationResponse> activeAuthentication) {
        return verify(files, readerMrz, activeAuthentication, Optional.empty());
    }

    /**
     * Verifies the files, with the MRZ the reader used, the chip's active authentication answer and/or its chip
     * authentication answer.
     *
     * @param files the files read from the chip
     * @param readerMrz the MRZ printed on the card and used for BAC, compared with DG1 when present
     * @param activeAuthentication the challenge the terminal sent (8 bytes) and the chip's signature, when performed
     * @param chipAuthentication the server's chip authentication challenge and the chip's response, when performed
     *     (the challenge is spent by this call)
     * @return {@link ChipVerification.ChipVerified} or {@link ChipVerification.ChipRejected}
     */
    public ChipVerification verify(ChipFiles files, Optional<Mrz> readerMrz,
            Optional<ActiveAuthenticationResponse> activeAuthentication,
            Optional<ChipAuthenticationResponse> chipAuthentication) {
        Objects.requireNonNull(chipAuthentication, "chipAuthentication");
        Objects.requireNonNull(files, "files");
        // spend the challenge at once, so that a refused upload cannot be retried with the same terminal key
        Optional<Boolean> chipAuthenticationMac = chipAuthentication
                .map(c -> c.challenge().verifyResponse(c.response()));
        Objects.requireNonNull(readerMrz, "readerMrz");
        Objects.requireNonNull(activeAuthentication, "activeAuthentication");
        Instant now = clock.instant();
        Map<Integer, ChipVerification.DataGroupStatus> status = new TreeMap<>();
        files.dataGroupNumbers().forEach(n -> status.put(n, ChipVerification.DataGroupStatus.NOT_CHECKED));

        // 1. shape
        for (int n : files.dataGroupNumbers()) {
            try {
                Lds.outer(files.dataGroup(n).orElseThrow(), n);
            } catch (Tlv.MalformedException e) {
                return reject(ChipVerification.Reason.MALFORMED, e.getMessage(), status);
            }
        }
        if (files.dataGroup(1).isEmpty()) {
            return reject(ChipVerification.Reason.MALFORMED, "DG1 (the MRZ) is required", status);
        }
        CMSSignedData cms;
        LDSSecurityObject lds;
        SignerInformation signerInfo;
        try {
            Tlv sod = Tlv.parse(files.sod());
            if (sod.tag() != 0x77) {
                return reject(ChipVerification.Reason.MALFORMED, "EF.SOD does not start with tag 77", status);
            }
            cms = new CMSSignedData(sod.value());
            if (!ICAOObjectIdentifiers.id_icao_ldsSecurityObject.getId().equals(cms.getSignedContentTypeOID())
                    || cms.getSignedContent() == null) {
                return reject(ChipVerification.Reason.MALFORMED, "EF.SOD does not sign an LDS security object", status);
            }
            lds = LDSSecurityObject.getInstance(cms.getSignedContent().getContent());
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return reject(ChipVerification.Reason.MALFORMED, "EF.SOD has " + signers.size() + " signers, not 1",
                        status);
            }
            signerInfo = signers.iterator().next();
        } catch (Tlv.MalformedException | org.bouncycastle.cms.CMSException | RuntimeException e) {
            return reject(ChipVerification.Reason.MALFORMED, "EF.SOD is not a CMS SignedData: " + e.getMessage(),
                    status);
        }
        Map<Integer, byte[]> signedHashes = new TreeMap<>();
        for (DataGroupHash h : lds.getDatagroupHash()) {
            int n = h.getDataGroupNumber();
            if (n < 1 || n > 16 || signedHashes.put(n, h.getDataGroupHashValue().getOctets()) != null) {
                return reject(ChipVerification.Reason.MALFORMED, "EF.SOD lists data group " + n
                        + " out of range or twice", status);
            }
        }
        Optional<String> digestName = digestName(lds.getDigestAlgorithmIdentifier().getAlgorithm());
        if (digestName.isEmpty()) {
            return reject(ChipVerification.Reason.MALFORMED, "EF.SOD uses an unknown hash algorithm "
                    + lds.getDigestAlgorithmIdentifier().getAlgorithm(), status);
        }

        // 2. signature
        X509Certificate documentSigner;
        try {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates()
                    .getMatches((Selector<X509CertificateHolder>) (Selector<?>) signerInfo.getSID());
            if (matches.size() != 1) {
                return reject(ChipVerification.Reason.SIGNER_NOT_TRUSTED,
                        "EF.SOD does not carry its document signer certificate", status);
            }
            documentSigner = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER)
                    .getCertificate(matches.iterator().next());
        } catch (CertificateException | RuntimeException e) {
            return reject(ChipVerification.Reason.MALFORMED, "the document signer certificate is malformed", status);
        }
        boolean signatureValid;
        try {
            signatureValid = signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER)
                    .build(documentSigner));
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.cms.CMSException
                | RuntimeException e) {
            signatureValid = false;
        }
        if (!signatureValid) {
            return reject(ChipVerification.Reason.SOD_SIGNATURE_INVALID,
                    "the CMS signature of EF.SOD does not verify with its document signer", status);
        }

        // 3. trust
        Optional<X509Certificate> anchor = trustList.certificates().stream().filter(documentSigner::equals).findFirst()
                .or(() -> Chains.issuerOf(documentSigner, trustList.certificates()));
        if (anchor.isEmpty()) {
            return reject(ChipVerification.Reason.SIGNER_NOT_TRUSTED, "the document signer ("
                    + documentSigner.getIssuerX500Principal().getName() + ") is not issued by a trusted CSCA", status);
        }

        // 4. validity
        for (X509Certificate c : new X509Certificate[] {documentSigner, anchor.get()}) {
            try {
                c.checkValidity(Date.from(now));
            } catch (CertificateException e) {
                return reject(ChipVerification.Reason.CERTIFICATE_EXPIRED, (c == documentSigner ? "the document signer"
                        : "the CSCA") + " is valid from " + c.getNotBefore().toInstant() + " to "
                        + c.getNotAfter().toInstant() + ", not at " + now, status);
            }
        }

        // 5. hashes
        signedHashes.keySet().forEach(n -> status.putIfAbsent(n, ChipVerification.DataGroupStatus.NOT_READ));
        for (int n : files.dataGroupNumbers()) {
            byte[] signed = signedHashes.get(n);
            if (signed == null) {
                status.put(n, ChipVerification.DataGroupStatus.NOT_COVERED);
                continue;
            }
            byte[] actual = digest(digestName.get(), files.dataGroup(n).orElseThrow());
            status.put(n, MessageDigest.isEqual(actual, signed) ? ChipVerification.DataGroupStatus.VALID
                    : ChipVerification.DataGroupStatus.HASH_MISMATCH);
        }
        for (int n : files.dataGroupNumbers()) {
            if (status.get(n) == ChipVerification.DataGroupStatus.HASH_MISMATCH) {
                return reject(ChipVerification.Reason.DATA_GROUP_HASH_MISMATCH, "DG" + n
                        + " differs from the hash the document signer signed", status);
            }
        }
        for (int n : USED_GROUPS) {
            if (status.get(n) == ChipVerification.DataGroupStatus.NOT_COVERED) {
                return reject(ChipVerification.Reason.DATA_GROUP_NOT_COVERED, "DG" + n
                        + " was uploaded but EF.SOD does not cover it", status);
            }
        }

        // 6. content
        Mrz mrz;
        CitizenData citizen = null;
        FaceImage face = null;
        try {
            MrzResult parsed = Lds.dg1(files.dataGroup(1).orElseThrow());
            if (!(parsed instanceof MrzResult.Valid valid)) {
                MrzResult.Invalid invalid = (MrzResult.Invalid) parsed;
                return reject(ChipVerification.Reason.MALFORMED, "DG1 MRZ refused: " + invalid.reason() + " ("
                        + invalid.detail() + ")", status);
            }
            mrz = valid.mrz();
            // DG13 is defined by each issuing state: read as the Vietnamese layout only on Vietnamese documents
            if (files.dataGroup(13).isPresent() && "VNM".equals(mrz.issuingState())) {
                citizen = Lds.dg13(files.dataGroup(13).orElseThrow(), clock);
            }
            if (files.dataGroup(2).isPresent()) {
                face = Lds.dg2(files.dataGroup(2).orElseThrow());
            }
        } catch (Tlv.MalformedException e) {
            return reject(ChipVerification.Reason.MALFORMED, e.getMessage(), status);
        }

        // 7. MRZ against DG13 and the reader's MRZ
        if (citizen != null) {
            String mismatch = mrzMismatch(mrz, citizen);
            if (mismatch != null) {
                return reject(ChipVerification.Reason.MRZ_MISMATCH, "DG1 and DG13 differ in " + mismatch, status);
            }
        }
        if (readerMrz.isPresent() && !Arrays.equals(readerMrz.get().lines(), mrz.lines())) {
            return reject(ChipVerification.Reason.MRZ_MISMATCH, "DG1 differs from the MRZ the reader used", status);
        }

        // 8. active authentication
        ChipVerification.ActiveAuthenticationStatus aa;
        Optional<byte[]> dg15 = files.dataGroup(15);
        if (activeAuthentication.isPresent()) {
            if (dg15.isEmpty()) {
                return reject(ChipVerification.Reason.ACTIVE_AUTHENTICATION_FAILED,
                        "an active authentication response was given but DG15 was not uploaded", status);
            }
            if (!ActiveAuthenticationCheck.verifies(dg15.get(), activeAuthentication.get().challenge(),
                    activeAuthentication.get().response())) {
                return reject(ChipVerification.Reason.ACTIVE_AUTHENTICATION_FAILED,
                        "the chip's response does not verify with the DG15 key", status);
            }
            aa = ChipVerification.ActiveAuthenticationStatus.VERIFIED;
        } else if (dg15.isPresent()) {
            if (requireActiveAuthentication) {
                return reject(ChipVerification.Reason.ACTIVE_AUTHENTICATION_FAILED,
                        "the chip has an active authentication key but no response was given", status);
            }
            aa = ChipVerification.ActiveAuthenticationStatus.NOT_PERFORMED;
        } else {
            if (requireActiveAuthentication) {
                return reject(ChipVerification.Reason.ACTIVE_AUTHENTICATION_FAILED,
                        "active authentication is required but DG15 was not uploaded", status);
            }
            aa = ChipVerification.ActiveAuthenticationStatus.NOT_SUPPORTED;
        }
        // 9. chip authentication
        ChipVerification.ChipAuthenticationStatus ca;
        Optional<byte[]> dg14 = files.dataGroup(14);
        if (chipAuthentication.isPresent()) {
            String failure = chipAuthenticationFailure(dg14, status.get(14), chipAuthentication.get().challenge(),
                    chipAuthenticationMac.orElseThrow());
            if (failure != null) {
                return reject(ChipVerification.Reason.CHIP_AUTHENTICATION_FAILED, failure, status);
            }
            ca = ChipVerification.ChipAuthenticationStatus.VERIFIED;
        } else if (requireChipAuthentication) {
            return reject(ChipVerification.Reason.CHIP_AUTHENTICATION_FAILED, dg14.isPresent()
                    ? "chip authentication is required but no response was given"
                    : "chip authentication is required but DG14 was not uploaded", status);
        } else {
            ca = dg14.isPresent() ? ChipVerification.ChipAuthenticationStatus.NOT_PERFORMED
                    : ChipVerification.ChipAuthenticationStatus.NOT_SUPPORTED;
        }
        ChipVerification.Signer signer = new ChipVerification.Signer(
                documentSigner.getSubjectX500Principal().getName(), documentSigner.getIssuerX500Principal().getName(),
                documentSigner.getSerialNumber(), documentSigner.getNotBefore().toInstant(),
                documentSigner.getNotAfter().toInstant(), anchor.get());
        return new ChipVerification.ChipVerified(mrz, citizen, face, status, signer, aa, ca, now);
    }

    /** @return why the chip authentication fails, or null when it verifies */
    private static String chipAuthenticationFailure(Optional<byte[]> dg14, ChipVerification.DataGroupStatus dg14Status,
            ChipAuthenticationChallenge challenge, boolean macVerifies) {
        if (dg14.isEmpty()) {
            return "a chip authentication response was given but DG14 was not uploaded";
        }
        if (dg14Status != ChipVerification.DataGroupStatus.VALID) {
            return "DG14 is not covered by the SOD, so its key is not the issuer's";
        }
        java.util.List<ChipAuthenticationKey> keys;
        try {
            keys = ChipAuthenticationKey.fromDg14(dg14.get());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (!keys.contains(challenge.key())) {
            return "the challenge was made for a key that is not in this chip's DG14";
        }
        if (!macVerifies) {
            return "the chip's response does not carry a MAC made with the chip authentication session keys"
                    + " (or the challenge was already used)";
        }
        return null;
    }

    private static String mrzMismatch(Mrz mrz, CitizenData citizen) {
        if (!mrz.isOf(citizen.personalNumber())) {
            return "personal number";
        }
        if (!mrz.birthDateText().equals(yymmdd(citizen.birthDate()))) {
            return "birth date";
        }
        if (mrz.sex().isPresent() && mrz.sex().get() != citizen.sex()) {
            return "sex";
        }
        if (citizen.expiryDate().isPresent() && !mrz.expiryDateText().equals(yymmdd(citizen.expiryDate().get()))) {
            return "expiry date";
        }
        return null;
    }

    private static String yymmdd(java.time.LocalDate d) {
        return String.format(java.util.Locale.ROOT, "%02d%02d%02d", d.getYear() % 100, d.getMonthValue(),
                d.getDayOfMonth());
    }

    private static Optional<String> digestName(ASN1ObjectIdentifier oid) {
        return Optional.ofNullable(Map.of(
                "1.3.14.3.2.26", "SHA-1",
                "2.16.840.1.101.3.4.2.4", "SHA-224",
                "2.16.840.1.101.3.4.2.1", "SHA-256",
                "2.16.840.1.101.3.4.2.2", "SHA-384",
                "2.16.840.1.101.3.4.2.3", "SHA-512").get(oid.getId()));
    }

    private static byte[] digest(String name, byte[] data) {
        try {
            return MessageDigest.getInstance(name).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " is required by every Java platform", e);
        }
    }

    private static ChipVerification.ChipRejected reject(ChipVerification.Reason reason, String detail,
            Map<Integer, ChipVerification.DataGroupStatus> status) {
        return new ChipVerification.ChipRejected(reason, detail, new TreeMap<>(status));
    }

    /**
     * A challenge the terminal sent with INTERNAL AUTHENTICATE and the chip's signature over it.
     *
     * @param challenge the challenge, 1 to {@value ChipVerifier#MAX_CHALLENGE_RESPONSE_BYTES} bytes (8 by Doc 9303)
     * @param response the chip's answer, 1 to {@value ChipVerifier#MAX_CHALLENGE_RESPONSE_BYTES} bytes
     */
    public record ActiveAuthenticationResponse(byte[] challenge, byte[] response) {
        /**
         * @param challenge copied
         * @param response copied
         * @throws IllegalArgumentException if either is empty or too long
         */
        public ActiveAuthenticationResponse {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(response, "response");
            if (challenge.length == 0 || challenge.length > MAX_CHALLENGE_RESPONSE_BYTES || response.length == 0
                    || response.length > MAX_CHALLENGE_RESPONSE_BYTES) {
                throw new IllegalArgumentException("challenge and response must have 1 to "
                        + MAX_CHALLENGE_RESPONSE_BYTES + " bytes");
            }
            challenge = challenge.clone();
            response = response.clone();
        }

        @Override
        public byte[] challenge() {
            return challenge.clone();
        }

        @Override
        public byte[] response() {
            return response.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ActiveAuthenticationResponse a && Arrays.equals(challenge, a.challenge)
                    && Arrays.equals(response, a.response);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(challenge) + Arrays.hashCode(response);
        }

        @Override
        public String toString() {
            return "ActiveAuthenticationResponse[" + challenge.length + " + " + response.length + " bytes]";
        }
    }

    /**
     * A chip authentication the server started and the chip's answer, relayed by the reader.
     *
     * @param challenge the challenge the server made for this chip ({@link ChipAuthenticationChallenge#start})
     * @param response the chip's response APDU to {@link ChipAuthenticationChallenge#protectedCommand()}, 4 to
     *     {@value ChipAuthenticationChallenge#MAX_RESPONSE_BYTES} bytes
     */
    public record ChipAuthenticationResponse(ChipAuthenticationChallenge challenge, byte[] response) {
        /**
         * @param challenge not null
         * @param response copied
         * @throws IllegalArgumentException if the response is shorter than 4 or longer than
         *     {@value ChipAuthenticationChallenge#MAX_RESPONSE_BYTES} bytes
         */
        public ChipAuthenticationResponse {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(response, "response");
            if (response.length < 4 || response.length > ChipAuthenticationChallenge.MAX_RESPONSE_BYTES) {
                throw new IllegalArgumentException("a chip authentication response has 4 to "
                        + ChipAuthenticationChallenge.MAX_RESPONSE_BYTES + " bytes");
            }
            response = response.clone();
        }

        @Override
        public byte[] response() {
            return response.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ChipAuthenticationResponse c && challenge == c.challenge
                    && Arrays.equals(response, c.response);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(challenge) + Arrays.hashCode(response);
        }

        @Override
        public String toString() {
            return "ChipAuthenticationResponse[" + challenge + ", " + response.length + " bytes]";
        }
    }

    /** Builder; each option set once ({@link IllegalStateException} on a second call). */
    public static final class Builder {
        private TrustList trustList;
        private Clock clock;
        private boolean requireActiveAuthentication;
        private boolean requireChipAuthentication;

        private Builder() {
        }

        /**
         * @param trustList the trusted CSCAs (required)
         * @return this builder
         */
        public Builder trustList(TrustList trustList) {
            this.trustList = once(this.trustList, trustList, "trustList");
            return this;
        }

        /**
         * @param clock the time at which certificates must be valid (default: the system clock)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = once(this.clock, clock, "clock");
            return this;
        }

        /**
         * Refuse a chip unless active authentication was performed and verified (chips without DG15 are then refused
         * too). Off by default, since a phone upload may not carry the challenge.
         *
         * @return this builder
         */
        public Builder requireActiveAuthentication() {
            once(requireActiveAuthentication, "requireActiveAuthentication");
            this.requireActiveAuthentication = true;
            return this;
        }

        /**
         * Refuse a chip unless a chip authentication (DG14) was relayed and verified (chips without DG14 are then
         * refused too). Off by default, since it needs a phone app that relays the server's challenge.
         *
         * @return this builder
         */
        public Builder requireChipAuthentication() {
            once(requireChipAuthentication, "requireChipAuthentication");
            this.requireChipAuthentication = true;
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException if no trust list was set
         */
        public ChipVerifier build() {
            return new ChipVerifier(this);
        }
    }
}
