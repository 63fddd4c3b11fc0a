package io.github.eidvn.account.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;

import org.junit.jupiter.api.Test;

class DevicePublicKeyTest {

    private final TestDevice phone = new TestDevice("phone-1");

    @Test
    void parse_p256Spki_roundTrip() {
        byte[] der = phone.keys.getPublic().getEncoded();
        DevicePublicKey k = DevicePublicKey.parse(der).orElseThrow();
        assertThat(k).isEqualTo(phone.publicKey);
        assertThat(k.encoded()).isEqualTo(der);
        assertThat(k.thumbprint()).hasSize(43);
        assertThat(k.toString()).startsWith("DevicePublicKey[P-256 ");
    }

    @Test
    void parse_otherCurvesAndGarbage_empty() {
        assertThat(DevicePublicKey.parse(TestDevice.newKeyPair("secp384r1").getPublic().getEncoded())).isEmpty();
        assertThat(DevicePublicKey.parse(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00})).isEmpty();
        assertThat(DevicePublicKey.parse(new byte[0])).isEmpty();
        assertThat(DevicePublicKey.parse(null)).isEmpty();
        assertThat(DevicePublicKey.parse(new byte[1000])).isEmpty();
        assertThatThrownBy(() -> DevicePublicKey.of((ECPublicKey) TestDevice.newKeyPair("secp384r1").getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_pointNotOnCurve_empty() {
        byte[] der = phone.keys.getPublic().getEncoded();
        der[der.length - 1] ^= 0x01; // change y: the point leaves the curve
        assertThat(DevicePublicKey.parse(der)).isEmpty();
    }

    @Test
    void verify_derAndRawSignatures() {
        String msg = "eid-unlock-v1.abc";
        byte[] m = msg.getBytes(StandardCharsets.UTF_8);
        assertThat(phone.publicKey.verify(m, phone.sign(msg))).isTrue();
        byte[] raw = phone.signRaw(msg);
        assertThat(raw).hasSize(64);
        assertThat(phone.publicKey.verify(m, raw)).isTrue();
        assertThat(phone.publicKey.verify("other".getBytes(StandardCharsets.UTF_8), phone.sign(msg))).isFalse();
        assertThat(new TestDevice("x").publicKey.verify(m, phone.sign(msg))).isFalse();
        assertThat(phone.publicKey.verify(m, null)).isFalse();
        assertThat(phone.publicKey.verify(m, new byte[64])).isFalse();
        assertThat(phone.publicKey.verify(m, new byte[70])).isFalse();
    }
}
