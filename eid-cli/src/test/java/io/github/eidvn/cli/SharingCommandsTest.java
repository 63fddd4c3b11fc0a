package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.testing.ConsentFixtures;

/**
 * {@code eid party / request / seal / open}, end to end through files; the JWE from {@code eid seal} is decrypted and
 * verified a second time by {@link IndependentJose} (JCA and Jackson only, no Nimbus).
 */
class SharingCommandsTest {

    @TempDir
    Path dir;

    private Path issuerKey;
    private Path issuerJwks;
    /** {@code --jwks ISS=FILE}: the issuer's keys, bound to the issuer id that {@code eid seal} writes. */
    private String trusted;
    private Path claims;
    private KeyRing ring;

    @BeforeEach
    void setUp() throws Exception {
        SigningKey issuer = SigningKey.generate();
        ring = KeyRing.of(issuer, List.of());
        issuerKey = dir.resolve("issuer.jwk");
        Files.writeString(issuerKey, issuer.privateJwkJson());
        issuerJwks = dir.resolve("issuer.jwks");
        Files.writeString(issuerJwks, ring.publicJwksJson());
        trusted = SealCommand.DEFAULT_ISSUER + "=" + issuerJwks;
        claims = dir.resolve("claims.json");
        Files.writeString(claims, ConsentFixtures.claims().toJson(), StandardCharsets.UTF_8);
    }

    private Path init(String id, String purpose, String... extra) {
        List<String> args = new ArrayList<>(List.of("party", "init", "--id", id, "--name-vi", "Ngân hàng " + id,
                "--name-en", "Bank " + id, "--contact", "dpo@" + id + ".vn", "--purpose", purpose, "--out",
                dir.toString()));
        args.addAll(List.of(extra));
        CliRun r = CliRun.run(args.toArray(new String[0]));
        assertThat(r.exitCode).as(r.err).isZero();
        return dir;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void partyInit_requestCreate_requestVerify_textAndImage() throws Exception {
        init("vcb-bank", "bank-ekyc");
        Path png = dir.resolve("request.png");
        CliRun created = CliRun.run("request", "create", "--key", dir.resolve("vcb-bank.signing.jwk").toString(),
                "--party", "vcb-bank", "--purpose", "bank-ekyc", "--fields", "personal_number,name,birthdate",
                "--text", "Mở tài khoản", "--png", png.toString());
        assertThat(created.exitCode).as(created.err).isZero();
        String qr = created.out.strip();
        assertThat(qr).containsOnlyDigits().startsWith("841");
        assertThat(created.err).contains("nonce=");
        assertThat(Files.size(png)).isPositive();

        CliRun verified = CliRun.run("request", "verify", "--registry", dir.resolve("registry.json").toString(), qr);
        assertThat(verified.exitCode).as(verified.out).isZero();
        JsonNode j = verified.json();
        assertThat(j.get("party").get("id").asText()).isEqualTo("vcb-bank");
        assertThat(j.get("purpose").get("code").asText()).isEqualTo("bank-ekyc");
        assertThat(j.get("fields")).extracting(f -> f.get("name").asText())
                .containsExactly("personal_number", "name", "birthdate");
        assertThat(j.get("fields").get(1).get("vi").asText()).isEqualTo("Họ, chữ đệm và tên");

        CliRun fromImage = CliRun.run("request", "verify", "--registry", dir.resolve("registry.json").toString(),
                "--image", png.toString());
        assertThat(fromImage.exitCode).as(fromImage.out).isZero();
        assertThat(fromImage.json().get("nonce").asText()).isEqualTo(j.get("nonce").asText());
    }

    @Test
    void requestVerify_unregisteredPartyOrFieldsOutsideThePurpose_exitOneWithReason() throws Exception {
        init("vcb-bank", "bank-ekyc");
        Path other = Files.createDirectory(dir.resolve("other"));
        CliRun.run("party", "init", "--id", "shady", "--name-vi", "X", "--name-en", "X", "--contact", "x@x.vn",
                "--purpose", "bank-ekyc", "--out", other.toString());
        String foreign = CliRun.run("request", "create", "--key", other.resolve("shady.signing.jwk").toString(),
                "--party", "shady", "--purpose", "bank-ekyc", "--fields", "name").out.strip();
        CliRun r = CliRun.run("request", "verify", "--registry", dir.resolve("registry.json").toString(), foreign);
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.json().get("reason").asText()).isEqualTo("UNKNOWN_PARTY");
        assertThat(r.err).contains("chưa được đăng ký").contains("not registered");

        String greedy = CliRun.run("request", "create", "--key", dir.resolve("vcb-bank.signing.jwk").toString(),
                "--party", "vcb-bank", "--purpose", "bank-ekyc", "--fields", "name,religion,health_insurance")
                .out.strip();
        CliRun g = CliRun.run("request", "verify", "--registry", dir.resolve("registry.json").toString(), greedy);
        assertThat(g.exitCode).isEqualTo(1);
        assertThat(g.json().get("reason").asText()).isEqualTo("FIELDS_NOT_ALLOWED");
    }

