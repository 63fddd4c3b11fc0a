package io.github.eidvn.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PasswordBlocklistTest {

    @Test
    void bundled_hasAFewHundredEntries_includingVietnameseOnes() {
        PasswordBlocklist b = PasswordBlocklist.bundled();
        assertThat(b.size()).isBetween(300, 2000);
        assertThat(b.contains("matkhau")).isTrue();
        assertThat(b.contains("anhyeuem")).isTrue();
        assertThat(b.contains("123456789")).isTrue();
        assertThat(b.contains("MATKHAU")).isTrue();
        assertThat(b.contains("Sen#Hong7Lua")).isFalse();
    }

    @Test
    void custom_andUnion_caseInsensitiveAfterNfkc() {
        PasswordBlocklist mine = PasswordBlocklist.of(List.of("NganHangXanh"));
        assertThat(mine.contains("nganhangxanh")).isTrue();
        assertThat(mine.contains("ＮｇａｎＨａｎｇＸａｎｈ")).as("full-width folds under NFKC").isTrue();
        assertThat(mine.plus(PasswordBlocklist.bundled()).contains("matkhau")).isTrue();
        assertThat(PasswordBlocklist.empty().contains("matkhau")).isFalse();
    }
}
