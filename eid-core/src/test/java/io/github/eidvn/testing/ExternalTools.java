package io.github.eidvn.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;


import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;

/**
 * Outside oracles run as processes, shared by the tests of every module: OpenSSL (JWS ES256 signatures) and ZBar
 * (QR images). When a tool is missing the calling test is skipped with a visible message, and fails when
 * {@code CI=true}.
 */
public final class ExternalTools {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    private ExternalTools() {
    }

    /**
     * The openssl binary, or skip (fail under {@code CI=true}).
     *
     * @return the path of openssl
     */
    public static Path requireOpenssl() {
        if (Files.isExecutable(OPENSSL)) {
            return OPENSSL;
        }
        return find("openssl").orElseGet(() -> skip("openssl not found on PATH or at " + OPENSSL));
    }

    /**
     * The zbarimg binary (Debian/Ubuntu package zbar-tools), or skip (fail under {@code CI=true}).
     *
     * @return the path of zbarimg
     */
    public static Path requireZbarimg() {
        return find("zbarimg").orElseGet(() -> skip("zbarimg not found (install Debian/Ubuntu package zbar-tools)"));
    }

    /**
     * A tool found on {@code PATH} (or in {@code /usr/bin}), or skip (fail under {@code CI=true}).
     *
     * @param name the executable's name, e.g. {@code softhsm2-util}
     * @param debianPackage the Debian/Ubuntu package that installs it, named in the message
     * @return the path of the tool
     */
    public static Path requireTool(String name, String debianPackage) {
        return find(name).orElseGet(() -> skip(name + " not found (install Debian/Ubuntu package " + debianPackage
                + ")"));
    }

    /**
     * Verifies an ES256 compact JWS with {@code openssl dgst -sha256 -verify}: the signing input
     * ({@code header.payload}) as the data, the JWS signature transcoded from R||S to DER, and the public key as a
     * SubjectPublicKeyInfo PEM.
     *
     * @param dir a scratch directory
     * @param compactJws the JWS
     * @param publicKey the P-256 public key
     * @return openssl's output, {@code "Verified OK"} on success
     * @throws Exception when openssl cannot be run
     */
    public static String opensslVerifyEs256(Path dir, String compactJws, PublicKey publicKey) throws Exception {
        int lastDot = compactJws.lastIndexOf('.');
        return opensslVerifyEs256(dir, compactJws.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(compactJws.substring(lastDot + 1)), publicKey);
    }

    /**
     * Verifies an ES256 signature over some bytes with {@code openssl dgst -sha256 -verify} (signature converted to
     * DER, key as a SubjectPublicKeyInfo PEM).
     *
     * @param dir a scratch directory
     * @param data the signed bytes
     * @param rawSignature R || S (64 bytes)
     * @param publicKey the P-256 public key
     * @return openssl's output, {@code "Verified OK"} on success
     * @throws Exception when openssl cannot be run
     */
    public static String opensslVerifyEs256(Path dir, byte[] data, byte[] rawSignature, PublicKey publicKey)
            throws Exception {
        Path openssl = requireOpenssl();
        Path input = dir.resolve("input.bin");
        Path sig = dir.resolve("sig.der");
        Path pem = dir.resolve("pub.pem");
        Files.write(input, data);
        byte[] der;
        try {
            der = ECDSA.transcodeSignatureToDER(rawSignature);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not an ES256 signature", e);
        }
        Files.write(sig, der);
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        Process p = new ProcessBuilder(openssl.toString(), "dgst", "-sha256", "-verify", pem.toString(),
                "-signature", sig.toString(), input.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("openssl timed out");
        }
        return new String(out, StandardCharsets.UTF_8).trim();
    }

    /**
     * Reads a QR image with {@code zbarimg --raw -q}, QR codes only ({@code --set *.enable=0 --set qrcode.enable=1}).
     *
     * @param image the image file
     * @return the decoded text, without the line break zbarimg appends
     * @throws Exception when zbarimg cannot be run, fails or times out
     */
    public static String zbarimg(Path image) throws Exception {
        Path zbarimg = requireZbarimg();
        // QR codes only: with every symbology on, zbar now and then also "finds" a short 1D barcode (an EAN-8, say)
        // in the random-looking modules of a large QR code and prints it as a further line
        Process p = new ProcessBuilder(zbarimg.toString(), "--raw", "-q", "--set", "*.enable=0", "--set",
                "qrcode.enable=1", image.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("zbarimg timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException("zbarimg exited with " + p.exitValue() + " on " + image);
        }
        String s = new String(out, StandardCharsets.UTF_8);
        if (!s.endsWith("\n")) {
            throw new IOException("zbarimg output does not end with a line break");
        }
        return s.substring(0, s.length() - 1);
    }

    private static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : (path + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
            if (d.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(d, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path skip(String message) {
        throw Ci.skipOrFail(message);
    }
}
