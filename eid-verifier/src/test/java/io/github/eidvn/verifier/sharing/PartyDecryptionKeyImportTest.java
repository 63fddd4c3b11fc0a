package io.github.eidvn.verifier.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;

import io.github.eidvn.testing.ConsentFixtures;

/** Importing a party's private JWK: public-only, symmetric and short RSA keys are refused with a clear reason. */
class PartyDecryptionKeyImportTest {

    @Test
    void publicOnlyJwk_refusedAsHavingNoPrivatePart() {
        String pub = ConsentFixtures.ecKey().toPublicJWK().toJSONString();
        assertThatThrownBy(() -> PartyDecryptionKey.fromPrivateJwkJson(pub))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no private part");
        String rsaPub = ConsentFixtures.rsaKey(2048).toPublicJWK().toJSONString();
        assertThatThrownBy(() -> PartyDecryptionKey.fromPrivateJwkJson(rsaPub))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no private part");
    }

    @Test
    void symmetricJwk_refusedAsNotEcOrRsa() throws Exception {
        OctetSequenceKey oct = new OctetSequenceKeyGenerator(256).generate();
        assertThatThrownBy(() -> PartyDecryptionKey.fromPrivateJwkJson(oct.toJSONString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EC P-256 or RSA")
                .hasMessageNotContaining(oct.getKeyValue().toString());
    }

    @Test
    void garbage_refusedWithoutEchoingTheInput() {
        assertThatThrownBy(() -> PartyDecryptionKey.fromPrivateJwkJson("{\"d\":\"SECRET-VALUE\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("SECRET-VALUE");
    }

    @Test
    void generateRsa_below2048Bits_refused() {
        assertThatThrownBy(() -> PartyDecryptionKey.generateRsa(2047)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void privateKey_roundTripsThroughItsJwk_andToStringHidesIt() {
        PartyDecryptionKey k = PartyDecryptionKey.generateEc();
        PartyDecryptionKey back = PartyDecryptionKey.fromPrivateJwkJson(k.privateJwkJson());
        assertThat(back.kid()).isEqualTo(k.kid());
        assertThat(k.toString()).contains(k.kid()).doesNotContain("\"d\"");
    }
}
