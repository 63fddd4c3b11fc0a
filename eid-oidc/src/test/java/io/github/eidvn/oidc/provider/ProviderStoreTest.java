package io.github.eidvn.oidc.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.spi.InMemoryStateStore;

/** The provider's records: keyed by the SHA-256 of their secret id, single use, compare-and-set. */
class ProviderStoreTest {

    private final InMemoryStateStore raw = InMemoryStateStore.create();
    private final ProviderStore store = new ProviderStore(raw, "p:");

    private static String sha256(String s) throws Exception {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Object> record() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", "vcb-bank");
        m.put("state", null);
        m.put("level", 2);
        m.put("auth_time", 1_780_000_000L);
        m.put("amr", List.of("pwd", "otp"));
        return m;
    }

    @Test
    void put_keyIsPrefixKindAndSha256OfTheId_neverTheId() throws Exception {
        String id = store.newId();
        store.put(ProviderStore.CODE, id, record(), Duration.ofMinutes(1));
        assertThat(raw.liveKeys()).containsExactly("p:code:" + sha256(id));
        assertThat(new String(raw.get("p:code:" + sha256(id)).orElseThrow(), StandardCharsets.UTF_8))
                .doesNotContain(id);
    }

    @Test
    void take_readsTheRecordOnce() {
        String id = store.newId();
        store.put(ProviderStore.PUSHED_REQUEST, id, record(), Duration.ofMinutes(1));
        Map<String, Object> back = store.take(ProviderStore.PUSHED_REQUEST, id).orElseThrow();
        assertThat(back).containsEntry("client", "vcb-bank").containsEntry("state", null)
                .containsEntry("amr", List.of("pwd", "otp"));
        assertThat(((Number) back.get("level")).intValue()).isEqualTo(2);
        assertThat(((Number) back.get("auth_time")).longValue()).isEqualTo(1_780_000_000L);
        assertThat(store.take(ProviderStore.PUSHED_REQUEST, id)).isEmpty();
    }

    @Test
    void take_recordThatIsNotJson_empty() throws Exception {
        raw.put("p:tx:" + sha256("t"), "{not json".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(1));
        assertThat(store.take(ProviderStore.TRANSACTION, "t")).isEmpty();
    }

    @Test
    void replace_afterAnotherChange_refused() {
        String id = store.newId();
        store.put(ProviderStore.TRANSACTION, id, record(), Duration.ofMinutes(1));
        ProviderStore.Versioned first = store.read(ProviderStore.TRANSACTION, id).orElseThrow();
        ProviderStore.Versioned second = store.read(ProviderStore.TRANSACTION, id).orElseThrow();
        Map<String, Object> next = new LinkedHashMap<>(first.fields());
        next.put("phase", "consent");
        assertThat(store.replace(first, next, Duration.ofMinutes(1))).isTrue();
        assertThat(store.replace(second, next, Duration.ofMinutes(1))).isFalse();
        assertThat(store.remove(second)).isFalse();
        assertThat(store.read(ProviderStore.TRANSACTION, id).orElseThrow().fields()).containsEntry("phase", "consent");
    }

    @Test
    void firstUse_sameJtiTwice_secondIsAReplay() {
        assertThat(store.firstUse("vcb-bank", "jti-1", Duration.ofMinutes(1))).isTrue();
        assertThat(store.firstUse("vcb-bank", "jti-1", Duration.ofMinutes(1))).isFalse();
        assertThat(store.firstUse("other-bank", "jti-1", Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void newId_256RandomBitsBase64url() {
        String a = store.newId();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(store.newId()).isNotEqualTo(a);
    }
}
