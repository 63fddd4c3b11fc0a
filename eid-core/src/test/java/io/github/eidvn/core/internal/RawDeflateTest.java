package io.github.eidvn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class RawDeflateTest {

    @Property(tries = 200)
    void inflate_ofDeflate_isIdentity(@ForAll @Size(max = 2000) byte[] data) {
        assertThat(RawDeflate.inflate(RawDeflate.deflate(data), RawDeflate.MAX_INFLATED_BYTES)).isEqualTo(data);
    }

    @Test
    void inflate_bombPastCap_throwsTooLargeEarly() {
        byte[] bomb = RawDeflate.deflate(new byte[10 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(12_000);
        assertThatThrownBy(() -> RawDeflate.inflate(bomb, RawDeflate.MAX_INFLATED_BYTES))
                .isInstanceOf(RawDeflate.TooLargeException.class);
    }

    @Test
    void inflate_exactlyAtCap_accepted_oneBytePast_refused() {
        byte[] atCap = RawDeflate.deflate(new byte[RawDeflate.MAX_INFLATED_BYTES]);
        assertThat(RawDeflate.inflate(atCap, RawDeflate.MAX_INFLATED_BYTES)).hasSize(RawDeflate.MAX_INFLATED_BYTES);
        byte[] past = RawDeflate.deflate(new byte[RawDeflate.MAX_INFLATED_BYTES + 1]);
        assertThatThrownBy(() -> RawDeflate.inflate(past, RawDeflate.MAX_INFLATED_BYTES))
                .isInstanceOf(RawDeflate.TooLargeException.class);
    }

    @Test
    void inflate_highlyCompressedData_growsTheOutputUpToTheCap() {
        byte[] data = new byte[20_000];
        java.util.Arrays.fill(data, (byte) 'a');
        data[19_999] = 'b';
        byte[] deflated = RawDeflate.deflate(data);
        assertThat(deflated.length).isLessThan(100);
        assertThat(RawDeflate.inflate(deflated, RawDeflate.MAX_INFLATED_BYTES)).isEqualTo(data);
        assertThat(RawDeflate.inflate(deflated, 20_000)).isEqualTo(data);
        assertThatThrownBy(() -> RawDeflate.inflate(deflated, 19_999)).isInstanceOf(RawDeflate.TooLargeException.class);
    }

    @Test
    void inflate_truncatedStream_rejected() {
        byte[] full = RawDeflate.deflate("hello hello hello hello world".getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(full, full.length - 2);
        assertThatThrownBy(() -> RawDeflate.inflate(cut, 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inflate_trailingBytes_rejected() {
        byte[] full = RawDeflate.deflate("hello".getBytes(StandardCharsets.UTF_8));
        byte[] extra = Arrays.copyOf(full, full.length + 3);
        assertThatThrownBy(() -> RawDeflate.inflate(extra, 1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void inflate_garbage_rejected() {
        assertThatThrownBy(() -> RawDeflate.inflate(new byte[] {(byte) 0xff, (byte) 0xff, 0x00}, 1000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RawDeflate.inflate(new byte[0], 1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
