package io.github.eidvn.qr;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The canonical-form check by the last character's unused bits equals the re-encoding check it replaces. */
class Base64UrlProperties {

    @Property(tries = 300)
    void decodeCanonical_acceptsExactlyTheTextsThatReEncodeToThemselves(
            @ForAll @CharRange(from = 'A', to = 'Z') @CharRange(from = 'a', to = 'z') @CharRange(from = '0', to = '9')
            @Chars({'-', '_'}) @StringLength(max = 24) String text) {
        Assume.that(text.length() % 4 != 1);
        byte[] lenient = Base64Url.decodeLenient(text);
        boolean reEncodes = lenient != null && Base64Url.encode(lenient).equals(text);
        assertThat(Base64Url.decodeCanonical(text) != null).isEqualTo(reEncodes);
    }
}
