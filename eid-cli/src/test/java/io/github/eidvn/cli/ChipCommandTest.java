package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eidvn.chip.testing.CccdChips;
import io.github.eidvn.testing.Vectors;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChipCommandTest {

    private static Path writeChip(Path dir, Map<Integer, byte[]> groups, byte[] sod) throws Exception {
        Path lds = Files.createDirectories(dir.resolve("lds"));
        Files.write(lds.resolve("EF_SOD.bin"), sod);
        for (Map.Entry<Integer, byte[]> g : groups.entrySet()) {
            Files.write(lds.resolve("DG" + g.getKey() + ".bin"), g.getValue());
        }
        return lds;
    }

    private static Path csca(Path dir) throws Exception {
        Path pem = dir.resolve("csca.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                CccdChips.pki().csca().getEncoded()) + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        return pem;
    }

    @Test
    void verify_genuineChip_jsonWithDataGroupsMrzCitizenAndExitZero(@TempDir Path dir) throws Exception {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        Path lds = writeChip(dir, g, CccdChips.sod(CccdChips.pki(), g));
        CliRun r = CliRun.run("chip", "verify", "--lds", lds.toString(), "--csca", csca(dir).toString(), "--now",
                CccdChips.NOW.toString());
        assertThat(r.exitCode).as(r.err).isZero();
        JsonNode j = r.json();
        assertThat(j.get("verified").asBoolean()).isTrue();
        assertThat(j.get("reason").isNull()).isTrue();
        assertThat(j.get("dataGroups").toString()).isEqualTo("{\"1\":\"VALID\",\"2\":\"VALID\",\"13\":\"VALID\"}");
        assertThat(j.at("/mrz/personalNumber").asText()).isEqualTo(CccdChips.NUMBER);
        assertThat(j.at("/mrz/can").asText()).isEqualTo(CccdChips.NUMBER.substring(6));
        assertThat(j.at("/citizen/fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(j.at("/citizen/birthDate").asText()).isEqualTo("1990-01-01");
        assertThat(j.at("/citizen/otherFields/15").asText()).isEqualTo("012345678");
        assertThat(j.at("/face/format").asText()).isEqualTo("image/jpeg");
        assertThat(j.at("/signer/notAfter").asText()).isEqualTo(CccdChips.DS_TO.toString());
        assertThat(j.get("activeAuthentication").asText()).isEqualTo("NOT_SUPPORTED");
    }

    @Test
    void verify_afterSignerExpiry_refusedWithReasonAndExitOne(@TempDir Path dir) throws Exception {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        Path lds = writeChip(dir, g, CccdChips.sod(CccdChips.pki(), g));
        CliRun r = CliRun.run("chip", "verify", "--lds", lds.toString(), "--csca", csca(dir).toString(), "--now",
                "2031-06-01T00:00:00Z");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.json().get("reason").asText()).isEqualTo("CERTIFICATE_EXPIRED");
        assertThat(r.err).contains("hết hạn").contains("expired");
    }

    @Test
    void verify_masterListWithoutItsSignerIssuer_usageErrorExitTwo(@TempDir Path dir) throws Exception {
        Map<Integer, byte[]> g = CccdChips.groups(null);
        Path lds = writeChip(dir, g, CccdChips.sod(CccdChips.pki(), g));
        CliRun r = CliRun.run("chip", "verify", "--lds", lds.toString(), "--csca", csca(dir).toString(),
                "--masterlist", Vectors.path("icao9303-chip", "icao-masterlist-2025-08.ml").toString(), "--now",
                "2025-09-01T00:00:00Z");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("not issued by a trusted issuer");
    }

    @Test
    void verify_missingSodOrFolder_usageErrorExitTwo(@TempDir Path dir) throws Exception {
        assertThat(CliRun.run("chip", "verify", "--lds", dir.toString(), "--csca", csca(dir).toString()).exitCode)
                .isEqualTo(2);
        assertThat(CliRun.run("chip", "verify", "--lds", dir.resolve("none").toString(), "--csca",
                csca(dir).toString()).exitCode).isEqualTo(2);
        assertThat(CliRun.run("chip", "verify", "--lds", dir.toString()).exitCode).isEqualTo(2);
    }

    @Test
    void mrzParse_vietnameseCard_fieldsChecksAndBacSeed() {
        CliRun r = CliRun.run("mrz", "parse", "IDVNM0900000018000090000001<<8", "9001011M3001019VNM<<<<<<<<<<<2",
                "SPECIMEN<<VAN<MAU<<<<<<<<<<<<<");
        assertThat(r.exitCode).isZero();
        JsonNode j = r.json();
        assertThat(j.at("/mrz/documentNumber").asText()).isEqualTo("090000001");
        assertThat(j.at("/mrz/personalNumber").asText()).isEqualTo("000090000001");
        assertThat(j.at("/mrz/checks/PERSONAL_NUMBER").asBoolean()).isTrue();
        assertThat(j.at("/mrz/birthDate").asText()).isEqualTo("1990-01-01");
        assertThat(j.get("bacKeySeed").asText()).hasSize(32);
    }

    @Test
    void mrzParse_tamperedFromStdin_checkDigitReasonExitOne() {
        CliRun r = CliRun.withStdin("I<UTOD231458907<<<<<<<<<<<<<<<\n7408152F1204159UTO<<<<<<<<<<<6\n"
                + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<\n", "mrz", "parse");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.json().get("reason").asText()).isEqualTo("CHECK_DIGIT");
        assertThat(r.json().at("/mrz/checks/BIRTH_DATE").asBoolean()).isFalse();
        assertThat(r.json().has("bacKeySeed")).isFalse();
    }

    @Test
    void read_thenVerify_throughTheReaderServiceOnTheClassPath(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("card");
        CliRun r = CliRun.run("chip", "read", "--reader", "Recorded", "--can", CccdChips.NUMBER.substring(6), "--out",
                out.toString());
        assertThat(r.exitCode).as(r.err).isZero();
        assertThat(r.json().get("accessProtocol").asText()).isEqualTo("PACE");
        assertThat(Files.exists(out.resolve("EF_SOD.bin"))).isTrue();
        CliRun v = CliRun.run("chip", "verify", "--lds", out.toString(), "--csca", csca(dir).toString(), "--now",
                CccdChips.NOW.toString());
        assertThat(v.exitCode).as(v.err).isZero();
        assertThat(CliRun.run("chip", "read").json().get("readers").get(0).asText()).isEqualTo("Recorded");
    }

    @Test
    void read_wrongCanOrExistingFolder_refused(@TempDir Path dir) {
        CliRun r = CliRun.run("chip", "read", "--reader", "Recorded", "--can", "000000", "--out",
                dir.resolve("x").toString());
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.json().get("reason").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(CliRun.run("chip", "read", "--reader", "Recorded", "--can", CccdChips.NUMBER.substring(6),
                "--out", dir.toString()).exitCode).isEqualTo(2);
        assertThat(CliRun.run("chip", "read", "--reader", "Recorded", "--out", dir.resolve("y").toString()).exitCode)
                .isEqualTo(2);
    }
}
