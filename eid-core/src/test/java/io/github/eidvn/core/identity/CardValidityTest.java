package io.github.eidvn.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CardValidityTest {

    private static final LocalDate BIRTH = LocalDate.of(1990, 3, 15);

    private static LocalDate atAge(int years) {
        return BIRTH.plusYears(years);
    }

    @Test
    void issuedAsChild_beforeTwelve_validUntilFourteenthBirthday() {
        assertThat(CardValidity.expiryDate(BIRTH, BIRTH)).contains(atAge(14));
        assertThat(CardValidity.expiryDate(BIRTH, atAge(12).minusDays(1))).contains(atAge(14));
    }

    @Test
    void issuedWithinTwoYearsBeforeFourteen_validUntilTwentyFive() {
        assertThat(CardValidity.expiryDate(BIRTH, atAge(12))).contains(atAge(25));
        assertThat(CardValidity.expiryDate(BIRTH, atAge(14).minusDays(1))).contains(atAge(25));
    }

    @Test
    void issuedFromFourteenToBeforeTwentyThree_validUntilTwentyFive() {
        assertThat(CardValidity.expiryDate(BIRTH, atAge(14))).contains(atAge(25));
        assertThat(CardValidity.expiryDate(BIRTH, atAge(23).minusDays(1))).contains(atAge(25));
    }

    @Test
    void boundaryTwentyThree_validUntilForty() {
        assertThat(CardValidity.expiryDate(BIRTH, atAge(23))).contains(atAge(40));
        assertThat(CardValidity.expiryDate(BIRTH, atAge(25))).contains(atAge(40));
        assertThat(CardValidity.expiryDate(BIRTH, atAge(38).minusDays(1))).contains(atAge(40));
    }

    @Test
    void boundaryThirtyEight_validUntilSixty() {
        assertThat(CardValidity.expiryDate(BIRTH, atAge(38))).contains(atAge(60));
        assertThat(CardValidity.expiryDate(BIRTH, atAge(58).minusDays(1))).contains(atAge(60));
    }

    @Test
    void issuedAtFiftyEightOrLater_neverExpires() {
        assertThat(CardValidity.expiryDate(BIRTH, atAge(58))).isEmpty();
        assertThat(CardValidity.expiryDate(BIRTH, atAge(60))).isEmpty();
        assertThat(CardValidity.expiryDate(BIRTH, atAge(85))).isEmpty();
    }

    @Test
    void isValidOn_inclusiveOfExpiryDate_notBeforeIssue() {
        LocalDate issued = atAge(30);
        assertThat(CardValidity.isValidOn(BIRTH, issued, atAge(40))).isTrue();
        assertThat(CardValidity.isValidOn(BIRTH, issued, atAge(40).plusDays(1))).isFalse();
        assertThat(CardValidity.isValidOn(BIRTH, issued, issued)).isTrue();
        assertThat(CardValidity.isValidOn(BIRTH, issued, issued.minusDays(1))).isFalse();
        assertThat(CardValidity.isValidOn(BIRTH, atAge(59), atAge(100))).isTrue();
    }

    @Test
    void leapDayBirth_reachesAgeOnTwentyEighthFebruary() {
        LocalDate leap = LocalDate.of(2000, 2, 29);
        assertThat(CardValidity.expiryDate(leap, LocalDate.of(2015, 1, 1))).contains(LocalDate.of(2025, 2, 28));
    }

    @Test
    void issueBeforeBirth_throwsIllegalArgument() {
        assertThatThrownBy(() -> CardValidity.expiryDate(BIRTH, BIRTH.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardValidity.expiryDate(null, BIRTH)).isInstanceOf(NullPointerException.class);
    }
}