    @Test
    void seal_ec_isDecryptedAndVerifiedByAnIndependentJcaPath_andOpensWithEidOpen() throws Exception {
        init("vcb-bank", "bank-ekyc");
        CliRun sealed = CliRun.run("seal", "--issuer-key", issuerKey.toString(), "--to",
                dir.resolve("vcb-bank.encryption.pub.jwk").toString(), "--claims", claims.toString(), "--fields",
                "personal_number,name,birthdate", "--receipt", "rcpt-0001", "--nonce", "n0nce-from-the-request",
                "--party", "vcb-bank", "--level", "2", "--amr", "face");
        assertThat(sealed.exitCode).as(sealed.err).isZero();
        String jwe = sealed.out.strip();
        assertThat(jwe.split("\\.", -1)).hasSize(5);

        JsonNode privateJwk = IndependentJose.json(Files.readString(dir.resolve("vcb-bank.encryption.jwk")));
        byte[] plain = IndependentJose.decrypt(jwe, privateJwk);
        JsonNode[] inner = IndependentJose.verifyEs256(new String(plain, StandardCharsets.US_ASCII),
                IndependentJose.json(ring.publicJwksJson()));
        JsonNode jweHeader = IndependentJose.json(Base64.getUrlDecoder().decode(jwe.split("\\.")[0]));
        assertThat(jweHeader.get("alg").asText()).isEqualTo("ECDH-ES+A256KW");
        assertThat(jweHeader.get("enc").asText()).isEqualTo("A256GCM");
        assertThat(jweHeader.get("cty").asText()).isEqualTo("JWT");
        assertThat(jweHeader.has("zip")).isFalse();
        assertThat(inner[0].get("typ").asText()).isEqualTo("vneid-share+jwt");
        JsonNode payload = inner[1];
        assertThat(payload.get("aud").asText()).isEqualTo("vcb-bank");
        assertThat(payload.get("receipt_id").asText()).isEqualTo("rcpt-0001");
        assertThat(payload.get("nonce").asText()).isEqualTo("n0nce-from-the-request");
        assertThat(payload.get("acr").asText()).isEqualTo("urn:vn:eid:loa:2");
        JsonNode citizen = payload.get("verified_claims").get("claims");
        assertThat(names(citizen)).containsExactly("personal_number", "name", "birthdate");
        assertThat(citizen.get("name").asText()).isEqualTo("Nguyễn Thị Minh Khai");

        CliRun opened = CliRun.run("open", "--key", dir.resolve("vcb-bank.encryption.jwk").toString(), "--jwks",
                trusted, "--nonce", "n0nce-from-the-request", "--party", "vcb-bank", "--level", "2",
                jwe);
        assertThat(opened.exitCode).as(opened.out + opened.err).isZero();
        assertThat(opened.json()).isEqualTo(citizen);
        assertThat(opened.err).contains("withdrawal not checked");
    }

    @Test
    void seal_rsa_isDecryptedByTheIndependentPath_andDefaultAudienceIsTheKeyThumbprintUri() throws Exception {
        init("bv-cho-ray", "bhyt-checkin", "--rsa");
        CliRun sealed = CliRun.run("seal", "--issuer-key", issuerKey.toString(), "--to",
                dir.resolve("bv-cho-ray.encryption.pub.jwk").toString(), "--claims", claims.toString(), "--fields",
                "name,health_insurance", "--receipt", "rcpt-0002");
        assertThat(sealed.exitCode).as(sealed.err).isZero();
        String jwe = sealed.out.strip();
        JsonNode privateJwk = IndependentJose.json(Files.readString(dir.resolve("bv-cho-ray.encryption.jwk")));
        JsonNode[] inner = IndependentJose.verifyEs256(new String(IndependentJose.decrypt(jwe, privateJwk),
                StandardCharsets.US_ASCII), IndependentJose.json(ring.publicJwksJson()));
        assertThat(IndependentJose.json(Base64.getUrlDecoder().decode(jwe.split("\\.")[0])).get("alg").asText())
                .isEqualTo("RSA-OAEP-256");
        assertThat(inner[1].get("aud").asText()).startsWith("urn:ietf:params:oauth:jwk-thumbprint:sha-256:");
        assertThat(names(inner[1].get("verified_claims").get("claims"))).containsExactly("name", "health_insurance");
        assertThat(inner[1].has("nonce")).isFalse();

        CliRun opened = CliRun.run("open", "--key", dir.resolve("bv-cho-ray.encryption.jwk").toString(), "--jwks",
                trusted, jwe);
        assertThat(opened.exitCode).as(opened.out).isZero();
        assertThat(opened.json().get("health_insurance").get("benefit_level").asInt()).isEqualTo(4);
    }

