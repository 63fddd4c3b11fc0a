package io.github.eidvn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.ECKey;

import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.testing.Vectors;

/**
 * eid signs ES256 in low-S form on whichever engine runs (this class also runs with
 * {@code -Dio.github.eidvn.es256=bouncycastle}), and the low-S test agrees with an outside signature.
 */
class Es256LowSTest {

    private static final BigInteger N = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private static BigInteger s(byte[] signature) {
        return new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    }

    @Test
    void sign_alwaysLowS_onThisEngine() {
        // about half of raw ECDSA signatures have a high S: 200 signatures all low is the normalisation at work
        SigningKey key = SigningKey.generate();
        for (int i = 0; i < 200; i++) {
            byte[] data = ("message " + i).getBytes(StandardCharsets.US_ASCII);
            byte[] sig = key.signEs256(data);
            assertThat(s(sig)).as("signature %d on %s", i, io.github.eidvn.core.keys.Es256Engine.describe()).isLessThanOrEqualTo(N.shiftRight(1));
            assertThat(Es256.isLowS(sig)).isTrue();
        }
    }

    @Test
    void rfc7515A3_signatureIsHighS_itsLowSTwinVerifiesToo() throws Exception {
        String jws = Files.readString(Vectors.path("rfc7515-a3-es256", "jws-compact.txt"), StandardCharsets.US_ASCII)
                .strip();
        ECKey jwk = ECKey.parse(Files.readString(Vectors.path("rfc7515-a3-es256", "jwk-public.json"),
                StandardCharsets.US_ASCII));
        Es256PublicKey key = Es256PublicKey.of(jwk.toECPublicKey());
        String[] parts = jws.split("\\.");
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
        assertThat(Es256.isLowS(sig)).isFalse(); // s > n/2 in the RFC's example
        assertThat(key.verify(input, sig)).isTrue();
        byte[] low = Es256.toLowS(sig);
        assertThat(Es256.isLowS(low)).isTrue();
        assertThat(s(low)).isEqualTo(N.subtract(s(sig)));
        assertThat(key.verify(input, low)).isTrue();
        assertThat(Es256.toLowS(low)).isSameAs(low);
    }

    @Test
    void isLowS_boundaries() {
        byte[] sig = new byte[64];
        sig[31] = 1;
        assertThat(Es256.isLowS(sig)).isFalse(); // s = 0
        sig[63] = 1;
        assertThat(Es256.isLowS(sig)).isTrue(); // s = 1
        byte[] half = N.shiftRight(1).toByteArray();
        System.arraycopy(half, half.length - 32, sig, 32, 32);
        assertThat(Es256.isLowS(sig)).isTrue(); // s = n/2 (rounded down)
        sig[63]++;
        assertThat(Es256.isLowS(sig)).isFalse();
        assertThat(Es256.isLowS(new byte[63])).isFalse();
        assertThat(Es256.isLowS(null)).isFalse();
    }
}
