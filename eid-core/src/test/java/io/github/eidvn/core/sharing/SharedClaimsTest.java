package io.github.eidvn.core.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.identity.MaritalStatus;
import io.github.eidvn.core.identity.Sex;
import io.github.eidvn.testing.ConsentFixtures;

class SharedClaimsTest {

    @Test
    void fromProfile_mapsEveryRecordedFieldWithTypedGetters() {
        SharedClaims c = SharedClaims.fromProfile(ConsentFixtures.profile());
        assertThat(c.personalNumber().orElseThrow().value()).isEqualTo(ConsentFixtures.CITIZEN_NUMBER);
        assertThat(c.name()).contains("Nguyễn Thị Minh Khai");
        assertThat(c.birthdate()).contains(LocalDate.of(2003, 5, 17));
        assertThat(c.gender()).contains(Sex.FEMALE);
        assertThat(c.maritalStatus()).contains(MaritalStatus.NOT_MARRIED);
        assertThat(c.address().orElseThrow()).containsEntry("formatted",
                "45 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh").containsEntry("country", "VN");
        assertThat(c.householdHead().orElseThrow().name().value()).isEqualTo("Nguyễn Văn Hùng");
        assertThat(c.relationshipToHouseholdHead()).contains("Con");
        assertThat(c.email()).contains("khai.nguyen@example.vn");
        assertThat(c.healthInsurance()).isEmpty();
        assertThat(c.fields()).doesNotContain(CitizenField.HEALTH_INSURANCE, CitizenField.SPOUSE,
                CitizenField.TEMPORARY_RESIDENCE);
        assertThat(c.toString()).doesNotContain("Nguyễn", ConsentFixtures.CITIZEN_NUMBER);
    }

    @Test
    void plusHealthInsurance_typed() {
        SharedClaims c = ConsentFixtures.claims();
        assertThat(c.healthInsurance().orElseThrow().benefitLevel()).isEqualTo(4);
        assertThat(c.healthInsurance().orElseThrow().validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void only_keepsExactlyTheRequestedFieldsThatArePresent() {
        SharedClaims c = SharedClaims.fromProfile(ConsentFixtures.profile())
                .only(EnumSet.of(CitizenField.NAME, CitizenField.SPOUSE));
        assertThat(c.fields()).containsExactly(CitizenField.NAME);
        assertThat(c.asMap()).containsOnlyKeys("name");
    }

    @Test
    void json_roundTrips() {
        SharedClaims c = ConsentFixtures.claims();
        assertThat(SharedClaims.parseJson(c.toJson())).isEqualTo(c);
    }

    @Test
    void of_unknownOrBadlyShaped_rejectedNamingTheFieldNotTheValue() {
        assertThatThrownBy(() -> SharedClaims.of(Map.of("salary", "1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("salary");
        assertThatThrownBy(() -> SharedClaims.of(Map.of("personal_number", "12345")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("12345");
        assertThatThrownBy(() -> SharedClaims.of(Map.of("marital_status", "complicated")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedClaims.of(Map.of("father", Map.of("name", "A", "age", "50"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("age");
        assertThatThrownBy(() -> SharedClaims.of(Map.of("email", "not-an-address")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedClaims.of(Map.of("hometown", "line\nbreak")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedClaims.of(Map.of("blood_type", "ab")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
