package io.github.eidvn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtocolTokenTest {

    @Test
    void check_printableAsciiUpTo128_returnedUnchanged() {
        assertThat(ProtocolToken.check("issuer", "https://vneid.gov.vn")).isEqualTo("https://vneid.gov.vn");
        assertThat(ProtocolToken.check("issuer", "x".repeat(128))).hasSize(128);
    }

    @Test
    void check_spaceEmptyTooLongOrNonAscii_rejectedNamingTheOption() {
        for (String bad : new String[] {"", "a b", "x".repeat(129), "bệnh-viện", "tab\there"}) {
            assertThatThrownBy(() -> ProtocolToken.check("audience", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("audience must be 1 to 128 printable ASCII characters without spaces");
        }
    }

    @Test
    void check_null_nullPointerNamingTheOption() {
        assertThatThrownBy(() -> ProtocolToken.check("purpose", null))
                .isInstanceOf(NullPointerException.class).hasMessage("purpose");
    }
}
