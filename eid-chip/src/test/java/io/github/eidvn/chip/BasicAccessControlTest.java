package io.github.eidvn.chip;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eidvn.chip.internal.DesCrypto;
import io.github.eidvn.testing.Vectors;

import java.io.IOException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ICAO Doc 9303 Part 11 Appendix D: the worked example of Basic Access Control and secure messaging. */
class BasicAccessControlTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static JsonNode v;

    @BeforeAll
    static void load() throws IOException {
        v = new ObjectMapper().readTree(Vectors.path("icao9303-chip", "bac-worked-example.json").toFile());
    }

    private static byte[] hex(String field) {
        return HEX.parseHex(v.get(field).asText());
    }

    private BasicAccessControl bac() {
        return new BasicAccessControl(BacKeys.fromMrzInformation(v.get("mrz_information").asText()), hex("rnd_ic"),
                hex("rnd_ifd"), hex("k_ifd"));
    }

    /** The chip's answer E.IC || M.IC built from K.IC as the example's chip does. */
    private static byte[] chipAnswer(byte[] rndIc, byte[] rndIfd) {
        BacKeys keys = BacKeys.fromMrzInformation(v.get("mrz_information").asText());
        byte[] r = BasicAccessControl.concat(rndIc, rndIfd, hex("k_ic"));
        byte[] e = DesCrypto.cbc(keys.encryptionKey(), r, true);
        return BasicAccessControl.concat(e, DesCrypto.retailMac(keys.macKey(), e));
    }

    @Test
    void bacKeys_workedExample_seedEncAndMacKeys() {
        BacKeys keys = BacKeys.fromMrzInformation(v.get("mrz_information").asText());
        assertThat(HEX.formatHex(keys.seed())).isEqualTo(v.get("k_seed").asText());
        assertThat(HEX.formatHex(keys.encryptionKey())).isEqualTo(v.get("k_enc").asText());
        assertThat(HEX.formatHex(keys.macKey())).isEqualTo(v.get("k_mac").asText());
        assertThat(keys.toString()).doesNotContain(v.get("k_enc").asText());
    }

    @Test
    void commandData_workedExample_eIfdThenMIfd() {
        assertThat(HEX.formatHex(bac().commandData())).isEqualTo(v.get("e_ifd").asText() + v.get("m_ifd").asText());
    }

    @Test
    void complete_workedExample_sessionKeysAndCounter() {
        SecureMessaging sm = bac().complete(chipAnswer(hex("rnd_ic"), hex("rnd_ifd"))).orElseThrow();
        assertThat(HEX.formatHex(sm.sessionKeys().encryptionKey())).isEqualTo(v.get("ks_enc").asText());
        assertThat(HEX.formatHex(sm.sessionKeys().macKey())).isEqualTo(v.get("ks_mac").asText());
        assertThat(HEX.formatHex(sm.sendSequenceCounter())).isEqualTo(v.get("ssc").asText());
    }

    @Test
    void complete_answerWithWrongMacOrNonce_noSession() {
        byte[] answer = chipAnswer(hex("rnd_ic"), hex("rnd_ifd"));
        answer[39] ^= 1;
        assertThat(bac().complete(answer)).isEmpty();
        byte[] otherNonce = hex("rnd_ifd");
        otherNonce[0] ^= 1;
        assertThat(bac().complete(chipAnswer(hex("rnd_ic"), otherNonce))).isEmpty();
        assertThat(bac().complete(new byte[12])).isEmpty();
    }

    @Test
    void secureMessaging_workedExample_selectEfComWrappedAndAnswerUnwrapped() {
        SecureMessaging sm = bac().complete(chipAnswer(hex("rnd_ic"), hex("rnd_ifd"))).orElseThrow();
        JsonNode apdu = v.get("secure_messaging_select_ef_com");
        byte[] wrapped = sm.wrap(HEX.parseHex(apdu.get("plain_apdu").asText()));
        assertThat(HEX.formatHex(wrapped)).isEqualTo(apdu.get("protected_apdu").asText());
        byte[] plain = sm.unwrap(HEX.parseHex(apdu.get("response").asText())).orElseThrow();
        assertThat(HEX.formatHex(plain)).isEqualTo("9000");
    }

    @Test
    void secureMessaging_replayedAnswer_refused() {
        SecureMessaging sm = bac().complete(chipAnswer(hex("rnd_ic"), hex("rnd_ifd"))).orElseThrow();
        JsonNode apdu = v.get("secure_messaging_select_ef_com");
        sm.wrap(HEX.parseHex(apdu.get("plain_apdu").asText()));
        byte[] response = HEX.parseHex(apdu.get("response").asText());
        assertThat(sm.unwrap(response)).isPresent();
        sm.wrap(HEX.parseHex(apdu.get("plain_apdu").asText()));
        assertThat(sm.unwrap(response)).isEmpty();
    }
}
