package io.github.eidvn.chip;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eidvn.chip.ChipVerification.ChipVerified;
import io.github.eidvn.chip.ChipVerification.DataGroupStatus;
import io.github.eidvn.chip.internal.Bc;
import io.github.eidvn.chip.internal.Tlv;
import io.github.eidvn.chip.testing.CccdChips;
import io.github.eidvn.testing.ExternalTools;
import io.github.eidvn.testing.Vectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BSI 2008 specimen LDS ("MUSTERMANN ERIKA", vectors/icao9303-chip/bsi2008) and {@code openssl cms -verify} as an
 * outside oracle for SOD signatures.
 */
class BsiSpecimenTest {

    /** Inside the document signer's validity (2008-01-28 to 2009-01-27). */
    private static final Instant IN_2008 = Instant.parse("2008-06-01T00:00:00Z");

    private static byte[] file(String name) throws IOException {
        return Files.readAllBytes(Vectors.path("icao9303-chip", "bsi2008", name));
    }

    private static X509Certificate documentSigner(byte[] sod) throws Exception {
        CMSSignedData cms = new CMSSignedData(Tlv.parse(sod).value());
        X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(null).iterator().next();
        return new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(holder);
    }

    private static ChipVerifier trustingSigner(byte[] sod) throws Exception {
        return ChipVerifier.builder().trustList(TrustList.builder().certificate(documentSigner(sod)).build())
                .clock(Clock.fixed(IN_2008, ZoneOffset.UTC)).build();
    }

    @Test
    void verify_bsiSpecimen_sodVerifiesAndDg1Dg2Dg3Dg14HashesMatch() throws Exception {
        byte[] sod = file("EF_SOD.bin");
        ChipFiles files = ChipFiles.builder().sod(sod).com(file("EF_COM.bin")).dataGroup(1, file("DG1.bin"))
                .dataGroup(2, file("DG2.bin")).dataGroup(3, file("DG3.bin")).dataGroup(14, file("DG14.bin")).build();
        ChipVerification v = trustingSigner(sod).verify(files);
        assertThat(v).isInstanceOf(ChipVerified.class);
        ChipVerified ok = (ChipVerified) v;
        assertThat(ok.dataGroups()).containsExactly(Map.entry(1, DataGroupStatus.VALID),
                Map.entry(2, DataGroupStatus.VALID), Map.entry(3, DataGroupStatus.VALID),
                Map.entry(14, DataGroupStatus.VALID));
        assertThat(ok.mrz().primaryIdentifier()).isEqualTo("MUSTERMANN");
        assertThat(ok.face().orElseThrow().format()).isEqualTo(FaceImage.Format.JPEG_2000);
        assertThat(ok.citizen()).isEmpty();
        assertThat(ok.signer().issuer()).contains("CSCA BDR TEST");
    }

    @Test
    void verify_bsiSpecimenWithItsUnsignedDg15_rejectedNotCovered() throws Exception {
        byte[] sod = file("EF_SOD.bin");
        ChipFiles files = ChipFiles.builder().sod(sod).dataGroup(1, file("DG1.bin")).dataGroup(15, file("DG15.bin"))
                .build();
        assertThat(trustingSigner(sod).verify(files)).isInstanceOfSatisfying(ChipVerification.ChipRejected.class,
                r -> assertThat(r.reason()).isEqualTo(ChipVerification.Reason.DATA_GROUP_NOT_COVERED));
    }

    @Test
    void verify_bsiSpecimenAfterSignerExpiry_rejectedCertificateExpired() throws Exception {
        byte[] sod = file("EF_SOD.bin");
        ChipVerifier later = ChipVerifier.builder()
                .trustList(TrustList.builder().certificate(documentSigner(sod)).build())
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
        assertThat(later.verify(ChipFiles.builder().sod(sod).dataGroup(1, file("DG1.bin")).build()))
                .isInstanceOfSatisfying(ChipVerification.ChipRejected.class,
                        r -> assertThat(r.reason()).isEqualTo(ChipVerification.Reason.CERTIFICATE_EXPIRED));
    }

    /** openssl's verdict on a SOD (outer 77 tag stripped), with the embedded signer and no chain check. */
    private static int opensslCmsVerify(Path dir, byte[] sod) throws Exception {
        Path in = dir.resolve("sod.der");
        Files.write(in, Tlv.parse(sod).value());
        Process p = new ProcessBuilder(ExternalTools.requireOpenssl().toString(), "cms", "-verify", "-inform", "DER",
                "-in", in.toString(), "-noverify", "-out", dir.resolve("content.bin").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("openssl timed out");
        }
        return p.exitValue();
    }

    @Test
    void opensslCmsVerify_agreesOnTheSpecimenAndSyntheticSods(@TempDir Path dir) throws Exception {
        assertThat(opensslCmsVerify(dir, file("EF_SOD.bin"))).isZero();
        Map<Integer, byte[]> g = CccdChips.groups(null);
        byte[] sod = CccdChips.sod(CccdChips.pki(), g);
        assertThat(opensslCmsVerify(dir, sod)).isZero();
        assertThat(new ChipVerifier[] {ChipVerifier.builder()
                .trustList(TrustList.builder().certificate(CccdChips.pki().csca()).build())
                .clock(Clock.fixed(CccdChips.NOW, ZoneOffset.UTC)).build()}[0].verify(CccdChips.files(g, sod))
                .isVerified()).isTrue();

        byte[] tampered = sod.clone();
        tampered[ChipVerifierTest.indexOf(tampered,
                java.security.MessageDigest.getInstance("SHA-256").digest(g.get(13)))] ^= 1;
        assertThat(opensslCmsVerify(dir, tampered)).isNotZero();
        assertThat(ChipVerifier.builder().trustList(TrustList.builder().certificate(CccdChips.pki().csca()).build())
                .clock(Clock.fixed(CccdChips.NOW, ZoneOffset.UTC)).build().verify(CccdChips.files(g, tampered)))
                .isInstanceOfSatisfying(ChipVerification.ChipRejected.class, r -> assertThat(r.reason())
                        .isEqualTo(ChipVerification.Reason.SOD_SIGNATURE_INVALID));
    }
}
