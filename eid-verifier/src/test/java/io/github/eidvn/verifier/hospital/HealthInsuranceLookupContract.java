package io.github.eidvn.verifier.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.core.identity.Sex;

/**
 * What every {@link HealthInsuranceLookup} must do, run against each implementation over the same cards
 * ({@link #CARDS}).
 */
abstract class HealthInsuranceLookupContract {

    /** Three people: one with a current and a past card, one with a 10-digit card number, one without a number. */
    static final String CARDS = "["
            + "{\"personal_number\":\"001088001234\",\"number\":\"GD4797920012345\",\"name\":\"Trần Văn Đức\","
            + "\"birthdate\":\"1988-04-12\",\"gender\":\"male\",\"valid_from\":\"2026-01-01\","
            + "\"valid_to\":\"2026-12-31\",\"benefit_level\":4,\"facility\":\"79024\"},"
            + "{\"personal_number\":\"001088001234\",\"number\":\"GD4797920012345\",\"name\":\"Trần Văn Đức\","
            + "\"birthdate\":\"1988-04-12\",\"gender\":\"male\",\"valid_from\":\"2025-01-01\","
            + "\"valid_to\":\"2025-12-31\",\"benefit_level\":4,\"facility\":\"79024\"},"
            + "{\"personal_number\":\"079303012345\",\"number\":\"7901208788\",\"name\":\"Nguyễn Thị Minh Khai\","
            + "\"birthdate\":\"2003-05-17\",\"gender\":\"Nữ\",\"valid_from\":\"2026-01-01\","
            + "\"valid_to\":\"2026-12-31\",\"benefit_level\":3,\"facility\":\"01001\"},"
            + "{\"personal_number\":null,\"number\":\"TE1790000000042\",\"name\":\"Lê Bé Na\","
            + "\"birthdate\":\"2022-02-02\",\"valid_from\":\"2022-02-02\",\"valid_to\":\"2028-02-01\","
            + "\"benefit_level\":1,\"facility\":\"79024\"}]";

    /** The lookup under test, over {@link #CARDS}. */
    abstract HealthInsuranceLookup lookup();

    @Test
    void lookup_byPersonalNumber_foundWithEveryField() {
        LookupResult r = lookup().lookup(InsuranceQuery.personalNumber("079303012345"));
        assertThat(r).isInstanceOf(LookupResult.Found.class);
        InsuranceCard c = ((LookupResult.Found) r).cards().get(0);
        assertThat(((LookupResult.Found) r).cards()).hasSize(1);
        assertThat(c.personalNumber()).hasValue("079303012345");
        assertThat(c.number()).isEqualTo("7901208788");
        assertThat(c.holderName()).isEqualTo("Nguyễn Thị Minh Khai");
        assertThat(c.birthDate()).isEqualTo(LocalDate.of(2003, 5, 17));
        assertThat(c.sex()).hasValue(Sex.FEMALE);
        assertThat(c.validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(c.validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(c.benefitLevel()).isEqualTo(BenefitLevel.ofCode(3).orElseThrow());
        assertThat(c.facility()).isEqualTo("01001");
        assertThat(c.socialInsuranceNumber()).isEqualTo("7901208788");
    }

    @Test
    void lookup_personWithTwoCards_bothAnswered() {
        LookupResult r = lookup().lookup(InsuranceQuery.of("001088001234"));
        assertThat(((LookupResult.Found) r).cards()).extracting(InsuranceCard::validTo)
                .containsExactlyInAnyOrder(LocalDate.of(2026, 12, 31), LocalDate.of(2025, 12, 31));
    }

    @Test
    void lookup_bySocialInsuranceNumber_matchesTheCardNumbersLastTenDigits() {
        LookupResult byCode = lookup().lookup(InsuranceQuery.socialInsuranceNumber("7920012345"));
        assertThat(((LookupResult.Found) byCode).cards()).hasSize(2)
                .allSatisfy(c -> assertThat(c.holderName()).isEqualTo("Trần Văn Đức"));
        LookupResult byNumber = lookup().lookup(InsuranceQuery.of("7901208788"));
        assertThat(((LookupResult.Found) byNumber).cards()).singleElement()
                .satisfies(c -> assertThat(c.holderName()).isEqualTo("Nguyễn Thị Minh Khai"));
        assertThat(lookup().lookup(InsuranceQuery.of("1234567890"))).isInstanceOf(LookupResult.NotFound.class);
    }

    @Test
    void lookup_cardWithoutPersonalNumber_foundBySocialInsuranceNumberOnly() {
        LookupResult found = lookup().lookup(InsuranceQuery.socialInsuranceNumber("0000000042"));
        InsuranceCard child = ((LookupResult.Found) found).cards().get(0);
        assertThat(child.personalNumber()).isEqualTo(Optional.empty());
        assertThat(child.sex()).isEmpty();
        assertThat(child.holderName()).isEqualTo("Lê Bé Na");
    }

    @Test
    void lookup_unknownNumber_notFound() {
        assertThat(lookup().lookup(InsuranceQuery.personalNumber("001099999999")))
                .isInstanceOf(LookupResult.NotFound.class);
    }

    @Test
    void lookup_nullQuery_npe() {
        assertThatThrownBy(() -> lookup().lookup(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void query_onlyTwelveOrTenDigits() {
        for (String bad : new String[] {"", "12345678901", "1234567890123", "07930301234x", "０７９３０３０１２３４５"}) {
            assertThatThrownBy(() -> InsuranceQuery.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> InsuranceQuery.personalNumber("7901208788"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(InsuranceQuery.of("079303012345").toString()).doesNotContain("079303012345").contains("345");
    }
}
