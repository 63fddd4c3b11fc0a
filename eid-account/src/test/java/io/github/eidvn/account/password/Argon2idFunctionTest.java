package io.github.eidvn.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class Argon2idFunctionTest {

    private static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    /** RFC 9106 §5.3: Argon2id, v=0x13, m=32 KiB, t=3, p=4, T=32, P=32x01, S=16x02, K=8x03, X=12x04. */
    @Test
    void rfc9106Section5_3_testVector() {
        byte[] tag = Argon2idFunction.derive(filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 4), 32, 3, 4, 32);
        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void anyParameterChange_changesTheTag() {
        byte[] base = Argon2idFunction.derive(filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 4), 32, 3, 4, 32);
        assertThat(Argon2idFunction.derive(filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 5), 32, 3, 4, 32))
                .isNotEqualTo(base);
        assertThat(Argon2idFunction.derive(filled(32, 1), filled(16, 2), null, filled(12, 4), 32, 3, 4, 32))
                .isNotEqualTo(base);
        assertThat(Argon2idFunction.derive(filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 4), 32, 2, 4, 32))
                .isNotEqualTo(base);
    }
}
