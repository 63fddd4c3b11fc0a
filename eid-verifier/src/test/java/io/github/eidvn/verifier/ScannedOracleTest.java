package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.QrContent;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.qr.QrTextReader;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.testing.ExternalTools;

/**
 * Outside oracles on the real hospital presentation: OpenSSL verifies the JWS rebuilt from the QR text, and ZBar
 * reads the rendered PNG back to the same text, which then verifies.
 */
class ScannedOracleTest {

    @TempDir
    Path dir;

    private final KeyRing ring = KeyRing.generate();
    private final String jws = AssertionFixtures.issuer(ring, AssertionFixtures.clock())
            .issueForQr(AssertionFixtures.hospitalRequest());
    private final String text = SignedQrText.encode(jws);

    @Test
    void openssl_verifiesTheJwsRebuiltFromTheQrText() throws Exception {
        ExternalTools.requireOpenssl();
        QrContent content = QrTextReader.read(text);
        assertThat(content).isInstanceOf(QrContent.SignedJws.class);
        String rebuilt = ((QrContent.SignedJws) content).compactJws();
        assertThat(rebuilt).isEqualTo(jws);
        assertThat(ExternalTools.opensslVerifyEs256(dir, rebuilt, ring.current().publicKey()))
                .isEqualTo("Verified OK");
        // the last digit change (from the end) that still unpacks alters the signature: openssl refuses it
        String other = null;
        for (int i = text.length() - 1; other == null; i--) {
            String tampered = text.substring(0, i) + (char) ('0' + (text.charAt(i) - '0' + 1) % 10)
                    + text.substring(i + 1);
            if (QrTextReader.read(tampered) instanceof QrContent.SignedJws) {
                other = ((QrContent.SignedJws) QrTextReader.read(tampered)).compactJws();
            }
        }
        assertThat(other.substring(0, other.lastIndexOf('.'))).isEqualTo(jws.substring(0, jws.lastIndexOf('.')));
        assertThat(ExternalTools.opensslVerifyEs256(dir, other, ring.current().publicKey()))
                .contains("Verification failure");
    }

    @Test
    void zbarimg_readsTheRenderedPresentation_andTheTextVerifies() throws Exception {
        ExternalTools.requireZbarimg();
        Path png = dir.resolve("presentation.png");
        Files.write(png, QrRenderer.defaults().png(text));
        String read = ExternalTools.zbarimg(png);
        assertThat(read).isEqualTo(text);
        AssertionVerifier v = AssertionVerifier.builder().trustStore(TrustStore.fromJwks(ring.publicJwksJson()))
                .clock(AssertionFixtures.clock()).expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
        assertThat(v.verifyScanned(read)).isInstanceOf(Verified.class);
    }
}
