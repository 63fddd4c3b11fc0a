package io.github.eidvn.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.Ci;

/**
 * {@code rediss://}: TLS with a private certificate authority. The store connects when it trusts the CA (PEM file),
 * and fails closed when it does not. Needs {@code openssl} and a
 * redis-server built with TLS (Debian's is); skipped visibly otherwise, and failed in CI.
 */
class RedisTlsTest {

    @Test
    void rediss_privateCa_verifiedConnection_untrustedFailsClosed() throws Exception {
        Path dir = Files.createTempDirectory("eid-redis-tls");
        Ci.require(run(dir, "openssl", "version"), "openssl on the PATH");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n", StandardCharsets.US_ASCII);
        assertThat(run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out",
                "ca.crt", "-days", "2", "-subj", "/CN=eid test CA")).isTrue();
        assertThat(run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out",
                "server.csr", "-subj", "/CN=redis")).isTrue();
        assertThat(run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "san.ext")).isTrue();
        int tlsPort;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            tlsPort = s.getLocalPort();
        }
        RedisServerProcess server;
        try {
            server = RedisServerProcess.start(false, List.of("--save", "", "--appendonly", "no", "--tls-port",
                    Integer.toString(tlsPort), "--tls-cert-file", dir.resolve("server.crt").toString(),
                    "--tls-key-file", dir.resolve("server.key").toString(), "--tls-ca-cert-file",
                    dir.resolve("ca.crt").toString(), "--tls-auth-clients", "no"));
        } catch (RuntimeException e) {
            throw Ci.skipOrFail("redis-server with TLS support (" + e.getMessage() + ")");
        }
        try (server) {
            String uri = "rediss://127.0.0.1:" + tlsPort;
            try (RedisStateStore store = RedisStateStore.builder().uri(uri).namespace("tls")
                    .tlsTrustedCertificates(dir.resolve("ca.crt")).build()) {
                assertThat(store.toString()).contains("(TLS)");
                assertThat(store.putIfAbsent("k", new byte[] {1, 2, 3}, Duration.ofMinutes(1))).isTrue();
                assertThat(store.consume("k")).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
            }
            assertThatThrownBy(() -> RedisStateStore.builder().uri(uri).namespace("tls").build())
                    .as("CA not trusted by the JVM").isInstanceOf(StateUnavailableException.class);
            assertThatThrownBy(() -> RedisStateStore.builder().uri(server.uri())
                    .tlsTrustedCertificates(dir.resolve("ca.crt")).build()).isInstanceOf(IllegalStateException.class);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static boolean run(Path dir, String... cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
