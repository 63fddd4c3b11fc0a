package io.github.eidvn.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eidvn.testing.Vectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProvinceTableTest {

    private static Map<String, String> csv() throws IOException {
        List<String> lines = Files.readAllLines(Vectors.path("vn_province_codes.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0).strip()).isEqualTo("code,name");
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            String previous = rows.put(line.substring(0, comma).strip(),
                    Normalizer.normalize(line.substring(comma + 1).strip(), Normalizer.Form.NFC));
            assertThat(previous).as("duplicate code in CSV").isNull();
        }
        return rows;
    }

    @Test
    void inCodeTable_equalsPublishedCsv_allCodesAndNames() throws IOException {
        Map<String, String> expected = csv();
        Map<String, String> actual = new LinkedHashMap<>();
        for (Province p : Province.all()) {
            actual.put(p.code(), p.vietnameseName());
        }
        assertThat(expected).hasSize(63);
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void ofCode_everyCsvCode_findsProvinceWithThatName() throws IOException {
        for (Map.Entry<String, String> e : csv().entrySet()) {
            assertThat(Province.ofCode(e.getKey())).get().extracting(Province::vietnameseName).isEqualTo(e.getValue());
        }
    }

    @Test
    void ofCode_gapsInTheTable_areUnknown() {
        for (String gap : List.of("000", "003", "005", "007", "009", "013", "039", "097", "099", "100", "999")) {
            assertThat(Province.ofCode(gap)).as(gap).isEmpty();
            assertThat(Province.isKnownCode(gap)).isFalse();
        }
    }

    @Test
    void ofCode_malformed_isEmpty() {
        assertThat(Province.ofCode(null)).isEmpty();
        assertThat(Province.ofCode("79")).isEmpty();
        assertThat(Province.ofCode("0079")).isEmpty();
    }

    @Test
    void bhytCode_isLastTwoDigits_andMapsBack() {
        assertThat(Province.HO_CHI_MINH.code()).isEqualTo("079");
        assertThat(Province.HO_CHI_MINH.bhytCode()).isEqualTo("79");
        assertThat(Province.ofBhytCode("79")).contains(Province.HO_CHI_MINH);
        assertThat(Province.ofBhytCode("01")).contains(Province.HA_NOI);
        assertThat(Province.ofBhytCode("03")).isEmpty();
        assertThat(Province.ofBhytCode("079")).isEmpty();
        assertThat(Province.ofBhytCode(null)).isEmpty();
        for (Province p : Province.all()) {
            assertThat(Province.ofBhytCode(p.bhytCode())).contains(p);
        }
    }

    @Test
    void names_areNfc() {
        for (Province p : Province.all()) {
            assertThat(Normalizer.isNormalized(p.vietnameseName(), Normalizer.Form.NFC)).isTrue();
        }
    }
}
