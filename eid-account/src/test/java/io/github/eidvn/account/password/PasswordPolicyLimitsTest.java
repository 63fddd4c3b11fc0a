package io.github.eidvn.account.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The limits of a custom {@link PasswordPolicy}: lengths one character either side, digit detection at '0' and '9',
 * the age deadline to the second, history trimming, the configured values, and the configure-once builder.
 */
class PasswordPolicyLimitsTest {

    private static Set<PasswordRule> rules(PasswordCheckResult r) {
        return r instanceof PasswordCheckResult.Rejected rej ? rej.rules() : Set.of();
    }

    private static PasswordPolicy.Builder base() {
        return PasswordPolicy.builder().hasher(PasswordHasherTest.FAST);
    }

    @Test
    void length_exactlyMinAndMax_accepted_oneOutside_rejected() {
        PasswordPolicy p = base().minLength(10).maxLength(12).build();
        assertThat(rules(p.check("kq7#vx2!m", PasswordContext.empty()))).contains(PasswordRule.TOO_SHORT);
        assertThat(rules(p.check("kq7#vx2!mz", PasswordContext.empty()))).doesNotContain(PasswordRule.TOO_SHORT);
        assertThat(rules(p.check("kq7#vx2!mzpw", PasswordContext.empty()))).doesNotContain(PasswordRule.TOO_LONG);
        assertThat(rules(p.check("kq7#vx2!mzpwr", PasswordContext.empty()))).contains(PasswordRule.TOO_LONG);
    }

    @Test
    void singleFactorMinimum_appliesOnlyWithoutASecondFactor() {
        PasswordPolicy p = base().minLength(8).minLengthSingleFactor(12).build();
        PasswordContext second = PasswordContext.builder().secondFactor(true).build();
        assertThat(rules(p.check("kq7#vx2!mzp", PasswordContext.empty()))).contains(PasswordRule.TOO_SHORT);
        assertThat(rules(p.check("kq7#vx2!mzpw", PasswordContext.empty()))).doesNotContain(PasswordRule.TOO_SHORT);
        assertThat(rules(p.check("kq7#vx2!", second))).doesNotContain(PasswordRule.TOO_SHORT);
        assertThat(rules(p.check("kq7#vx2", second))).contains(PasswordRule.TOO_SHORT);
        PasswordCheckResult r = p.check("kq7#vx2!", PasswordContext.empty());
        assertThat(r.failures().get(0).english()).contains("12").contains("8");
    }

    @Test
    void digits_areExactlyZeroToNine() {
        PasswordPolicy p = base().requireDigit().build();
        assertThat(rules(p.check("vx#kq!mz0", PasswordContext.empty()))).doesNotContain(PasswordRule.MISSING_DIGIT);
        assertThat(rules(p.check("vx#kq!mz9", PasswordContext.empty()))).doesNotContain(PasswordRule.MISSING_DIGIT);
        assertThat(rules(p.check("vx#kq!mz/", PasswordContext.empty()))).contains(PasswordRule.MISSING_DIGIT);
        assertThat(rules(p.check("vx#kq!mz:", PasswordContext.empty()))).contains(PasswordRule.MISSING_DIGIT);
    }

    @Test
    void checkAge_atTheDeadline_expired_oneSecondBefore_accepted() {
        PasswordPolicy p = base().maxAge(Period.ofDays(90)).build();
        Instant set = Instant.parse("2026-01-01T00:00:00Z");
        Instant deadline = p.expiresAt(set).orElseThrow();
        assertThat(p.checkAge(set, deadline.minusSeconds(1)).ok()).isTrue();
        PasswordCheckResult r = p.checkAge(set, deadline);
        assertThat(rules(r)).containsExactly(PasswordRule.EXPIRED);
        assertThat(r.failures().get(0).english()).contains("90 days");
        assertThat(p.maxAge()).contains(Period.ofDays(90));
        PasswordPolicy months = base().maxAge(Period.ofYears(1).plusMonths(2)).build();
        Instant end = months.expiresAt(set).orElseThrow();
        assertThat(months.checkAge(set, end).failures().get(0).english()).contains("14 months");
        assertThat(base().build().checkAge(set, set.plusSeconds(1_000_000_000L)).ok()).isTrue();
        assertThat(base().build().maxAge()).isEmpty();
    }

