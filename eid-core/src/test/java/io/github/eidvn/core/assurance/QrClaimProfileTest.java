package io.github.eidvn.core.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
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
    void compact_writesVersion2WithShortNamesAndCodes() {
        Assertion a = Assertion.builder().issuer("https://vneid.gov.vn").issuedAt(Instant.ofEpochSecond(1_800_000_000L))
                .expiresAt(Instant.ofEpochSecond(1_800_000_600L)).jti("abcdefghijkl").level(AssuranceLevel.LEVEL_2)
                .methods(List.of("face", "sc", "x-own")).claims(AssertionFixtures.hospitalClaims())
                .evidence(List.of(Evidence.of("electronic_record", "data"), Evidence.of("selfie", "bvr"),
                        Evidence.of("document", "own", Map.of("document_type", "cccd"))))
                .audience(List.of("79024")).purpose("bhyt-checkin").kid("kid").build();
        Map<String, Object> compact = QrClaimProfile.compact(AssertionCodec.toStandard(a));
        assertThat(compact.keySet()).containsExactly("v", "i", "t", "x", "j", "a", "p", "l", "m", "e",
                "pn", "nm", "bd", "g", "hi");
        assertThat(compact.get("v")).isEqualTo(2);
        assertThat(compact.get("i")).isEqualTo(1);
        assertThat(compact.get("x")).isEqualTo(600L);
        assertThat(compact.get("l")).isEqualTo(2);
        assertThat(compact.get("m")).isEqualTo(List.of(1, 18, "x-own"));
        assertThat(compact.get("e")).isEqualTo(List.of(List.of(2, 1), List.of("selfie", 3),
                List.of(1, "own", Map.of("document_type", "cccd"))));
        assertThat(compact.get("bd")).isEqualTo(LocalDate.of(2003, 5, 17).toEpochDay());
        assertThat(compact.get("g")).isEqualTo(2);
        // the card code HS4... carries benefit level 4: not written again
        assertThat(compact.get("hi")).isEqualTo(Map.of("n", "HS4790120878811",
                "f", LocalDate.of(2026, 1, 1).toEpochDay(), "t", LocalDate.of(2026, 12, 31).toEpochDay(),
                "fc", "79024"));
        assertThat(roundTripViaQr(a)).isEqualTo(a);
    }

    @Test
    void expand_version1Claims_stillReadAsTheSameAssertion() {
        Assertion a = sample(AssertionFixtures.hospitalClaims(),
                List.of(Evidence.of("electronic_record", "data"), Evidence.of("selfie", "bvr")),
                AssuranceLevel.LEVEL_2);
        Map<String, Object> v1 = QrClaimProfile.compactVersion1(AssertionCodec.toStandard(a));
        assertThat(v1.keySet()).containsExactly("iss", "iat", "exp", "jti", "aud", "pur", "acr", "amr", "vc",
                "pn", "nm", "bd", "g", "hi");
        assertThat(v1.get("bd")).isEqualTo(20030517);
        assertThat(v1.get("hi")).isEqualTo(Map.of("n", "HS4790120878811", "f", 20260101, "t", 20261231,
                "l", 4, "fc", "79024"));
        Map<String, Object> parsed = StrictJson.parseObject(StrictJson.write(v1));
        assertThat(AssertionCodec.fromStandard(QrClaimProfile.expand(parsed), "kid")).isEqualTo(a);
    }

    @Test
    void expand_version2OtherForms_rejected() {
        Assertion a = sample(AssertionFixtures.hospitalClaims(), List.of(Evidence.of("electronic_record", "data")),
                AssuranceLevel.LEVEL_2);
        Map<String, Object> good = StrictJson.parseObject(StrictJson.write(
                QrClaimProfile.compact(AssertionCodec.toStandard(a))));
        assertThat(AssertionCodec.fromStandard(QrClaimProfile.expand(good), "kid")).isEqualTo(a);
        Map<String, Object> hi = new LinkedHashMap<>(StrictJson.parseObject(StrictJson.write(good.get("hi"))));
        hi.put("l", 4);
        for (Object[] bad : new Object[][] {
                {"v", 3}, {"v", "2"}, {"i", "https://vneid.gov.vn"}, {"i", 9}, {"m", List.of("face")},
                {"m", List.of(99)}, {"e", List.of(List.of(2, "data"))}, {"e", List.of(List.of(2))}, {"e", List.of()},
                {"x", 0}, {"x", -5}, {"bd", 20030517}, {"bd", -400_000}, {"hi", hi},
                {"iss", "iss"}, {"exp", 1_800_000_600L}, {"acr", 2}, {"vc", Map.of("e", List.of())}}) {
            Map<String, Object> m = new LinkedHashMap<>(good);
            m.put((String) bad[0], bad[1]);
            assertThatThrownBy(() -> AssertionCodec.fromStandard(QrClaimProfile.expand(m), "kid"))
                    .as("%s", bad[0] + "=" + bad[1]).isInstanceOf(IllegalArgumentException.class);
        }
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
