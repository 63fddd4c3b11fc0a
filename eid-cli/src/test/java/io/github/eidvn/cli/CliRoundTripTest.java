package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.eidvn.testing.AssertionFixtures;

/** keys generate → assert issue → qr render → qr decode → verify, all through the CLI. */
class CliRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void keysIssueRenderDecodeVerify_roundTrip() throws Exception {
        Path keys = dir.resolve("keys");
        CliRun gen = CliRun.run("keys", "generate", "--out", keys.toString());
        assertThat(gen.exitCode).as(gen.err).isZero();
        String kid = gen.json().get("kid").asText();

        Path claims = dir.resolve("claims.json");
        Files.writeString(claims, AssertionFixtures.HOSPITAL_CLAIMS_JSON, StandardCharsets.UTF_8);
        CliRun issue = CliRun.run("assert", "issue", "--key", keys.resolve("private-jwks.json").toString(),
                "--level", "2", "--amr", "face", "--evidence", "electronic_record:data", "--claims",
                claims.toString(), "--aud", "79024", "--purpose", "bhyt-checkin", "--ttl", "10m");
        assertThat(issue.exitCode).as(issue.err).isZero();
        String text = issue.out.strip();

        Path png = dir.resolve("presentation.png");
        CliRun render = CliRun.run("qr", "render", "--text", text, "--png", png.toString());
        assertThat(render.exitCode).as(render.err).isZero();

        CliRun decode = CliRun.run("qr", "decode", png.toString());
        assertThat(decode.exitCode).as(decode.err).isZero();
        String scanned = decode.out.strip();
        assertThat(scanned).isEqualTo(text);

        CliRun jws = CliRun.run("qr", "jws", scanned);
        assertThat(jws.exitCode).isZero();

        CliRun verify = CliRun.run("verify", "--jwks", keys.resolve("public-jwks.json").toString(), "--level", "2",
                "--aud", "79024", "--purpose", "bhyt-checkin", scanned);
        assertThat(verify.exitCode).as(verify.out + verify.err).isZero();
        JsonNode j = verify.json();
        assertThat(j.get("verified").asBoolean()).isTrue();
        assertThat(j.get("level").asInt()).isEqualTo(2);
        assertThat(j.get("kid").asText()).isEqualTo(kid);
        assertThat(j.at("/claims/name").asText()).isEqualTo("Nguyễn Thị Minh Khai");
        assertThat(j.at("/evidence/0/type").asText()).isEqualTo("electronic_record");

        CliRun byImage = CliRun.run("verify", "--jwks", keys.resolve("public-jwks.json").toString(), "--level", "2",
                "--aud", "79024", "--purpose", "bhyt-checkin", "--image", png.toString());
        assertThat(byImage.exitCode).as(byImage.out).isZero();

        // keys bound per issuer: the issuer's own name verifies, another name is refused, mixing forms is usage
        String issuerId = j.get("iss").asText();
        CliRun bound = CliRun.run("verify", "--jwks", issuerId + "=" + keys.resolve("public-jwks.json"),
                "--jwks", "https://other.example.vn=" + keys.resolve("public-jwks.json"), "--level", "2",
                "--aud", "79024", "--purpose", "bhyt-checkin", scanned);
        assertThat(bound.exitCode).as(bound.out + bound.err).isZero();
        CliRun wrong = CliRun.run("verify", "--jwks", "https://other.example.vn=" + keys.resolve("public-jwks.json"),
                "--level", "2", "--aud", "79024", "--purpose", "bhyt-checkin", scanned);
        assertThat(wrong.exitCode).isEqualTo(1);
        assertThat(wrong.json().get("reason").asText()).isEqualTo("WRONG_ISSUER");
        CliRun mixed = CliRun.run("verify", "--jwks", keys.resolve("public-jwks.json").toString(), "--jwks",
                "https://other.example.vn=" + keys.resolve("public-jwks.json"), scanned);
        assertThat(mixed.exitCode).isEqualTo(2);
    }
}
