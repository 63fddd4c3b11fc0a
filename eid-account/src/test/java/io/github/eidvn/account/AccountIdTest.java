package io.github.eidvn.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15, "Accounts a bank can use": any bounded, printable id in one canonical form. */
class AccountIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"001099012345", "KH-2024-0042", "nguyen.van.an@example.vn", "an+bank", "nguyễn_văn_an",
        "A"})
    void parse_integratorIds_accepted(String id) {
        assertThat(AccountId.parse(id)).map(AccountId::value).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "an nguyen", "an\tnguyen", "an\u200bnguyen", "an\u202enguyen", "a{b}", "a:b",
        "a/b", "a\u0000b"})
    void parse_whiteSpaceControlsInvisibleAndSeparators_refused(String id) {
        assertThat(AccountId.parse(id)).isEmpty();
        assertThatThrownBy(() -> AccountId.of(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an account id has 1..128 letters, digits or . _ - @ +");
    }

    @Test
    void parse_nfkcIsTheCanonicalForm_caseKept() {
        assertThat(AccountId.of("ＫＨ１２")).isEqualTo(AccountId.of("KH12"));
        assertThat(AccountId.of("nguye\u0302\u0303n")).isEqualTo(AccountId.of("nguyễn"));
        assertThat(AccountId.of("An")).isNotEqualTo(AccountId.of("an"));
    }

    @Test
    void parse_bounded() {
        assertThat(AccountId.parse("a".repeat(AccountId.MAX_LENGTH))).isPresent();
        assertThat(AccountId.parse("a".repeat(AccountId.MAX_LENGTH + 1))).isEmpty();
        assertThat(AccountId.parse("a".repeat(100_000))).isEmpty();
        assertThat(AccountId.parse(null)).isEmpty();
    }

    @Test
    void ofPersonalNumber_onlyTwelveDigits() {
        assertThat(AccountId.ofPersonalNumber("001099012345")).isEqualTo(AccountId.of("001099012345"));
        assertThatThrownBy(() -> AccountId.ofPersonalNumber("KH-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_masksTheId() {
        assertThat(AccountId.of("001099012345").toString()).isEqualTo("AccountId[001*******45]")
                .doesNotContain("099012");
        assertThat(AccountId.of("KH-2024-0042").toString()).isEqualTo("AccountId[K***2]");
        assertThat(AccountId.of("an").toString()).isEqualTo("AccountId[***]");
        assertThat(Masking.account(null)).isEqualTo("***");
    }
}
