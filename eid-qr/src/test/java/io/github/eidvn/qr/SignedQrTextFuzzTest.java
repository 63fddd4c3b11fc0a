package io.github.eidvn.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target: {@link SignedQrText#decode(String)}, the digits-only container a scanner types. A crash is any
 * exception or a broken invariant: a decoded container holds a three-part compact JWS that encodes again to a text
 * decoding to the same JWS.
 */
class SignedQrTextFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        SignedQrText.DecodeResult r = SignedQrText.decode(text);
        assertThat(r).isNotNull();
        if (r instanceof SignedQrText.Decoded decoded) {
            String jws = decoded.compactJws();
            assertThat(jws.split("\\.", -1)).hasSize(3);
            assertThat(SignedQrText.decode(SignedQrText.encode(jws))).isEqualTo(decoded);
        } else {
            assertThat(((SignedQrText.Rejected) r).reason()).isNotNull();
        }
    }
}
