package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.b64;
import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.verifier.Reason;

/**
 * RFC 8725 §2.1/§3.1: {@code alg: none} and its case variants. The base case (both forms of {@code kid}) is
 * {@code JoseAttackTest#algNone_rejectedWithDisallowedAlgorithm}; here: every variant with an empty, a garbage and a
 * stolen valid signature, through {@code verify} and the scanner path, always {@link Reason#DISALLOWED_ALGORITHM} (except an
 * empty signature on the scanner path, which its reader refuses first as {@link Reason#MALFORMED}).
 */
class AlgNoneAttackTest {

    private final AttackKit k = new AttackKit();

    private static final List<String> NONES = List.of("none", "None", "NONE", "nOnE", "noNe");

    @Test
    void algNoneVariants_withAnySignature_disallowedAlgorithm() {
        String stolenSignature = AttackKit.parts(k.jwt)[2];
        for (String none : NONES) {
            Map<String, Object> h = AttackKit.header(k.jwt);
            h.put("alg", none);
            String unsigned = b64(StrictJson.write(h)) + "." + AttackKit.parts(k.jwt)[1];
            for (String sig : List.of("", b64("garbage"), stolenSignature)) {
                assertThat(reason(k.verifier().verify(unsigned + "." + sig))).as("%s / %s", none, sig)
                        .isEqualTo(Reason.DISALLOWED_ALGORITHM);
                // the scanner path's reader already refuses a JWS-shaped text without a signature
                assertThat(reason(k.verifier().verifyScanned(unsigned + "." + sig))).as("scanned %s", none)
                        .isEqualTo(sig.isEmpty() ? Reason.MALFORMED : Reason.DISALLOWED_ALGORITHM);
            }
        }
    }

    @Test
    void algNoneInTheQrFormAndTheDigitsContainer_disallowedAlgorithm() {
        String qr = k.freshQr();
        for (String none : NONES) {
            Map<String, Object> h = AttackKit.header(qr);
            h.put("alg", none);
            String token = b64(StrictJson.write(h)) + "." + AttackKit.parts(qr)[1] + "." + AttackKit.parts(qr)[2];
            assertThat(reason(k.verifier().verify(token))).as(none).isEqualTo(Reason.DISALLOWED_ALGORITHM);
            // the digits container carries any header bytes; the pipeline refuses the algorithm after unpacking
            String digits = SignedQrText.encode(token);
            assertThat(reason(k.verifier().verifyScanned(digits))).as(none).isEqualTo(Reason.DISALLOWED_ALGORITHM);
        }
    }

    @Test
    void algMissingOrNotAString_malformed() {
        for (Object alg : new Object[] {null, 0, List.of("ES256"), Map.of("name", "ES256"), true}) {
            Map<String, Object> h = AttackKit.header(k.jwt);
            if (alg == null) {
                h.remove("alg");
            } else {
                h.put("alg", alg);
            }
            String token = b64(StrictJson.write(h)) + "." + AttackKit.parts(k.jwt)[1] + "." + AttackKit.parts(k.jwt)[2];
            assertThat(reason(k.verifier().verify(token))).as("%s", alg).isEqualTo(Reason.MALFORMED);
        }
    }
}
