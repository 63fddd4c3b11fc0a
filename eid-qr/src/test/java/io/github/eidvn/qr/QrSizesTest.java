package io.github.eidvn.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

class QrSizesTest {

    @Test
    void base45_rfc9285Examples() {
        assertThat(QrSizes.base45("AB".getBytes(StandardCharsets.US_ASCII))).isEqualTo("BB8");
        assertThat(QrSizes.base45("Hello!!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("%69 VD92EX0");
        assertThat(QrSizes.base45("base-45".getBytes(StandardCharsets.US_ASCII))).isEqualTo("UJCLQE7W581");
        assertThat(QrSizes.base45("ietf!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("QED8WEX0");
        assertThat(QrSizes.base45(new byte[0])).isEmpty();
    }

    @Test
    void smartHealthCardNumeric_twoDigitsPerCharacter() {
        assertThat(QrSizes.smartHealthCardNumeric("-.z")).isEqualTo("shc:/000177");
        assertThatThrownBy(() -> QrSizes.smartHealthCardNumeric("a,b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void version_smallestVersionForText() {
        assertThat(QrSizes.version("1", QrErrorCorrection.M)).hasValue(1);
        assertThat(QrSizes.version("1".repeat(34), QrErrorCorrection.M)).hasValue(1); // v1-M numeric capacity
        assertThat(QrSizes.version("1".repeat(35), QrErrorCorrection.M)).hasValue(2);
        assertThat(QrSizes.version("1".repeat(7090), QrErrorCorrection.L)).isEmpty();
    }

    /**
     * The figures for the report: a hospital-size presentation (330-byte incompressible deflated payload) with the
     * recommended header, compared with SMART Health Card numeric, base45 and plain JWS in byte mode.
     */
    @Test
    void figures_realisticPresentation_signedDigitsBeatShcAndMatchBase45() {
        Random r = new Random(51);
        String kid = JwsFixtures.thumbprint(r);
        String jws = JwsFixtures.jws(JwsFixtures.assertionHeader(kid), JwsFixtures.random(r, 330),
                JwsFixtures.random(r, 64));
        String digits = SignedQrText.encode(jws);
        String shc = QrSizes.smartHealthCardNumeric(jws);
        String base45 = QrSizes.base45Container(jws);
        int bytes = QrSizes.containerLength(jws);
        System.out.printf("figures (330-byte payload, header %s):%n", JwsFixtures.assertionHeader("<43>"));
        System.out.printf("  signed digits : %d container bytes, %d digits, v%d-M, v%d-L%n", bytes, digits.length(),
                QrSizes.version(digits, QrErrorCorrection.M).getAsInt(),
                QrSizes.version(digits, QrErrorCorrection.L).getAsInt());
        System.out.printf("  base45        : %d chars, v%d-M%n", base45.length(),
                QrSizes.version(base45, QrErrorCorrection.M).getAsInt());
        System.out.printf("  SHC numeric   : %d chars, v%d-M%n", shc.length(),
                QrSizes.version(shc, QrErrorCorrection.M).getAsInt());
        System.out.printf("  compact JWS   : %d chars, v%d-M%n", jws.length(),
                QrSizes.version(jws, QrErrorCorrection.M).getAsInt());
        assertThat(bytes).isEqualTo(432);
        assertThat(digits).hasSize(1053);
        assertThat(QrSizes.version(digits, QrErrorCorrection.M)).hasValue(16);
        assertThat(base45).hasSize(648);
        assertThat(QrSizes.version(base45, QrErrorCorrection.M)).hasValue(16);
        assertThat(shc).hasSize(1347);
        assertThat(QrSizes.version(shc, QrErrorCorrection.M)).hasValue(19);
        assertThat(QrSizes.version(jws, QrErrorCorrection.M)).hasValue(21);
    }

    /** Why the members coding and not a preset-dictionary DEFLATE of the header: it is smaller (and canonical). */
    @Test
    void figures_membersCodingBeatsDictionaryDeflateForTheRecommendedHeader() {
        String header = JwsFixtures.assertionHeader(JwsFixtures.thumbprint(new Random(52)));
        byte[] dictionary = ("{\"alg\":\"ES256\",\"typ\":\"vneid-assertion+jwt\",\"kid\":\"\",\"zip\":\"DEF\"}")
                .getBytes(StandardCharsets.US_ASCII);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setDictionary(dictionary);
        deflater.setInput(header.getBytes(StandardCharsets.US_ASCII));
        deflater.finish();
        byte[] buf = new byte[512];
        int deflated = deflater.deflate(buf);
        deflater.end();
        int members = QrSizes.containerLength(JwsFixtures.jws(header, new byte[0], new byte[64])) - 64;
        System.out.printf("header %d bytes: raw coding %d, dictionary DEFLATE %d (+flag+length), members coding %d%n",
                header.length(), header.length() + 2, deflated, members);
        assertThat(members).isEqualTo(38);
        assertThat(deflated + 2).isGreaterThan(members);
    }
}
