package io.github.eidvn.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;

import io.github.eidvn.core.internal.StrictJson;

class SigningKeyTest {

    @Test
    void generate_kidIsRfc7638Sha256Thumbprint() throws Exception {
        SigningKey key = SigningKey.generate();
        JWK pub = JWK.parse(key.publicJwkJson());
        assertThat(key.kid()).hasSize(43).isEqualTo(pub.computeThumbprint("SHA-256").toString());
        assertThat(pub.getKeyID()).isEqualTo(key.kid());
    }

    @Test
    void publicJwkJson_hasUseSigAlgEs256AndNoPrivatePart() {
        Map<String, Object> jwk = StrictJson.parseObject(SigningKey.generate().publicJwkJson());
        assertThat(jwk).containsEntry("kty", "EC").containsEntry("crv", "P-256").containsEntry("use", "sig")
                .containsEntry("alg", "ES256").doesNotContainKey("d");
    }

    @Test
    void toString_showsKidButNeverThePrivatePart() {
        SigningKey key = SigningKey.generate();
        String d = (String) StrictJson.parseObject(key.privateJwkJson()).get("d");
        assertThat(d).isNotBlank();
        assertThat(key.toString()).contains(key.kid()).doesNotContain(d).doesNotContain("\"d\"");
    }

    @Test
    void privateJwk_roundTripsToTheSameKey() {
        SigningKey key = SigningKey.generate();
        SigningKey again = SigningKey.fromPrivateJwkJson(key.privateJwkJson());
        assertThat(again).isEqualTo(key);
        assertThat(again.kid()).isEqualTo(key.kid());
        assertThat(again.privateJwkJson()).isEqualTo(key.privateJwkJson());
    }

    @Test
    void signEs256_produces64ByteSignatureVerifiableWithNimbus() throws Exception {
        SigningKey key = SigningKey.generate();
        byte[] data = "eyJhbGciOiJFUzI1NiJ9.e30".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] sig = key.signEs256(data);
        assertThat(sig).hasSize(64);
        assertThat(new ECDSAVerifier(key.publicKey()).verify(new JWSHeader(JWSAlgorithm.ES256), data,
                Base64URL.encode(sig))).isTrue();
    }

    @Test
    void fromPrivateJwkJson_publicOnly_rejected() {
        assertThatThrownBy(() -> SigningKey.fromPrivateJwkJson(SigningKey.generate().publicJwkJson()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no private part");
    }

    @Test
    void fromPrivateJwkJson_p384_rejected() throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertThatThrownBy(() -> SigningKey.fromPrivateJwkJson(p384.toJSONString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-256");
    }

    @Test
    void fromPrivateJwkJson_kidNotThumbprint_rejected() throws Exception {
        ECKey k = new ECKeyGenerator(Curve.P_256).keyID("my-key").generate();
        assertThatThrownBy(() -> SigningKey.fromPrivateJwkJson(k.toJSONString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thumbprint");
    }

    @Test
    void fromPrivateJwkJson_privatePartOfAnotherKey_rejectedWithoutEchoingIt() throws Exception {
        ECKey a = new ECKeyGenerator(Curve.P_256).generate();
        ECKey b = new ECKeyGenerator(Curve.P_256).generate();
        ECKey mixed = new ECKey.Builder(a.getCurve(), a.getX(), a.getY()).d(b.getD()).build();
        assertThatThrownBy(() -> SigningKey.fromPrivateJwkJson(mixed.toJSONString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match")
                .message().doesNotContain(b.getD().toString());
    }

    @Test
    void fromPrivateJwkJson_garbage_rejectedWithoutEchoingInput() {
        String secretLooking = "{\"kty\":\"EC\",\"d\":\"SECRETSECRET\"";
        assertThatThrownBy(() -> SigningKey.fromPrivateJwkJson(secretLooking))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("SECRETSECRET");
    }
}
