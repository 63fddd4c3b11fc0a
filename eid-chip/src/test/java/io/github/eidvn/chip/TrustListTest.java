package io.github.eidvn.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eidvn.chip.internal.Bc;
import io.github.eidvn.testing.Vectors;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;

/** The ICAO master list of vectors/icao9303-chip: its CMS signature checked before its CSCAs are trusted. */
class TrustListTest {

    private static final Instant AUGUST_2025 = Instant.parse("2025-09-01T00:00:00Z");

    private static byte[] masterList() throws Exception {
        return Files.readAllBytes(Vectors.path("icao9303-chip", "icao-masterlist-2025-08.ml"));
    }

    /** The "United Nations CSCA" that issued the ICAO Master List Signer, as carried in the list's CMS certificates. */
    private static X509Certificate unitedNationsCsca(byte[] ml) throws Exception {
        CMSSignedData cms = new CMSSignedData(ml);
        for (Object o : cms.getCertificates().getMatches(null)) {
            X509CertificateHolder h = (X509CertificateHolder) o;
            if (h.getSubject().toString().contains("CN=United Nations CSCA")) {
                return new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(h);
            }
        }
        throw new AssertionError("no United Nations CSCA in the master list's certificates");
    }

    private static X509Certificate vietnam() throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509", Bc.PROVIDER).generateCertificate(new ByteArrayInputStream(
                Files.readAllBytes(Vectors.path("icao9303-chip", "csca-vn-epassport-2022.der"))));
    }

    @Test
    void masterList_icaoListSignedByUnCsca_all520CscasIncludingVietnam() throws Exception {
        byte[] ml = masterList();
        TrustList list = TrustList.builder().masterList(ml, List.of(unitedNationsCsca(ml)), AUGUST_2025).build();
        assertThat(list.certificates()).hasSizeBetween(500, 520);
        assertThat(list.certificates()).contains(vietnam());
    }

    @Test
    void masterList_oneByteChangedInTheSignedContent_refused() throws Exception {
        byte[] ml = masterList();
        X509Certificate un = unitedNationsCsca(ml);
        byte[] vn = vietnam().getEncoded();
        int at = ChipVerifierTest.indexOf(ml, vn);
        ml[at + vn.length - 5] ^= 1;
        assertThatThrownBy(() -> TrustList.builder().masterList(ml, List.of(un), AUGUST_2025))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signature");
    }

    @Test
    void masterList_signerNotIssuedByTheNamedIssuer_refused() throws Exception {
        byte[] ml = masterList();
        assertThatThrownBy(() -> TrustList.builder().masterList(ml, List.of(vietnam()), AUGUST_2025))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not issued by a trusted issuer");
    }

    @Test
    void certificates_derAndPem_added() throws Exception {
        byte[] der = Files.readAllBytes(Vectors.path("icao9303-chip", "csca-vn-epassport-2022.der"));
        String pem = "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
        assertThat(TrustList.builder().certificates(der).certificates(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .build().certificates()).containsExactly(vietnam());
        assertThatThrownBy(() -> TrustList.builder().certificates(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
