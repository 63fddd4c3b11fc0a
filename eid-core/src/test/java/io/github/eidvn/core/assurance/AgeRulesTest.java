package io.github.eidvn.core.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eidvn.core.assurance.AgeRules.AccountForm;
import io.github.eidvn.core.assurance.AgeRules.AgeGroup;
import io.github.eidvn.core.assurance.AgeRules.Entitlement;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AgeRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final AgeRules RULES = AgeRules.using(ProofingFixtures.CLOCK); // noon of TODAY in Vietnam

    @Test
    void fourteenOrOlderWithCard_levelsOneAndTwo_ownAccount() {
        Entitlement e = RULES.entitlement(TODAY.minusYears(14), true);
        assertThat(e.ageGroup()).isEqualTo(AgeGroup.FROM_14);
        assertThat(e.levels()).containsExactly(AssuranceLevel.LEVEL_1, AssuranceLevel.LEVEL_2);
        assertThat(e.form()).isEqualTo(AccountForm.OWN);
        assertThat(e.guardianRequired()).isFalse();
        assertThat(e.eligible()).isTrue();
    }

    @Test
    void dayBeforeFourteenthBirthday_stillChildWithGuardian() {
        Entitlement e = RULES.entitlement(TODAY.minusYears(14).plusDays(1), true);
        assertThat(e.ageGroup()).isEqualTo(AgeGroup.FROM_6_TO_UNDER_14);
        assertThat(e.levels()).containsExactly(AssuranceLevel.LEVEL_1, AssuranceLevel.LEVEL_2);
        assertThat(e.form()).isEqualTo(AccountForm.WITH_GUARDIAN);
        assertThat(e.guardianRequired()).isTrue();
    }

    @Test
    void sixthBirthday_levelTwoPossibleWithGuardian() {
        Entitlement e = RULES.entitlement(TODAY.minusYears(6), true);
        assertThat(e.ageGroup()).isEqualTo(AgeGroup.FROM_6_TO_UNDER_14);
        assertThat(e.permits(AssuranceLevel.LEVEL_2)).isTrue();
    }

    @Test
    void underSix_levelOneOnly_throughGuardianAccount() {
        Entitlement e = RULES.entitlement(TODAY.minusYears(6).plusDays(1), true);
        assertThat(e.ageGroup()).isEqualTo(AgeGroup.UNDER_6);
        assertThat(e.levels()).containsExactly(AssuranceLevel.LEVEL_1);
        assertThat(e.permits(AssuranceLevel.LEVEL_2)).isFalse();
        assertThat(e.form()).isEqualTo(AccountForm.THROUGH_GUARDIAN_ACCOUNT);
        assertThat(e.guardianRequired()).isTrue();
        assertThat(RULES.entitlement(TODAY, true).ageGroup()).isEqualTo(AgeGroup.UNDER_6);
    }

    @Test
    void withoutValidCard_noAccountAtAnyAge() {
        for (LocalDate birth : new LocalDate[] {TODAY.minusYears(40), TODAY.minusYears(10), TODAY.minusYears(2)}) {
            Entitlement e = RULES.entitlement(birth, false);
            assertThat(e.levels()).isEmpty();
            assertThat(e.form()).isEqualTo(AccountForm.NONE);
            assertThat(e.eligible()).isFalse();
        }
    }

    @Test
    void entitlementFromIssueDate_usesCardValidity() {
        LocalDate birth = TODAY.minusYears(26);
        // issued at 15: expired on the 25th birthday
        assertThat(RULES.entitlement(birth, birth.plusYears(15)).form()).isEqualTo(AccountForm.NONE);
        // issued at 24: valid until 40
        assertThat(RULES.entitlement(birth, birth.plusYears(24)).form()).isEqualTo(AccountForm.OWN);
    }

    @Test
    void organisation_oneAccountTypeWithoutLevels() {
        Entitlement e = AgeRules.organisation();
        assertThat(e.form()).isEqualTo(AccountForm.ORGANISATION);
        assertThat(e.levels()).isEmpty();
        assertThat(e.eligible()).isTrue();
        assertThat(e.guardianRequired()).isFalse();
    }

    @Test
    void entitlementOn_explicitDate_independentOfClock() {
        LocalDate birth = LocalDate.of(2010, 1, 1);
        assertThat(AgeRules.entitlementOn(birth, true, LocalDate.of(2024, 1, 1)).ageGroup())
                .isEqualTo(AgeGroup.FROM_14);
        assertThat(AgeRules.entitlementOn(birth, true, LocalDate.of(2023, 12, 31)).ageGroup())
                .isEqualTo(AgeGroup.FROM_6_TO_UNDER_14);
    }

    @Test
    void bornAfterDate_throwsIllegalArgument() {
        assertThatThrownBy(() -> RULES.entitlement(TODAY.plusDays(1), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entitlementLevels_areUnmodifiable() {
        assertThatThrownBy(() -> RULES.entitlement(TODAY.minusYears(30), true).levels().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
