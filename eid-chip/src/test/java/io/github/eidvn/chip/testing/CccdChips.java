package io.github.eidvn.chip.testing;

import io.github.eidvn.chip.ChipFiles;
import io.github.eidvn.chip.Mrz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Synthetic chips in the layout of the Vietnamese citizen ID card (own CSCA and document signer, DG1 + DG2 + DG13 +
 * DG15 + SOD), built with Bouncy Castle for the verifier's and the CLI's tests. The data is made up.
 */
public final class CccdChips {

    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    public static final String NUMBER = "001090000001";
    public static final String MRZ;
    public static final Instant NOW = Instant.parse("2026-06-01T03:00:00Z");
    public static final Instant CSCA_FROM = Instant.parse("2020-01-01T00:00:00Z");
    public static final Instant CSCA_TO = Instant.parse("2040-01-01T00:00:00Z");
    public static final Instant DS_FROM = Instant.parse("2021-01-01T00:00:00Z");
    public static final Instant DS_TO = Instant.parse("2031-01-01T00:00:00Z");

    /** A JPEG start and end around a few bytes: enough for format detection. */
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1,
        1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};

    static {
        String line1 = "IDVNM" + NUMBER.substring(3) + Mrz.checkDigit(NUMBER.substring(3)) + NUMBER + "<<"
                + Mrz.checkDigit(NUMBER);
        String line2 = "900101" + Mrz.checkDigit("900101") + "M" + "300101" + Mrz.checkDigit("300101") + "VNM"
                + "<".repeat(11);
        line2 += Mrz.checkDigit(line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15)
                + line2.substring(18, 29));
        MRZ = line1 + "\n" + line2 + "\n" + "NGUYEN<<VAN<AN" + "<".repeat(16);
    }

    /** A CSCA and a document signer it issued. */
    public record Pki(X509Certificate csca, KeyPair cscaKeys, X509Certificate documentSigner, KeyPair dsKeys) {
    }

    private static Pki standard;

    private CccdChips() {
    }

    public static synchronized Pki pki() {
        if (standard == null) {
            standard = newPki("CSCA Test Vietnam", DS_FROM, DS_TO);
        }
        return standard;
    }

    public static KeyPair ecKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Pki newPki(String cscaName, Instant dsFrom, Instant dsTo) {
        try {
            KeyPair cscaKeys = ecKeys();
            X500Name csca = new X500Name("C=VN,O=Test,CN=" + cscaName);
            X509Certificate cscaCert = certificate(csca, csca, cscaKeys, cscaKeys.getPrivate(), CSCA_FROM, CSCA_TO,
                    true);
            KeyPair dsKeys = ecKeys();
            X509Certificate ds = certificate(csca, new X500Name("C=VN,O=Test,CN=Document Signer"), dsKeys,
                    cscaKeys.getPrivate(), dsFrom, dsTo, false);
            return new Pki(cscaCert, cscaKeys, ds, dsKeys);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair subjectKeys,
            PrivateKey issuerKey, Instant from, Instant to, boolean ca) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(System.nanoTime()), Date.from(from), Date.from(to), subject,
                subjectKeys.getPublic());
        if (ca) {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    public static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            value.writeBytes(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (tag > 0xFF) {
            out.write(tag >>> 8);
        }
        out.write(tag & 0xFF);
        int n = value.size();
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >>> 8);
            out.write(n & 0xFF);
        }
        out.writeBytes(value.toByteArray());
        return out.toByteArray();
    }

    public static byte[] dg1(String mrz) {
        return tlv(0x61, tlv(0x5F1F, mrz.replace("\n", "").getBytes(StandardCharsets.US_ASCII)));
    }

    public static byte[] dg2(byte[] image) {
        ByteArrayOutputStream facial = new ByteArrayOutputStream();
        int blockLength = 20 + 12 + image.length;
        facial.writeBytes(new byte[] {'F', 'A', 'C', 0, '0', '1', '0', 0});
        facial.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(14 + blockLength).array());
        facial.writeBytes(new byte[] {0, 1});
        facial.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(blockLength).array());
        facial.writeBytes(new byte[16]); // no feature points, gender .. pose uncertainty
        facial.writeBytes(new byte[] {1, 0, 0, 100, 0, 120, 1, 2, 0, 0, 0, 0}); // JPEG, 100 x 120
        facial.writeBytes(image);
        byte[] header = tlv(0xA1, new byte[] {(byte) 0x81, 1, 2, (byte) 0x87, 2, 1, 1, (byte) 0x88, 2, 0, 8});
        return tlv(0x75, tlv(0x7F61, new byte[] {2, 1, 1}, tlv(0x7F60, header, tlv(0x5F2E, facial.toByteArray()))));
    }

    public static Map<Integer, String> citizenFields() {
        Map<Integer, String> f = new LinkedHashMap<>();
        f.put(1, NUMBER);
        f.put(2, "Nguyễn Văn An");
        f.put(3, "01/01/1990");
        f.put(4, "Nam");
        f.put(5, "Việt Nam");
        f.put(6, "Kinh");
        f.put(7, "Không");
        f.put(8, "Hoàn Kiếm, Hà Nội");
        f.put(9, "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội");
        f.put(10, "Nốt ruồi C:1cm trên sau mép trái");
        f.put(11, "01/01/2021");
        f.put(12, "01/01/2030");
        f.put(15, "012345678");
        return f;
    }

    public static byte[] dg13(Map<Integer, String> fields) {
        ASN1EncodableVector entries = new ASN1EncodableVector();
        fields.forEach((n, v) -> entries.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1Integer(n), new DERUTF8String(v)})));
        entries.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(13),
            new DERSequence(new DERUTF8String("Nguyễn Văn Bình")), new DERSequence(new DERUTF8String("Trần Thị Cúc"))}));
        try {
            byte[] seq = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(1),
                new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.704.1.1.8"), new DERSet(entries)}).getEncoded();
            return tlv(0x6D, seq);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] dg15(java.security.PublicKey key) {
        return tlv(0x6F, key.getEncoded());
    }

    public static Map<Integer, byte[]> groups(KeyPair activeAuthenticationKey) {
        Map<Integer, byte[]> g = new TreeMap<>();
        g.put(1, dg1(MRZ));
        g.put(2, dg2(JPEG));
        g.put(13, dg13(citizenFields()));
        if (activeAuthenticationKey != null) {
            g.put(15, dg15(activeAuthenticationKey.getPublic()));
        }
        return g;
    }

    /** EF.SOD over the given groups, signed by the PKI's document signer with SHA-256 and ECDSA. */
    public static byte[] sod(Pki pki, Map<Integer, byte[]> signed) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            DataGroupHash[] hashes = signed.entrySet().stream()
                    .map(e -> new DataGroupHash(e.getKey(), new DEROctetString(sha256.digest(e.getValue()))))
                    .toArray(DataGroupHash[]::new);
            LDSSecurityObject lds = new LDSSecurityObject(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    hashes);
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pki.dsKeys().getPrivate()),
                            pki.documentSigner()));
            gen.addCertificate(new JcaX509CertificateHolder(pki.documentSigner()));
            byte[] cms = gen.generate(new CMSProcessableByteArray(ICAOObjectIdentifiers.id_icao_ldsSecurityObject,
                    lds.getEncoded()), true).getEncoded("DER");
            return tlv(0x77, cms);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ChipFiles files(Map<Integer, byte[]> groups, byte[] sod) {
        ChipFiles.Builder b = ChipFiles.builder().sod(sod);
        groups.forEach(b::dataGroup);
        return b.build();
    }

    /** A genuine chip: every group signed by the standard PKI. */
    public static ChipFiles genuine() {
        Map<Integer, byte[]> g = groups(null);
        return files(g, sod(pki(), g));
    }
}
