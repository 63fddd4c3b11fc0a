package io.github.eidvn.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target: {@link TrustStore#fromJwks(String)} on any text. The documented failure for bad input is
 * {@link IllegalArgumentException}; anything else thrown is a crash. A loaded store respects its limits, pins an
 * allowed algorithm to every key, and survives a round trip through {@link TrustStore#toJwksJson()}.
 */
class TrustStoreFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void fromJwks(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        TrustStore store;
        try {
            store = TrustStore.fromJwks(json);
        } catch (IllegalArgumentException documented) {
            return;
        }
        assertThat(store.keys()).isNotEmpty().hasSizeLessThanOrEqualTo(TrustStore.MAX_KEYS);
        for (TrustedKey k : store.keys()) {
            assertThat(k.algorithm()).isIn("ES256", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
            assertThat(store.candidates(k.kid())).contains(k);
        }
        assertThat(TrustStore.fromJwks(store.toJwksJson()).keys()).hasSameSizeAs(store.keys());
    }
}
