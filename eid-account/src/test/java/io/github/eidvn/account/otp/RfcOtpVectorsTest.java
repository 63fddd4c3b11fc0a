package io.github.eidvn.account.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.Vectors;

/** RFC 4226 Appendix D and RFC 6238 Appendix B, read from ../shared/vectors/rfc-otp/. */
class RfcOtpVectorsTest {

    private static final byte[] SEED20 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED32 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED64 = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    private static List<String[]> rows(String file) throws IOException {
        List<String> lines = Files.readAllLines(Vectors.path("rfc-otp", file), StandardCharsets.UTF_8);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.strip().split(",")).toList();
    }

    private static byte[] seedFor(OtpAlgorithm a) {
        return switch (a) {
            case SHA1 -> SEED20;
            case SHA256 -> SEED32;
            case SHA512 -> SEED64;
        };
    }

    @Test
    void hotp_rfc4226AppendixD_allRows() throws IOException {
        List<String[]> rows = rows("hotp.csv");
        assertThat(rows).hasSize(10);
        OtpSecret secret = OtpSecret.ofBytes(SEED20);
        for (String[] r : rows) {
            assertThat(Hotp.defaults().generate(secret, Long.parseLong(r[0]))).as("counter " + r[0]).isEqualTo(r[1]);
        }
    }

    @Test
    void hotp_intermediateValues_truncationMatches() throws Exception {
        List<String[]> rows = rows("hotp-intermediate.csv");
        assertThat(rows).hasSize(10);
        for (String[] r : rows) {
            long counter = Long.parseLong(r[0]);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(SEED20, "HmacSHA1"));
            byte[] msg = java.nio.ByteBuffer.allocate(8).putLong(counter).array();
            assertThat(HexFormat.of().formatHex(mac.doFinal(msg))).isEqualTo(r[1]);
            assertThat(Hotp.defaults().generate(SEED20, counter)).isEqualTo(r[4]);
            assertThat(Long.parseLong(r[3]) % 1_000_000).isEqualTo(Long.parseLong(r[4]));
        }
    }

    @Test
    void totp_rfc6238AppendixB_allRows_8digits() throws IOException {
        List<String[]> rows = rows("totp.csv");
        assertThat(rows).hasSize(18);
        for (String[] r : rows) {
            OtpAlgorithm a = OtpAlgorithm.valueOf(r[1]);
            Totp t = Totp.of(a, 8, Duration.ofSeconds(30));
            Instant at = Instant.ofEpochSecond(Long.parseLong(r[0]));
            assertThat(t.generate(OtpSecret.ofBytes(seedFor(a)), at)).as(r[0] + " " + r[1]).isEqualTo(r[2]);
            // 6-digit TOTP is the last 6 digits
            assertThat(Totp.of(a, 6, Duration.ofSeconds(30)).generate(seedFor(a), at)).isEqualTo(r[2].substring(2));
        }
    }

    @Test
    void totp_detail_stepCounterMatches_includingBeyond2038() throws IOException {
        for (String[] r : rows("totp-detail.csv")) {
            Instant at = Instant.ofEpochSecond(Long.parseLong(r[0]));
            assertThat(Totp.defaults().stepAt(at)).isEqualTo(Long.parseLong(r[2], 16));
        }
    }

    /** README: the 20-byte seed with SHA-256/512 (the RFC prose's errata) gives other codes. */
    @Test
    void totp_20byteSeedWithSha256AndSha512_doesNotGiveTheRfcCodes() throws IOException {
        Instant t59 = Instant.ofEpochSecond(59);
        String sha256 = Totp.of(OtpAlgorithm.SHA256, 8, Duration.ofSeconds(30)).generate(SEED20, t59);
        String sha512 = Totp.of(OtpAlgorithm.SHA512, 8, Duration.ofSeconds(30)).generate(SEED20, t59);
        assertThat(sha256).isEqualTo("32247374");
        assertThat(sha512).isEqualTo("69342147");
        int mismatches = 0;
        for (String[] r : rows("totp.csv")) {
            OtpAlgorithm a = OtpAlgorithm.valueOf(r[1]);
            if (a == OtpAlgorithm.SHA1) {
                continue;
            }
            String wrong = Totp.of(a, 8, Duration.ofSeconds(30))
                    .generate(SEED20, Instant.ofEpochSecond(Long.parseLong(r[0])));
            assertThat(wrong).as(r[0] + " " + r[1]).isNotEqualTo(r[2]);
            mismatches++;
        }
        assertThat(mismatches).isEqualTo(12);
    }

    @Test
    void base32OfRfcSecret_matchesReadme() {
        assertThat(OtpSecret.ofBytes(SEED20).toBase32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }
}
