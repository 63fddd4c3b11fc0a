package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.verifier.Reason;

/**
 * Hostile JSON values in signed claims and headers: huge numbers ({@code exp} = 1e400, 2^63, 2^63 - 1, a 5,000-digit
 * integer, {@code iat} = -2^63, fractions) and deeply nested JSON (10,000 levels). Everything is signed by the trusted
 * key, so only the claim decoding stands in the way: numbers outside the decoder's range are
 * {@link Reason#MALFORMED} (never a silently wrapped or saturated {@code Instant}), and nesting is refused by the
 * JSON reader's depth limit as {@link Reason#MALFORMED} (never a {@link StackOverflowError}). Ten thousand levels
 * only fit the 8,000-character limit through the compressed QR form; in the standard form they are
 * {@link Reason#TOO_LARGE}.
 */
class JsonBoundsAttackTest {

    private final AttackKit k = new AttackKit();

    private Reason withStandardClaims(String from, String to) {
        String jwt = k.freshJwt();
        String payload = AttackKit.payloadJson(jwt);
        String changed = payload.replaceFirst(from, to);
        assertThat(changed).isNotEqualTo(payload);
        return reason(k.verifier().verify(AttackKit.sign(k.trusted, AttackKit.headerJson(jwt), changed)));
    }

    private Reason withQrClaims(String from, String to) {
        String qr = k.freshQr();
        String payload = AttackKit.payloadJson(qr);
        String changed = payload.replaceFirst(from, to);
        assertThat(changed).isNotEqualTo(payload);
        return reason(k.verifier().verify(AttackKit.sign(k.trusted, AttackKit.headerJson(qr),
                RawDeflate.deflate(changed.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void hugeOrFractionalTimes_malformed_bothForms() {
        for (String value : List.of("1e400", "9223372036854775808", "9223372036854775807", "-9223372036854775808",
                "9".repeat(5000), "1789614600.5", "1.7896146E9", "\"1789614600\"", "null")) {
            assertThat(withStandardClaims("\"exp\":[0-9]+", "\"exp\":" + value)).as("exp %s", value.length() > 40
                    ? value.substring(0, 40) : value).isEqualTo(Reason.MALFORMED);
            // claim profile version 2 writes exp as x, seconds after iat
            assertThat(withQrClaims("\"x\":[0-9]+", "\"x\":" + value)).as("qr exp").isEqualTo(Reason.MALFORMED);
        }
        assertThat(withStandardClaims("\"iat\":[0-9]+", "\"iat\":-9223372036854775808")).isEqualTo(Reason.MALFORMED);
        assertThat(withStandardClaims("\"nbf\":[0-9]+|\\{", "{\"nbf\":1e400,")).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void hugeNumberInACitizenClaim_malformed() {
        assertThat(withQrClaims("\"bd\":[0-9]+", "\"bd\":1e400")).isEqualTo(Reason.MALFORMED);
        assertThat(withQrClaims("\"l\":[0-9]+", "\"l\":18446744073709551618")).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void tenThousandLevels_inSignedCompressedClaims_malformed_noStackOverflow() {
        String arrays = "[".repeat(10_000) + "]".repeat(10_000);
        String objects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertThat(withQrClaims("\\{", "{\"x\":" + arrays + ",")).isEqualTo(Reason.MALFORMED);
        assertThat(withQrClaims("\\{", "{\"x\":" + objects + ",")).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void deepNesting_inTheStandardForm_tooLarge_inTheHeader_malformed() {
        assertThat(withStandardClaims("\\{", "{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + ","))
                .isEqualTo(Reason.TOO_LARGE);
        String header = AttackKit.headerJson(k.jwt).replaceFirst("\\{",
                "{\"x\":" + "[".repeat(2_500) + "]".repeat(2_500) + ",");
        assertThat(reason(k.verifier().verify(AttackKit.sign(k.attacker, header, AttackKit.payloadJson(k.jwt)))))
                .isEqualTo(Reason.MALFORMED);
    }
}
