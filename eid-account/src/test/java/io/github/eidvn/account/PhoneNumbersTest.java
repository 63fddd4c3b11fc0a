package io.github.eidvn.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void normalize_commonForms() {
        for (String s : new String[] {"0912345678", "+84912345678", "84912345678", "+84 912 345 678",
            "091-234-5678", "(091) 234.5678"}) {
            assertThat(PhoneNumbers.normalize(s)).as(s).contains("+84912345678");
        }
        assertThat(PhoneNumbers.normalize("0356789012")).contains("+84356789012");
    }

    @Test
    void normalize_refusesLandlinesForeignAndGarbage() {
        for (String s : new String[] {null, "", "0212345678", "+1 650 555 1234", "091234567", "09123456789",
            "0912a45678", "++84912345678", "0".repeat(40)}) {
            assertThat(PhoneNumbers.normalize(s)).as(String.valueOf(s)).isEmpty();
        }
    }

    @Test
    void masking() {
        assertThat(Masking.personalNumber("001099012345")).isEqualTo("001*******45");
        assertThat(Masking.personalNumber("12")).isEqualTo("***");
        assertThat(Masking.personalNumber(null)).isEqualTo("***");
        assertThat(Masking.phone("+84912345678")).isEqualTo("******678");
        assertThat(Masking.email("an@example.vn")).isEqualTo("a***@example.vn");
    }
}
