package io.github.eidvn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.ECKey;

import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.testing.Ci;
import io.github.eidvn.testing.ExternalTools;
import io.github.eidvn.testing.Vectors;

/**
 * The ES256 engine choice and the native engine's edges: which engine runs (native in CI, since the build puts the
 * provider on the test class path, unless the property forces Bouncy Castle), agreement with the JDK, OpenSSL and
 * the RFC 7515 A.3 vector, and the strict DER conversions it relies on.
 */
class NativeEs256Test {

    private static final BigInteger N = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    @TempDir
    Path dir;

    @Test
    void engine_isNativeUnlessForced_andDescribedAsItIs() {
        boolean forcedBc = "bouncycastle".equals(System.getProperty(NativeEs256.PROPERTY));
        if (forcedBc) {
            assertThat(NativeEs256.active()).isFalse();
            assertThat(NativeEs256.describe()).startsWith("Bouncy Castle").contains("bouncycastle");
            return;
        }
        // the build puts the provider on the test class path: outside CI a platform without its native library
        // may fall back, but the description must then say so; in CI the native engine is required
        Ci.require(NativeEs256.active(), "native ES256 engine not active: " + NativeEs256.describe());
        assertThat(NativeEs256.describe()).contains("AmazonCorrettoCryptoProvider").contains("AWS-LC");
    }

    @Test
    void rfc7515A3_verifies_andItsTamperedCopyDoesNot() throws Exception {
        ECKey jwk = ECKey.parse(Files.readString(Vectors.path("rfc7515-a3-es256", "jwk-public.json"),
                StandardCharsets.US_ASCII).strip());
        String jws = Files.readString(Vectors.path("rfc7515-a3-es256", "jws-compact.txt"), StandardCharsets.US_ASCII)
                .strip();
        int dot = jws.lastIndexOf('.');
        byte[] input = jws.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        byte[] sig = Base64.getUrlDecoder().decode(jws.substring(dot + 1));
        Es256PublicKey key = Es256PublicKey.of(jwk.toECPublicKey());
        assertThat(key.verify(input, sig)).isTrue();
        String tampered = Files.readString(Vectors.path("rfc7515-a3-es256", "derived-negative-tampered-signature.txt"),
                StandardCharsets.US_ASCII).strip();
        int tdot = tampered.lastIndexOf('.');
        assertThat(key.verify(tampered.substring(0, tdot).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(tampered.substring(tdot + 1)))).isFalse();
    }

