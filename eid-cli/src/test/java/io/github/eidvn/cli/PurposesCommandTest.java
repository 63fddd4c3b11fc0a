package io.github.eidvn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.Vectors;

/** {@code eid purposes}: the catalogue of issue 15, checked against Phụ lục 1 of Đề án 06 (services.csv). */
class PurposesCommandTest {

    @Test
    void json_oneObjectPerPurpose_numbersAndTitlesOfServicesCsv() throws IOException {
        CliRun r = CliRun.run("purposes", "--json");
        assertThat(r.exitCode).as(r.err).isZero();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : r.out.strip().split("\n")) {
            rows.add(mapper.readTree(line));
        }
        assertThat(rows).hasSize(28);
        List<String> csv = Files.readAllLines(Vectors.path("de-an-06-services", "services.csv"), StandardCharsets.UTF_8);
        for (int n = 1; n <= 25; n++) {
            JsonNode row = rows.get(n - 1);
            assertThat(row.get("number").asInt()).isEqualTo(n);
            String title = row.get("vi").asText();
            assertThat(csv.get(n)).as("services.csv item " + n).isIn(n + "," + title, n + ",\"" + title + "\"");
            assertThat(row.get("en").asText()).isNotBlank();
            assertThat(row.get("fields").isArray()).isTrue();
            assertThat(row.fieldNames()).toIterable().containsExactly("code", "number", "vi", "en", "fields");
        }
        assertThat(rows.get(0).get("code").asText()).isEqualTo("cmnd-confirmation");
        assertThat(rows.get(0).get("fields").toString()).contains("\"old_id_number\"");
        for (JsonNode other : rows.subList(25, 28)) {
            assertThat(other.get("number").isNull()).isTrue();
        }
        assertThat(rows.subList(25, 28)).extracting(j -> j.get("code").asText())
                .containsExactly("bank-ekyc", "ewallet-link", "bhyt-checkin");
    }

    @Test
    void text_listsNumberCodeAndBothTitles() {
        CliRun r = CliRun.run("purposes");
        assertThat(r.exitCode).isZero();
        assertThat(r.out).contains(" 2  id-card-reissue-exchange", "Cấp lại, đổi thẻ căn cước công dân",
                "13  new-seal", "14  special-seal", " -  bank-ekyc", "old_id_number");
    }
}
