package io.github.eidvn.core.jose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JoseTextTest {

    @Test
    void printable_replacesControlAndNonAsciiAndCutsAt64() {
        assertThat(JoseText.printable(null)).isEqualTo("(none)");
        assertThat(JoseText.printable("a\u001fb\u007fc~ ")).isEqualTo("\"a?b?c~ \"");
        assertThat(JoseText.printable("é")).isEqualTo("\"?\"");
        assertThat(JoseText.printable("y".repeat(64))).isEqualTo("\"" + "y".repeat(64) + "\"");
        assertThat(JoseText.printable("y".repeat(65))).isEqualTo("\"" + "y".repeat(64) + "...\"");
    }
}
