package io.github.eidvn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.github.eidvn.chip.ChipFiles;
import io.github.eidvn.chip.ChipVerification;
import io.github.eidvn.chip.ChipVerifier;
import io.github.eidvn.chip.TrustList;

/**
 * P9: passive authentication of the BSI 2008 specimen chip ({@code vectors/icao9303-chip/bsi2008}): the CMS signature
 * of EF.SOD (ECDSA with SHA-1 by its document signer), the signer found in the trust list, the validity dates, and the
 * SHA-1 hashes of DG1, DG2 (15 kB portrait), DG3 (32 kB) and DG14 compared with the signed ones, then DG1 and DG2
 * parsed: one {@link ChipVerifier#verify(ChipFiles)} call. {@code eid-bench/run} divides it by
 * {@code openssl cms -verify -noverify} of the same SOD (one process per verification, per CPU-second).
 *
 * <p>The vectors folder is {@code -Deid.vectors} (default {@code vectors} under the working directory). The
 * document signer is trusted directly (the specimen's CSCA is not published) and the clock is set inside its
 * validity (2008).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChipBenchmark {

    /** Inside the specimen document signer's validity (2008-01-28 to 2009-01-27). */
    static final Instant IN_2008 = Instant.parse("2008-06-01T00:00:00Z");

    ChipFiles files;
    ChipVerifier verifier;

    /** Loads the specimen and trusts its document signer. */
    @Setup
    public void setup() {
        Path dir = Path.of(System.getProperty("eid.vectors", "vectors"), "icao9303-chip", "bsi2008");
        try {
            byte[] sod = Files.readAllBytes(dir.resolve("EF_SOD.bin"));
            files = ChipFiles.builder().sod(sod).com(Files.readAllBytes(dir.resolve("EF_COM.bin")))
                    .dataGroup(1, Files.readAllBytes(dir.resolve("DG1.bin")))
                    .dataGroup(2, Files.readAllBytes(dir.resolve("DG2.bin")))
                    .dataGroup(3, Files.readAllBytes(dir.resolve("DG3.bin")))
                    .dataGroup(14, Files.readAllBytes(dir.resolve("DG14.bin"))).build();
            verifier = ChipVerifier.builder().trustList(TrustList.builder().certificate(documentSigner(sod)).build())
                    .clock(Clock.fixed(IN_2008, ZoneOffset.UTC)).build();
        } catch (IOException e) {
            throw new UncheckedIOException("the BSI specimen is needed under " + dir + " (set -Deid.vectors)", e);
        }
        if (!verifier.verify(files).isVerified()) {
            throw new IllegalStateException("the BSI specimen does not verify: " + verifier.verify(files));
        }
    }

    /**
     * The document signer certificate the SOD carries (the one openssl's {@code -noverify} run uses); its key has
     * explicit EC domain parameters, which only Bouncy Castle's provider reads.
     */
    private static X509Certificate documentSigner(byte[] sod) {
        try {
            // EF.SOD = 77 L <ContentInfo>
            int lengthBytes = (sod[1] & 0x80) == 0 ? 0 : sod[1] & 0x7F;
            CMSSignedData cms = new CMSSignedData(Arrays.copyOfRange(sod, 2 + lengthBytes, sod.length));
            X509CertificateHolder holder = cms.getCertificates().getMatches(null).iterator().next();
            return new JcaX509CertificateConverter().setProvider(new BouncyCastleProvider()).getCertificate(holder);
        } catch (CMSException | CertificateException e) {
            throw new IllegalStateException("no document signer certificate in the specimen SOD", e);
        }
    }

    /**
     * Passive authentication of the specimen.
     *
     * @return the result (a {@code ChipVerified})
     */
    @Benchmark
    public ChipVerification passiveAuthentication() {
        return verifier.verify(files);
    }
}
