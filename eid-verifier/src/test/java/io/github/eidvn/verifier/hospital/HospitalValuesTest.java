package io.github.eidvn.verifier.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;

/** The hospital package's values (queries, cards, decisions) and the desk's options, at their edges. */
class HospitalValuesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 9, 17);

    private static AssertionVerifier verifier() {
        return AssertionVerifier.builder().trustStore(TrustStore.fromJwks(KeyRing.generate().publicJwksJson()))
                .clock(AssertionFixtures.clock()).expectedAudience("79024").expectedPurpose("bhyt-checkin")
                .anyLevel().build();
    }

    private static InsuranceCard card(String name, LocalDate from, LocalDate to) {
        return new InsuranceCard(Optional.of("001088001234"), "GD4797920012345", name, LocalDate.of(1988, 4, 12),
                Optional.of(Sex.MALE), from, to, BenefitLevel.ofCode(4).orElseThrow(), "79024");
    }

    @Test
    void query_equalByKindAndNumber_hashConsistent() {
        InsuranceQuery a = InsuranceQuery.personalNumber("001088001234");
        assertThat(a).isEqualTo(InsuranceQuery.of("001088001234")).hasSameHashCodeAs(InsuranceQuery.of("001088001234"));
        assertThat(a).isNotEqualTo(InsuranceQuery.personalNumber("001088001235")).isNotEqualTo("001088001234")
                .isNotEqualTo(null);
        InsuranceQuery s = InsuranceQuery.socialInsuranceNumber("7920012345");
        assertThat(s).isNotEqualTo(InsuranceQuery.socialInsuranceNumber("7920012346"));
        assertThat(s.kind()).isEqualTo(InsuranceQuery.Kind.SOCIAL_INSURANCE_NUMBER);
        assertThat(a.hashCode()).isNotEqualTo(InsuranceQuery.personalNumber("001088001235").hashCode());
        assertThat(a.hashCode()).isNotEqualTo(0);
    }

    @Test
    void query_socialInsuranceNumber_onlyTenAsciiDigits() {
        for (String bad : new String[] {"792001234", "79200123456", "792001234x", "/920012345", ":920012345"}) {
            assertThatThrownBy(() -> InsuranceQuery.socialInsuranceNumber(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(InsuranceQuery.socialInsuranceNumber("0000000000").number()).isEqualTo("0000000000");
        assertThat(InsuranceQuery.socialInsuranceNumber("9999999999").number()).isEqualTo("9999999999");
    }

    @Test
    void card_validOnBothEnds_socialInsuranceNumberIsTheLastTen() {
        InsuranceCard c = card("Trần Văn Đức", DAY, DAY.plusDays(1));
        assertThat(c.validOn(DAY)).isTrue();
        assertThat(c.validOn(DAY.plusDays(1))).isTrue();
        assertThat(c.validOn(DAY.minusDays(1))).isFalse();
        assertThat(c.validOn(DAY.plusDays(2))).isFalse();
        assertThat(c.socialInsuranceNumber()).isEqualTo("7920012345");
        assertThatThrownBy(() -> card(" ", DAY, DAY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holder name");
    }

    @Test
    void found_needsACard() {
        assertThatThrownBy(() -> new LookupResult.Found(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LookupResult.Found(List.of(card("Trần Văn Đức", DAY, DAY))).cards()).hasSize(1);
    }

    @Test
    void decisionTexts_bilingual_andToStringWithoutPersonalData() {
        for (CheckInDecision.Notice n : CheckInDecision.Notice.values()) {
            assertThat(n.vietnamese()).isNotBlank().isNotEqualTo(n.english());
            assertThat(n.english()).isNotBlank();
        }
        assertThat(CheckInDecision.Notice.COMPARE_PHOTO.english()).contains("photo");
        CheckInDecision.Insurance i = new CheckInDecision.Insurance("HS4790120878811", DAY, DAY.plusYears(1),
                BenefitLevel.ofCode(4).orElseThrow(), "79024");
        assertThat(i.toString()).contains("HS479", "2026-09-17", "79024").doesNotContain("0120878811");
        @SuppressWarnings("deprecation")
        int former = i.coveragePercent();
        assertThat(former).isEqualTo(i.baseCoveragePercent()).isEqualTo(80);
        CheckInDecision.Patient p = new CheckInDecision.Patient(true, Optional.of("Nguyễn Thị Minh Khai"),
                Optional.of(LocalDate.of(2003, 5, 17)), Optional.of(Sex.FEMALE), Optional.of("079******345"),
                Optional.of(AssuranceLevel.LEVEL_2));
        assertThat(p.toString()).contains("verified=true", "079******345", "level=2").doesNotContain("Khai", "2003")
                .doesNotContain("name=-");
        CheckInDecision.Patient none = new CheckInDecision.Patient(false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(none.toString()).contains("verified=false", "name=-", "number=-", "level=-");
        CheckInDecision rejected = CheckInDecision.rejected(DAY, io.github.eidvn.verifier.Reason.REPLAYED, "x");
        assertThat(rejected.toString()).isEqualTo("CheckInDecision[REJECTED, REPLAYED, 2026-09-17]");
        assertThat(CheckInDecision.noInsurance(DAY, p).toString())
                .isEqualTo("CheckInDecision[NO_INSURANCE_DATA, 2026-09-17]");
    }

    @Test
    void desk_withoutAClock_datesTheCheckTodayInVietnam_overLimitDetailSaysSo() {
        HospitalCheckIn desk = HospitalCheckIn.builder().verifier(verifier()).build();
        LocalDate before = LocalDate.now(HospitalCheckIn.VIETNAM);
        CheckInDecision d = desk.check("1".repeat(SignedQrText.MAX_TEXT_LENGTH + 1));
        assertThat(d.checkedOn()).isBetween(before, LocalDate.now(HospitalCheckIn.VIETNAM));
        assertThat(d.detail()).contains("longer than " + SignedQrText.MAX_TEXT_LENGTH);
    }

    @Test
    void desk_toString_namesFacilityAndLookupOnlyWhenSet() {
        assertThat(HospitalCheckIn.builder().verifier(verifier()).build().toString()).doesNotContain("facility")
                .doesNotContain("lookup");
        String configured = HospitalCheckIn.builder().verifier(verifier()).facility("79024")
                .lookup(SandboxInsuranceLookup.fromJson(HealthInsuranceLookupContract.CARDS))
                .lookupTimeout(Duration.ofMillis(1500)).build().toString();
        assertThat(configured).contains("facility 79024", "lookup SandboxInsuranceLookup[4 cards] within 1500 ms");
    }

    @Test
    void deskBuilder_lookupTimeoutUpToThirtySeconds_facilityAndTimeoutOnce() {
        HospitalCheckIn.builder().lookupTimeout(Duration.ofSeconds(30));
        HospitalCheckIn.builder().lookupTimeout(Duration.ofNanos(1));
        assertThatThrownBy(() -> HospitalCheckIn.builder().lookupTimeout(Duration.ofSeconds(30).plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HospitalCheckIn.builder().lookupTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        HospitalCheckIn.Builder b = HospitalCheckIn.builder().facility("79024").lookupTimeout(Duration.ofSeconds(1));
        assertThatThrownBy(() -> b.facility("01001")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.lookupTimeout(Duration.ofSeconds(2))).isInstanceOf(IllegalStateException.class);
    }
}
