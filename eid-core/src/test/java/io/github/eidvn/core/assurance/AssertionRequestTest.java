package io.github.eidvn.core.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.AssertionFixtures;

class AssertionRequestTest {

    @Test
    void parseClaims_hospitalExample_keepsOrderAndTypes() {
        Map<String, Object> claims = AssertionRequest.parseClaims(AssertionFixtures.HOSPITAL_CLAIMS_JSON);
        assertThat(claims.keySet()).containsExactly("personal_number", "name", "birthdate", "gender",
                "health_insurance");
        assertThat(claims.get("name")).isEqualTo("Nguyễn Thị Minh Khai");
        assertThat(AssertionFixtures.asMap(claims.get("health_insurance"))).containsEntry("benefit_level", 4)
                .containsEntry("facility", "79024");
        assertThatThrownBy(() -> claims.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void parseClaims_unknownClaim_rejected() {
        assertThatThrownBy(() -> AssertionRequest.parseClaims("{\"nationality\":\"VN\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nationality");
    }

    @Test
    void parseClaims_badShapes_rejectedWithoutEchoingValues() {
        assertThatThrownBy(() -> AssertionRequest.parseClaims("{\"personal_number\":\"07930301234X\"}"))
                .hasMessageContaining("personal_number").message().doesNotContain("07930301234X");
        assertThatThrownBy(() -> AssertionRequest.parseClaims("{\"birthdate\":\"2003-02-30\"}"))
                .hasMessageContaining("birthdate");
        assertThatThrownBy(() -> AssertionRequest.parseClaims(
                "{\"health_insurance\":{\"number\":\"HS4790120878811\"}}")).hasMessageContaining("missing");
        assertThatThrownBy(() -> AssertionRequest.parseClaims(AssertionFixtures.HOSPITAL_CLAIMS_JSON
                .replace("\"benefit_level\":4", "\"benefit_level\":6"))).hasMessageContaining("benefit_level");
        assertThatThrownBy(() -> AssertionRequest.parseClaims(AssertionFixtures.HOSPITAL_CLAIMS_JSON
                .replace("2026-12-31", "2025-12-31"))).hasMessageContaining("before");
        assertThatThrownBy(() -> AssertionRequest.parseClaims("{\"name\":\"a\",\"name\":\"b\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_requiresLevelMethodsAndClaims() {
        assertThatThrownBy(() -> AssertionRequest.builder().methods("pwd")
                .claims(AssertionFixtures.hospitalClaims()).build()).hasMessageContaining("level");
        assertThatThrownBy(() -> AssertionRequest.builder().level(AssuranceLevel.LEVEL_1)
                .claims(AssertionFixtures.hospitalClaims()).build()).hasMessageContaining("amr");
        assertThatThrownBy(() -> AssertionRequest.builder().level(AssuranceLevel.LEVEL_1).methods("pwd").build())
                .hasMessageContaining("claim");
    }

    @Test
    void builder_optionSetTwice_throwsIllegalState() {
        AssertionRequest.Builder b = AssertionRequest.builder().level(AssuranceLevel.LEVEL_1);
        assertThatThrownBy(() -> b.level(AssuranceLevel.LEVEL_2)).isInstanceOf(IllegalStateException.class);
        b.ttl(Duration.ofMinutes(1));
        assertThatThrownBy(() -> b.ttl(Duration.ofMinutes(2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void methods_invalidOrRepeated_rejected() {
        assertThatThrownBy(() -> AssertionRequest.builder().methods("face", "face"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssertionRequest.builder().methods("has space"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_hasNoClaimValues() {
        assertThat(AssertionFixtures.hospitalRequest().toString()).contains("personal_number")
                .doesNotContain("079303012345").doesNotContain("Nguyễn");
    }
}
