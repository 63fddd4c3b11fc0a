package io.github.eidvn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;

import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.testing.ExternalTools;
import io.github.eidvn.testing.Vectors;

/** Key import checks of the fast ES256 keys, and the fast signer checked by the JDK path and by OpenSSL. */
class Es256KeysTest {

    private static final BigInteger P = new BigInteger(
            "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", 16);
    private static final BigInteger N = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    @TempDir
    Path dir;

    @Test
    void publicKey_offCurvePoint_rejectedAtImport() {
        SigningKey key = SigningKey.generate();
        BigInteger x = key.publicKey().getW().getAffineX();
        BigInteger y = key.publicKey().getW().getAffineY();
        assertThat(Es256PublicKey.of(x, y).x()).isEqualTo(x);
        assertThatThrownBy(() -> Es256PublicKey.of(x, y.add(BigInteger.ONE).mod(P)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Es256PublicKey.of(BigInteger.ZERO, BigInteger.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publicKey_coordinateNotBelowP_rejectedAtImport() {
        SigningKey key = SigningKey.generate();
        BigInteger x = key.publicKey().getW().getAffineX();
        BigInteger y = key.publicKey().getW().getAffineY();
        // (x, y + p) is the same point mod p but not a canonical encoding
        assertThatThrownBy(() -> Es256PublicKey.of(x, y.add(P))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Es256PublicKey.of(x.negate(), y)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publicKey_otherCurve_rejectedAtImport() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        ECPublicKey p384 = (ECPublicKey) g.generateKeyPair().getPublic();
        assertThatThrownBy(() -> Es256PublicKey.of(p384)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void privateKey_scalarOutOfRange_rejected_withoutRepeatingIt() {
        assertThatThrownBy(() -> Es256PrivateKey.of(BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Es256PrivateKey.of(N)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(N.toString(16)).hasMessageNotContaining(N.toString());
        assertThat(Es256PrivateKey.of(N.subtract(BigInteger.ONE)).toString()).isEqualTo("Es256PrivateKey");
    }

    @Test
    void sign_verifiedByTheJdkPath_deterministicOnTheBouncyCastleEngine() throws Exception {
        SigningKey key = SigningKey.generate();
        ECDSAVerifier jdk = new ECDSAVerifier(key.publicKey());
        for (int i = 0; i < 50; i++) {
            byte[] data = ("eyJhbGciOiJFUzI1NiJ9." + i).getBytes(StandardCharsets.US_ASCII);
            byte[] sig = key.signEs256(data);
            assertThat(sig).hasSize(64);
            if (!NativeEs256.active()) {
                assertThat(sig).isEqualTo(key.signEs256(data)); // RFC 6979
            }
            assertThat(jdk.verify(new JWSHeader(JWSAlgorithm.ES256), data, Base64URL.encode(sig))).isTrue();
        }
    }

    @Test
    void sign_withTheRfc7515A3Key_verifiedByTheJdkPath() throws Exception {
        ECKey jwk = ECKey.parse(Files.readString(Vectors.path("rfc7515-a3-es256", "jwk-private.json"),
                StandardCharsets.US_ASCII).strip());
        Es256PrivateKey key = Es256PrivateKey.of(jwk.getD().decodeToBigInteger());
        byte[] input = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UifQ".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = key.sign(input);
        assertThat(new ECDSAVerifier(jwk.toECPublicKey()).verify(new JWSHeader(JWSAlgorithm.ES256), input,
                Base64URL.encode(sig))).isTrue();
        assertThat(Es256PublicKey.of(jwk.toECPublicKey()).verify(input, sig)).isTrue();
    }

    @Test
    void sign_verifiedByOpenssl() throws Exception {
        SigningKey key = SigningKey.generate();
        for (int i = 0; i < 5; i++) {
            byte[] data = ("eid fast signer " + i).getBytes(StandardCharsets.US_ASCII);
            byte[] sig = key.signEs256(data);
            assertThat(ExternalTools.opensslVerifyEs256(dir, data, sig, key.publicKey())).isEqualTo("Verified OK");
            sig[63] ^= 1;
            assertThat(ExternalTools.opensslVerifyEs256(dir, data, sig, key.publicKey())).contains("Verification failure");
        }
    }
}