    @Test
    void jdkSignatures_verify_andOursVerifyWithTheJdk() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", "SunEC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        Es256PublicKey ours = Es256PublicKey.of((ECPublicKey) pair.getPublic());
        Es256PrivateKey ourSigner = Es256PrivateKey.of(((ECPrivateKey) pair.getPrivate()).getS());
        for (int i = 0; i < 20; i++) {
            byte[] data = ("eid engine agreement " + i).getBytes(StandardCharsets.US_ASCII);
            Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
            jdk.initSign(pair.getPrivate());
            jdk.update(data);
            byte[] jdkSig = jdk.sign();
            assertThat(ours.verify(data, jdkSig)).isTrue();
            jdkSig[i % 64] ^= 0x10;
            assertThat(ours.verify(data, jdkSig)).isFalse();

            byte[] ourSig = ourSigner.sign(data);
            Signature check = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
            check.initVerify(pair.getPublic());
            check.update(data);
            assertThat(check.verify(ourSig)).isTrue();
        }
    }

    @Test
    void opensslSignatures_verify() throws Exception {
        Path openssl = ExternalTools.requireOpenssl();
        Path pem = dir.resolve("key.pem");
        run(openssl.toString(), "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", pem.toString());
        Path pub = dir.resolve("pub.der");
        run(openssl.toString(), "ec", "-in", pem.toString(), "-pubout", "-outform", "DER", "-out", pub.toString());
        ECPublicKey publicKey = (ECPublicKey) java.security.KeyFactory.getInstance("EC")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(Files.readAllBytes(pub)));
        Es256PublicKey ours = Es256PublicKey.of(publicKey);
        for (int i = 0; i < 5; i++) {
            byte[] data = ("signed by openssl " + i).getBytes(StandardCharsets.US_ASCII);
            Path in = dir.resolve("in.bin");
            Path sig = dir.resolve("sig.der");
            Files.write(in, data);
            run(openssl.toString(), "dgst", "-sha256", "-sign", pem.toString(), "-out", sig.toString(), in.toString());
            byte[] raw = ECDSA.transcodeSignatureToConcat(Files.readAllBytes(sig), 64); // Nimbus, not ours
            assertThat(ours.verify(data, raw)).isTrue();
            assertThat(ours.verify(Arrays.copyOf(data, data.length - 1), raw)).isFalse();
        }
    }

    @Test
    void ourSignatures_verifyWithOpenssl() throws Exception {
        SigningKey key = SigningKey.generate();
        byte[] data = "eid engine, openssl check".getBytes(StandardCharsets.US_ASCII);
        assertThat(ExternalTools.opensslVerifyEs256(dir, data, key.signEs256(data), key.publicKey()))
                .isEqualTo("Verified OK");
    }

    @Test
    void highS_twinOfAValidSignature_isAccepted_asDocumented() {
        SigningKey key = SigningKey.generate();
        Es256PublicKey pub = Es256PublicKey.of(key.publicKey());
        byte[] data = "malleability".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = key.signEs256(data);
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        byte[] twin = sig.clone();
        System.arraycopy(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, N.subtract(s)), 0, twin, 32, 32);
        assertThat(pub.verify(data, sig)).isTrue();
        assertThat(pub.verify(data, twin)).isTrue();
    }

    @Test
    void zeroOrOutOfRangeScalars_refusedBeforeAnyEngine() {
        SigningKey key = SigningKey.generate();
        Es256PublicKey pub = Es256PublicKey.of(key.publicKey());
        byte[] data = "psychic".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = key.signEs256(data);
        byte[] zeroR = sig.clone();
        Arrays.fill(zeroR, 0, 32, (byte) 0);
        byte[] zeroBoth = new byte[64];
        byte[] sAtN = sig.clone();
        System.arraycopy(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, N), 0, sAtN, 32, 32);
        assertThat(pub.verify(data, zeroR)).isFalse();
        assertThat(pub.verify(data, zeroBoth)).isFalse();
        assertThat(pub.verify(data, sAtN)).isFalse();
        assertThat(pub.verify(data, Arrays.copyOf(sig, 63))).isFalse();
    }

    @Test
    void der_roundTrips_andMatchesNimbusTranscoding() throws Exception {
        BigInteger[] values = {BigInteger.ONE, BigInteger.valueOf(0x7f), BigInteger.valueOf(0x80),
                N.subtract(BigInteger.ONE), N.shiftRight(1), BigInteger.ONE.shiftLeft(255)};
        for (BigInteger r : values) {
            for (BigInteger s : values) {
                byte[] der = NativeEs256.der(r, s);
                byte[] raw = NativeEs256.rawFromDer(der);
                assertThat(raw).isNotNull();
                assertThat(new BigInteger(1, Arrays.copyOfRange(raw, 0, 32))).isEqualTo(r);
                assertThat(new BigInteger(1, Arrays.copyOfRange(raw, 32, 64))).isEqualTo(s);
                assertThat(ECDSA.transcodeSignatureToConcat(der, 64)).isEqualTo(raw);
            }
        }
    }

    @Test
    void rawFromDer_refusesNonStrictEncodings() {
        byte[] good = NativeEs256.der(BigInteger.valueOf(5), BigInteger.valueOf(7));
        assertThat(NativeEs256.rawFromDer(good)).isNotNull();
        // non-minimal integer (leading zero before a byte without its top bit)
        assertThat(NativeEs256.rawFromDer(new byte[] {0x30, 7, 0x02, 2, 0, 5, 0x02, 1, 7})).isNull();
        // negative integer
        assertThat(NativeEs256.rawFromDer(new byte[] {0x30, 6, 0x02, 1, (byte) 0x85, 0x02, 1, 7})).isNull();
        // zero
        assertThat(NativeEs256.rawFromDer(new byte[] {0x30, 6, 0x02, 1, 0, 0x02, 1, 7})).isNull();
        // trailing byte, wrong outer length, wrong tags
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThat(NativeEs256.rawFromDer(trailing)).isNull();
        trailing[1]++;
        assertThat(NativeEs256.rawFromDer(trailing)).isNull();
        byte[] tag = good.clone();
        tag[2] = 0x03;
        assertThat(NativeEs256.rawFromDer(tag)).isNull();
        // r = n
        assertThat(NativeEs256.rawFromDer(NativeEs256.der(N, BigInteger.ONE))).isNull();
        assertThat(NativeEs256.rawFromDer(new byte[0])).isNull();
    }

    @Test
    void nonces_hedgedOnTheNativeEngine_deterministicOnBouncyCastle() {
        SigningKey key = SigningKey.generate();
        byte[] data = "hedged".getBytes(StandardCharsets.US_ASCII);
        if (NativeEs256.active()) {
            // hedged random nonces: two signatures of the same bytes differ
            assertThat(key.signEs256(data)).isNotEqualTo(key.signEs256(data));
        } else {
            assertThat(key.signEs256(data)).isEqualTo(key.signEs256(data)); // RFC 6979
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
    }
}