    /** Issue 15: {@code eid seal} takes the 10-digit social-insurance number as a BHYT card number. */
    @Test
    void seal_healthInsuranceTenDigitNumber_sealedAndOpened_issue15() throws Exception {
        init("bv-cho-ray", "bhyt-checkin");
        String json = Files.readString(claims, StandardCharsets.UTF_8);
        JsonNode card = IndependentJose.json(json).get("health_insurance");
        assertThat(card).as("fixture has a card").isNotNull();
        Files.writeString(claims, json.replace(card.get("number").asText(), "0120878811"), StandardCharsets.UTF_8);
        CliRun sealed = CliRun.run("seal", "--issuer-key", issuerKey.toString(), "--to",
                dir.resolve("bv-cho-ray.encryption.pub.jwk").toString(), "--claims", claims.toString(), "--fields",
                "name,health_insurance", "--receipt", "rcpt-0003");
        assertThat(sealed.exitCode).as(sealed.err).isZero();
        CliRun opened = CliRun.run("open", "--key", dir.resolve("bv-cho-ray.encryption.jwk").toString(), "--jwks",
                trusted, sealed.out.strip());
        assertThat(opened.exitCode).as(opened.out + opened.err).isZero();
        assertThat(opened.json().get("health_insurance").get("number").asText()).isEqualTo("0120878811");
    }

    @Test
    void open_wrongNonceWrongKeyTamperedUnknownIssuer_exitOneWithItsReason() throws Exception {
        init("vcb-bank", "bank-ekyc");
        Path other = Files.createDirectory(dir.resolve("other"));
        CliRun.run("party", "init", "--id", "other-bank", "--name-vi", "X", "--name-en", "X", "--contact", "x@x.vn",
                "--purpose", "bank-ekyc", "--out", other.toString());
        String jwe = CliRun.run("seal", "--issuer-key", issuerKey.toString(), "--to",
                dir.resolve("vcb-bank.encryption.pub.jwk").toString(), "--claims", claims.toString(), "--fields",
                "name", "--receipt", "r-3", "--nonce", "expected-nonce").out.strip();
        String key = dir.resolve("vcb-bank.encryption.jwk").toString();

        CliRun wrongNonce = CliRun.run("open", "--key", key, "--jwks", trusted, "--nonce", "other", jwe);
        assertThat(wrongNonce.exitCode).isEqualTo(1);
        assertThat(wrongNonce.json().get("reason").asText()).isEqualTo("WRONG_NONCE");

        CliRun noNonce = CliRun.run("open", "--key", key, "--jwks", trusted, jwe);
        assertThat(noNonce.json().get("reason").asText()).isEqualTo("WRONG_NONCE");

        CliRun wrongKey = CliRun.run("open", "--key", other.resolve("other-bank.encryption.jwk").toString(),
                "--jwks", trusted, "--nonce", "expected-nonce", jwe);
        assertThat(wrongKey.json().get("reason").asText()).isEqualTo("WRONG_RECIPIENT");

        String[] p = jwe.split("\\.");
        byte[] ct = Base64.getUrlDecoder().decode(p[3]);
        ct[0] ^= 1;
        p[3] = Base64.getUrlEncoder().withoutPadding().encodeToString(ct);
        CliRun tampered = CliRun.run("open", "--key", key, "--jwks", trusted, "--nonce",
                "expected-nonce", String.join(".", p));
        assertThat(tampered.json().get("reason").asText()).isEqualTo("DECRYPTION_FAILED");

        Path strangerJwks = dir.resolve("stranger.jwks");
        Files.writeString(strangerJwks, KeyRing.generate().publicJwksJson());
        CliRun stranger = CliRun.run("open", "--key", key, "--jwks", SealCommand.DEFAULT_ISSUER + "=" + strangerJwks,
                "--nonce", "expected-nonce", jwe);
        assertThat(stranger.json().get("reason").asText()).isEqualTo("UNKNOWN_KEY");
        assertThat(stranger.err).contains("không do cơ quan tin cậy ký");

        CliRun fromStdin = CliRun.withStdin(jwe + "\n", "open", "--key", key, "--jwks", trusted,
                "--nonce", "expected-nonce", "-");
        assertThat(fromStdin.exitCode).isZero();
    }

