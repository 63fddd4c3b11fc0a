package io.github.eidvn.chip.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eidvn.chip.ChipAccess;
import io.github.eidvn.chip.ChipAuthenticationChallenge;
import io.github.eidvn.chip.ChipAuthenticationKey;
import io.github.eidvn.chip.ChipReader;
import io.github.eidvn.chip.Mrz;
import io.github.eidvn.chip.MrzResult;
import io.github.eidvn.chip.testing.ChipAuthenticationChips;
import io.github.eidvn.testing.Vectors;

import java.nio.file.Files;
import java.util.HexFormat;
import java.util.ServiceLoader;

import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;
import org.jmrtd.BACKey;
import org.jmrtd.PACEKeySpec;
import org.jmrtd.PassportService;
import org.jmrtd.Util;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.protocol.DESedeSecureMessagingWrapper;
import org.jmrtd.protocol.EACCAProtocol;
import org.jmrtd.protocol.SecureMessagingWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader's use of JMRTD, checked without a card: no simulated chip is available, so the protocol steps are
 * checked against the recorded vectors (the Doc 9303 worked example, the CCCD's EF.CardAccess).
 */
class PcscChipReaderTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static JsonNode bac() throws Exception {
        return new ObjectMapper().readTree(Vectors.path("icao9303-chip", "bac-worked-example.json").toFile());
    }

    /** A TD3 zone carrying the worked example's document number, birth and expiry dates. */
    private static Mrz workedExampleMrz() {
        String line2 = "L898902C<" + Mrz.checkDigit("L898902C<") + "UTO" + "690806" + Mrz.checkDigit("690806") + "F"
                + "940623" + Mrz.checkDigit("940623") + "<".repeat(14) + "<";
        line2 += Mrz.checkDigit(line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43));
        MrzResult r = Mrz.parseTd3("P<UTOERIKSSON<<ANNA<MARIA" + "<".repeat(19), line2);
        return ((MrzResult.Valid) r).mrz();
    }

    @Test
    void serviceLoader_findsThePcscReader() {
        assertThat(ServiceLoader.load(ChipReader.class).stream().map(ServiceLoader.Provider::type))
                .contains(PcscChipReader.class);
    }

    @Test
    void cccdCardAccess_offersPaceEcdhGenericMappingAes128OnBrainpoolP256() throws Exception {
        byte[] cardAccess = Files.readAllBytes(Vectors.path("icao9303-chip", "cccd-ef-cardaccess.bin"));
        PACEInfo pace = PcscChipReader.firstPaceInfo(cardAccess).orElseThrow();
        assertThat(pace.getObjectIdentifier()).isEqualTo(PACEInfo.ID_PACE_ECDH_GM_AES_CBC_CMAC_128);
        assertThat(pace.getParameterId().intValue()).isEqualTo(PACEInfo.PARAM_ID_ECP_BRAINPOOL_P256_R1);
    }

    @Test
    void bacKey_fromMrz_jmrtdSeedEqualsWorkedExampleAndOurs() throws Exception {
        JsonNode v = bac();
        Mrz mrz = workedExampleMrz();
        assertThat(mrz.mrzInformation()).isEqualTo(v.get("mrz_information").asText());
        BACKey key = PcscChipReader.bacKey(mrz);
        byte[] seed = Util.computeKeySeed(key.getDocumentNumber(), key.getDateOfBirth(), key.getDateOfExpiry(),
                "SHA-1", true);
        assertThat(HEX.formatHex(seed)).isEqualTo(v.get("k_seed").asText())
                .isEqualTo(HEX.formatHex(mrz.bacKeys().seed()));
    }

    @Test
    void paceKey_canAndMrz_keyReferences() throws Exception {
        assertThat(((PACEKeySpec) PcscChipReader.paceKey(ChipAccess.can("123456"))).getKeyReference())
                .isEqualTo(PassportService.CAN_PACE_KEY_REFERENCE);
        assertThat(((PACEKeySpec) PcscChipReader.paceKey(ChipAccess.mrz(workedExampleMrz()))).getKeyReference())
                .isEqualTo(PassportService.MRZ_PACE_KEY_REFERENCE);
    }

    @Test
    void jmrtdSecureMessaging_workedExampleSessionKeys_sameProtectedSelectAndAnswer() throws Exception {
        JsonNode v = bac();
        JsonNode apdu = v.get("secure_messaging_select_ef_com");
        DESedeSecureMessagingWrapper wrapper = new DESedeSecureMessagingWrapper(
                twoKeyTripleDes(v.get("ks_enc").asText()), twoKeyTripleDes(v.get("ks_mac").asText()),
                Long.parseUnsignedLong(v.get("ssc").asText(), 16));
        CommandAPDU wrapped = wrapper.wrap(new CommandAPDU(HEX.parseHex(apdu.get("plain_apdu").asText())));
        assertThat(HEX.formatHex(wrapped.getBytes())).isEqualTo(apdu.get("protected_apdu").asText());
        ResponseAPDU plain = wrapper.unwrap(new ResponseAPDU(HEX.parseHex(apdu.get("response").asText())));
        assertThat(plain.getSW()).isEqualTo(0x9000);
    }

    /**
     * JMRTD as the chip's side of chip authentication: from the shared secret with the server-made terminal key it
     * derives the same session keys and protected READ BINARY as {@link ChipAuthenticationChallenge}, and it accepts
     * the simulated chip's answer.
     */
    @ParameterizedTest
    @CsvSource({"brainpoolP256r1, 0.4.0.127.0.7.2.2.3.2.2, true", "brainpoolP224r1, 0.4.0.127.0.7.2.2.3.2.1, false"})
    void chipAuthentication_jmrtdDerivesTheSameProtectedCommandAndAcceptsTheAnswer(String curve, String oid,
            boolean aes) throws Exception {
        java.security.KeyPair chip = ChipAuthenticationChips.chipKey(curve);
        ChipAuthenticationKey key = ChipAuthenticationKey.fromDg14(ChipAuthenticationChips.dg14(chip.getPublic(), oid,
                null)).get(0);
        ChipAuthenticationChallenge c = ChipAuthenticationChallenge.start(key, new java.security.SecureRandom());
        byte[] k = EACCAProtocol.computeSharedSecret("ECDH", c.terminalPublicKey(), chip.getPrivate());
        SecureMessagingWrapper jmrtd = EACCAProtocol.restartSecureMessaging(oid, k,
                PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, true);
        byte[] readEfCom = {0x00, (byte) 0xB0, (byte) 0x9E, 0x00, 0x04};
        assertThat(HEX.formatHex(jmrtd.wrap(new CommandAPDU(readEfCom)).getBytes()))
                .isEqualTo(HEX.formatHex(c.protectedCommand()));
        byte[] efComStart = {0x60, 0x16, 0x5F, 0x01};
        byte[] answer = ChipAuthenticationChips.answer(chip, aes, c.terminalPublicKeyData(), c.protectedCommand(),
                efComStart);
        ResponseAPDU plain = jmrtd.unwrap(new ResponseAPDU(answer));
        assertThat(plain.getSW()).isEqualTo(0x9000);
        assertThat(plain.getData()).isEqualTo(efComStart);
    }

    /** K1 K2 as the 24-byte K1 K2 K1 key JCA's DESede takes. */
    private static SecretKeySpec twoKeyTripleDes(String hex) {
        byte[] k = HEX.parseHex(hex);
        byte[] k24 = java.util.Arrays.copyOf(k, 24);
        System.arraycopy(k, 0, k24, 16, 8);
        return new SecretKeySpec(k24, "DESede");
    }

    @Test
    void fileIds_theGroupsTheReaderReads() {
        assertThat(PcscChipReader.fileId(1)).isEqualTo(PassportService.EF_DG1);
        assertThat(PcscChipReader.fileId(13)).isEqualTo(PassportService.EF_DG13);
        assertThat(PcscChipReader.fileId(15)).isEqualTo(PassportService.EF_DG15);
    }
}
