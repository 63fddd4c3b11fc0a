package io.github.eidvn.verifier.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxInsuranceLookupTest extends HealthInsuranceLookupContract {

    private final SandboxInsuranceLookup lookup = SandboxInsuranceLookup.fromJson(CARDS);

    @Override
    HealthInsuranceLookup lookup() {
        return lookup;
    }

    @Test
    void fromFile_readsTheArray(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cards.json");
        Files.writeString(f, CARDS);
        assertThat(SandboxInsuranceLookup.fromFile(f).size()).isEqualTo(4);
    }

    @Test
    void fromJson_badEntries_refusedNamingEntryAndField_notValue() {
        String[][] bad = {
            {"{}", "expected a JSON array"},
            {"[1]", "card 0"},
            {"[{\"number\":\"GD4797920012345\"}]", "name"},
            {CARDS.replace("\"GD4797920012345\"", "\"GD479792001234X\""), "BHYT card number"},
            {CARDS.replace("\"benefit_level\":4", "\"benefit_level\":6"), "benefit_level"},
            {CARDS.replace("\"benefit_level\":4", "\"benefit_level\":3"), "benefit level"},
            {CARDS.replace("\"2026-12-31\"", "\"31/12/2026\""), "valid_to"},
            {CARDS.replace("\"2025-01-01\"", "\"2027-01-01\""), "valid_to is before valid_from"},
            {CARDS.replace("\"male\"", "\"x\""), "gender"},
            {CARDS.replace("\"001088001234\"", "\"00108800123\""), "personal number"},
            {CARDS.replace("\"79024\"", "\"79 024\""), "facility"},
            {"[{", "not JSON"},
            {CARDS.replace("\"benefit_level\":4,", ""), "benefit_level"},
            {CARDS.replace("\"benefit_level\":4", "\"benefit_level\":\"4\""), "benefit_level"},
            {CARDS.replace("\"number\":\"GD4797920012345\",", ""), "number"},
            {CARDS.replace("\"number\":\"GD4797920012345\"", "\"number\":4797920012345"), "number"},
            {CARDS.replace("\"number\":\"GD4797920012345\"", "\"number\":\"\""), "number"},
            {CARDS.replace("\"2026-12-31\"", "\"+12026-12-31\""), "valid_to"},
            {CARDS.replace("\"2026-12-31\"", "\"2026-12-1\""), "valid_to"},
            {"[null]", "card 0"},
        };
        for (String[] b : bad) {
            assertThatThrownBy(() -> SandboxInsuranceLookup.fromJson(b[0])).as(b[1])
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(b[1])
                    .hasMessageNotContaining("Trần");
        }
    }

    @Test
    void card_toStringMasksNumberAndName() {
        InsuranceCard c = ((LookupResult.Found) lookup.lookup(InsuranceQuery.of("001088001234"))).cards().get(0);
        assertThat(c.toString()).doesNotContain("7920012345", "Trần", "1988").contains("GD479", "79024");
    }
    @Test
    void fromFile_atTheSizeLimit_read_oneByteMore_refused(@TempDir Path dir) throws Exception {
        String padded = CARDS + " ".repeat(SandboxInsuranceLookup.MAX_FILE_BYTES - CARDS.getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length);
        Path atLimit = dir.resolve("at-limit.json");
        Files.writeString(atLimit, padded);
        assertThat(Files.size(atLimit)).isEqualTo(SandboxInsuranceLookup.MAX_FILE_BYTES);
        assertThat(SandboxInsuranceLookup.fromFile(atLimit).size()).isEqualTo(4);
        Path over = dir.resolve("over.json");
        Files.writeString(over, padded + " ");
        assertThatThrownBy(() -> SandboxInsuranceLookup.fromFile(over)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("bytes");
    }

    @Test
    void of_cardsInCode_foundByNumber_toStringCountsOnly() {
        SandboxInsuranceLookup two = SandboxInsuranceLookup.of(((LookupResult.Found) lookup.lookup(
                InsuranceQuery.of("001088001234"))).cards());
        assertThat(two.size()).isEqualTo(2);
        assertThat(two.lookup(InsuranceQuery.of("001088001234"))).isInstanceOf(LookupResult.Found.class);
        assertThat(two.toString()).isEqualTo("SandboxInsuranceLookup[2 cards]");
    }
}
