package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.ECKey;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.QrContent;
import io.github.eidvn.qr.QrSizes;
import io.github.eidvn.qr.QrTextReader;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;

/** {@link AssertionVerifier#verifyScanned(String)}: every scanned format through one pipeline. */
class AssertionVerifierScannedTest {

    private static final String LEGACY = "079303012345||Nguyễn Thị Minh Khai|17052003|Nữ|"
            + "Số 12 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh|01062021";

    private final KeyRing ring = KeyRing.generate();
    private final SigningKey trusted = ring.current();
    private final SigningKey attacker = SigningKey.generate();
    private final TrustStore trust = TrustStore.fromJwks(ring.publicJwksJson());
    private final AssertionIssuer issuer = AssertionFixtures.issuer(ring, AssertionFixtures.clock());
    private final String qrJws = issuer.issueForQr(AssertionFixtures.hospitalRequest());

    private AssertionVerifier verifier() {
        return AssertionVerifier.builder().trustStore(trust).clock(AssertionFixtures.clock())
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
    }

    private static Reason reason(VerificationResult r) {
        assertThat(r).as("must be rejected: %s", r).isInstanceOf(Rejected.class);
        return ((Rejected) r).reason();
    }

    /** A QR-form token re-signed with the given header changes and key, packed into the digits container. */
    private String digits(SigningKey key, Map<String, Object> headerChanges, Map<String, Object> claimChanges) {
        Map<String, Object> h = Tokens.header(qrJws);
        h.putAll(headerChanges);
        Map<String, Object> c = Tokens.payload(qrJws);
        c.putAll(claimChanges);
        return SignedQrText.encode(Tokens.sign(key, h, c));
    }

    @Test
    void digitsContainer_verified_sameAssertionAsTheJws() {
        String text = SignedQrText.encode(qrJws);
        VerificationResult r = verifier().verifyScanned(text);
        assertThat(r).isInstanceOf(Verified.class);
        Verified v = (Verified) r;
        assertThat(v.assertion().name()).hasValue("Nguyễn Thị Minh Khai");
        assertThat(v.assertion().healthInsurance().orElseThrow().benefitLevel()).isEqualTo(4);
        AssertionVerifier other = verifier();
        assertThat(((Verified) other.verify(qrJws)).assertion()).isEqualTo(v.assertion());
    }

    @Test
    void trailingScannerLineBreak_ignored() {
        assertThat(verifier().verifyScanned(SignedQrText.encode(qrJws) + "\r\n")).isInstanceOf(Verified.class);
        assertThat(verifier().verifyScanned(SignedQrText.encode(qrJws) + "\n")).isInstanceOf(Verified.class);
    }

    @Test
    void plainCompactJwsAndSmartHealthCardText_verifiedThroughTheSamePipeline() {
        assertThat(verifier().verifyScanned(qrJws)).isInstanceOf(Verified.class);
        assertThat(verifier().verifyScanned(QrSizes.smartHealthCardNumeric(qrJws))).isInstanceOf(Verified.class);
        String jwt = issuer.issueJwt(AssertionFixtures.hospitalRequest());
        assertThat(verifier().verifyScanned(jwt)).isInstanceOf(Verified.class);
    }

    @Test
    void legacyChipCardQr_unsignedLegacy() {
        VerificationResult r = verifier().verifyScanned(LEGACY);
        assertThat(reason(r)).isEqualTo(Reason.UNSIGNED_LEGACY);
        assertThat(((Rejected) r).detail()).doesNotContain("079303012345").doesNotContain("Nguyễn");
        assertThat(reason(verifier().verifyScanned(QrTextReader.read(LEGACY)))).isEqualTo(Reason.UNSIGNED_LEGACY);
    }

