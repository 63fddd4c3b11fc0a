package io.github.eidvn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.consent.CitizenField;

class BankOnboardingExampleTest {

    @Test
    void run_opensTheAccountWithOnlyTheGrantedFields_thenRefusesAfterWithdrawal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BankOnboardingExample.Outcome o = BankOnboardingExample.run(new PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(o.accountOpened()).isTrue();
        assertThat(o.sharedFields()).contains(CitizenField.PERSONAL_NUMBER, CitizenField.NAME)
                .doesNotContain(CitizenField.EMAIL, CitizenField.PHONE_NUMBER);
        assertThat(o.qrDigits()).isLessThan(1200);
        assertThat(o.replayBeforeWithdrawal()).isEqualTo("REPLAYED");
        assertThat(o.replayAfterWithdrawal()).isEqualTo("RECEIPT_WITHDRAWN");
        assertThat(o.sealAfterWithdrawal()).isEqualTo("WITHDRAWN");
        assertThat(out).contains("Tài khoản thanh toán đã được mở / The payment account is open")
                .contains("Nghị định 13/2023/NĐ-CP").contains("Công dân đã rút lại sự đồng ý")
                .contains("079******345").doesNotContain("079303012345");
        assertThat(out.indexOf("Mở tài khoản ngân hàng")).isLessThan(out.indexOf("Online bank onboarding"));
    }
}
