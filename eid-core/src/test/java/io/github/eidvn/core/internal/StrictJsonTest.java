package io.github.eidvn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void parseObject_keepsOrderAndTypes() {
        var m = StrictJson.parseObject("{\"b\":1,\"a\":\"x\",\"c\":[true],\"d\":12345678901}");
        assertThat(m.keySet()).containsExactly("b", "a", "c", "d");
        assertThat(m.get("b")).isEqualTo(1);
        assertThat(m.get("c")).isEqualTo(List.of(true));
        assertThat(m.get("d")).isEqualTo(12345678901L);
    }

    @Test
    void parseObject_duplicateMember_rejected() {
        assertThatThrownBy(() -> StrictJson.parseObject("{\"alg\":\"ES256\",\"alg\":\"none\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseObject_trailingTokensOrNonObject_rejected() {
        assertThatThrownBy(() -> StrictJson.parseObject("{} {}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StrictJson.parseObject("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StrictJson.parseObject("null")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseObject_invalidUtf8_rejected() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThatThrownBy(() -> StrictJson.parseObject(bad)).hasMessageContaining("UTF-8");
    }

    @Test
    void parseObject_deepNesting_rejected() {
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        assertThatThrownBy(() -> StrictJson.parseObject(deep)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseObject_errorMessageNeverEchoesContent() {
        assertThatThrownBy(() -> StrictJson.parseObject("{\"name\":\"Nguyễn Văn A\" oops}"))
                .message().doesNotContain("Nguyễn");
    }

    @Test
    void write_isCompactUtf8() {
        assertThat(new String(StrictJson.write(java.util.Map.of("nm", "Ễ")), StandardCharsets.UTF_8))
                .isEqualTo("{\"nm\":\"Ễ\"}");
    }
}
