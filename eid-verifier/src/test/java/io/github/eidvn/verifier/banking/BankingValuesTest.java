package io.github.eidvn.verifier.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.testing.SettableClock;

/** The banking package's values at their edges: amounts as text, ids, holders, account-opening decisions. */
class BankingValuesTest {

    @Test
    void vnd_groupedByThousands_dotsInVietnamese_commasInEnglish() {
        assertThat(Vnd.vi(0)).isEqualTo("0 đ");
        assertThat(Vnd.vi(999)).isEqualTo("999 đ");
        assertThat(Vnd.vi(1_000)).isEqualTo("1.000 đ");
        assertThat(Vnd.vi(12_345)).isEqualTo("12.345 đ");
        assertThat(Vnd.vi(123_456_789)).isEqualTo("123.456.789 đ");
        assertThat(Vnd.en(10_000_000)).isEqualTo("10,000,000 VND");
        assertThat(Vnd.en(-1_234)).isEqualTo("-1,234 VND");
        assertThat(Vnd.en(-999)).isEqualTo("-999 VND");
        assertThat(Vnd.en(Long.MIN_VALUE)).isEqualTo("-9,223,372,036,854,775,808 VND");
    }

    @Test
    void ids_oneTo128PrintableCharacters() {
        String longest = "a".repeat(Transfer.MAX_ACCOUNT_LENGTH);
        assertThat(Transfer.builder().account(longest)).isNotNull();
        assertThatThrownBy(() -> Transfer.builder().account(longest + "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Transfer.builder().device("!")).isNotNull();
        assertThat(Transfer.builder().device("~")).isNotNull();
        assertThatThrownBy(() -> Transfer.builder().device("a\u00e9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.builder().device("a\t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transfer_eachOptionOnce_toStringWithoutHolder() {
        Transfer t = BankFixtures.transfer("acc-1", 5_000);
        assertThat(t.toString()).isEqualTo("Transfer[acc-1, TRANSFER, 5000 VND]");
        assertThat(t.device()).isEqualTo(BankFixtures.DEVICE);
        assertThat(t.holder()).isSameAs(BankFixtures.HOLDER);
        Transfer.Builder b = Transfer.builder().account("a").device("d").kind(Transfer.Kind.WITHDRAWAL).amountVnd(1)
                .holder(BankFixtures.HOLDER);
        assertThatThrownBy(() -> b.account("b")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.device("e")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.kind(Transfer.Kind.TRANSFER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.amountVnd(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.holder(BankFixtures.HOLDER)).isInstanceOf(IllegalStateException.class);
        for (int missing = 0; missing < 4; missing++) {
            Transfer.Builder partial = Transfer.builder();
            if (missing != 0) {
                partial.account("a");
            }
            if (missing != 1) {
                partial.device("d");
            }
            if (missing != 2) {
                partial.kind(Transfer.Kind.TRANSFER);
            }
            if (missing != 3) {
                partial.amountVnd(1);
            }
            partial.holder(BankFixtures.HOLDER);
            assertThatThrownBy(partial::build).as("missing %d", missing).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void holder_eachOptionOnce_allRequired_toStringMasked() {
        PersonalNumber n = PersonalNumber.of(BankFixtures.HOLDER_NUMBER);
        AccountHolder h = AccountHolder.builder().personalNumber(n).matchedBy(AccountHolder.Match.NOT_MATCHED)
                .idCardWithoutExpiry().build();
        assertThat(h.idCardValidUntil()).isEmpty();
        assertThat(h.match().satisfiesCircular17()).isFalse();
        assertThat(AccountHolder.Match.CHIP_AND_BIOMETRICS.satisfiesCircular17()).isTrue();
        assertThat(h.toString()).doesNotContain(BankFixtures.HOLDER_NUMBER).contains("NOT_MATCHED");
        AccountHolder.Builder b = AccountHolder.builder().personalNumber(n).matchedBy(AccountHolder.Match.LEVEL_2_EID)
                .idCardValidUntil(LocalDate.of(2040, 1, 1));
        assertThatThrownBy(() -> b.personalNumber(n)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.matchedBy(AccountHolder.Match.NOT_MATCHED))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::idCardWithoutExpiry).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AccountHolder.builder().personalNumber(n).idCardWithoutExpiry().build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AccountHolder.builder().matchedBy(AccountHolder.Match.LEVEL_2_EID)
                .idCardWithoutExpiry().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AccountHolder.builder().personalNumber(n).matchedBy(AccountHolder.Match.LEVEL_2_EID)
                .build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void accountOpening_bornToday_under15_notInvalid_messagesInBothLanguages() {
        AccountOpeningRules rules = AccountOpeningRules.using(SettableClock.at(Instant.parse("2026-09-17T03:00:00Z")));
        AccountOpeningRules.Decision today = rules.decide(AccountOpeningRules.Request.builder()
                .birthDate(LocalDate.of(2026, 9, 17)).jointAccount(false).guardianConsent(true).build());
        assertThat(today.refusal()).contains(AccountOpeningRules.Refusal.UNDER_15);
        assertThat(today.allowed()).isFalse();
        assertThat(today.toString()).isEqualTo("Decision[REFUSED UNDER_15]");
        AccountOpeningRules.Decision adult = rules.decide(AccountOpeningRules.Request.builder()
                .birthDate(LocalDate.of(1990, 1, 1)).jointAccount(false).guardianConsent(false).build());
        assertThat(adult.toString()).isEqualTo("Decision[ALLOWED]");
        assertThat(adult.message(Locale.forLanguageTag("vi-VN"))).contains("Được mở tài khoản");
        assertThat(adult.message(Locale.ENGLISH)).contains("may be opened");
        for (AccountOpeningRules.Refusal r : AccountOpeningRules.Refusal.values()) {
            assertThat(r.vietnamese()).isNotBlank().isNotEqualTo(r.english());
            assertThat(r.english()).isNotBlank();
        }
        AccountOpeningRules.Request.Builder b = AccountOpeningRules.Request.builder().birthDate(LocalDate.of(2000,
                1, 1)).guardianConsent(true);
        assertThatThrownBy(() -> b.birthDate(LocalDate.of(2001, 1, 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.guardianConsent(false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AccountOpeningRules.Request.builder().jointAccount(false).guardianConsent(false)
                .build()).isInstanceOf(IllegalStateException.class);
    }
}
