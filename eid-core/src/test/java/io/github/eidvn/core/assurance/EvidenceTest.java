package io.github.eidvn.core.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EvidenceTest {

    @Test
    void of_copiesAttributesImmutablyInOrder() {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("z_first", "1");
        attrs.put("a_second", "2");
        Evidence e = Evidence.of("biometric", "face", attrs);
        attrs.put("later", "3");
        assertThat(e.attributes().keySet()).containsExactly("z_first", "a_second");
        assertThatThrownBy(() -> e.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void invalidNames_rejected() {
        assertThatThrownBy(() -> Evidence.of("Document", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evidence.of("document", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evidence.of("document", "x", Map.of("type", "y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evidence.of("document", "x", Map.of("check_details", "y")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