    @Test
    void classifierRejections_malformed_orTooLarge() {
        AssertionVerifier v = verifier();
        assertThat(reason(v.verifyScanned((String) null))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(v.verifyScanned(""))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(v.verifyScanned("\n"))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(v.verifyScanned("hello world"))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(v.verifyScanned("0123456789"))).isEqualTo(Reason.MALFORMED);
        String text = SignedQrText.encode(qrJws);
        assertThat(reason(v.verifyScanned(text.substring(0, text.length() - 1)))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(v.verifyScanned("842" + text.substring(3)))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(v.verifyScanned("shc:/1/2/5676"))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(v.verifyScanned("shc:/567"))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(v.verifyScanned("079303012345|x|y"))).isEqualTo(Reason.MALFORMED);
        assertThatThrownBy(() -> v.verifyScanned((QrContent) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void textOver8000Characters_tooLarge_beforeAnyParsing() {
        AssertionVerifier v = verifier();
        assertThat(reason(v.verifyScanned("8".repeat(SignedQrText.MAX_TEXT_LENGTH + 1))))
                .isEqualTo(Reason.TOO_LARGE);
        assertThat(reason(v.verifyScanned("x".repeat(1_000_000)))).isEqualTo(Reason.TOO_LARGE);
        assertThat(reason(v.verifyScanned("8".repeat(SignedQrText.MAX_TEXT_LENGTH)))).isEqualTo(Reason.MALFORMED);
    }

    // attacks through the digits path

    @Test
    void digits_deflateBomb_tooLarge() {
        Map<String, Object> h = Tokens.header(qrJws);
        byte[] bomb = RawDeflate.deflate(new byte[RawDeflate.MAX_INFLATED_BYTES + 1]);
        String text = SignedQrText.encode(Tokens.sign(trusted, StrictJson.writeString(h), bomb));
        assertThat(text.length()).isLessThan(SignedQrText.MAX_TEXT_LENGTH);
        assertThat(reason(verifier().verifyScanned(text))).isEqualTo(Reason.TOO_LARGE);
        byte[] atLimit = RawDeflate.deflate(new byte[RawDeflate.MAX_INFLATED_BYTES]);
        String notBomb = SignedQrText.encode(Tokens.sign(trusted, StrictJson.writeString(h), atLimit));
        assertThat(reason(verifier().verifyScanned(notBomb))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void digits_expiredNotYetValidWrongAudienceWrongPurpose() {
        long iat = AssertionFixtures.NOW.getEpochSecond();
        // claim profile version 2: t = iat, x = exp - iat, a = aud, p = purpose
        assertThat(reason(verifier().verifyScanned(digits(trusted, Map.of(),
                Map.of("t", iat - 3600, "x", 3000))))).isEqualTo(Reason.EXPIRED);
        assertThat(reason(verifier().verifyScanned(digits(trusted, Map.of(),
                Map.of("nbf", iat + 3600))))).isEqualTo(Reason.NOT_YET_VALID);
        assertThat(reason(verifier().verifyScanned(digits(trusted, Map.of(),
                Map.of("a", "01001"))))).isEqualTo(Reason.WRONG_AUDIENCE);
        assertThat(reason(verifier().verifyScanned(digits(trusted, Map.of(),
                Map.of("p", "marketing"))))).isEqualTo(Reason.WRONG_PURPOSE);
        AssertionVerifier later = AssertionVerifier.builder().trustStore(trust)
                .clock(AssertionFixtures.clockAt(AssertionFixtures.NOW.plus(Duration.ofMinutes(12))))
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
        assertThat(reason(later.verifyScanned(SignedQrText.encode(qrJws)))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void digits_sameQrScannedTwice_replayed() {
        AssertionVerifier v = verifier();
        String text = SignedQrText.encode(qrJws);
        assertThat(v.verifyScanned(text)).isInstanceOf(Verified.class);
        assertThat(reason(v.verifyScanned(text))).isEqualTo(Reason.REPLAYED);
        assertThat(reason(v.verifyScanned(qrJws))).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void digits_attackerKeyWithEmbeddedJwkOrJku_neverTrusted() throws Exception {
        ECKey attackerJwk = com.nimbusds.jose.jwk.JWK.parse(attacker.publicJwkJson()).toECKey();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("jwk", StrictJson.parseObject(attackerJwk.toJSONString()));
        assertThat(reason(verifier().verifyScanned(digits(attacker, jwk, Map.of())))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reason(verifier().verifyScanned(digits(attacker,
                Map.of("jku", "https://attacker.example/jwks.json", "kid", attacker.kid().substring(0, 8)),
                Map.of())))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(reason(verifier().verifyScanned(digits(attacker, Map.of("x5u", "https://attacker.example/c"),
                Map.of())))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void digits_critAndOtherAlgorithms_rejected() {
        assertThat(reason(verifier().verifyScanned(digits(trusted, Map.of("crit", List.of("eid-ext"), "eid-ext", 1),
                Map.of())))).isEqualTo(Reason.UNSUPPORTED_CRITICAL_HEADER);
        // a 64-byte signature under another algorithm name: refused before any key is used
        for (String alg : List.of("HS512", "ES256K", "EdDSA", "none")) {
            assertThat(reason(verifier().verifyScanned(digits(trusted, Map.of("alg", alg), Map.of())))).as(alg)
                    .isEqualTo(Reason.DISALLOWED_ALGORITHM);
        }
    }

    @Test
    void shcAndPlainPath_algNoneAndHs256_neverVerified() throws Exception {
        Map<String, Object> h = Tokens.header(qrJws);
        h.put("alg", "HS256");
        String input = Tokens.b64(StrictJson.write(h)) + "." + qrJws.split("\\.")[1];
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(trusted.publicKey().getEncoded(), "HmacSHA256"));
        String hs = input + "." + Tokens.b64(mac.doFinal(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(reason(verifier().verifyScanned(QrSizes.smartHealthCardNumeric(hs))))
                .isEqualTo(Reason.DISALLOWED_ALGORITHM);
        assertThat(reason(verifier().verifyScanned(hs))).isEqualTo(Reason.DISALLOWED_ALGORITHM);
        h.put("alg", "none");
        String none = Tokens.b64(StrictJson.write(h)) + "." + qrJws.split("\\.")[1] + ".";
        assertThat(verifier().verifyScanned(none)).isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> SignedQrText.encode(none)).isInstanceOf(IllegalArgumentException.class);
    }
}
