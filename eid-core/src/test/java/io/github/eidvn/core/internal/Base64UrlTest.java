package io.github.eidvn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class Base64UrlTest {

    @Property(tries = 200)
    void decode_ofEncode_isIdentity(@ForAll byte[] data) {
        assertThat(Base64Url.decode(Base64Url.encode(data))).isEqualTo(data);
    }

    @Property(tries = 300)
    void canonicalCheck_sameAsReEncoding(@ForAll @net.jqwik.api.constraints.CharRange(from = 'A', to = 'Z')
            @net.jqwik.api.constraints.CharRange(from = 'a', to = 'z')
            @net.jqwik.api.constraints.CharRange(from = '0', to = '9') @net.jqwik.api.constraints.Chars({'-', '_'})
            @net.jqwik.api.constraints.StringLength(max = 24) String text) {
        net.jqwik.api.Assume.that(text.length() % 4 != 1);
        boolean reEncodes = Base64Url.encode(java.util.Base64.getUrlDecoder().decode(text)).equals(text);
        assertThat(Base64Url.unusedBitsZero(text)).isEqualTo(reEncodes);
    }

    @Test
    void decode_nonCanonicalLastCharacter_rejected() {
        // "QQ" is canonical for 0x41; "QR" decodes to the same byte with non-zero unused bits
        assertThat(Base64Url.decode("QQ")).containsExactly(0x41);
        assertThatThrownBy(() -> Base64Url.decode("QR")).hasMessageContaining("non-canonical");
    }

    @Test
    void decode_paddingOrForeignCharacters_rejected() {
        assertThatThrownBy(() -> Base64Url.decode("QQ==")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base64Url.decode("a+b/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base64Url.decode("ab c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base64Url.decode("abcde")).isInstanceOf(IllegalArgumentException.class);
    }
}
