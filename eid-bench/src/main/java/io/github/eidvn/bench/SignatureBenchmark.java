package io.github.eidvn.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;

import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.keys.TrustedKey;

/**
 * Context rows for P1/P2: one ES256 signature or verification over a 400-byte JWS signing input (SHA-256
 * included): by eid ({@link TrustedKey#verifiesEs256}, {@link SigningKey#signEs256}), by the JDK's default
 * provider through Nimbus (what Nimbus uses unless told otherwise) and by Bouncy Castle's lightweight API on its
 * optimised P-256 curve with one cached public-key object.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBenchmark {

    private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);

    byte[] input;
    byte[] rawSignature;
    SigningKey key;
    TrustedKey trusted;
    Base64URL jwsSignature;
    ECDSAVerifier jdkVerifier;
    ECDSASigner jdkSigner;
    ECPublicKeyParameters bcPublic;
    ECPrivateKeyParameters bcPrivate;
    BigInteger r;
    BigInteger s;

    /** Makes a key and one signature. */
    @Setup
    public void setup() throws Exception {
        key = SigningKey.generate();
        trusted = TrustStore.fromJwks("{\"keys\":[" + key.publicJwkJson() + "]}").keys().get(0);
        input = "eyJhbGciOiJFUzI1NiJ9.".concat("A".repeat(379)).getBytes(StandardCharsets.US_ASCII);
        ECKey jwk = ECKey.parse(key.privateJwkJson());
        jdkVerifier = new ECDSAVerifier(key.publicKey());
        jdkSigner = new ECDSASigner(jwk);
        jwsSignature = jdkSigner.sign(ES256, input);
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        ECDomainParameters domain = new ECDomainParameters(p256.getCurve(), p256.getG(), p256.getN(), p256.getH());
        bcPublic = new ECPublicKeyParameters(domain.getCurve().createPoint(jwk.getX().decodeToBigInteger(),
                jwk.getY().decodeToBigInteger()), domain);
        bcPrivate = new ECPrivateKeyParameters(jwk.getD().decodeToBigInteger(), domain);
        byte[] sig = jwsSignature.decode();
        rawSignature = sig;
        r = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32));
        s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    }

    /**
     * eid's ES256 verification with the trusted key's cached point.
     *
     * @return whether it verified (true)
     */
    @Benchmark
    public boolean eidVerify() {
        return trusted.verifiesEs256(input, rawSignature);
    }

    /**
     * eid's ES256 signing (the active engine: AWS-LC when present, else Bouncy Castle with RFC 6979).
     *
     * @return the signature
     */
    @Benchmark
    public byte[] eidSign() {
        return key.signEs256(input);
    }

    /**
     * Nimbus {@code ECDSAVerifier}, JDK default provider.
     *
     * @return whether it verified (true)
     * @throws JOSEException never here
     */
    @Benchmark
    public boolean jdkVerify() throws JOSEException {
        return jdkVerifier.verify(ES256, input, jwsSignature);
    }

    /**
     * Nimbus {@code ECDSASigner}, JDK default provider.
     *
     * @return the signature
     * @throws JOSEException never here
     */
    @Benchmark
    public Base64URL jdkSign() throws JOSEException {
        return jdkSigner.sign(ES256, input);
    }

    /**
     * Bouncy Castle lightweight ECDSA, SHA-256 of the input included, cached public-key parameters.
     *
     * @return whether it verified (true)
     */
    @Benchmark
    public boolean bcLightweightVerify() {
        org.bouncycastle.crypto.signers.ECDSASigner v = new org.bouncycastle.crypto.signers.ECDSASigner();
        v.init(false, bcPublic);
        return v.verifySignature(sha256(input), r, s);
    }

    /**
     * Bouncy Castle lightweight ECDSA with RFC 6979 deterministic k, SHA-256 of the input included.
     *
     * @return the signature (r, s)
     */
    @Benchmark
    public BigInteger[] bcLightweightSign() {
        org.bouncycastle.crypto.signers.ECDSASigner signer =
                new org.bouncycastle.crypto.signers.ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, bcPrivate);
        return signer.generateSignature(sha256(input));
    }

    private static byte[] sha256(byte[] data) {
        SHA256Digest d = new SHA256Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
