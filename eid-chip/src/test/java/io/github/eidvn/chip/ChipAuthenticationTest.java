package io.github.eidvn.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eidvn.chip.ChipVerification.ChipAuthenticationStatus;
import io.github.eidvn.chip.ChipVerification.ChipRejected;
import io.github.eidvn.chip.ChipVerification.ChipVerified;
import io.github.eidvn.chip.ChipVerification.Reason;
import io.github.eidvn.chip.testing.CccdChips;
import io.github.eidvn.chip.testing.ChipAuthenticationChips;
import io.github.eidvn.testing.Vectors;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.interfaces.DHPublicKey;

import org.junit.jupiter.api.Test;

/**
 * Chip authentication (DG14): the Doc 9303 and BSI DG14 samples parsed (expected values as {@code openssl asn1parse}
 * lists them), and server-made challenges answered by simulated chips.
 */
class ChipAuthenticationTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] EF_COM_START = {0x60, 0x16, 0x5F, 0x01};

    private static byte[] vector(String... path) throws IOException {
        return Files.readAllBytes(Vectors.path("icao9303-chip", path));
    }

    @Test
    void fromDg14_doc9303Sample_dhKeyWithTheImplied3desProtocol() throws Exception {
        List<ChipAuthenticationKey> keys = ChipAuthenticationKey.fromDg14(vector("doc9303-sample-dg14.bin"));
        assertThat(keys).hasSize(1);
        ChipAuthenticationKey k = keys.get(0);
        assertThat(k.protocol()).isEqualTo("0.4.0.127.0.7.2.2.3.1.1");
        assertThat(k.version()).isEqualTo(1);
        assertThat(k.keyId()).isEmpty();
        assertThat(k.keyAgreement()).isEqualTo("DH");
        assertThat(k.cipher()).isEqualTo("3DES");
        DHPublicKey dh = (DHPublicKey) k.publicKey();
        assertThat(dh.getParams().getP().toString(16)).startsWith("dcb554df8c6931e865c1b588273d80a2d87ab539c5e4a0");
        assertThat(dh.getParams().getG().toString(16)).startsWith("2e69fe94d3c0a4378c8a479d83091aed41923425c10300");
        assertThat(dh.getParams().getL()).isEqualTo(0x3F9);
        assertThat(dh.getY().toString(16)).startsWith("553ce735ecf5cbf2029d30faa4f97335");
    }

    @Test
    void start_doc9303DhKey_terminalValueAsLongAsThePrimeAnd3desCommand() throws Exception {
        ChipAuthenticationKey k = ChipAuthenticationKey.fromDg14(vector("doc9303-sample-dg14.bin")).get(0);
        ChipAuthenticationChallenge c = ChipAuthenticationChallenge.start(k, RANDOM);
        assertThat(c.terminalPublicKeyData()).hasSize(128);
        assertThat(new BigInteger(1, c.terminalPublicKeyData()))
                .isEqualTo(((DHPublicKey) c.terminalPublicKey()).getY());
        // 0C B0 9E 00, Lc 0D, 97 01 04, 8E 08 <retail MAC>, Le 00
        assertThat(c.protectedCommand()).hasSize(19).startsWith(0x0C, 0xB0, 0x9E, 0x00, 0x0D, 0x97, 0x01, 0x04, 0x8E,
                0x08);
    }

    @Test
    void fromDg14_bsiSpecimen_brainpoolP224r1KeyWithEcdh3des() throws Exception {
        List<ChipAuthenticationKey> keys = ChipAuthenticationKey.fromDg14(vector("bsi2008", "DG14.bin"));
        assertThat(keys).hasSize(1);
        ChipAuthenticationKey k = keys.get(0);
        assertThat(k.protocol()).isEqualTo("0.4.0.127.0.7.2.2.3.2.1");
        assertThat(k.keyAgreement()).isEqualTo("ECDH");
        assertThat(k.cipher()).isEqualTo("3DES");
        ECPublicKey ec = (ECPublicKey) k.publicKey();
        assertThat(ec.getParams().getOrder().toString(16).toUpperCase())
                .isEqualTo("D7C134AA264366862A18302575D0FB98D116BC4B6DDEBCA3A5A7939F");
    }

    @Test
    void fromDg14_malformed_refusedWithAReason() {
        assertThat(ChipAuthenticationKey.fromDg14(new byte[] {0x6E, 2, 0x31, 0})).isEmpty();
        assertThatThrownBy(() -> ChipAuthenticationKey.fromDg14(new byte[] {0x6F, 2, 0x31, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DG14");
        assertThatThrownBy(() -> ChipAuthenticationKey.fromDg14(CccdChips.tlv(0x6E, CccdChips.tlv(0x31,
                CccdChips.tlv(0x30, new byte[] {0x06, 0x09, 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x01, 0x02},
                        new byte[] {0x04, 0x01, 0x00})))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DG14");
    }

    /** A synthetic CCCD chip with DG14 (signed by the SOD) and its chip key. */
    private record Chip(KeyPair key, Map<Integer, byte[]> groups, ChipFiles files) {
    }

    private static Chip chip(String curve, String protocol) {
        KeyPair key = ChipAuthenticationChips.chipKey(curve);
        Map<Integer, byte[]> g = CccdChips.groups(null);
        g.put(14, ChipAuthenticationChips.dg14(key.getPublic(), protocol, null));
        return new Chip(key, g, CccdChips.files(g, CccdChips.sod(CccdChips.pki(), g)));
    }

    private static ChipVerifier.Builder verifier() {
        return ChipVerifier.builder().trustList(TrustList.builder().certificate(CccdChips.pki().csca()).build())
                .clock(Clock.fixed(CccdChips.NOW, ZoneOffset.UTC));
    }

    private static ChipAuthenticationChallenge challenge(Chip chip) {
        return ChipAuthenticationChallenge.start(ChipAuthenticationKey.fromDg14(chip.groups().get(14)).get(0), RANDOM);
    }

    private static ChipVerification verifyWith(Chip chip, ChipAuthenticationChallenge c, byte[] response) {
        return verifier().build().verify(chip.files(), Optional.empty(), Optional.empty(),
                Optional.of(new ChipVerifier.ChipAuthenticationResponse(c, response)));
    }

    /** The chip's answer to a challenge, read with the protected command: AES when {@code aes}, else 3DES. */
    private static byte[] answer(KeyPair chipKey, boolean aes, ChipAuthenticationChallenge c) {
        return ChipAuthenticationChips.answer(chipKey, aes, c.terminalPublicKeyData(), c.protectedCommand(),
                EF_COM_START);
    }

    private static void assertChipAuthenticationFailed(ChipVerification v) {
        assertThat(v).isInstanceOfSatisfying(ChipRejected.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.CHIP_AUTHENTICATION_FAILED));
    }

    @Test
    void verify_genuineChipAnsweringAes128Challenge_chipAuthenticationVerified() {
        Chip chip = chip("brainpoolP256r1", ChipAuthenticationChips.ECDH_AES_128);
        ChipAuthenticationChallenge c = challenge(chip);
        assertThat(c.terminalPublicKeyData()).hasSize(65).startsWith(4);
        byte[] answer = answer(chip.key(), true, c);
        assertThat(answer).as("the chip accepts the server's protected command").isNotNull();
        ChipVerification v = verifyWith(chip, c, answer);
        assertThat(v).isInstanceOfSatisfying(ChipVerified.class, ok -> {
            assertThat(ok.chipAuthentication()).isEqualTo(ChipAuthenticationStatus.VERIFIED);
            assertThat(ok.toChipEvidence().activeAuthentication()).isTrue();
        });
        assertThat(c.isSpent()).isTrue();
    }

    @Test
    void verify_genuineChipAnswering3desChallenge_chipAuthenticationVerified() {
        Chip chip = chip("brainpoolP224r1", ChipAuthenticationChips.ECDH_3DES);
        ChipAuthenticationChallenge c = challenge(chip);
        byte[] answer = answer(chip.key(), false, c);
        assertThat(answer).isNotNull();
        assertThat(verifyWith(chip, c, answer)).isInstanceOfSatisfying(ChipVerified.class,
                ok -> assertThat(ok.chipAuthentication()).isEqualTo(ChipAuthenticationStatus.VERIFIED));
    }

    @Test
    void verify_cloneWithCopiedDg14ButAnotherKey_rejectedChipAuthenticationFailed() {
        Chip chip = chip("brainpoolP256r1", ChipAuthenticationChips.ECDH_AES_128);
        ChipAuthenticationChallenge c = challenge(chip);
        KeyPair cloneKey = ChipAuthenticationChips.chipKey("brainpoolP256r1");
        // the clone cannot check the command's MAC; it answers anyway, with keys from its own private key
        byte[] forged = ChipAuthenticationChips.answer(new KeyPair(chip.key().getPublic(), cloneKey.getPrivate()),
                true, c.terminalPublicKeyData(), c.protectedCommand(), EF_COM_START, false);
        assertChipAuthenticationFailed(verifyWith(chip, c, forged));
    }

    @Test
    void verify_responseReplayedOnASpentChallenge_rejected() {
        Chip chip = chip("brainpoolP256r1", ChipAuthenticationChips.ECDH_AES_128);
        ChipAuthenticationChallenge c = challenge(chip);
        byte[] answer = answer(chip.key(), true, c);
        assertThat(verifyWith(chip, c, answer).isVerified()).isTrue();
        assertChipAuthenticationFailed(verifyWith(chip, c, answer));
    }

    @Test
    void verify_answerToAnotherChallenge_rejected() {
        Chip chip = chip("brainpoolP256r1", ChipAuthenticationChips.ECDH_AES_128);
        ChipAuthenticationChallenge first = challenge(chip);
        ChipAuthenticationChallenge second = challenge(chip);
        byte[] answerToFirst = answer(chip.key(), true, first);
        assertChipAuthenticationFailed(verifyWith(chip, second, answerToFirst));
    }

    @Test
    void verify_challengeForAnotherChipsKey_rejected() {
        Chip chip = chip("brainpoolP256r1", ChipAuthenticationChips.ECDH_AES_128);
        Chip other = chip("brainpoolP256r1", ChipAuthenticationChips.ECDH_AES_128);
        ChipAuthenticationChallenge c = challenge(other);
        byte[] answer = answer(other.key(), true, c);
        assertThat(verifyWith(chip, c, answer)).isInstanceOfSatisfying(ChipRejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.CHIP_AUTHENTICATION_FAILED);
            assertThat(r.detail()).contains("not in this chip's DG14");
        });
    }

    @Test
    void verify_dg14NotCoveredBySod_rejected() {
        Chip chip = chip("brainpoolP256r1", ChipAuthenticationChips.ECDH_AES_128);
        Map<Integer, byte[]> signed = CccdChips.groups(null);
        ChipFiles unsignedDg14 = CccdChips.files(chip.groups(), CccdChips.sod(CccdChips.pki(), signed));
        ChipAuthenticationChallenge c = challenge(chip);
        byte[] answer = answer(chip.key(), true, c);
        assertThat(verifier().build().verify(unsignedDg14, Optional.empty(), Optional.empty(),
                Optional.of(new ChipVerifier.ChipAuthenticationResponse(c, answer))))
                .isInstanceOfSatisfying(ChipRejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.CHIP_AUTHENTICATION_FAILED);
                    assertThat(r.detail()).contains("not covered");
                });
    }

    @Test
    void verify_withoutResponse_notPerformed_andRefusedWhenRequired() {
        Chip chip = chip("brainpoolP256r1", ChipAuthenticationChips.ECDH_AES_128);
        assertThat(verifier().build().verify(chip.files())).isInstanceOfSatisfying(ChipVerified.class,
                ok -> assertThat(ok.chipAuthentication()).isEqualTo(ChipAuthenticationStatus.NOT_PERFORMED));
        assertChipAuthenticationFailed(verifier().requireChipAuthentication().build().verify(chip.files()));
        assertThat(verifier().build().verify(CccdChips.genuine())).isInstanceOfSatisfying(ChipVerified.class,
                ok -> assertThat(ok.chipAuthentication()).isEqualTo(ChipAuthenticationStatus.NOT_SUPPORTED));
    }

    @Test
    void challenge_keyIdAndToString_noKeyMaterial() {
        KeyPair key = ChipAuthenticationChips.chipKey("brainpoolP256r1");
        ChipAuthenticationKey k = ChipAuthenticationKey.fromDg14(ChipAuthenticationChips.dg14(key.getPublic(),
                ChipAuthenticationChips.ECDH_AES_256, BigInteger.TWO)).get(0);
        assertThat(k.keyId()).contains(BigInteger.TWO);
        assertThat(k.cipher()).isEqualTo("AES-256");
        ChipAuthenticationChallenge c = ChipAuthenticationChallenge.start(k, RANDOM);
        assertThat(c.toString()).doesNotContain(HexFormat.of().formatHex(c.terminalPublicKeyData()));
        assertThat(c.protectedCommand()).startsWith(0x0C, 0xB0, 0x9E, 0x00);
    }
}