    @Test
    void usageErrors_exitTwo_andOpenHelpSaysWithdrawalIsNotChecked() throws Exception {
        assertThat(CliRun.run("request").exitCode).isEqualTo(2);
        assertThat(CliRun.run("seal").exitCode).isEqualTo(2);
        Path notAKey = dir.resolve("bad.jwk");
        Files.writeString(notAKey, "{}");
        assertThat(CliRun.run("open", "--key", notAKey.toString(), "--jwks", trusted, "x").exitCode)
                .isEqualTo(2);
        assertThat(CliRun.run("request", "create", "--key", issuerKey.toString(), "--party", "a", "--purpose",
                "free-text", "--fields", "name").exitCode).isEqualTo(2);
        assertThat(CliRun.run("request", "create", "--key", issuerKey.toString(), "--party", "a", "--purpose",
                "bank-ekyc", "--fields", "salary").exitCode).isEqualTo(2);
        assertThat(CliRun.run("seal", "--issuer-key", issuerKey.toString(), "--to", issuerJwks.toString(),
                "--claims", claims.toString(), "--fields", "name", "--receipt", "r").exitCode).isEqualTo(2);
        String help = CliRun.run("open", "--help").out;
        assertThat(help).contains("withdrawal of consent is NOT checked");
        assertThat(CliRun.run("party", "purposes").out.lines().count()).isEqualTo(28);
    }

    @Test
    void concatKdf_ofTheIndependentPath_agreesWithBouncyCastle() throws Exception {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int i = 0; i < 20; i++) {
            byte[] z = new byte[32];
            random.nextBytes(z);
            byte[] apu = new byte[i];
            random.nextBytes(apu);
            byte[] alg = "ECDH-ES+A256KW".getBytes(StandardCharsets.US_ASCII);
            java.nio.ByteBuffer otherInfo = java.nio.ByteBuffer.allocate(4 + alg.length + 4 + apu.length + 4 + 4);
            otherInfo.putInt(alg.length).put(alg).putInt(apu.length).put(apu).putInt(0).putInt(256);
            org.bouncycastle.crypto.agreement.kdf.ConcatenationKDFGenerator bc =
                    new org.bouncycastle.crypto.agreement.kdf.ConcatenationKDFGenerator(
                            new org.bouncycastle.crypto.digests.SHA256Digest());
            bc.init(new org.bouncycastle.crypto.params.KDFParameters(z, otherInfo.array()));
            byte[] expected = new byte[32];
            bc.generateBytes(expected, 0, 32);
            assertThat(IndependentJose.concatKdf(z, "ECDH-ES+A256KW", apu, new byte[0], 256)).isEqualTo(expected);
        }
    }

    @Test
    void open_bareJwksNeedsIssuer_andAKeyOfAnotherIssuerIsRefused() throws Exception {
        init("vcb-bank", "bank-ekyc");
        String jwe = CliRun.run("seal", "--issuer-key", issuerKey.toString(), "--to",
                dir.resolve("vcb-bank.encryption.pub.jwk").toString(), "--claims", claims.toString(), "--fields",
                "name", "--receipt", "r-9").out.strip();
        String key = dir.resolve("vcb-bank.encryption.jwk").toString();
        CliRun bare = CliRun.run("open", "--key", key, "--jwks", issuerJwks.toString(), jwe);
        assertThat(bare.exitCode).as(bare.err).isEqualTo(2);
        assertThat(bare.err).contains("--issuer");
        CliRun named = CliRun.run("open", "--key", key, "--jwks", issuerJwks.toString(), "--issuer",
                SealCommand.DEFAULT_ISSUER, jwe);
        assertThat(named.exitCode).as(named.out + named.err).isZero();
        // the same keys trusted only for another issuer name: the package's iss is not theirs
        CliRun other = CliRun.run("open", "--key", key, "--jwks", "https://other.example.vn=" + issuerJwks, jwe);
        assertThat(other.exitCode).isEqualTo(1);
        assertThat(other.json().get("reason").asText()).isEqualTo("WRONG_ISSUER");
    }
}
