package io.github.eidvn.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;

/**
 * OpenSSL as an outside oracle for ES256 signatures (shared by the tests of every module).
 *
 * <p>Without {@code /usr/bin/openssl} a test that needs it is skipped with a visible message; when the environment
 * variable {@code CI} is {@code true} it fails instead.
 */
public final class Openssl {

    /** Where the tests expect the binary. */
    public static final Path OPENSSL = Path.of("/usr/bin/openssl");

    private Openssl() {
    }

    /** Skips the calling test (fails it when CI=true) when openssl is missing. */
    public static void require() {
        if (!Files.isExecutable(OPENSSL)) {
            String message = "openssl not found at " + OPENSSL;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + "; CI=true requires it");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
    }

    /**
     * Verifies a compact JWS (ES256) with {@code openssl dgst -sha256 -verify}: the signing input, the signature
     * transcoded to DER, the key as SubjectPublicKeyInfo PEM.
     *
     * @param dir a scratch folder
     * @param jws the compact JWS
     * @param publicKey the P-256 public key
     * @return openssl's output, e.g. {@code Verified OK} or {@code Verification failure...}
     * @throws Exception when openssl cannot be run
     */
    public static String verifyJws(Path dir, String jws, PublicKey publicKey) throws Exception {
        int lastDot = jws.lastIndexOf('.');
        return verify(dir, jws.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(jws.substring(lastDot + 1)), publicKey);
    }

    /**
     * Verifies a raw ES256 signature (64-byte R || S) over bytes with {@code openssl dgst -sha256 -verify}.
     *
     * @param dir a scratch folder
     * @param data the signed bytes
     * @param rawSignature R || S
     * @param publicKey the P-256 public key
     * @return openssl's output, e.g. {@code Verified OK}
     * @throws Exception when openssl cannot be run
     */
    public static String verify(Path dir, byte[] data, byte[] rawSignature, PublicKey publicKey) throws Exception {
        Path input = dir.resolve("input.bin");
        Path sig = dir.resolve("sig.der");
        Path pem = dir.resolve("pub.pem");
        Files.write(input, data);
        Files.write(sig, der(rawSignature));
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        Process p = new ProcessBuilder(OPENSSL.toString(), "dgst", "-sha256", "-verify", pem.toString(),
                "-signature", sig.toString(), input.toString()).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("openssl timed out");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    private static byte[] der(byte[] rawSignature) throws JOSEException {
        return ECDSA.transcodeSignatureToDER(rawSignature);
    }
}
