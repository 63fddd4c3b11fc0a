package io.github.eidvn.account.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final PasswordPolicy VNEID = PasswordPolicy.builder().name("vneid").minLength(8).maxLength(20)
            .requireUppercase().requireLowercase().requireDigit().requireSpecial()
            .maxAge(java.time.Period.ofMonths(6)).hasher(PasswordHasherTest.FAST).build();

    private static Set<PasswordRule> rules(PasswordCheckResult r) {
        return r instanceof PasswordCheckResult.Rejected rej ? rej.rules() : Set.of();
    }

    @Test
    void vneid_goodPassword_accepted() {
        assertThat(PasswordPolicy.vneid().check("Sen#Hong7Lua", PasswordContext.empty()).ok()).isTrue();
    }

    @Test
    void vneid_everyFailedRuleAtOnce_withBothLanguages() {
        PasswordCheckResult r = PasswordPolicy.vneid().check("abc", PasswordContext.empty());
        assertThat(rules(r)).containsExactlyInAnyOrder(PasswordRule.TOO_SHORT, PasswordRule.MISSING_UPPERCASE,
                PasswordRule.MISSING_DIGIT, PasswordRule.MISSING_SPECIAL, PasswordRule.TOO_GUESSABLE);
        for (PasswordFailure f : r.failures()) {
            assertThat(f.vietnamese()).isNotBlank().doesNotContain("abc");
            assertThat(f.english()).isNotBlank().doesNotContain("abc");
        }
        assertThat(r.failures().get(0).vietnamese()).isEqualTo("Mật khẩu phải có ít nhất 8 ký tự.");
    }

    @Test
    void vneid_over20Characters_tooLong() {
        assertThat(rules(PasswordPolicy.vneid().check("Aq1!Bw2@Ce3#Dr4$Ft5%x", PasswordContext.empty())))
                .containsExactly(PasswordRule.TOO_LONG);
        assertThat(PasswordPolicy.vneid().check("Aq1!Bw2@Ce3#Dr4$Ft5%", PasswordContext.empty()).ok()).isTrue();
    }

    @Test
    void vneid_vietnameseLettersCountAsUpperAndLower() {
        assertThat(PasswordPolicy.vneid().check("ĐẹpTrời#2026", PasswordContext.empty()).ok()).isTrue();
        assertThat(PasswordPolicy.vneid().check("ĐẸPTRỜI#2026", PasswordContext.empty()).ok()).isFalse();
    }

    @Test
    void portal_specialMustComeFromItsSet() {
        PasswordPolicy portal = PasswordPolicy.publicServicePortal();
        assertThat(rules(portal.check("Sen!Hong7Lua", PasswordContext.empty())))
                .containsExactly(PasswordRule.MISSING_SPECIAL);
        assertThat(portal.check("Sen^Hong7Lua", PasswordContext.empty()).ok()).isTrue();
        assertThat(portal.check("Sen^Hong7Lua", PasswordContext.empty()).failures()).isEmpty();
        assertThat(rules(portal.check("Sen!Hong7Lua", PasswordContext.empty())).size()).isEqualTo(1);
        assertThat(portal.check("Sen!Hong7Lua", PasswordContext.empty()).failures().get(0).english())
                .contains("@#$%^&");
    }

    @Test
    void nist_lengthDependsOnSecondFactor_noCompositionRules() {
        PasswordPolicy nist = PasswordPolicy.nist();
        String twelve = "tram nam sau";
        assertThat(rules(nist.check(twelve, PasswordContext.empty()))).containsExactly(PasswordRule.TOO_SHORT);
        assertThat(nist.check(twelve, PasswordContext.builder().secondFactor(true).build()).ok()).isTrue();
        assertThat(nist.check("trăm năm trong cõi người ta", PasswordContext.empty()).ok()).isTrue();
        assertThat(rules(nist.check("x".repeat(64) + "y".repeat(64), PasswordContext.empty())))
                .doesNotContain(PasswordRule.TOO_LONG);
        assertThat(rules(nist.check("x".repeat(64) + "y".repeat(65), PasswordContext.empty())))
                .contains(PasswordRule.TOO_LONG);
        assertThat(nist.maxLength()).isGreaterThanOrEqualTo(64);
        assertThat(nist.maxAge()).isEmpty();
    }

    @Test
    void lengthCountsCodePointsAfterNfkc() {
        // 8 characters, decomposed: 10 UTF-16 units but 8 characters after NFKC
        String decomposed = "Ba\u0300n#12Xy";
        assertThat(decomposed.length()).isEqualTo(9);
        assertThat(PasswordPolicy.vneid().check(decomposed, PasswordContext.empty()).ok()).isTrue();
    }

    @Test
    void controlCharacter_invalid() {
        assertThat(rules(PasswordPolicy.nist().check("abcdefghijklmnop\u0000", PasswordContext.empty())))
                .contains(PasswordRule.INVALID_CHARACTER);
    }

    @Test
    void personalData_personalNumberPhoneBirthDateRefused() {
        PasswordContext ctx = PasswordContext.builder().personalNumber("001099012345").phoneNumber("0912 345 678")
                .birthDate(LocalDate.of(1990, 3, 5)).build();
        PasswordPolicy nist = PasswordPolicy.nist();
        assertThat(rules(nist.check("toi-la-001099012345-x", ctx))).containsExactly(PasswordRule.CONTAINS_PERSONAL_NUMBER);
        assertThat(rules(nist.check("goi-cho-toi-0912345678", ctx))).containsExactly(PasswordRule.CONTAINS_PHONE_NUMBER);
        assertThat(rules(nist.check("goi-cho-toi-+84912345678", ctx))).containsExactly(PasswordRule.CONTAINS_PHONE_NUMBER);
        for (String date : List.of("19900305", "05031990", "05/03/1990", "05-03-1990", "05.03.1990", "1990-03-05",
                "5/3/1990", "050390", "03051990")) {
            assertThat(rules(nist.check("sinh-nhat-cua-toi " + date, ctx))).as(date)
                    .containsExactly(PasswordRule.CONTAINS_BIRTH_DATE);
        }
        assertThat(nist.check("sinh nhat cua toi la mua xuan", ctx).ok()).isTrue();
    }

    @Test
    void contextWords_refusedCaseInsensitively() {
        PasswordContext ctx = PasswordContext.builder().contextWord("NguyenVanAn").contextWord("ab").build();
        assertThat(rules(PasswordPolicy.nist().check("xin chao nguyenvanan 2026", ctx)))
                .containsExactly(PasswordRule.CONTAINS_CONTEXT_WORD);
        assertThat(PasswordPolicy.nist().check("xin chao ab ab ab ab ab ab", ctx).ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"matkhau", "MatKhau", "anhyeuem", "ANHYEUEM", "123456789", "Matkhau@123", "Abc@1234",
        "Vneid@123", "iloveyou", "88888888"})
    void blocklist_commonPasswordsRefused(String pw) {
        assertThat(rules(PasswordPolicy.builder().minLength(1).minGuessesLog10(0).build()
                .check(pw, PasswordContext.empty()))).containsExactly(PasswordRule.COMMON_PASSWORD);
    }

    @Test
    void blocklist_vneidPresetRefusesDecoratedCommonPassword() {
        PasswordCheckResult r = PasswordPolicy.vneid().check("Matkhau@123", PasswordContext.empty());
        assertThat(rules(r)).containsExactlyInAnyOrder(PasswordRule.COMMON_PASSWORD, PasswordRule.TOO_GUESSABLE);
    }

    @Test
    void history_lastFiveNotReusable_olderOnesAllowed() {
        PasswordHasher h = PasswordHasherTest.FAST;
        List<String> history = List.of(h.hash("Pw#00001a"), h.hash("Pw#00002a"), h.hash("Pw#00003a"),
                h.hash("Pw#00004a"), h.hash("Pw#00005a"), h.hash("Pw#00006a"));
        PasswordContext ctx = PasswordContext.builder().previousHashes(history).build();
        assertThat(rules(VNEID.check("Pw#00005a", ctx))).containsExactly(PasswordRule.REUSED);
        assertThat(rules(VNEID.check("Pw#00001a", ctx))).containsExactly(PasswordRule.REUSED);
        assertThat(VNEID.check("Pw#00006a", ctx).ok()).as("sixth is older than the history").isTrue();
        assertThat(VNEID.check("Pw#00007a", ctx).ok()).isTrue();
    }

    @Test
    void rotateHistory_keepsNewestFive() {
        List<String> h = List.of("a", "b", "c", "d", "e");
        assertThat(VNEID.rotateHistory(h, "n")).containsExactly("n", "a", "b", "c", "d");
        assertThat(VNEID.rotateHistory(List.of(), "n")).containsExactly("n");
    }

    @Test
    void maxAge_vneidSixMonthsInVietnamTime() {
        Instant changed = ZonedDateTime.parse("2026-01-31T23:30:00+07:00[Asia/Ho_Chi_Minh]").toInstant();
        Instant deadline = ZonedDateTime.parse("2026-07-31T23:30:00+07:00[Asia/Ho_Chi_Minh]").toInstant();
        assertThat(PasswordPolicy.vneid().expiresAt(changed)).contains(deadline);
        assertThat(PasswordPolicy.vneid().checkAge(changed, deadline.minusSeconds(1)).ok()).isTrue();
        PasswordCheckResult expired = PasswordPolicy.vneid().checkAge(changed, deadline);
        assertThat(rules(expired)).containsExactly(PasswordRule.EXPIRED);
        assertThat(expired.failures().get(0).vietnamese()).contains("6 tháng");
        assertThat(PasswordPolicy.nist().checkAge(changed, deadline.plusSeconds(86400L * 3650)).ok()).isTrue();
    }

    @Test
    void breachCheck_offByDefault_andFailsClosedWhenUnavailable() {
        assertThat(PasswordPolicy.vneid().checksBreaches()).isFalse();
        PasswordPolicy found = PasswordPolicy.vneid().withBreachedPasswordCheck(p -> new BreachCheckResult.Found(7));
        assertThat(rules(found.check("Sen#Hong7Lua", PasswordContext.empty()))).containsExactly(PasswordRule.BREACHED);
        PasswordPolicy down = PasswordPolicy.vneid()
                .withBreachedPasswordCheck(p -> new BreachCheckResult.Unavailable("timed out"));
        assertThat(rules(down.check("Sen#Hong7Lua", PasswordContext.empty())))
                .containsExactly(PasswordRule.CHECK_UNAVAILABLE);
        PasswordPolicy throwing = PasswordPolicy.vneid().withBreachedPasswordCheck(p -> {
            throw new IllegalStateException("boom");
        });
        assertThat(rules(throwing.check("Sen#Hong7Lua", PasswordContext.empty())))
                .containsExactly(PasswordRule.CHECK_UNAVAILABLE);
        PasswordPolicy clean = PasswordPolicy.vneid().withBreachedPasswordCheck(p -> new BreachCheckResult.NotFound());
        assertThat(clean.check("Sen#Hong7Lua", PasswordContext.empty()).ok()).isTrue();
    }

    @Test
    void builder_optionsOnceAndConflicts() {
        assertThatThrownBy(() -> PasswordPolicy.builder().minLength(8).minLength(9))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PasswordPolicy.builder().requireSpecial().requireSpecialFrom("@"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PasswordPolicy.builder().minLength(10).maxLength(9).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void birthDateForms_coverCommonFormats() {
        assertThat(PasswordPolicy.birthDateForms(LocalDate.of(2001, 12, 24)))
                .contains("20011224", "24122001", "12242001", "241201", "011224");
    }
}
