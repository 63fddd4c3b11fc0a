package io.github.eidvn.core.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.RawDeflate;

class CompactJwsTest {

    private static String b64(String s) {
        return b64(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static JoseDefect defect(String text) {
        try {
            CompactJws.parse(text, 200);
        } catch (JoseDefectException e) {
            return e.defect();
        }
        throw new AssertionError("parsed: " + text);
    }

    @Test
    void parse_wellFormed_givesHeaderMembersAndSigningInput() throws Exception {
        String h = b64("{\"alg\":\"ES256\",\"kid\":\"k1\",\"typ\":\"t\"}");
        CompactJws jws = CompactJws.parse(h + "." + b64("{}") + "." + b64(new byte[] {1, 2}), 200);
        assertThat(jws.alg()).isEqualTo("ES256");
        assertThat(jws.kid()).isEqualTo("k1");
        assertThat(jws.typ()).isEqualTo("t");
        assertThat(jws.zip()).isNull();
        assertThat(jws.signature()).containsExactly(1, 2);
        assertThat(new String(jws.signingInput(), StandardCharsets.US_ASCII)).isEqualTo(h + "." + b64("{}"));
    }

    @Test
    void parse_badInput_closedDefects() {
        String h = b64("{\"alg\":\"ES256\"}");
        assertThat(defect(null)).isEqualTo(JoseDefect.MALFORMED);
        assertThat(defect("")).isEqualTo(JoseDefect.MALFORMED);
        assertThat(defect("a".repeat(201))).isEqualTo(JoseDefect.TOO_LARGE);
        assertThat(defect(h + "." + b64("{}"))).isEqualTo(JoseDefect.MALFORMED);
        assertThat(defect(h + "." + b64("{}") + ".AA.AA")).isEqualTo(JoseDefect.MALFORMED);
        assertThat(defect("." + b64("{}") + ".AA")).isEqualTo(JoseDefect.MALFORMED);
        assertThat(defect(h + "." + b64("{}") + ".AB")).isEqualTo(JoseDefect.MALFORMED); // non-canonical
        assertThat(defect(b64("{\"alg\":\"ES256\",\"alg\":\"none\"}") + "..AA")).isEqualTo(JoseDefect.MALFORMED);
        assertThat(defect(b64("{\"alg\":1}") + "..AA")).isEqualTo(JoseDefect.MALFORMED);
        assertThat(defect(b64("{\"alg\":\"ES256\",\"b64\":false}") + "..AA")).isEqualTo(JoseDefect.MALFORMED);
    }

    @Test
    void payload_limitsAndZip() throws Exception {
        String plain = b64("{\"alg\":\"ES256\"}") + "." + b64("x".repeat(20)) + ".AA";
        assertThat(CompactJws.parse(plain, 200).payload(20)).hasSize(20);
        assertThatThrownBy(() -> CompactJws.parse(plain, 200).payload(19))
                .isInstanceOfSatisfying(JoseDefectException.class,
                        e -> assertThat(e.defect()).isEqualTo(JoseDefect.TOO_LARGE));
        byte[] bomb = RawDeflate.deflate(new byte[10_000]);
        String zipped = b64("{\"alg\":\"ES256\",\"zip\":\"DEF\"}") + "." + b64(bomb) + ".AA";
        assertThat(CompactJws.parse(zipped, 500).payload(10_000)).hasSize(10_000);
        assertThatThrownBy(() -> CompactJws.parse(zipped, 500).payload(9_999))
                .isInstanceOfSatisfying(JoseDefectException.class,
                        e -> assertThat(e.defect()).isEqualTo(JoseDefect.TOO_LARGE));
        String otherZip = b64("{\"alg\":\"ES256\",\"zip\":\"GZ\"}") + "." + b64("{}") + ".AA";
        assertThatThrownBy(() -> CompactJws.parse(otherZip, 200).payload(100))
                .isInstanceOfSatisfying(JoseDefectException.class,
                        e -> assertThat(e.defect()).isEqualTo(JoseDefect.MALFORMED));
    }
}
