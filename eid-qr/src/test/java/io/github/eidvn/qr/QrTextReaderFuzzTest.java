package io.github.eidvn.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target: {@link QrTextReader#read(String)}, the classifier of every scanned text (eid digits container,
 * compact JWS, SMART Health Card {@code shc:/} numeric text, unsigned legacy chip-card QR
 * {@code id|cmnd|name|ddMMyyyy|gender|address|ddMMyyyy}). Seeds cover each format. A crash is any exception or a
 * broken invariant: a JWS result has three parts, legacy data is never marked verified.
 */
class QrTextReaderFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void read(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        QrContent c = QrTextReader.read(text);
        assertThat(c).isNotNull();
        if (c instanceof QrContent.SignedJws jws) {
            assertThat(jws.compactJws().split("\\.", -1)).hasSize(3);
            assertThat(jws.source()).isNotNull();
        } else if (c instanceof QrContent.UnverifiedChipCard card) {
            assertThat(card.data().verified()).isFalse();
            assertThat(card.data().personalNumber()).matches("[0-9]{12}");
        } else {
            assertThat(((QrContent.Rejected) c).reason()).isNotNull();
        }
    }
}
