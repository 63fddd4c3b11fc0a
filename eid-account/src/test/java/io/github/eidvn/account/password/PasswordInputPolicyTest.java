package io.github.eidvn.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, "One input policy": invisible characters and combining marks neither pad the length nor hide a
 * blocklisted password, and every preset refuses guessable passwords (NIST SP 800-63B-4 §3.1.1.2: repetitive or
 * sequential characters, dictionary words, context-specific words).
 */
class PasswordInputPolicyTest {

    private static Set<PasswordRule> rules(PasswordCheckResult r) {
        return r instanceof PasswordCheckResult.Rejected rej ? rej.rules() : Set.of();
    }

    private static final PasswordPolicy LENGTH_ONLY = PasswordPolicy.builder().minLength(12).minGuessesLog10(0)
            .blocklist(PasswordBlocklist.empty()).build();

    @Test
    void check_eightZeroWidthSpacesAfterFourCharacters_invalidAndTooShort() {
        PasswordCheckResult r = PasswordPolicy.vneid().check("Ab1@" + "\u200b".repeat(8), PasswordContext.empty());
        assertThat(rules(r)).contains(PasswordRule.INVALID_CHARACTER, PasswordRule.TOO_SHORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\ufe0f", "\u202e", "\u2066",
        "\u200e", "\u034f", "\udb40\udc01", "\u180e"})
    void check_invisibleOrFormatCharacter_refused(String invisible) {
        PasswordCheckResult r = LENGTH_ONLY.check("kq7#vx2!mz" + invisible + "pw", PasswordContext.empty());
        assertThat(rules(r)).containsExactly(PasswordRule.INVALID_CHARACTER);
        assertThat(r.failures().get(0).english()).contains("invisible");
        assertThat(r.failures().get(0).vietnamese()).contains("vô hình");
    }

    @Test
    void check_combiningMarks_doNotCountTowardTheLength() {
        String marks = "kq7#vx2!" + "\u0301\u0302\u0303\u0304\u0306\u0307";
        assertThat(rules(LENGTH_ONLY.check(marks, PasswordContext.empty()))).containsExactly(PasswordRule.TOO_SHORT);
        // a composed Vietnamese letter is one character: "Bàn#12Xy" typed decomposed is 8 characters
        PasswordPolicy eight = PasswordPolicy.builder().minLength(8).minGuessesLog10(0).build();
        assertThat(eight.check("Ba\u0300n#12Xy", PasswordContext.empty()).ok()).isTrue();
    }

    @Test
    void check_zeroWidthSpaceInsideACommonPassword_stillCommon() {
        PasswordCheckResult r = PasswordPolicy.vneid().check("P\u200bassword@123", PasswordContext.empty());
        assertThat(rules(r)).contains(PasswordRule.COMMON_PASSWORD, PasswordRule.INVALID_CHARACTER);
        assertThat(PasswordBlocklist.bundled().contains("P\u200bassword@123")).isTrue();
        assertThat(PasswordBlocklist.bundled().contains("Pa\u0301ssword@123")).isTrue();
    }

    @Test
    void blocklist_diacriticsAndDStroke_doNotHideAListedPassword() {
        assertThat(PasswordBlocklist.bundled().contains("Mật khẩu")).isFalse();
        assertThat(PasswordBlocklist.bundled().contains("MậtKhẩu")).isTrue();
        assertThat(PasswordBlocklist.of(java.util.List.of("dangnhap")).contains("ĐăngNhập")).isTrue();
    }

    @Test
    void nist_repetitiveSequentialAndDictionaryPasswords_tooGuessable() {
        PasswordPolicy nist = PasswordPolicy.nist();
        for (String pw : new String[] {"aaaaaaaaaaaaaaaa", "1234567890123456", "Password1234567!"}) {
            assertThat(rules(nist.check(pw, PasswordContext.empty()))).as(pw).contains(PasswordRule.TOO_GUESSABLE);
        }
        PasswordCheckResult r = nist.check("aaaaaaaaaaaaaaaa", PasswordContext.empty());
        PasswordFailure f = r.failures().stream().filter(x -> x.rule() == PasswordRule.TOO_GUESSABLE).findFirst()
                .orElseThrow();
        assertThat(f.english()).contains("repeated");
        assertThat(f.vietnamese()).contains("lặp lại");
        assertThat(nist.check("trăm năm trong cõi người ta", PasswordContext.empty()).ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anhyeuem2024!", "Vietnam@2024", "Emyeuanh#99", "Saigon@2025", "Nguyen#2024"})
    void allPresets_vietnameseWordsWithDecorations_tooGuessable(String pw) {
        for (PasswordPolicy p : new PasswordPolicy[] {PasswordPolicy.vneid(), PasswordPolicy.publicServicePortal(),
            PasswordPolicy.nist()}) {
            assertThat(rules(p.check(pw, PasswordContext.empty()))).as(p.name() + " " + pw)
                    .contains(PasswordRule.TOO_GUESSABLE);
        }
    }

    @Test
    void strength_vietnameseWordWithDiacritics_readWithoutThem() {
        assertThat(rules(PasswordPolicy.vneid().check("Anhyêuem2024!", PasswordContext.empty())))
                .contains(PasswordRule.TOO_GUESSABLE);
    }

    @Test
    void strength_accountDataCountsAsAKnownWord() {
        PasswordContext ctx = PasswordContext.builder().contextWord("quynhtrang").build();
        PasswordPolicy p = PasswordPolicy.builder().minGuessesLog10(8).blocklist(PasswordBlocklist.empty()).build();
        assertThat(rules(p.check("Xqynhtrang#9", PasswordContext.empty()))).doesNotContain(PasswordRule.TOO_GUESSABLE);
        assertThat(rules(p.check("Quynhtrang#9", ctx))).contains(PasswordRule.TOO_GUESSABLE);
    }

    @Test
    void strength_secondFactorLowersTheNistFloor() {
        PasswordPolicy nist = PasswordPolicy.nist();
        assertThat(nist.minGuessesLog10SingleFactor()).isEqualTo(10);
        assertThat(nist.minGuessesLog10()).isEqualTo(8);
        PasswordContext second = PasswordContext.builder().secondFactor(true).build();
        assertThat(rules(nist.check("kq7#vx2!", second))).isEmpty();
        assertThat(rules(PasswordPolicy.builder().minGuessesLog10(0).build().check("Aa1!Aa1!", second))).isEmpty();
    }

    @Test
    void strength_veryLongPassword_measuredOnItsPrefix_fast() {
        PasswordPolicy p = PasswordPolicy.builder().maxLength(1024).build();
        String strong = "Hoa-Sen#2024xyz tram nam trong coi " + "a".repeat(900);
        assertThat(rules(p.check(strong, PasswordContext.empty()))).isEmpty();
    }

    @Test
    void builder_strengthFloorRangeAndOrder() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PasswordPolicy.builder().minGuessesLog10(21))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> PasswordPolicy.builder().minGuessesLog10(10).minGuessesLog10SingleFactor(9).build())
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> PasswordPolicy.builder().minGuessesLog10(1).minGuessesLog10(1))
                .isInstanceOf(IllegalStateException.class);
    }
}
