package io.github.eidvn.chip;

import io.github.eidvn.chip.internal.Bc;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * The country signing CA certificates (CSCA) that document signers must chain to, built from PEM or DER certificates
 * and from ICAO master lists.
 *
 * <p>A master list (CMS SignedData of a {@code CscaMasterList}, ICAO Doc 9303 Part 12 §9) is accepted only when its
 * CMS signature verifies with the master list signer certificate it carries, and that certificate is issued (and
 * signed) by one of the anchors the caller names, valid at the given time. Otherwise the whole list is refused.
 *
 * <p><b>Security.</b> Every certificate added is trusted to sign documents of any country: add only CSCAs obtained
 * through a channel you trust (ICAO PKD, the issuing state's publication). Immutable and thread-safe once built.
 */
public final class TrustList {

    /** Largest certificate file or master list accepted (the ICAO master list is about 0.8 MB). */
    public static final int MAX_INPUT_BYTES = 8 * 1024 * 1024;

    /** OID of the CSCA master list content type. */
    private static final ASN1ObjectIdentifier MASTER_LIST = ICAOObjectIdentifiers.id_icao_cscaMasterList;

    private final List<X509Certificate> anchors;

    private TrustList(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the trusted CSCA certificates, in the order added, without duplicates */
    public List<X509Certificate> certificates() {
        return anchors;
    }

    /** @return the number of certificates only */
    @Override
    public String toString() {
        return "TrustList[" + anchors.size() + " CSCA certificates]";
    }

    /** Builder. */
    public static final class Builder {
        private final Map<String, X509Certificate> anchors = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param certificate a CSCA certificate
         * @return this builder
         */
        public Builder certificate(X509Certificate certificate) {
            Objects.requireNonNull(certificate, "certificate");
            try {
                anchors.putIfAbsent(java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())),
                        certificate);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("certificate cannot be encoded", e);
            }
            return this;
        }

        /**
         * Adds every certificate of a PEM file (one or more {@code BEGIN CERTIFICATE} blocks) or a DER certificate.
         *
         * @param encoded the file's bytes
         * @return this builder
         * @throws IllegalArgumentException if the bytes hold no certificate or are larger than
         *     {@link #MAX_INPUT_BYTES}
         */
        public Builder certificates(byte[] encoded) {
            Objects.requireNonNull(encoded, "encoded");
            if (encoded.length > MAX_INPUT_BYTES) {
                throw new IllegalArgumentException("certificate file larger than " + MAX_INPUT_BYTES + " bytes");
            }
            Collection<? extends java.security.cert.Certificate> certs;
            try {
                certs = CertificateFactory.getInstance("X.509", Bc.PROVIDER).generateCertificates(new ByteArrayInputStream(encoded));
            } catch (CertificateException e) {
                throw new IllegalArgumentException("not a PEM or DER X.509 certificate: " + e.getMessage(), e);
            }
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate found");
            }
            certs.forEach(c -> certificate((X509Certificate) c));
            return this;
        }

        /**
         * Adds the CSCA certificates of an ICAO master list after checking its signature.
         *
         * @param masterList the {@code .ml} file (DER CMS SignedData)
         * @param signerIssuers the certificates trusted to issue master list signers (e.g. the United Nations CSCA for
         *     the ICAO master list, or a state's CSCA for its own list), at least one
         * @param now the time at which the signer certificate must be valid
         * @return this builder
         * @throws IllegalArgumentException if the list is larger than {@link #MAX_INPUT_BYTES}, malformed, not a CSCA
         *     master list, its signature does not verify, or its signer is not issued by one of {@code signerIssuers}
         *     or not valid at {@code now}; the message says which
         */
        public Builder masterList(byte[] masterList, Collection<X509Certificate> signerIssuers, Instant now) {
            Objects.requireNonNull(masterList, "masterList");
            Objects.requireNonNull(now, "now");
            if (Objects.requireNonNull(signerIssuers, "signerIssuers").isEmpty()) {
                throw new IllegalArgumentException("name at least one issuer of master list signers");
            }
            if (masterList.length > MAX_INPUT_BYTES) {
                throw new IllegalArgumentException("master list larger than " + MAX_INPUT_BYTES + " bytes");
            }
            for (X509Certificate csca : readMasterList(masterList, signerIssuers, now)) {
                certificate(csca);
            }
            return this;
        }

        /** @return the trust list (possibly empty, which trusts nobody) */
        public TrustList build() {
            return new TrustList(new ArrayList<>(anchors.values()));
        }
    }

    static List<X509Certificate> readMasterList(byte[] encoded, Collection<X509Certificate> signerIssuers,
            Instant now) {
        try {
            CMSSignedData cms = new CMSSignedData(encoded);
            if (!MASTER_LIST.equals(cms.getSignedContentTypeOID() == null ? null
                    : new ASN1ObjectIdentifier(cms.getSignedContentTypeOID()))) {
                throw new IllegalArgumentException("not a CSCA master list (content type "
                        + cms.getSignedContentTypeOID() + ")");
            }
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new IllegalArgumentException("a master list has one signer, not " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates()
                    .getMatches((Selector<X509CertificateHolder>) (Selector<?>) signer.getSID());
            if (matches.size() != 1) {
                throw new IllegalArgumentException("the master list does not carry its signer's certificate");
            }
            X509Certificate signerCert = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(matches.iterator().next());
            boolean verifies;
            try {
                verifies = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER)
                        .build(signerCert));
            } catch (CMSException e) {
                verifies = false;
            }
            if (!verifies) {
                throw new IllegalArgumentException("the master list's signature does not verify");
            }
            Date at = Date.from(now);
            try {
                signerCert.checkValidity(at);
            } catch (CertificateException e) {
                throw new IllegalArgumentException("the master list signer certificate is not valid at " + now, e);
            }
            if (Chains.issuerOf(signerCert, signerIssuers).isEmpty()) {
                throw new IllegalArgumentException("the master list signer (" + signerCert.getSubjectX500Principal()
                        + ") is not issued by a trusted issuer");
            }
            byte[] content = (byte[]) cms.getSignedContent().getContent();
            CscaMasterList list = CscaMasterList.getInstance(content);
            List<X509Certificate> out = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER);
            for (org.bouncycastle.asn1.x509.Certificate c : list.getCertStructs()) {
                out.add(converter.getCertificate(new X509CertificateHolder(c)));
            }
            return out;
        } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("malformed master list: " + e.getMessage(), e);
        }
    }
}
