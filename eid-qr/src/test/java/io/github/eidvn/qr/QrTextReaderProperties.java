package io.github.eidvn.qr;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class QrTextReaderProperties {

    @Property(tries = 1000)
    void randomTexts_neverThrow(@ForAll("texts") String text) {
        assertThat(QrTextReader.read(text)).isNotNull();
    }

    @Property(tries = 200)
    void signedDigits_alwaysClassifiedAsTheSameJws(@ForAll("jws") String jws) {
        QrContent c = QrTextReader.read(SignedQrText.encode(jws));
        assertThat(c).isEqualTo(new QrContent.SignedJws(jws, QrContent.Source.SIGNED_DIGITS));
        QrContent shc = QrTextReader.read(QrSizes.smartHealthCardNumeric(jws));
        assertThat(shc).isInstanceOfAny(QrContent.SignedJws.class, QrContent.Rejected.class);
        if (shc instanceof QrContent.SignedJws) {
            assertThat(((QrContent.SignedJws) shc).compactJws()).isEqualTo(jws);
        }
    }

    @Provide
    Arbitrary<String> jws() {
        return SignedQrTextProperties.headers().flatMap(h -> Arbitraries.bytes().array(byte[].class).ofMaxSize(200)
                .map(p -> JwsFixtures.jws(h, p, new byte[64])));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> field = Arbitraries.strings().all().ofMaxLength(15);
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().numeric().ofMaxLength(400).map(s -> "84" + s),
                Arbitraries.strings().numeric().ofMaxLength(400).map(s -> "shc:/" + s),
                Arbitraries.strings().withChars("0123456789/").ofMaxLength(50).map(s -> "shc:/" + s),
                Arbitraries.strings().withChars("abcAB09-_.").ofMaxLength(200),
                field.list().ofMinSize(1).ofMaxSize(9).map(l -> String.join("|", l)),
                Arbitraries.strings().numeric().ofLength(8).list().ofSize(7).map(l -> String.join("|", l)));
    }
}
