package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;

/**
 * {@code zip: DEF} bombs (RFC 8725 §3.6 "avoid compression"; here only the QR form is compressed, and inflation is
 * capped at {@code RawDeflate.MAX_INFLATED_BYTES} before any key or signature work). Signed and unsigned bombs are
 * {@code JoseAttackTest#deflateBomb_rejectedWithTooLarge_signedOrNot}, the digits-container bomb
 * {@code AssertionVerifierScannedTest#digits_deflateBomb_tooLarge}. Here: the cap boundary, a bomb under an unknown
 * key (the size stage comes first), a bomb in the container, and the time a bomb costs.
 */
class ZipBombAttackTest {

    private final AttackKit k = new AttackKit();

    private String bomb(int inflatedBytes, io.github.eidvn.core.keys.SigningKey key, String headerJson) {
        byte[] spaces = new byte[inflatedBytes];
        Arrays.fill(spaces, (byte) ' ');
        return AttackKit.sign(key, headerJson, RawDeflate.deflate(spaces));
    }

    @Test
    void exactlyTheCap_isInflated_thenMalformed_oneMoreByte_tooLarge() {
        String h = AttackKit.headerJson(k.freshQr());
        assertThat(reason(k.verifier().verify(bomb(RawDeflate.MAX_INFLATED_BYTES, k.trusted, h))))
                .isEqualTo(Reason.MALFORMED);
        assertThat(reason(k.verifier().verify(bomb(RawDeflate.MAX_INFLATED_BYTES + 1, k.trusted, h))))
                .isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void bombUnderAnUnknownKid_tooLarge_beforeKeySelection() {
        String h = AttackKit.headerJson(k.freshQr()).replaceFirst("\"kid\":\"[^\"]+\"", "\"kid\":\"unknown-kid\"");
        assertThat(reason(k.verifier().verify(bomb(4 * 1024 * 1024, k.attacker, h)))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void bombInTheDigitsContainer_tooLarge_andCheap() {
        String h = AttackKit.headerJson(k.freshQr());
        String token = bomb(2 * 1024 * 1024, k.attacker, h);
        assertThat(token.length()).isLessThan(AssertionVerifier.MAX_COMPACT_CHARS);
        String digits = SignedQrText.encode(token);
        long start = System.nanoTime();
        assertThat(reason(k.verifier().verifyScanned(digits))).isEqualTo(Reason.TOO_LARGE);
        // the cap stops inflation early: far below the cost of inflating 2 MiB many times over
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void zipOnTheStandardForm_wrongType_evenWhenSmall() {
        String h = AttackKit.headerJson(k.jwt).replaceFirst("\\{", "{\"zip\":\"DEF\",");
        byte[] payload = RawDeflate.deflate(AttackKit.payloadJson(k.jwt).getBytes(StandardCharsets.UTF_8));
        assertThat(reason(k.verifier().verify(AttackKit.sign(k.trusted, h, payload)))).isEqualTo(Reason.WRONG_TYPE);
    }
}
