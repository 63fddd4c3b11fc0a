package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;

class KeysCommandTest {

    @TempDir
    Path dir;

    @Test
    void generate_writesPrivateJwksMode600AndPublicJwks() throws Exception {
        Path out = dir.resolve("keys");
        CliRun r = CliRun.run("keys", "generate", "--out", out.toString());
        assertThat(r.exitCode).as(r.err).isZero();
        String kid = r.json().get("kid").asText();
        Path priv = out.resolve("private-jwks.json");
        Path pub = out.resolve("public-jwks.json");
        assertThat(r.json().get("private").asText()).isEqualTo(priv.toString());
        KeyRing ring = KeyRing.fromPrivateJwksJson(Files.readString(priv));
        assertThat(ring.current().kid()).isEqualTo(kid);
        assertThat(Files.readString(pub)).doesNotContain("\"d\"");
        assertThat(TrustStore.fromJwksFile(pub).keys()).hasSize(1);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");
        }
        assertThat(r.out + r.err).doesNotContain(Files.readString(priv));
    }

    @Test
    void generate_existingFiles_refusedWithoutForce() throws Exception {
        String out = dir.toString();
        assertThat(CliRun.run("keys", "generate", "--out", out).exitCode).isZero();
        String first = Files.readString(dir.resolve("private-jwks.json"));
        CliRun again = CliRun.run("keys", "generate", "--out", out);
        assertThat(again.exitCode).isEqualTo(1);
        assertThat(again.err).contains("--force");
        assertThat(Files.readString(dir.resolve("private-jwks.json"))).isEqualTo(first);
        CliRun forced = CliRun.run("keys", "generate", "--out", out, "--force");
        assertThat(forced.exitCode).isZero();
        assertThat(Files.readString(dir.resolve("private-jwks.json"))).isNotEqualTo(first);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private-jwks.json"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void usageErrors_exitTwo() {
        assertThat(CliRun.run("keys").exitCode).isEqualTo(2);
        assertThat(CliRun.run("keys", "generate").exitCode).isEqualTo(2);
    }
}
