package io.github.eidvn.qr;

import static io.github.eidvn.qr.JwsFixtures.b64;
import static io.github.eidvn.qr.JwsFixtures.jws;
import static io.github.eidvn.qr.JwsFixtures.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.Random;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.Vectors;

class SignedQrTextTest {

    private static final byte[] SIG = new byte[64];

    private static SignedQrText.Reason rejection(String text) {
        SignedQrText.DecodeResult r = SignedQrText.decode(text);
        assertThat(r).isInstanceOf(SignedQrText.Rejected.class);
        return ((SignedQrText.Rejected) r).reason();
    }

    private static String decoded(String text) {
        SignedQrText.DecodeResult r = SignedQrText.decode(text);
        assertThat(r).as("decode %s", r).isInstanceOf(SignedQrText.Decoded.class);
        return ((SignedQrText.Decoded) r).compactJws();
    }

    private static byte[] bytes(int... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v : values) {
            out.write(v);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void encode_realisticAssertion_digitsOnlyAndRoundTripsExactly() {
        String jws = JwsFixtures.realistic(1, 330);
        String text = SignedQrText.encode(jws);
        assertThat(text).matches("^[0-9]+$").startsWith(SignedQrText.PREFIX);
        assertThat(decoded(text)).isEqualTo(jws);
        // 1 flag + 37 header (alg, typ, zip: 1 byte each; kid: 1 + 1 + 32) + 330 payload + 64 signature
        assertThat(QrSizes.containerLength(jws)).isEqualTo(432);
        assertThat(text).hasSize(3 + 61 * 17 + 13);
        assertThat(QrSizes.version(text, QrErrorCorrection.M)).hasValue(16);
        assertThat(QrSizes.version(text, QrErrorCorrection.L)).hasValue(14);
    }

    @Test
    void encode_payloadsThatFitVersions14And15AtM_reachThoseVersions() {
        // capacity with the recommended header: v14-M holds 357 container bytes, v15-M 406
        assertThat(QrSizes.version(SignedQrText.encode(JwsFixtures.realistic(2, 255)), QrErrorCorrection.M))
                .hasValue(14);
        assertThat(QrSizes.version(SignedQrText.encode(JwsFixtures.realistic(2, 256)), QrErrorCorrection.M))
                .hasValue(15);
        assertThat(QrSizes.version(SignedQrText.encode(JwsFixtures.realistic(2, 304)), QrErrorCorrection.M))
                .hasValue(15);
        assertThat(QrSizes.version(SignedQrText.encode(JwsFixtures.realistic(2, 305)), QrErrorCorrection.M))
                .hasValue(16);
    }

    @Test
    void decode_realEs256Jws_rebuiltJwsStillVerifies() throws Exception {
        KeyPair key = JwsFixtures.p256();
        String header = JwsFixtures.assertionHeader(JwsFixtures.thumbprint(new Random(3)));
        String jws = JwsFixtures.signEs256(key, header, random(new Random(4), 300));
        String rebuilt = decoded(SignedQrText.encode(jws));
        assertThat(rebuilt).isEqualTo(jws);
        assertThat(JwsFixtures.verifyEs256(key.getPublic(), rebuilt)).isTrue();
    }

    @Test
    void encode_rfc7515AppendixA3_roundTripsAndVerifiesWithTheRfcKey() throws Exception {
        String jws = Files.readString(Vectors.path("rfc7515-a3-es256", "jws-compact.txt")).strip();
        String jwk = Files.readString(Vectors.path("rfc7515-a3-es256", "jwk-public.json"));
        String text = SignedQrText.encode(jws);
        assertThat(decoded(text)).isEqualTo(jws);
        assertThat(JwsFixtures.verifyEs256(JwsFixtures.p256FromJwk(jwk), decoded(text))).isTrue();
        String tampered = Files.readString(Vectors.path("rfc7515-a3-es256",
                "derived-negative-tampered-signature.txt")).strip();
        String tamperedRebuilt = decoded(SignedQrText.encode(tampered));
        assertThat(tamperedRebuilt).isEqualTo(tampered);
        assertThat(JwsFixtures.verifyEs256(JwsFixtures.p256FromJwk(jwk), tamperedRebuilt)).isFalse();
    }

    @Test
    void encode_knownMembersHeader_usesMembersCodingOf38Bytes() {
        String kid = JwsFixtures.thumbprint(new Random(5));
        byte[] container = SignedQrText.pack(jws(JwsFixtures.assertionHeader(kid), new byte[0], SIG));
        assertThat(container[0] & 0xFF).isEqualTo(0x40 | 4);
        assertThat(container).hasSize(38 + 64);
        assertThat(container[1]).isEqualTo((byte) 0x00); // "alg":"ES256"
        assertThat(container[2]).isEqualTo((byte) 0x01); // "typ":"vneid-assertion+jwt"
        assertThat(container[3]).isEqualTo((byte) 0x42); // key "kid"
        assertThat(container[4]).isEqualTo((byte) 0x02); // 32-byte base64url value
        assertThat(container[37]).isEqualTo((byte) 0x03); // "zip":"DEF"
    }

    @Test
    void encode_unusualHeaders_roundTripByteForByte() {
        String[] headers = {
            "{}",
            "{\"alg\":\"ES256\"}",
            "{ \"alg\" : \"ES256\" }", // whitespace: raw coding
            "{\"alg\":\"ES256\",\"x\":\"a\\\"b\"}", // escape: raw coding
            "{\"alg\":\"ES256\",\"b64\":false,\"crit\":[\"b64\"]}", // non-string values: raw coding
            "{\"alg\":\"ES256\",\"kid\":\"short-kid\",\"typ\":\"vneid-other+jwt\",\"zip\":\"DEF\"}",
            "{\"alg\":\"ES256\",\"kid\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}", // 42-byte b64
            "{\"alg\":\"ES256\",\"kid\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB\"}", // non-canonical b64: literal
            "{\"t\\u00ean\":\"x\",\"n\u01a1i\":\"H\u00e0 N\u1ed9i\",\"\":\"\"}", // UTF-8 literal key and value
            "{\"alg\":\"ES256\",\"alg\":\"ES256\"}", // duplicate members are carried as they are
        };
        for (String h : headers) {
            String jws = jws(h, "payload".getBytes(StandardCharsets.UTF_8), SIG);
            assertThat(decoded(SignedQrText.encode(jws))).as(h).isEqualTo(jws);
        }
    }

    @Test
    void encode_63MembersUseMembersCoding_64UseRawCoding() {
        for (int n : new int[] {63, 64}) {
            StringJoiner j = new StringJoiner(",", "{", "}");
            for (int i = 0; i < n; i++) {
                j.add("\"k" + i + "\":\"v\"");
            }
            String jws = jws(j.toString(), new byte[1], SIG);
            byte[] container = SignedQrText.pack(jws);
            assertThat(container[0] & 0xFF).isEqualTo(n == 63 ? 0x40 | 63 : 0x00);
            assertThat(decoded(SignedQrText.encode(jws))).isEqualTo(jws);
        }
    }

    @Test
    void encode_notACompactJws_throwsIllegalArgument() {
        String h = b64("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String p = b64(new byte[10]);
        String s = b64(SIG);
        String[] bad = {
            "", "abc", h + "." + p, h + "." + p + "." + s + ".x", h + "." + p + "." + s + "=",
            b64("[1]".getBytes(StandardCharsets.UTF_8)) + "." + p + "." + s, // header not an object
            b64("{\"a\":".getBytes(StandardCharsets.UTF_8)) + "." + p + "." + s,
            h + "." + p + "." + b64(new byte[63]), h + "." + p + "." + b64(new byte[65]), // not 64 bytes
            h + "." + "AB" + "." + s, // non-canonical base64url (trailing bits set)
            h + "." + p + "." + s.replace('A', '+'),
            h + "." + b64(new byte[3300]) + "." + s, // too many digits for one QR text
            b64(("{\"x\":\"" + "a".repeat(1100) + "\"}").getBytes(StandardCharsets.UTF_8)) + "." + p + "." + s,
        };
        for (String jws : bad) {
            assertThatThrownBy(() -> SignedQrText.encode(jws)).as(jws).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SignedQrText.encode(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SignedQrText.decode(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void encode_largestPayload_staysWithinTheDecoderLimit() {
        String jws = jws("{\"alg\":\"ES256\"}", new byte[3000], SIG);
        String text = SignedQrText.encode(jws);
        assertThat(text.length()).isLessThanOrEqualTo(SignedQrText.MAX_TEXT_LENGTH - 2);
        assertThat(decoded(text + "\r\n")).isEqualTo(jws);
    }

    @Test
    void decode_oneTrailingLineBreak_isIgnored_anythingElseIsNot() {
        String jws = JwsFixtures.realistic(6, 100);
        String text = SignedQrText.encode(jws);
        assertThat(decoded(text + "\n")).isEqualTo(jws);
        assertThat(decoded(text + "\r")).isEqualTo(jws);
        assertThat(decoded(text + "\r\n")).isEqualTo(jws);
        assertThat(rejection(text + "\n\n")).isEqualTo(SignedQrText.Reason.NOT_DIGITS);
        assertThat(rejection(text + " ")).isEqualTo(SignedQrText.Reason.NOT_DIGITS);
        assertThat(rejection(" " + text)).isEqualTo(SignedQrText.Reason.NOT_DIGITS);
        assertThat(rejection("\n" + text)).isEqualTo(SignedQrText.Reason.NOT_DIGITS);
        assertThat(rejection(text.substring(0, 50) + "\u0661" + text.substring(51))) // Arabic-Indic one
                .isEqualTo(SignedQrText.Reason.NOT_DIGITS);
    }

    @Test
    void decode_overLimit_rejectedAsTooLargeBeforeAnythingElse() {
        assertThat(rejection("x".repeat(SignedQrText.MAX_TEXT_LENGTH + 1))).isEqualTo(SignedQrText.Reason.TOO_LARGE);
        assertThat(rejection("8".repeat(1_000_000))).isEqualTo(SignedQrText.Reason.TOO_LARGE);
        assertThat(rejection("x".repeat(SignedQrText.MAX_TEXT_LENGTH))).isEqualTo(SignedQrText.Reason.NOT_DIGITS);
    }

    @Test
    void decode_prefixAndLengthProblems_rejectedWithTheirReason() {
        String text = SignedQrText.encode(JwsFixtures.realistic(7, 200));
        assertThat(rejection("")).isEqualTo(SignedQrText.Reason.NOT_A_CONTAINER);
        assertThat(rejection("001099012345")).isEqualTo(SignedQrText.Reason.NOT_A_CONTAINER);
        assertThat(rejection("84")).isEqualTo(SignedQrText.Reason.BAD_LENGTH);
        assertThat(rejection("842" + text.substring(3))).isEqualTo(SignedQrText.Reason.UNSUPPORTED_VERSION);
        assertThat(rejection(text + "0")).isEqualTo(SignedQrText.Reason.BAD_LENGTH);
        assertThat(rejection(text.substring(0, text.length() - 1))).isEqualTo(SignedQrText.Reason.BAD_LENGTH);
        assertThat(rejection("841")).isEqualTo(SignedQrText.Reason.MALFORMED);
    }

    @Test
    void decode_chunkValueTooLarge_rejected() {
        String text = SignedQrText.encode(JwsFixtures.realistic(8, 200));
        String firstTooBig = "841" + "72057594037927936" + text.substring(3 + 17); // exactly 256^7
        assertThat(rejection(firstTooBig)).isEqualTo(SignedQrText.Reason.CHUNK_OUT_OF_RANGE);
        String maxOk = "841" + "72057594037927935" + text.substring(3 + 17);
        assertThat(rejection(maxOk)).isNotEqualTo(SignedQrText.Reason.CHUNK_OUT_OF_RANGE);
        // 200 + 38 + 64 = 302 bytes = 43 chunks + 1 byte written as 3 digits: 256 does not fit one byte
        assertThat(text.length()).isEqualTo(3 + 43 * 17 + 3);
        assertThat(rejection(text.substring(0, text.length() - 3) + "256"))
                .isEqualTo(SignedQrText.Reason.CHUNK_OUT_OF_RANGE);
    }

    @Test
    void decode_craftedContainers_rejectedWithTheirReason() {
        byte[] sig = new byte[64];
        byte[] rawHeader = "{ \"a\":1}".getBytes(StandardCharsets.UTF_8);
        // well-formed raw coding decodes
        assertThat(decoded(SignedQrText.toDigits(concat(bytes(0x00, rawHeader.length), rawHeader, sig))))
                .isEqualTo(jws("{ \"a\":1}", new byte[0], sig));
        // container ends before the signature
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x00, rawHeader.length), rawHeader, new byte[63]))))
                .isEqualTo(SignedQrText.Reason.MALFORMED);
        // header length overruns the container
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x00, 0x7F), rawHeader, sig))))
                .isEqualTo(SignedQrText.Reason.MALFORMED);
        // raw header over the 1 KiB limit
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x00, 0x81, 0x08), new byte[1025], sig))))
                .isEqualTo(SignedQrText.Reason.HEADER_TOO_LARGE);
        // non-minimal varint (0x88 0x00 = 8)
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x00, 0x88, 0x00), rawHeader, sig))))
                .isEqualTo(SignedQrText.Reason.MALFORMED);
        // reserved flag bits in raw coding
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x01, rawHeader.length), rawHeader, sig))))
                .isEqualTo(SignedQrText.Reason.MALFORMED);
        // reserved header codings
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x80), sig))))
                .isEqualTo(SignedQrText.Reason.UNSUPPORTED_VERSION);
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0xC1, 0x00), sig))))
                .isEqualTo(SignedQrText.Reason.UNSUPPORTED_VERSION);
        // raw header that is not a JSON object
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x00, 3), "abc".getBytes(StandardCharsets.UTF_8),
                sig)))).isEqualTo(SignedQrText.Reason.MALFORMED);
        // unknown member, key and value codes
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x41, 0x3F), sig))))
                .isEqualTo(SignedQrText.Reason.MALFORMED);
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x41, 0x7F, 0, 1, 'x'), sig))))
                .isEqualTo(SignedQrText.Reason.MALFORMED);
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x41, 0x81), sig))))
                .isEqualTo(SignedQrText.Reason.MALFORMED);
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x41, 0x40, 0x03), sig))))
                .isEqualTo(SignedQrText.Reason.MALFORMED);
        // a literal holding a quote
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x41, 0x40, 0x00, 1, '"'), sig))))
                .isEqualTo(SignedQrText.Reason.MALFORMED);
        // 63 well-known members expand past 1 KiB
        byte[] many = new byte[64];
        many[0] = (byte) (0x40 | 63);
        java.util.Arrays.fill(many, 1, 64, (byte) 0x09); // "typ":"vneid-presentation+jwt", 33 bytes each
        assertThat(rejection(SignedQrText.toDigits(concat(many, sig))))
                .isEqualTo(SignedQrText.Reason.HEADER_TOO_LARGE);
    }

    @Test
    void decode_otherCodingOfTheSameJws_rejectedAsNonCanonical() {
        byte[] sig = new byte[64];
        byte[] header = "{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8);
        // raw coding of a header that the members coding covers
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x00, header.length), header, sig))))
                .isEqualTo(SignedQrText.Reason.NON_CANONICAL);
        // "alg" by key code + literal instead of the one-byte member
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x41, 0x40, 0x00, 5, 'E', 'S', '2', '5', '6'), sig))))
                .isEqualTo(SignedQrText.Reason.NON_CANONICAL);
        // literal key "alg" instead of the key code
        assertThat(rejection(SignedQrText.toDigits(concat(bytes(0x41, 0x80, 3, 'a', 'l', 'g', 0x00, 2, 'E', 'S'),
                sig)))).isEqualTo(SignedQrText.Reason.NON_CANONICAL);
        // a 32-byte base64url value coded with an explicit length
        byte[] kid = concat(bytes(0x41, 0x42, 0x01, 32), new byte[32]);
        assertThat(rejection(SignedQrText.toDigits(concat(kid, sig)))).isEqualTo(SignedQrText.Reason.NON_CANONICAL);
        byte[] canonicalKid = concat(bytes(0x41, 0x42, 0x02), new byte[32]);
        assertThat(decoded(SignedQrText.toDigits(concat(canonicalKid, sig))))
                .startsWith(b64(("{\"kid\":\"" + b64(new byte[32]) + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reasons_haveEnglishAndVietnameseMessages() {
        for (SignedQrText.Reason r : SignedQrText.Reason.values()) {
            assertThat(r.english()).isNotBlank();
            assertThat(r.vietnamese()).isNotBlank().isNotEqualTo(r.english());
        }
    }
}
