package io.github.eidvn.core.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;

import io.github.eidvn.core.keys.SigningKey;

/** The Nimbus signer adapter signs through the key's fast ES256 signer; Nimbus's JDK verifier accepts it. */
class KeySignerTest {

    @Test
    void nimbusJwsSignedWithKeySigner_verifiesWithNimbusEcdsaVerifier() throws Exception {
        SigningKey key = SigningKey.generate();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.kid()).build(),
                new Payload("{\"sub\":\"079303012345\"}"));
        jws.sign(new KeySigner(key));
        JWSObject parsed = JWSObject.parse(jws.serialize());
        assertThat(parsed.verify(new ECDSAVerifier(key.publicKey()))).isTrue();
        assertThat(parsed.getSignature().decode()).hasSize(64);
    }

    @Test
    void otherAlgorithm_refused() {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES384), new Payload("{}"));
        assertThatThrownBy(() -> jws.sign(new KeySigner(SigningKey.generate()))).isInstanceOf(JOSEException.class);
    }
}
