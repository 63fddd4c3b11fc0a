package io.github.eidvn.core.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.AssertionFixtures;

class AssertionTest {

    private static Assertion hospital() {
        return Assertion.builder().issuer("iss").issuedAt(Instant.ofEpochSecond(100))
                .expiresAt(Instant.ofEpochSecond(700)).jti("j").level(AssuranceLevel.LEVEL_2)
                .methods(List.of("face")).claims(AssertionFixtures.hospitalClaims()).kid("k").build();
    }

    @Test
    void typedGetters_readTheStandardClaims() {
        Assertion a = hospital();
        assertThat(a.personalNumber()).contains("079303012345");
        assertThat(a.name()).contains("Nguyễn Thị Minh Khai");
        assertThat(a.birthdate()).contains(LocalDate.of(2003, 5, 17));
        assertThat(a.gender()).contains("female");
        assertThat(a.phoneNumber()).isEmpty();
        assertThat(a.formattedAddress()).isEmpty();
        HealthInsuranceClaim hi = a.healthInsurance().orElseThrow();
        assertThat(hi).isEqualTo(new HealthInsuranceClaim("HS4790120878811", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), 4, "79024"));
        assertThat(hi.isValidOn(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(hi.isValidOn(LocalDate.of(2027, 1, 1))).isFalse();
    }

    @Test
    void claims_areDeeplyUnmodifiable() {
        Assertion a = hospital();
        assertThatThrownBy(() -> a.claims().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> hi = (java.util.Map<String, Object>) a.claims().get("health_insurance");
        assertThatThrownBy(() -> hi.put("number", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toString_showsClaimNamesNotValues() {
        assertThat(hospital().toString()).contains("personal_number").doesNotContain("079303012345")
                .doesNotContain("Nguyễn").doesNotContain("HS4790120878811");
    }

    @Test
    void build_missingRequiredOrExpiryNotAfterIssue_throws() {
        assertThatThrownBy(() -> Assertion.builder().issuer("i").build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Assertion.builder().issuer("i").issuedAt(Instant.ofEpochSecond(5))
                .expiresAt(Instant.ofEpochSecond(5)).jti("j").level(AssuranceLevel.LEVEL_1).kid("k").build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Assertion.builder().issuer("i").issuer("j"))
                .isInstanceOf(IllegalStateException.class);
    }
}
