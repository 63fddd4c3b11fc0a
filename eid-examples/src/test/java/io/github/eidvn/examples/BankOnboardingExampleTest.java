package io.github.eidvn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.postgres.EidDatabase;
import io.github.eidvn.postgres.testing.TestDatabases;

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

    @Test
    void run_withJdbc_keepsTheReceiptAndTheAuditOfEachStepInPostgres_chainIntact() throws Exception {
        String url = TestDatabases.freshUrl();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BankOnboardingExample.Outcome o = BankOnboardingExample.run(new PrintStream(bytes, true,
                StandardCharsets.UTF_8), url);
        assertThat(o.accountOpened()).isTrue();
        assertThat(o.replayAfterWithdrawal()).isEqualTo("RECEIPT_WITHDRAWN");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("nguyên vẹn / intact");
        List<String> steps = new ArrayList<>();
        try (EidDatabase db = EidDatabase.open(url); Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT event_type, detail FROM eid_audit_event ORDER BY seq")) {
                while (rs.next()) {
                    steps.add(rs.getString(1) + (rs.getString(2).isEmpty() ? "" : ":" + rs.getString(2)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM eid_consent_receipt "
                    + "WHERE withdrawn_at IS NOT NULL")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
        assertThat(steps).containsExactly("consent.requested:purpose=bank-ekyc", "consent.granted:purpose=bank-ekyc",
                "consent.opened", "consent.opened", "consent.refused:open_replayed", "consent.withdrawn",
                "consent.refused:receipt_withdrawn", "consent.refused:seal_withdrawn");
        assertThat(o.auditEntries()).isEqualTo(steps.size());
    }
}
