package io.github.eidvn.account.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.Ci;

class PasswordHasherTest {

    /** Small parameters where the test is not about them. */
    static final PasswordHasher FAST = PasswordHasher.builder().memoryKiB(64).iterations(1).build();

    @Test
    void hash_defaultParameters_phcFormat() {
        String phc = PasswordHasher.argon2id().hash("Mật-khẩu-2026!");
        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(PasswordHasher.argon2id().verify("Mật-khẩu-2026!", phc))
                .isEqualTo(new PasswordVerification.Match(false));
    }

    @Test
    void verify_wrongPassword_mismatch() {
        String phc = FAST.hash("correct horse battery staple");
        assertThat(FAST.verify("correct horse battery stapl", phc)).isEqualTo(new PasswordVerification.Mismatch());
        assertThat(FAST.verify("correct horse battery staple", phc).matches()).isTrue();
    }

    @Test
    void hash_randomSalt_differsEachTime() {
        assertThat(FAST.hash("same")).isNotEqualTo(FAST.hash("same"));
    }

    @Test
    void verify_nfkcNormalized_composedAndDecomposedVietnameseMatch() {
        String composed = "Vi\u1EC7t Nam";            // ệ precomposed
        String decomposed = "Vie\u0323\u0302t Nam";    // e + dot below + circumflex
        assertThat(composed).isNotEqualTo(decomposed);
        assertThat(FAST.verify(decomposed, FAST.hash(composed)).matches()).isTrue();
    }

    @Test
    void needsRehash_whenParametersChange() {
        String old = FAST.hash("pw");
        assertThat(FAST.needsRehash(old)).isFalse();
        PasswordHasher stronger = PasswordHasher.builder().memoryKiB(128).iterations(1).build();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(stronger.verify("pw", old)).isEqualTo(new PasswordVerification.Match(true));
        assertThat(stronger.needsRehash("garbage")).isTrue();
    }

    @Test
    void verify_tamperedAbsurdParameters_refusedWithoutComputing() {
        String phc = FAST.hash("pw");
        String salt = phc.split("\\$")[4];
        String hash = phc.split("\\$")[5];
        long t0 = System.nanoTime();
        for (String params : new String[] {"m=4194304,t=1,p=1", "m=64,t=100000,p=1", "m=64,t=1,p=255",
            "m=8,t=1,p=4", "m=99999999999,t=1,p=1"}) {
            PasswordVerification v = FAST.verify("pw", "$argon2id$v=19$" + params + "$" + salt + "$" + hash);
            assertThat(v).isInstanceOfAny(PasswordVerification.Unusable.class);
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(2000);
    }

    @Test
    void verify_malformedOrUnsupported_unusable() {
        String salt = "c29tZXNhbHRzb21lc2FsdA";
        String hash = "IX8rTqp0d9Pu37QS7l1Ix06hxksaav9Ey5Ztp+RIRS8";
        String[] bad = {null, "", "plain", "$argon2i$v=19$m=64,t=1,p=1$" + salt + "$" + hash,
            "$argon2id$v=16$m=64,t=1,p=1$" + salt + "$" + hash, "$argon2id$m=64,t=1,p=1$" + salt + "$" + hash,
            "$argon2id$v=19$t=1,m=64,p=1$" + salt + "$" + hash, "$argon2id$v=19$m=064,t=1,p=1$" + salt + "$" + hash,
            "$argon2id$v=19$m=64,t=1,p=1$" + salt + "==$" + hash, "$argon2id$v=19$m=64,t=1,p=1$$" + hash,
            "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + hash + "$extra", "$argon2id$v=19$m=64,t=1,p=1$AAAA$" + hash,
            "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + "A".repeat(600)};
        for (String s : bad) {
            assertThat(FAST.verify("password", s)).as(String.valueOf(s)).isInstanceOf(PasswordVerification.Unusable.class);
        }
        assertThat(((PasswordVerification.Unusable) FAST.verify("x", "$argon2i$v=19$m=64,t=1,p=1$" + salt + "$" + hash))
                .reason()).isEqualTo(PasswordVerification.Reason.UNSUPPORTED);
    }

    @Test
    void builder_optionsOnce_andBounds() {
        assertThatThrownBy(() -> PasswordHasher.builder().memoryKiB(64).memoryKiB(64))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PasswordHasher.builder().iterations(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHasher.builder().memoryKiB(8).parallelism(2).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PasswordHasher.builder().memoryKiB(131072).maxMemoryKiB(65536).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toString_showsNoSecret() {
        assertThat(FAST.toString()).doesNotContain("$argon2id$");
    }

    /**
     * Independent oracle: the reference implementation's command-line tool (Debian package {@code argon2}) must print
     * the same PHC string for the same password, salt and parameters.
     */
    @Test
    void hash_matchesReferenceArgon2Cli() throws Exception {
        Path cli = findArgon2();
        Ci.require(cli != null, "argon2 CLI not on PATH (apt-get install argon2)");
        String[][] cases = {
            {"password", "somesaltsomesalt", "2", "15", "1"},
            {"Mật khẩu VNeID 2026", "0123456789abcdef", "1", "10", "2"},
            {"x", "saltsaltsaltsalt", "3", "12", "1"},
        };
        for (String[] c : cases) {
            int t = Integer.parseInt(c[2]);
            int log2m = Integer.parseInt(c[3]);
            int p = Integer.parseInt(c[4]);
            String expected = runCli(cli, c[0], c[1], t, "-m", log2m, p);
            PasswordHasher h = PasswordHasher.builder().memoryKiB(1 << log2m).iterations(t).parallelism(p).build();
            String ours = h.hashWithSalt(c[0], c[1].getBytes(StandardCharsets.UTF_8));
            assertThat(ours).as("argon2 CLI for %s", c[1]).isEqualTo(expected);
            assertThat(h.verify(c[0], expected).matches()).isTrue();
        }
        // the default parameters (m = 19456 KiB is not a power of two: the CLI's -k option)
        String expected = runCli(cli, "Sen#Hong7Lua", "16-byte-salt-abc", 2, "-k", 19456, 1);
        assertThat(PasswordHasher.argon2id().hashWithSalt("Sen#Hong7Lua",
                "16-byte-salt-abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    private static Path findArgon2() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "argon2");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static String runCli(Path cli, String password, String salt, int t, String memoryFlag, int memory, int p)
            throws IOException, InterruptedException {
        Process proc = new ProcessBuilder(cli.toString(), salt, "-id", "-t", Integer.toString(t), memoryFlag,
                Integer.toString(memory), "-p", Integer.toString(p), "-l", "32", "-e").redirectErrorStream(true)
                .start();
        try (OutputStream in = proc.getOutputStream()) {
            in.write(password.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream o = proc.getInputStream()) {
            o.transferTo(out);
        }
        assertThat(proc.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(proc.exitValue()).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
