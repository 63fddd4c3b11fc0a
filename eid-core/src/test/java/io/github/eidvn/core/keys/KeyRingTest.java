package io.github.eidvn.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.StrictJson;

class KeyRingTest {

    @Test
    void rotate_returnsNewRingAndLeavesTheOldUnchanged() {
        KeyRing ring = KeyRing.generate();
        SigningKey first = ring.current();
        KeyRing rotated = ring.rotate();
        assertThat(ring.current()).isEqualTo(first);
        assertThat(ring.previous()).isEmpty();
        assertThat(rotated.current()).isNotEqualTo(first);
        assertThat(rotated.previous()).containsExactly(first);
        KeyRing twice = rotated.rotate();
        assertThat(twice.previous()).containsExactly(rotated.current(), first);
        assertThat(twice.keys()).hasSize(3).startsWith(twice.current());
    }

    @Test
    void publicJwks_listsAllKeysCurrentFirstPublicOnly() {
        KeyRing ring = KeyRing.generate().rotate();
        Map<String, Object> jwks = StrictJson.parseObject(ring.publicJwksJson());
        List<?> keys = (List<?>) jwks.get("keys");
        assertThat(keys).hasSize(2);
        Map<?, ?> k0 = (Map<?, ?>) keys.get(0);
        assertThat(k0.get("kid")).isEqualTo(ring.current().kid());
        for (Object k : keys) {
            assertThat(io.github.eidvn.testing.AssertionFixtures.asMap(k)).containsEntry("use", "sig").containsEntry("alg", "ES256")
                    .doesNotContainKey("d");
        }
    }

    @Test
    void retire_dropsAPreviousKey_butNeverTheCurrent() {
        KeyRing ring = KeyRing.generate().rotate();
        String old = ring.previous().get(0).kid();
        assertThat(ring.retire(old).previous()).isEmpty();
        assertThat(ring.find(old)).isPresent();
        assertThatThrownBy(() -> ring.retire(ring.current().kid())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.retire("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void privateJwks_roundTripsWithOrder() {
        KeyRing ring = KeyRing.generate().rotate().rotate();
        KeyRing again = KeyRing.fromPrivateJwksJson(ring.privateJwksJson());
        assertThat(again.current()).isEqualTo(ring.current());
        assertThat(again.previous()).isEqualTo(ring.previous());
    }

    @Test
    void of_sameKeyTwice_rejected() {
        SigningKey k = SigningKey.generate();
        assertThatThrownBy(() -> KeyRing.of(k, List.of(k))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRing.of(k, List.of()).rotate(k)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_showsKidsOnly() {
        KeyRing ring = KeyRing.generate().rotate();
        String d = (String) StrictJson.parseObject(ring.current().privateJwkJson()).get("d");
        assertThat(ring.toString()).contains(ring.current().kid()).doesNotContain(d);
    }
}
