package io.github.eidvn.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

class TrustStoreTest {

    private static String jwks(JWK... keys) {
        StringBuilder b = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            b.append(i == 0 ? "" : ",").append(keys[i].toJSONString());
        }
        return b.append("]}").toString();
    }

    @Test
    void fromKeyRingJwks_pinsEs256AndKeepsKids() {
        KeyRing ring = KeyRing.generate().rotate();
        TrustStore store = TrustStore.fromJwks(ring.publicJwksJson());
        assertThat(store.keys()).hasSize(2);
        assertThat(store.keys()).allSatisfy(k -> assertThat(k.algorithm()).isEqualTo("ES256"));
        assertThat(store.keys().get(0).kid()).isEqualTo(ring.current().kid());
        assertThat(store.keys().get(0).thumbprint()).isEqualTo(ring.current().kid());
    }

    @Test
    void fromJwks_privateEcKey_rejected() {
        String json = KeyRing.generate().privateJwksJson();
        assertThatThrownBy(() -> TrustStore.fromJwks(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"d\"");
    }

    @Test
    void fromJwks_symmetricKey_rejected() throws Exception {
        String json = jwks(new OctetSequenceKeyGenerator(256).generate());
        assertThatThrownBy(() -> TrustStore.fromJwks(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"k\"");
    }

    @Test
    void fromJwks_rsa1024_rejected() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(1024, true).generate();
        assertThatThrownBy(() -> TrustStore.fromJwks(jwks(rsa.toPublicJWK())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024-bit");
    }

    @Test
    void fromJwks_rsa2048_acceptedAndPinnedToRs256OrItsAlg() throws Exception {
        RSAKey plain = new RSAKeyGenerator(2048).generate();
        RSAKey ps = new RSAKeyGenerator(2048).algorithm(JWSAlgorithm.PS256).generate();
        TrustStore store = TrustStore.fromJwks(jwks(plain.toPublicJWK(), ps.toPublicJWK()));
        assertThat(store.keys()).extracting(TrustedKey::algorithm).containsExactly("RS256", "PS256");
    }

    @Test
    void fromJwks_p384_rejected() throws Exception {
        ECKey k = new ECKeyGenerator(Curve.P_384).generate();
        assertThatThrownBy(() -> TrustStore.fromJwks(jwks(k.toPublicJWK())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only P-256");
    }

    @Test
    void fromJwks_p256WithOtherAlg_rejected() throws Exception {
        ECKey k = new ECKeyGenerator(Curve.P_256).algorithm(JWSAlgorithm.ES384).generate();
        assertThatThrownBy(() -> TrustStore.fromJwks(jwks(k.toPublicJWK())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only ES256");
    }

    @Test
    void fromJwks_encryptionKey_rejected() throws Exception {
        ECKey k = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).generate();
        assertThatThrownBy(() -> TrustStore.fromJwks(jwks(k.toPublicJWK())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not sig");
    }

    @Test
    void fromJwks_pointNotOnCurve_rejected() {
        String json = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\","
                + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI6a0\"}]}"; // y changed in a data bit
        assertThatThrownBy(() -> TrustStore.fromJwks(json)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromJwks_duplicateJsonMember_rejected() throws Exception {
        ECKey k = new ECKeyGenerator(Curve.P_256).generate();
        String member = k.toPublicJWK().toJSONString();
        String dup = member.replaceFirst("\\{", "{\"crv\":\"P-256\",");
        assertThatThrownBy(() -> TrustStore.fromJwks("{\"keys\":[" + dup + "]}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromJwks_emptyOrNotAJwks_rejected() {
        assertThatThrownBy(() -> TrustStore.fromJwks("{\"keys\":[]}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustStore.fromJwks("[]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustStore.fromJwks("{}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void candidates_exactKidThenThumbprintPrefix_andSharedKidsAllReturned() throws Exception {
        ECKey a = new ECKeyGenerator(Curve.P_256).keyID("shared").generate();
        ECKey b = new ECKeyGenerator(Curve.P_256).keyID("shared").generate();
        ECKey c = new ECKeyGenerator(Curve.P_256).generate();
        TrustStore store = TrustStore.fromJwks(jwks(a.toPublicJWK(), b.toPublicJWK(), c.toPublicJWK()));
        assertThat(store.candidates("shared")).hasSize(2);
        String cThumb = c.computeThumbprint().toString();
        assertThat(store.candidates(cThumb)).hasSize(1);
        assertThat(store.candidates(cThumb.substring(0, 8))).extracting(TrustedKey::thumbprint).containsExactly(cThumb);
        assertThat(store.candidates(cThumb.substring(0, 7))).isEmpty();
        assertThat(store.candidates(null)).isEmpty();
        assertThat(store.candidates("")).isEmpty();
        assertThat(store.candidates("unknown-kid")).isEmpty();
    }

    @Test
    void candidates_kidThatIsAnotherKeysThumbprintPrefix_exactFirstThenPrefix() throws Exception {
        ECKey c = new ECKeyGenerator(Curve.P_256).generate();
        String prefix = c.computeThumbprint().toString().substring(0, 10);
        ECKey named = new ECKeyGenerator(Curve.P_256).keyID(prefix).generate();
        TrustStore store = TrustStore.fromJwks(jwks(c.toPublicJWK(), named.toPublicJWK()));
        assertThat(store.candidates(prefix)).extracting(TrustedKey::kid)
                .containsExactly(prefix, c.computeThumbprint().toString());
    }

    @Test
    void fromJwks_moreThanMaxKeys_rejectedBeforeParsingThem() {
        StringBuilder b = new StringBuilder("{\"keys\":[");
        for (int i = 0; i <= TrustStore.MAX_KEYS; i++) {
            b.append(i == 0 ? "" : ",").append("{}");
        }
        assertThatThrownBy(() -> TrustStore.fromJwks(b.append("]}").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 10000 keys");
    }

    @Test
    void fromJwksFile_readsUtf8File(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        KeyRing ring = KeyRing.generate();
        java.nio.file.Path f = dir.resolve("jwks.json");
        java.nio.file.Files.writeString(f, ring.publicJwksJson());
        assertThat(TrustStore.fromJwksFile(f).keys()).extracting(TrustedKey::kid).containsExactly(ring.current().kid());
    }
}
