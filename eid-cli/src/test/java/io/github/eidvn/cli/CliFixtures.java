package io.github.eidvn.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.eidvn.testing.AssertionFixtures;

/** Key and claims files for the command tests. */
final class CliFixtures {

    /** Issue and verify time of the command tests (the shared fixture's now). */
    static final String NOW = AssertionFixtures.NOW.toString();

    final Path dir;
    final Path privateJwks;
    final Path publicJwks;
    final Path claims;

    private CliFixtures(Path dir) {
        this.dir = dir;
        this.privateJwks = dir.resolve("private-jwks.json");
        this.publicJwks = dir.resolve("public-jwks.json");
        this.claims = dir.resolve("claims.json");
    }

    /** Generates keys with the CLI itself and writes the hospital claims. */
    static CliFixtures in(Path dir) throws Exception {
        CliFixtures f = new CliFixtures(dir);
        CliRun r = CliRun.run("keys", "generate", "--out", dir.toString());
        if (r.exitCode != 0) {
            throw new AssertionError("keys generate failed: " + r.err);
        }
        Files.writeString(f.claims, AssertionFixtures.HOSPITAL_CLAIMS_JSON, StandardCharsets.UTF_8);
        return f;
    }

    /** {@code eid assert issue} of the hospital presentation (level 2, face, aud 79024, bhyt-checkin). */
    String issueHospital(String... extra) {
        String[] base = {"assert", "issue", "--key", privateJwks.toString(), "--level", "2", "--amr", "face",
            "--claims", claims.toString(), "--aud", "79024", "--purpose", "bhyt-checkin", "--now", NOW};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun r = CliRun.run(args);
        if (r.exitCode != 0) {
            throw new AssertionError("assert issue failed: " + r.err);
        }
        return r.out.strip();
    }
}
