package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.testing.AssertionFixtures;

/**
 * Measures the hospital presentation (level 2, aud 79024, purpose bhyt-checkin) in the compact QR profile and
 * checks it fits: at most 400 signed bytes and a QR of version 15 or less at error correction M (ZXing's encoder
 * decides the version: 15-M holds 991 digits, 14-M 871, 13-M 796), version 14 or less when the container rebuilds
 * the fixed header from its kid.
 */
class QrSizeTest {

    @Test
    void hospitalPresentation_fitsTheQrTarget() throws Exception {
        KeyRing ring = KeyRing.generate();
        String qr = AssertionFixtures.issuer(ring, AssertionFixtures.clock())
                .issueForQr(AssertionFixtures.hospitalRequest());
        String jwt = AssertionFixtures.issuer(ring, AssertionFixtures.clock())
                .issueJwt(AssertionFixtures.hospitalRequest());
        String[] p = qr.split("\\.");
        byte[] header = Base64.getUrlDecoder().decode(p[0]);
        byte[] deflated = Base64.getUrlDecoder().decode(p[1]);
        byte[] json = RawDeflate.inflate(deflated, RawDeflate.MAX_INFLATED_BYTES);
        int total = header.length + deflated.length + 64;
        // a container that rebuilds the fixed header (AssertionIssuer.qrHeaderJson) stores only the 6-byte kid
        int templated = 6 + deflated.length + 64;
        assertThat(new String(header, StandardCharsets.UTF_8))
                .isEqualTo(AssertionIssuer.qrHeaderJson(ring.current().kid().substring(0, 8)));
        int version = version(digits(total));
        int templatedVersion = version(digits(templated));
        int jwtPayload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]).length;
        System.out.printf("QR-SIZE hospital presentation: header %d B, compact JSON %d B, deflated %d B, "
                + "signature 64 B, total %d B -> ~%d digits -> QR version %d-M; with the header rebuilt from its "
                + "kid: %d B -> ~%d digits -> version %d-M; compact JWS %d chars; standard JWT payload %d B, "
                + "compact JWS %d chars%n  compact JSON: %s%n", header.length, json.length, deflated.length, total,
                digits(total), version, templated, digits(templated), templatedVersion, qr.length(), jwtPayload,
                jwt.length(), new String(json, StandardCharsets.UTF_8));
        assertThat(total).isLessThanOrEqualTo(400);
        assertThat(version).isLessThanOrEqualTo(15);
        assertThat(templatedVersion).isLessThanOrEqualTo(14);
    }

    /** The container writes 7 bytes as 17 digits (ARCHITECTURE §4); its own prefix and lengths are not counted. */
    private static int digits(int bytes) {
        return (bytes / 7) * 17 + new int[] {0, 3, 5, 8, 10, 13, 15}[bytes % 7];
    }

    private static int version(int digits) throws Exception {
        QRCode code = Encoder.encode("9".repeat(digits), ErrorCorrectionLevel.M);
        return code.getVersion().getVersionNumber();
    }
}
