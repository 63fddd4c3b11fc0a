package io.github.eidvn.core.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.codec.CitizenClaims;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.testing.AssertionFixtures;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class QrClaimProfileTest {

    private static Assertion sample(Map<String, Object> claims, List<Evidence> evidence, AssuranceLevel level) {
        return Assertion.builder().issuer("iss").issuedAt(Instant.ofEpochSecond(1_800_000_000L))
                .expiresAt(Instant.ofEpochSecond(1_800_000_600L)).jti("abcdefghijklmnop").level(level)
                .methods(List.of("face", "sc")).evidence(evidence).claims(claims).audience(List.of("79024"))
                .purpose("bhyt-checkin").kid("kid").build();
    }

    private static Assertion roundTripViaQr(Assertion a) {
        Map<String, Object> compact = QrClaimProfile.compact(AssertionCodec.toStandard(a));
        Map<String, Object> parsed = StrictJson.parseObject(StrictJson.write(compact));
        return AssertionCodec.fromStandard(QrClaimProfile.expand(parsed), "kid");
    }

    @Test
    void compact_usesShortNames() {
        Assertion a = sample(AssertionFixtures.hospitalClaims(),
                List.of(Evidence.of("electronic_record", "data"), Evidence.of("selfie", "bvr")),
                AssuranceLevel.LEVEL_2);
        Map<String, Object> compact = QrClaimProfile.compact(AssertionCodec.toStandard(a));
        assertThat(compact.keySet()).containsExactly("iss", "iat", "exp", "jti", "aud", "pur", "acr", "amr", "vc",
                "pn", "nm", "bd", "g", "hi");
        assertThat(compact.get("acr")).isEqualTo(2);
        assertThat(compact.get("bd")).isEqualTo(20030517);
        assertThat(compact.get("g")).isEqualTo(2);
        assertThat(compact.get("hi")).isEqualTo(Map.of("n", "HS4790120878811", "f", 20260101, "t", 20261231,
                "l", 4, "fc", "79024"));
        assertThat(compact.get("vc")).isEqualTo(Map.of("e", List.of(Map.of("t", 2, "m", "data"),
                Map.of("t", "selfie", "m", "bvr"))));
    }

    @Test
    void expand_nonCanonicalValueForms_rejected() {
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("acr", 1);
        for (Object[] bad : new Object[][] {
                {"bd", "2003-05-17"}, {"bd", 20030230}, {"bd", 999}, {"g", "female"}, {"g", 7},
                {"vc", Map.of("e", List.of(Map.of("t", "document", "m", "x")))},
                {"vc", Map.of("e", List.of(Map.of("t", 9, "m", "x")))},
                {"hi", Map.of("n", "HS4790120878811", "f", "2026-01-01", "t", 20261231, "l", 4, "fc", "79024")}}) {
            Map<String, Object> m = new LinkedHashMap<>(base);
            m.put((String) bad[0], bad[1]);
            assertThatThrownBy(() -> AssertionCodec.fromStandard(QrClaimProfile.expand(m), "kid"))
                    .as("%s", bad[0] + "=" + bad[1]).isInstanceOf(IllegalArgumentException.class);
        }
        Map<String, Object> other = new LinkedHashMap<>(base);
        other.put("g", "other");
        assertThat(QrClaimProfile.expand(other)).isNotNull();
    }

    @Test
    void expand_ofCompact_givesTheSameAssertionAsTheStandardForm() {
        Map<String, Object> claims = new LinkedHashMap<>(AssertionFixtures.hospitalClaims());
        claims.put("address", Map.of("formatted", "12 Lê Lợi, Quận 1, TP. Hồ Chí Minh", "country", "VN"));
        claims.put("phone_number", "+84901234567");
        Assertion a = sample(claims, List.of(Evidence.of("document", "nfc_chip", Map.of("document_type", "cccd")),
                Evidence.of("biometric", "face")), AssuranceLevel.LEVEL_2);
        Assertion standard = AssertionCodec.fromStandard(
                StrictJson.parseObject(StrictJson.write(AssertionCodec.toStandard(a))), "kid");
        assertThat(standard).isEqualTo(a);
        assertThat(roundTripViaQr(a)).isEqualTo(a);
    }

    @Property(tries = 100)
    void roundTrip_anySubsetOfClaims(@ForAll("subsets") List<String> names, @ForAll boolean withEvidence,
            @ForAll boolean level2) {
        Map<String, Object> all = new LinkedHashMap<>(AssertionFixtures.hospitalClaims());
        all.put("address", Map.of("locality", "Quận 1"));
        all.put("phone_number", "0901234567");
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String n : names) {
            picked.put(n, all.get(n));
        }
        Assertion a = sample(picked, withEvidence ? List.of(Evidence.of("document", "chip")) : List.of(),
                level2 ? AssuranceLevel.LEVEL_2 : AssuranceLevel.LEVEL_1);
        assertThat(roundTripViaQr(a)).isEqualTo(a);
    }

    @Provide
    Arbitrary<List<String>> subsets() {
        return Arbitraries.subsetOf(CitizenClaims.NAMES).map(s -> CitizenClaims.NAMES.stream()
                .filter(s::contains).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void expand_unknownCompactName_rejected() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("acr", 2);
        m.put("zz", "x");
        assertThatThrownBy(() -> QrClaimProfile.expand(m)).hasMessageContaining("zz");
    }

    @Test
    void expand_standardNameInCompactForm_rejected() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("acr", 2);
        m.put("name", "x");
        assertThatThrownBy(() -> QrClaimProfile.expand(m)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expand_unknownAcrLevel_rejected() {
        assertThatThrownBy(() -> QrClaimProfile.expand(Map.of("acr", 3))).hasMessageContaining("acr");
    }

    @Test
    void fromStandard_unknownTopLevelClaim_rejected() {
        Assertion a = sample(AssertionFixtures.hospitalClaims(), List.of(), AssuranceLevel.LEVEL_1);
        Map<String, Object> std = new LinkedHashMap<>(AssertionCodec.toStandard(a));
        std.put("cnf", Map.of("jkt", "x"));
        assertThatThrownBy(() -> AssertionCodec.fromStandard(std, "kid")).hasMessageContaining("cnf");
    }

    @Test
    void fromStandard_assuranceLevelDisagreesWithAcr_rejected() {
        Assertion a = sample(AssertionFixtures.hospitalClaims(), List.of(), AssuranceLevel.LEVEL_1);
        Map<String, Object> std = new LinkedHashMap<>(AssertionCodec.toStandard(a));
        std.put("acr", AssuranceLevel.LEVEL_2.acr());
        assertThatThrownBy(() -> AssertionCodec.fromStandard(std, "kid")).hasMessageContaining("assurance_level");
    }

    @Test
    void fromStandard_expNotAfterIat_rejected() {
        Assertion a = sample(AssertionFixtures.hospitalClaims(), List.of(), AssuranceLevel.LEVEL_1);
        Map<String, Object> std = new LinkedHashMap<>(AssertionCodec.toStandard(a));
        std.put("exp", std.get("iat"));
        assertThatThrownBy(() -> AssertionCodec.fromStandard(std, "kid")).hasMessageContaining("exp");
    }

    @Test
    void fromStandard_missingJti_rejected() {
        Assertion a = sample(AssertionFixtures.hospitalClaims(), List.of(), AssuranceLevel.LEVEL_1);
        Map<String, Object> std = new LinkedHashMap<>(AssertionCodec.toStandard(a));
        std.remove("jti");
        assertThatThrownBy(() -> AssertionCodec.fromStandard(std, "kid")).hasMessageContaining("jti");
    }
}