    @Test
    void rotateHistory_newestFirst_trimmedToTheSize_atLeastTheNewOne() {
        PasswordPolicy two = base().historySize(2).build();
        assertThat(two.rotateHistory(List.of("h1", "h0"), "h2")).containsExactly("h2", "h1");
        PasswordPolicy none = base().historySize(0).build();
        assertThat(none.rotateHistory(List.of("h1"), "h2")).containsExactly("h2");
        assertThat(base().historySize(24).build().historySize()).isEqualTo(24);
    }

    @Test
    void configuredValues_andToString() {
        PasswordPolicy p = base().name("ngân-hàng").minLength(9).minLengthSingleFactor(11).maxLength(30)
                .requireUppercase().requireLowercase().requireDigit().requireSpecialFrom("#!").historySize(3)
                .maxAge(Period.ofMonths(6)).build();
        assertThat(p.name()).isEqualTo("ngân-hàng");
        assertThat(p.minLength()).isEqualTo(9);
        assertThat(p.minLengthSingleFactor()).isEqualTo(11);
        assertThat(p.maxLength()).isEqualTo(30);
        assertThat(p.historySize()).isEqualTo(3);
        assertThat(p.checksBreaches()).isFalse();
        assertThat(p.toString()).isEqualTo("PasswordPolicy[ngân-hàng, length 9/11..30, upper, lower, digit, "
                + "special #!, maxAge P6M, history 3, guesses 10^8]");
        PasswordPolicy plain = base().build();
        assertThat(plain.name()).isEqualTo("custom");
        assertThat(plain.minLength()).isEqualTo(8);
        assertThat(plain.minLengthSingleFactor()).isEqualTo(8);
        assertThat(plain.historySize()).isEqualTo(5);
        assertThat(plain.toString()).isEqualTo("PasswordPolicy[custom, length 8..64, history 5, guesses 10^8]");
        assertThat(base().requireSpecial().build().toString()).contains(", special,");
        assertThat(plain.withBreachedPasswordCheck(pw -> new BreachCheckResult.NotFound()).checksBreaches()).isTrue();
    }

    @Test
    void builder_rangesAndConsistency() {
        assertThatThrownBy(() -> base().minLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base().minLength(65)).isInstanceOf(IllegalArgumentException.class);
        assertThat(base().minLength(64).maxLength(64).build().minLength()).isEqualTo(64);
        assertThat(base().minLength(1).build().minLength()).isEqualTo(1);
        assertThatThrownBy(() -> base().maxLength(7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base().maxLength(1025)).isInstanceOf(IllegalArgumentException.class);
        assertThat(base().maxLength(1024).build().maxLength()).isEqualTo(1024);
        assertThatThrownBy(() -> base().historySize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base().historySize(25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base().minLength(10).minLengthSingleFactor(9).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().minLength(10).maxLength(9).build()).isInstanceOf(IllegalStateException.class);
        assertThat(base().minLength(10).minLengthSingleFactor(10).maxLength(10).build().maxLength()).isEqualTo(10);
        assertThatThrownBy(() -> base().maxAge(Period.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base().maxAge(Period.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base().requireSpecial().requireSpecialFrom("#"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().requireSpecialFrom("#").requireSpecial())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().requireSpecialFrom("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_eachOptionOnce() {
        assertThatThrownBy(() -> base().name("a").name("b")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().minLengthSingleFactor(9).minLengthSingleFactor(9))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().maxLength(20).maxLength(20)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().requireUppercase().requireUppercase())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().requireLowercase().requireLowercase())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().requireDigit().requireDigit()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().requireSpecial().requireSpecial()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().requireSpecialFrom("#").requireSpecialFrom("!"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().maxAge(Period.ofDays(1)).maxAge(Period.ofDays(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().historySize(1).historySize(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().hasher(PasswordHasherTest.FAST)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().blocklist(PasswordBlocklist.bundled()).blocklist(PasswordBlocklist.bundled()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> base().breachedPasswordCheck(pw -> new BreachCheckResult.NotFound())
                .breachedPasswordCheck(pw -> new BreachCheckResult.NotFound())).isInstanceOf(IllegalStateException.class);
    }
}
