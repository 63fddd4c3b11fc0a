package io.github.eidvn.verifier.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.SettableClock;
import io.github.eidvn.verifier.banking.AccountOpeningRules.Refusal;

/** Online account opening under Thông tư 17/2024/TT-NHNN (issue 15). */
class AccountOpeningRulesTest {

    /** 00:30 on 17 September 2026 in Vietnam (still the 16th in UTC). */
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-09-16T17:30:00Z"));
    private final AccountOpeningRules rules = AccountOpeningRules.using(clock);

    private AccountOpeningRules.Decision decide(LocalDate birth, boolean joint, boolean consent) {
        return rules.decide(AccountOpeningRules.Request.builder().birthDate(birth).jointAccount(joint)
                .guardianConsent(consent).build());
    }

    @Test
    void jointAccount_refusedOnline_tt17() {
        AccountOpeningRules.Decision d = decide(LocalDate.of(1990, 1, 1), true, false);
        assertThat(d.refusal()).contains(Refusal.JOINT_ACCOUNT);
        assertThat(d.message(Locale.forLanguageTag("vi"))).contains("tài khoản thanh toán chung", "17/2024/TT-NHNN");
        assertThat(d.message(Locale.ENGLISH)).contains("joint");
    }

    @Test
    void under15_refused_fifteenthBirthdayInVietnam_isEnough_withConsent_tt17() {
        assertThat(decide(LocalDate.of(2011, 9, 18), false, true).refusal()).contains(Refusal.UNDER_15);
        // 15 today in Vietnam (the UTC date is still the day before)
        assertThat(decide(LocalDate.of(2011, 9, 17), false, true).allowed()).isTrue();
    }

    @Test
    void fifteenToUnder18_needsTheGuardiansConsent_18IsAnAdult_tt17() {
        assertThat(decide(LocalDate.of(2010, 1, 1), false, false).refusal())
                .contains(Refusal.GUARDIAN_CONSENT_REQUIRED);
        assertThat(decide(LocalDate.of(2010, 1, 1), false, true).allowed()).isTrue();
        assertThat(decide(LocalDate.of(2008, 9, 18), false, false).refusal())
                .contains(Refusal.GUARDIAN_CONSENT_REQUIRED);
        assertThat(decide(LocalDate.of(2008, 9, 17), false, false).allowed()).isTrue();
        assertThat(decide(LocalDate.of(2027, 1, 1), false, false).refusal()).contains(Refusal.INVALID_BIRTH_DATE);
    }

    @Test
    void request_everyOptionRequiredOnce() {
        assertThatThrownBy(() -> AccountOpeningRules.Request.builder().birthDate(LocalDate.of(2000, 1, 1))
                .jointAccount(false).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AccountOpeningRules.Request.builder().jointAccount(false).jointAccount(true))
                .isInstanceOf(IllegalStateException.class);
    }
}
