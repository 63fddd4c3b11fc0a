package io.github.eidvn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OnceTest {

    @Test
    void once_unsetOption_passesAndReturnsTheValue() {
        Once.once(false, "a");
        Once.once((Object) null, "a");
        assertThat(Once.once(null, "v", "a")).isEqualTo("v");
    }

    @Test
    void once_optionSetBefore_throwsIllegalStateNamingIt() {
        assertThatThrownBy(() -> Once.once(true, "clock")).isInstanceOf(IllegalStateException.class)
                .hasMessage("clock is already set");
        assertThatThrownBy(() -> Once.once("x", "clock")).isInstanceOf(IllegalStateException.class)
                .hasMessage("clock is already set");
        assertThatThrownBy(() -> Once.once("x", "y", "clock")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void once_nullValue_throwsNullPointerNamingTheOption() {
        assertThatThrownBy(() -> Once.once(null, null, "clock")).isInstanceOf(NullPointerException.class)
                .hasMessage("clock");
    }
}
