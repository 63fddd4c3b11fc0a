package io.github.eidvn.examples.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.postgres.EidDatabase;
import io.github.eidvn.postgres.testing.TestDatabases;
import io.github.eidvn.verifier.banking.AccountOpeningRules;
import io.github.eidvn.verifier.banking.TransferDecision;
import io.github.eidvn.verifier.banking.TransferDecision.Outcome;
import io.github.eidvn.verifier.banking.TransferDecision.Rule;
import io.github.eidvn.verifier.banking.TransferEvidence.Factor;

class EWalletExampleTest {

    private static final LocalDate DAY = LocalDate.of(2026, 9, 17);

    private static EWalletExample.Result run(StringBuilder output) {
        return run(output, null);
    }

    private static EWalletExample.Result run(StringBuilder output, String jdbcUrl) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EWalletExample.Result r;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            r = jdbcUrl == null ? EWalletExample.run(out, DAY) : EWalletExample.run(out, DAY, jdbcUrl);
        }
        output.append(bytes.toString(StandardCharsets.UTF_8));
        return r;
    }

    private static TransferDecision.Allow allowed(EWalletExample.Step s) {
        assertThat(s.last()).isInstanceOf(TransferDecision.Allow.class);
        return (TransferDecision.Allow) s.last();
    }

    private static Rule firstRule(EWalletExample.Step s) {
        return ((TransferDecision.StepUp) s.first()).rule();
    }

    @Test
    void aDayOfTransfers_crossesEachThreshold_withEachStepUp() {
        StringBuilder out = new StringBuilder();
        EWalletExample.Result r = run(out);

        assertThat(r.link().level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(r.link().account()).isEqualTo(EWalletExample.ACCOUNT);
        assertThat(r.link().personalNumber()).isEqualTo("079303012345");
        assertThat(r.link().name()).isEqualTo("Nguyễn Thị Minh Khai");
        // linked through a consented share sealed for the wallet; a level-1 package was refused first
        assertThat(r.link().how()).contains("consented level-2 share", "ewallet-link");
        assertThat(r.link().levelOneRefusal()).isEqualTo("INSUFFICIENT_LEVEL");
        assertThat(r.steps()).hasSize(11);

        // 3,000,000, the account's first online transaction: biometrics (QĐ 2345/QĐ-NHNN), face against the chip
        assertThat(firstRule(r.steps().get(0))).isEqualTo(Rule.FIRST_ONLINE_TRANSACTION);
        assertThat(allowed(r.steps().get(0)).satisfiedBy()).isEqualTo(Factor.FACE_MATCHED_WITH_CHIP);
        // exactly 10,000,000: OTP
        assertThat(r.steps().get(1).first().outcome()).isEqualTo(Outcome.STEP_UP_OTP);
        assertThat(allowed(r.steps().get(1)).satisfiedBy()).isEqualTo(Factor.OTP);
        assertThat(allowed(r.steps().get(1)).dayTotalAfterVnd()).isEqualTo(13_000_000);
        // 6,000,000: OTP, total 19,000,000
        assertThat(allowed(r.steps().get(2)).dayTotalAfterVnd()).isEqualTo(19_000_000);
        // 1,500,000 takes the total over 20,000,000: OTP is not enough, the face against the chip is
        EWalletExample.Step crossing = r.steps().get(3);
        assertThat(crossing.first().outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(firstRule(crossing)).isEqualTo(Rule.DAILY_TOTAL_CROSSES_LIMIT);
        assertThat(crossing.attempts().get(0).outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(allowed(crossing).satisfiedBy()).isEqualTo(Factor.FACE_MATCHED_WITH_CHIP);
        assertThat(allowed(crossing).dayTotalAfterVnd()).isEqualTo(20_500_000);
        // the total is already over: a small transfer is OTP again
        assertThat(r.steps().get(4).first().outcome()).isEqualTo(Outcome.STEP_UP_OTP);
        assertThat(allowed(r.steps().get(4)).rule()).isEqualTo(Rule.OTP_FOR_OTHER_TRANSFERS);
        // 12,000,000 in one transfer: a level-2 e-ID authentication from VNeID
        EWalletExample.Step large = r.steps().get(5);
        assertThat(firstRule(large)).isEqualTo(Rule.SINGLE_TRANSFER_OVER_LIMIT);
        assertThat(allowed(large).satisfiedBy()).isEqualTo(Factor.EID_LEVEL_2);
        // the same e-ID evidence replayed for another transfer (issue 13): not counted
        EWalletExample.Step replay = r.steps().get(6);
        assertThat(replay.last().outcome()).isEqualTo(Outcome.STEP_UP_BIOMETRIC);
        assertThat(((TransferDecision.StepUp) replay.last()).detail()).contains("already used");
        // the first transaction on a new tablet, then an e-wallet top-up over 10,000,000: biometrics
        assertThat(firstRule(r.steps().get(7))).isEqualTo(Rule.NEW_DEVICE);
        assertThat(allowed(r.steps().get(7)).satisfiedBy()).isEqualTo(Factor.FACE_MATCHED_WITH_CHIP);
        assertThat(firstRule(r.steps().get(8))).isEqualTo(Rule.WALLET_TOP_UP_OVER_LIMIT);
        assertThat(allowed(r.steps().get(8)).dayTotalAfterVnd()).isEqualTo(44_200_000);
        // a negative amount is refused
        assertThat(r.steps().get(9).last().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(((TransferDecision.Refused) r.steps().get(9).last()).refusal())
                .isEqualTo(TransferDecision.Refusal.INVALID_AMOUNT);
        assertThat(r.dayTotalVnd()).isEqualTo(44_200_000);
        // after midnight in Vietnam: a new day with a new total, and the tablet is the account's device now
        TransferDecision.Allow nextDay = allowed(r.steps().get(10));
        assertThat(nextDay.day()).isEqualTo(DAY.plusDays(1));
        assertThat(nextDay.dayTotalBeforeVnd()).isZero();
        assertThat(nextDay.satisfiedBy()).isEqualTo(Factor.OTP);

        // Thông tư 17/2024/TT-NHNN
        assertThat(r.holderRules()).extracting(d -> ((TransferDecision.Refused) d).refusal())
                .containsExactly(TransferDecision.Refusal.HOLDER_NOT_VERIFIED, TransferDecision.Refusal.ID_CARD_EXPIRED);
        assertThat(r.openings()).extracting(d -> d.refusal().orElse(null)).containsExactly(
                AccountOpeningRules.Refusal.JOINT_ACCOUNT, AccountOpeningRules.Refusal.UNDER_15,
                AccountOpeningRules.Refusal.GUARDIAN_CONSENT_REQUIRED, null);

        String text = out.toString();
        assertThat(text).contains("FIRST_ONLINE_TRANSACTION", "NEW_DEVICE", "WALLET_TOP_UP_OVER_LIMIT",
                "HOLDER_NOT_VERIFIED", "ID_CARD_EXPIRED", "17/2024/TT-NHNN", "GUARDIAN_CONSENT_REQUIRED");
        assertThat(text).contains("SANDBOX", "[DEMO]", "079******345", "2345/QĐ-NHNN", "STEP_UP_OTP",
                "STEP_UP_BIOMETRIC", "DAILY_TOTAL_CROSSES_LIMIT", "SINGLE_TRANSFER_OVER_LIMIT", "INVALID_AMOUNT",
                "vượt 20.000.000 đ", "over 10,000,000 VND");
        assertThat(text).doesNotContain("079303012345");
        assertThat(text).contains("ewallet-link", "INSUFFICIENT_LEVEL", "mở được / opened");
        assertThat(text.indexOf("Liên kết ví")).isLessThan(text.indexOf("Linking the wallet"));
        assertThat(r.link().toString()).doesNotContain("079303012345");

        // the linking package replayed is refused; unlinking: the consent withdrawn, a refresh sealed before it
        // refused when opened after it, nothing more sealed
        assertThat(r.link().replayRefusal()).isEqualTo("REPLAYED");
        assertThat(r.unlink().withdrawal()).isEqualTo(ConsentLedger.WithdrawOutcome.WITHDRAWN);
        assertThat(r.unlink().openAfterWithdrawal()).isEqualTo("RECEIPT_WITHDRAWN");
        assertThat(r.unlink().sealAfterWithdrawal()).isEqualTo("WITHDRAWN");
        assertThat(r.auditEntries()).isZero();
        assertThat(text).contains("Hủy liên kết", "Unlinking", "RECEIPT_WITHDRAWN").doesNotContain("PostgreSQL");
    }

    @Test
    void run_withJdbc_keepsTheReceiptAndTheAuditOfEachStepInPostgres_chainIntact() throws Exception {
        String url = TestDatabases.freshUrl();
        StringBuilder out = new StringBuilder();
        EWalletExample.Result r = run(out, url);
        assertThat(r.link().level()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(r.unlink().openAfterWithdrawal()).isEqualTo("RECEIPT_WITHDRAWN");
        assertThat(out.toString()).contains("nguyên vẹn / intact");

        List<String> consentSteps = new ArrayList<>();
        List<String> accountSteps = new ArrayList<>();
        try (EidDatabase db = EidDatabase.open(url); Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT event_type, detail, party_id FROM eid_audit_event "
                    + "ORDER BY seq")) {
                while (rs.next()) {
                    String step = rs.getString(1) + (rs.getString(2).isEmpty() ? "" : ":" + rs.getString(2));
                    if (step.startsWith("consent.")) {
                        assertThat(rs.getString(3)).isEqualTo(EWalletExample.WALLET_ID);
                        consentSteps.add(step);
                    } else {
                        accountSteps.add(step);
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT party_id, purpose_code, withdrawn_at IS NOT NULL "
                    + "FROM eid_consent_receipt")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(EWalletExample.WALLET_ID);
                assertThat(rs.getString(2)).isEqualTo(EWalletExample.LINK_PURPOSE);
                assertThat(rs.getBoolean(3)).isTrue();
                assertThat(rs.next()).isFalse();
            }
        }
        // an opening is audited when the ledger decides the receipt (before the opener's level and replay stages):
        // the level-1 package, the level-2 package and its replay
        assertThat(consentSteps).containsExactly("consent.granted:purpose=ewallet-link", "consent.opened",
                "consent.opened", "consent.opened", "consent.refused:open_replayed", "consent.withdrawn",
                "consent.refused:receipt_withdrawn", "consent.refused:seal_withdrawn");
        // the wallet's security events: each Smart OTP accepted during the day
        assertThat(accountSteps).hasSize(5).allMatch(e -> e.startsWith("account.otp_verified:"));
        assertThat(r.auditEntries()).isEqualTo(consentSteps.size() + accountSteps.size());
    }
}
