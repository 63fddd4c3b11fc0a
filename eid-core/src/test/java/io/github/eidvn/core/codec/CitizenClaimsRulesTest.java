package io.github.eidvn.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.eidvn.core.assurance.Assertion;
import io.github.eidvn.core.internal.FreeText;
import io.github.eidvn.core.sharing.SharedClaims;

/** The claim rules of issue 15 (BHYT numbers as printed since 2021) and issue 13 (no invisible characters). */
class CitizenClaimsRulesTest {

    private static Map<String, Object> card(String number, int level) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("valid_from", "2026-01-01");
        m.put("valid_to", "2026-12-31");
        m.put("benefit_level", level);
        m.put("facility", "79024");
        return m;
    }

    /**
     * Cards issued since 2021 (Quyết định 1666/QĐ-BHXH, mẫu thẻ BHYT mới) print the 10-digit social-insurance number
     * as the card's number; the benefit level then comes from its own claim.
     */
    @Test
    void healthInsurance_tenDigitSocialInsuranceNumber_accepted_levelFromItsClaim() {
        Map<String, Object> out = CitizenClaims.normalize(Map.of("health_insurance", card("7901234567", 3)));
        Map<?, ?> hi = (Map<?, ?>) out.get("health_insurance");
        assertThat(hi.get("number")).isEqualTo("7901234567");
        assertThat(hi.get("benefit_level")).isEqualTo(3);
        // the same claim through the sharing path (eid seal) and an assertion (issuer and verifier)
        assertThat(SharedClaims.of(Map.of("health_insurance", card("7901234567", 3))).healthInsurance().orElseThrow()
                .number()).isEqualTo("7901234567");
        assertThat(Assertion.builder().issuer("https://x.example").claims(Map.of("health_insurance",
                card("7901234567", 5))).level(io.github.eidvn.core.assurance.AssuranceLevel.LEVEL_1)
                .jti("a").issuedAt(java.time.Instant.EPOCH).kid("k").build().healthInsurance().orElseThrow()
                .benefitLevel()).isEqualTo(5);
    }

    @Test
    void healthInsurance_cardCode_stillAccepted_levelMustAgree() {
        assertThat(CitizenClaims.normalize(Map.of("health_insurance", card("HS4790120878811", 4)))).isNotEmpty();
        assertThatThrownBy(() -> CitizenClaims.normalize(Map.of("health_insurance", card("HS4790120878811", 3))))
                .hasMessageContaining("benefit_level differs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"790123456", "79012345678", "79012345A7", "HS0790120878811", "hs4790120878811",
        "HS479012087881", "７９０１２３４５６７"})
    void healthInsurance_malformedNumber_refused(String bad) {
        assertThatThrownBy(() -> CitizenClaims.normalize(Map.of("health_insurance", card(bad, 4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("health_insurance.number")
                .hasMessageNotContaining(bad);
    }

    /** Issue 13: bidi controls and other format characters in names and addresses, at the issuer and verifier. */
    @ParameterizedTest
    @ValueSource(strings = {"\u202E", "\u2066", "\u2069", "\u200B", "\uFEFF", "\u00AD", "\u0000"})
    void nameAndAddress_withControlOrFormatCharacter_refused(String bad) {
        assertThatThrownBy(() -> CitizenClaims.normalize(Map.of("name", "Nguyễn Văn" + bad + " An")))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> CitizenClaims.normalize(Map.of("address", Map.of("formatted", "12 Lê Lợi" + bad))))
                .hasMessageContaining("address.formatted");
        assertThatThrownBy(() -> SharedClaims.of(Map.of("permanent_residence", "12 Lê Lợi" + bad)))
                .hasMessageContaining("permanent_residence");
        assertThatThrownBy(() -> SharedClaims.of(Map.of("father", Map.of("name", "Nguyễn" + bad + " Văn Ba"))))
                .hasMessageContaining("father.name");
    }

    @Test
    void forbiddenCharacter_reportsTheIndex_andAcceptsOrdinaryText() {
        assertThat(FreeText.forbiddenCharacter("Nguyễn Văn An")).isEqualTo(-1);
        assertThat(FreeText.forbiddenCharacter("ab\u202Ec")).isEqualTo(2);
        assertThat(FreeText.forbiddenCharacter("a\uDB40\uDC01")).isEqualTo(1); // U+E0001 LANGUAGE TAG (Cf)
        assertThat(FreeText.forbiddenCharacter("a\uD83D\uDE00")).isEqualTo(-1); // an emoji is not a format char
    }
}
