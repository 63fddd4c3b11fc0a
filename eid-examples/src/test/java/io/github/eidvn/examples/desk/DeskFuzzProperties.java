package io.github.eidvn.examples.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.eidvn.examples.desk.SampleCodes.Kind;
import io.github.eidvn.qr.QrRenderer;

/**
 * Untrusted input from anywhere on the network: random text, random image bytes, and signed codes with something
 * altered. Every answer is a JSON decision (200, or 413 when too large), never a 500 or a stack trace, and never
 * VALID for anything unsigned or altered.
 */
class DeskFuzzProperties {

    private static DeskFixture desk;
    /** A signed code that is never sent unaltered (so its single use is never spent). */
    private static String signed;
    private static byte[] signedPng;

    @BeforeContainer
    static void start() {
        desk = DeskFixture.sandbox();
        signed = desk.samples.issue(Kind.VALID).text();
        signedPng = QrRenderer.defaults().png(signed);
    }

    @AfterContainer
    static void stop() {
        desk.close();
    }

    private static JsonNode answer(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isIn(200, 413);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        // no stack trace (an exception's class name in a detail, e.g. "png decoding failed: IIOException", is fine)
        assertThat(r.body()).doesNotContain("\tat ", "at io.github", "at java.", "Caused by", ".java:");
        JsonNode j = desk.json(r);
        assertThat(j.get("decision").asText()).isIn("VALID", "CHECK_MANUALLY", "REJECTED");
        assertThat(j.has("reason")).isTrue();
        assertThat(j.has("patient")).isTrue();
        assertThat(j.has("insurance")).isTrue();
        return j;
    }

    private static void notValid(JsonNode j) {
        assertThat(j.get("decision").asText()).isNotEqualTo("VALID");
        if (!j.get("patient").isNull()) {
            assertThat(j.at("/patient/verified").asBoolean()).isFalse();
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().numeric().ofMaxLength(1200).map(s -> "841" + s),
                Arbitraries.strings().withChars("0123456789|").ofMaxLength(200),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
                        .ofMaxLength(600),
                Arbitraries.strings().all().ofMinLength(7990).ofMaxLength(8100),
                Arbitraries.of("shc:/", "shc:/5676", "eyJhbGciOiJub25lIn0.e30.", "841", "\n", "\r\n", "0", "|||||",
                        "079303012345||Nguyễn Thị Minh Khai|17052003|Nữ|HCM|01062021"));
    }

    /**
     * Unsigned input never gives a verified patient: it is refused, or checked by hand, or (a chip ID card QR whose
     * number the sandbox lookup knows) valid only as "identity unverified, compare the photo".
     */
    private static void neverVerified(JsonNode j) {
        if (!j.get("patient").isNull()) {
            assertThat(j.at("/patient/verified").asBoolean()).isFalse();
        }
        if (j.get("decision").asText().equals("VALID")) {
            assertThat(j.get("status").asText()).isEqualTo("VALID_IDENTITY_UNVERIFIED");
            assertThat(j.at("/notices/0/code").asText()).isEqualTo("COMPARE_PHOTO");
        }
    }

    @Property(tries = 250)
    void randomText_alwaysAJsonDecision_neverVerified(@ForAll("texts") String text) {
        neverVerified(answer(desk.check(text)));
    }

    @Provide
    Arbitrary<String> alteredCodes() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, signed.length() - 1);
        Arbitrary<Character> digit = Arbitraries.chars().range('0', '9');
        Arbitrary<String> oneDigit = Combinators.combine(position, digit).as((i, c) -> signed.substring(0, i) + c
                + signed.substring(i + 1));
        Arbitrary<String> dropped = position.map(i -> signed.substring(0, i) + signed.substring(i + 1));
        Arbitrary<String> inserted = Combinators.combine(position, digit).as((i, c) -> signed.substring(0, i) + c
                + signed.substring(i));
        Arbitrary<String> truncated = position.map(i -> signed.substring(0, i));
        Arbitrary<String> twoDigits = Combinators.combine(position, position, digit, digit).as((i, j, c, d) -> {
            char[] a = signed.toCharArray();
            a[i] = c;
            a[j] = d;
            return new String(a);
        });
        return Arbitraries.oneOf(oneDigit, dropped, inserted, truncated, twoDigits).filter(s -> !s.equals(signed));
    }

    @Property(tries = 300)
    void alteredSignedCode_neverValid(@ForAll("alteredCodes") String altered) {
        JsonNode j = answer(desk.check(altered));
        notValid(j);
        assertThat(j.get("decision").asText()).isEqualTo("REJECTED");
    }

    @Provide
    Arbitrary<byte[]> imageBytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<byte[]> pngHeaded = random.map(b -> concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
            '\n'}, b));
        Arbitrary<byte[]> jpegHeaded = random.map(b -> concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, b));
        Arbitrary<byte[]> flippedPng = Combinators.combine(Arbitraries.integers().between(0, signedPngLength() - 1),
                Arbitraries.integers().between(1, 255)).as((i, x) -> {
                    byte[] copy = signedPng.clone();
                    copy[i] ^= (byte) (int) x;
                    return copy;
                });
        return Arbitraries.oneOf(random, pngHeaded, jpegHeaded, flippedPng);
    }

    private static int signedPngLength() {
        return signedPng.length;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * Random bytes, bytes behind a PNG or JPEG signature, and the signed code's PNG with one byte changed: always a
     * JSON decision. A changed PNG byte may leave the QR content intact (error correction); then the code is the
     * signed one and is accepted once, so such an answer is VALID only when it names the signed code's patient and
     * at most once for the run.
     */
    @Property(tries = 150)
    void randomImageBytes_alwaysAJsonDecision(@ForAll("imageBytes") byte[] bytes) {
        for (String type : List.of("image/png", "image/jpeg")) {
            JsonNode j = answer(desk.check(bytes, type));
            if (j.get("decision").asText().equals("VALID")) {
                assertThat(j.at("/patient/personal_number").asText()).isEqualTo("079******345");
                assertThat(validImages++).isZero();
            }
        }
    }

    private static int validImages;

    @Provide
    Arbitrary<String> alteredForPhotos() {
        return alteredCodes().filter(s -> !s.isEmpty() && s.length() < 2000);
    }

    /** An altered code, photographed (rendered to a PNG and uploaded): never VALID. */
    @Property(tries = 40)
    void alteredCodeAsPhoto_neverValid(@ForAll("alteredForPhotos") String altered) {
        byte[] png = QrRenderer.defaults().png(altered);
        JsonNode j = answer(desk.check(png, "image/png"));
        assertThat(j.get("decision").asText()).isEqualTo("REJECTED");
    }

    @Property(tries = 100)
    void randomContentTypes_jsonDecisionOr415(@ForAll("contentTypes") String type) {
        HttpResponse<String> r = desk.post("/api/check", type, "841".getBytes(StandardCharsets.US_ASCII));
        assertThat(r.statusCode()).isIn(200, 415);
        assertThat(r.body()).doesNotContain("\tat ", ".java:");
        notValid(desk.json(r));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(80).filter(DeskFuzzProperties::headerSafe),
                Arbitraries.of("text/plain", "image/png", "image/jpeg").flatMap(t -> Arbitraries.strings().ascii()
                        .ofMaxLength(40).filter(DeskFuzzProperties::headerSafe).map(p -> t + ";" + p)));
    }

    private static boolean headerSafe(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !s.isBlank();
    }
}
