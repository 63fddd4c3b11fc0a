package io.github.eidvn.examples.wallet;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.account.otp.OtpSecret;
import io.github.eidvn.account.otp.OtpVerifier;
import io.github.eidvn.account.otp.Totp;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.identity.CardValidity;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.examples.ExampleRecords;
import io.github.eidvn.testkit.FakeFaceMatcher;
import io.github.eidvn.testkit.SandboxPlatform;
import io.github.eidvn.testkit.SettableClock;
import io.github.eidvn.verifier.banking.AccountHolder;
import io.github.eidvn.verifier.banking.AccountOpeningRules;
import io.github.eidvn.verifier.banking.Transfer;
import io.github.eidvn.verifier.banking.TransferDecision;
import io.github.eidvn.verifier.banking.TransferRules;

/**
 * An e-wallet (ví điện tử) under the State Bank's rules: the wallet is linked to a citizen through a consented share
 * of the citizen's data from VNeID at assurance level 2 (sealed for the wallet, opened by it, level 2 required), then a
 * day of transfers crosses each rule of Quyết định 2345/QĐ-NHNN and shows each step-up: a face check against the chip
 * ID card for the account's first online transaction, OTP for small transfers (a Smart OTP checked with
 * {@link OtpVerifier}), a face check when the day's total goes over 20,000,000 VND, a level-2 e-ID authentication for
 * a transfer over 10,000,000 VND (and the same assertion refused when replayed), a face check on a new device and for
 * an e-wallet top-up over 10,000,000 VND, refused amounts, and a fresh day total after midnight in Vietnam. Last, the
 * rules of Thông tư 17/2024/TT-NHNN: an unmatched holder and an expired ID card get no online transfers, and online
 * account opening is refused for joint accounts, under 15, and 15-18 without a guardian's consent.
 *
 * At the end of the day the customer unlinks the wallet in VNeID: a data refresh sealed just before is refused when the
 * wallet opens it after the withdrawal, and VNeID seals nothing more under the receipt.
 *
 * <p>Run: {@code java -cp eid-examples/target/eid-examples.jar io.github.eidvn.examples.wallet.EWalletExample
 * [--jdbc URL]}. With a PostgreSQL JDBC URL the consent receipt and the audit of each step (grant, openings, refused
 * replays, withdrawal, and the wallet's account security events such as each Smart OTP check) are kept in that
 * database (the schema is created on an empty one), a checkpoint of the audit is signed with VNeID's key and the
 * chain's links are verified; without one, everything stays in memory.
 * Everything is SANDBOX: made-up citizens, a simulated face matcher, a key generated at start.
 */
public final class EWalletExample {

    /** The wallet's id as a relying party (the audience of what VNeID sends it). */
    public static final String WALLET_ID = "vi-dien-tu-demo";
    /** The wallet account of the example. */
    public static final String ACCOUNT = "wallet-0042";
    /** The purpose of the linking share (in the standard purpose catalogue). */
    public static final String LINK_PURPOSE = "ewallet-link";
    /** The fields the wallet asks for to link an account. */
    public static final Set<CitizenField> LINK_FIELDS = Collections.unmodifiableSet(EnumSet.of(
            CitizenField.PERSONAL_NUMBER, CitizenField.NAME, CitizenField.BIRTHDATE, CitizenField.GENDER));
    /** The purpose of a level-2 e-ID authentication for one payment. */
    public static final String PAYMENT_PURPOSE = "payment-authentication";

    /** The customer's phone (the app installation id the wallet registered). */
    public static final String PHONE = "phone-a1b2";
    /** The customer's new tablet. */
    public static final String TABLET = "tablet-c3d4";

    private static final ZoneId VIETNAM = SandboxPlatform.VIETNAM;

    private EWalletExample() {
    }

    /**
     * How the wallet was linked.
     *
     * @param account the wallet account
     * @param personalNumber the citizen's personal number (kept by the wallet; printed masked)
     * @param name the citizen's name
     * @param level the assurance level of the identity the wallet received
     * @param how what the link rests on (for the report)
     * @param levelOneRefusal why the wallet refused a level-1 package (the opener's reason)
     * @param replayRefusal why the wallet refused the linking package opened a second time (the opener's reason)
     */
    public record Link(String account, String personalNumber, String name, AssuranceLevel level, String how,
            String levelOneRefusal, String replayRefusal) {
        /** @return the account and the masked number */
        @Override
        public String toString() {
            return "Link[" + account + ", " + masked(personalNumber) + ", level " + level.number() + "]";
        }
    }

    /**
     * One transfer of the day.
     *
     * @param at when
     * @param amountVnd the amount asked for
     * @param first the decision without authentication
     * @param attempts the decisions after each piece of evidence, in order (empty when the first was final)
     */
    public record Step(Instant at, long amountVnd, TransferDecision first, List<TransferDecision> attempts) {
        /** Copies the list. */
        public Step {
            attempts = List.copyOf(attempts);
        }

        /** @return the last decision */
        public TransferDecision last() {
            return attempts.isEmpty() ? first : attempts.get(attempts.size() - 1);
        }
    }

    /**
     * The unlinking at the end of the example.
     *
     * @param withdrawal the outcome of the citizen's withdrawal of the linking consent
     * @param openAfterWithdrawal why the wallet refused a package sealed just before the withdrawal (the opener's
     *     reason)
     * @param sealAfterWithdrawal why VNeID sealed nothing more under the receipt (the sealer's status)
     */
    public record Unlink(ConsentLedger.WithdrawOutcome withdrawal, String openAfterWithdrawal,
            String sealAfterWithdrawal) {
    }

    /**
     * What the example did.
     *
     * @param link the link
     * @param steps the transfers
     * @param dayTotalVnd the total allowed on the first day
     * @param holderRules the decisions for an unmatched holder and for an expired ID card (Thông tư 17/2024/TT-NHNN)
     * @param openings the online account-opening decisions: joint, 14, 16 without and with consent
     * @param unlink the unlinking
     * @param auditEntries the entries of the audit chain in PostgreSQL, verified intact (0 in memory)
     */
    public record Result(Link link, List<Step> steps, long dayTotalVnd, List<TransferDecision> holderRules,
            List<AccountOpeningRules.Decision> openings, Unlink unlink, long auditEntries) {
        /** Copies the lists. */
        public Result {
            steps = List.copyOf(steps);
            holderRules = List.copyOf(holderRules);
            openings = List.copyOf(openings);
        }
    }

    /**
     * Runs the example for today in Vietnam.
     *
     * @param args none, or {@code --jdbc URL} to keep the records in PostgreSQL
     */
    public static void main(String[] args) {
        String jdbc = ExampleRecords.jdbcArgument(args, "EWalletExample");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        run(out, LocalDate.now(VIETNAM), jdbc);
        out.flush();
    }

    /**
     * Runs the example on a given day (the clock moves through that day in Vietnam and past its midnight).
     *
     * @param out where the report goes (Vietnamese first, English second)
     * @param day the day
     * @return what happened
     */
    public static Result run(PrintStream out, LocalDate day) {
        return run(out, day, null);
    }

    /**
     * Runs the example on a given day, keeping the consent receipt and the audit in PostgreSQL or in memory.
     *
     * @param out where the report goes (Vietnamese first, English second)
     * @param day the day
     * @param jdbcUrl a PostgreSQL JDBC URL to keep the receipt and the audit in, or null for memory
     * @return what happened
     */
    public static Result run(PrintStream out, LocalDate day, String jdbcUrl) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(day, "day");
        SettableClock clock = SettableClock.at(day.atTime(7, 30).atZone(VIETNAM).toInstant());
        try (ExampleRecords records = ExampleRecords.open(jdbcUrl, clock)) {
            return run(out, day, clock, records);
        }
    }

    private static Result run(PrintStream out, LocalDate day, SettableClock clock, ExampleRecords records) {
        KeyRing vneidKeys = KeyRing.generate();
        SandboxPlatform vneid = SandboxPlatform.builder().clock(clock).keyRing(vneidKeys).build();
        CitizenProfile citizen = vneid.citizens().get(0);
        InMemoryStateStore store = InMemoryStateStore.create(clock);

        out.println("eid: ví điện tử và quy định xác thực giao dịch của Ngân hàng Nhà nước (Quyết định 2345/QĐ-NHNN)");
        out.println("eid: an e-wallet under the State Bank's transfer authentication rules (Decision 2345/QĐ-NHNN)");
        out.println("SANDBOX: " + FakeFaceMatcher.LABEL_VI + " / " + FakeFaceMatcher.LABEL_EN);

        // 1. link the wallet to the citizen
        out.println();
        out.println("1. Liên kết ví với công dân: chia sẻ dữ liệu có sự đồng ý, định danh điện tử mức độ 2");
        out.println("   Linking the wallet to a citizen: a consented share at e-ID level 2");
        WalletLinking linking = WalletLinking.establish(out, vneid, vneidKeys, citizen, clock, records);
        Link link = linking.link();

        // 2. the wallet's rules and its Smart OTP
        TransferRules rules = TransferRules.builder().stateStore(store).clock(clock).eidAudience(WALLET_ID)
                .eidPurpose(PAYMENT_PURPOSE).build();
        OtpSecret smartOtp = OtpSecret.random(new SecureRandom(), 20);
        Totp totp = Totp.defaults();
        OtpVerifier otp = OtpVerifier.builder(store).clock(clock).audit(records.securityAudit(clock)).build();
        out.println();
        out.println("2. Một ngày giao dịch (giờ Việt Nam) / a day of transfers (Vietnam time)");
        out.println("   Ngưỡng / thresholds: > " + rules.biometricAboveVnd() + " VND/giao dịch/transfer, tổng ngày"
                + " vượt / day total over " + rules.dailyBiometricAboveVnd() + " VND, nạp ví / top-ups > "
                + rules.walletTopUpBiometricAboveVnd() + " VND, giao dịch đầu tiên / first transaction, thiết bị mới"
                + " / new device -> sinh trắc học / biometrics");

        AccountHolder holder = AccountHolder.builder().personalNumber(citizen.personalNumber())
                .matchedBy(AccountHolder.Match.LEVEL_2_EID).idCardValidUntil(cardExpiry(citizen)).build();
        Wallet w = new Wallet(out, rules, clock, vneid, citizen, link, holder, otp, smartOtp, totp);
        List<Step> steps = new ArrayList<>();
        steps.add(w.transfer(day, LocalTime.of(8, 5), Transfer.Kind.TRANSFER, PHONE, 3_000_000,
                "Chuyển tiền cho mẹ: giao dịch trực tuyến đầu tiên", "Money to mother: the first online transaction"));
        steps.add(w.transfer(day, LocalTime.of(9, 30), Transfer.Kind.TRANSFER, PHONE, 10_000_000,
                "Học phí (đúng ngưỡng 10 triệu)", "Tuition fee (exactly the 10 million threshold)"));
        steps.add(w.transfer(day, LocalTime.of(11, 15), Transfer.Kind.TRANSFER, PHONE, 6_000_000, "Tiền nhà",
                "Rent"));
        steps.add(w.transfer(day, LocalTime.of(14, 0), Transfer.Kind.TRANSFER, PHONE, 1_500_000,
                "Mua sắm: tổng ngày vượt 20 triệu", "Shopping: takes the day's total over 20 million"));
        steps.add(w.transfer(day, LocalTime.of(16, 30), Transfer.Kind.TRANSFER, PHONE, 500_000,
                "Cà phê (tổng đã vượt ngưỡng trước đó)", "Coffee (the total was already over)"));
        steps.add(w.transfer(day, LocalTime.of(19, 45), Transfer.Kind.TRANSFER, PHONE, 12_000_000,
                "Mua máy tính: trên 10 triệu/giao dịch", "A laptop: over 10 million in one transfer"));
        steps.add(w.replayLastEid(day, LocalTime.of(19, 47), 12_000_000,
                "Dùng lại xác thực VNeID vừa rồi cho giao dịch khác", "The same VNeID authentication replayed"));
        steps.add(w.transfer(day, LocalTime.of(20, 10), Transfer.Kind.TRANSFER, TABLET, 200_000,
                "Giao dịch đầu tiên trên máy tính bảng mới", "The first transaction on a new tablet"));
        steps.add(w.transfer(day, LocalTime.of(20, 30), Transfer.Kind.WALLET_TOP_UP, TABLET, 11_000_000,
                "Nạp tiền vào ví trên 10 triệu", "A wallet top-up over 10 million"));
        steps.add(w.transfer(day, LocalTime.of(21, 0), Transfer.Kind.TRANSFER, TABLET, -50_000,
                "Số tiền âm (lỗi ứng dụng)", "A negative amount (an app bug)"));
        long firstDayTotal = rules.dayTotalVnd(ACCOUNT);
        out.println();
        out.println("   Tổng giao dịch ngày " + day + ": " + firstDayTotal + " VND / day total");
        steps.add(w.transfer(day.plusDays(1), LocalTime.of(0, 0, 30), Transfer.Kind.TRANSFER, TABLET, 9_000_000,
                "Sau nửa đêm (giờ Việt Nam): ngày mới, tổng mới", "After midnight in Vietnam: a new day, a new total"));

        // 3. Thông tư 17/2024/TT-NHNN
        out.println();
        out.println("3. Thông tư 17/2024/TT-NHNN: chủ tài khoản chưa đối chiếu sinh trắc học, thẻ căn cước hết hạn,"
                + " mở tài khoản trực tuyến");
        out.println("   Circular 17/2024/TT-NHNN: unmatched holder, expired ID card, online account opening");
        List<TransferDecision> holderRules = new ArrayList<>();
        AccountHolder unmatched = AccountHolder.builder().personalNumber(citizen.personalNumber())
                .matchedBy(AccountHolder.Match.NOT_MATCHED).idCardValidUntil(cardExpiry(citizen)).build();
        holderRules.add(w.holderRule("Tài khoản chưa đối chiếu sinh trắc học", "Holder not matched", unmatched));
        AccountHolder expired = AccountHolder.builder().personalNumber(citizen.personalNumber())
                .matchedBy(AccountHolder.Match.LEVEL_2_EID).idCardValidUntil(day.plusDays(1).minusYears(1)).build();
        holderRules.add(w.holderRule("Thẻ căn cước đã hết hạn", "Expired ID card", expired));
        AccountOpeningRules opening = AccountOpeningRules.using(clock);
        List<AccountOpeningRules.Decision> openings = new ArrayList<>();
        openings.add(open(out, opening, "Tài khoản chung", "Joint account", day.minusYears(30), true, false));
        openings.add(open(out, opening, "Khách hàng 14 tuổi", "A 14-year-old", day.minusYears(14), false, true));
        openings.add(open(out, opening, "16 tuổi, chưa có đồng ý của người đại diện",
                "16, without the guardian's consent", day.minusYears(16), false, false));
        openings.add(open(out, opening, "16 tuổi, có đồng ý của người đại diện", "16, with the guardian's consent",
                day.minusYears(16), false, true));

        // 4. the customer unlinks the wallet in VNeID
        out.println();
        out.println("4. Hủy liên kết: công dân rút lại sự đồng ý trong ứng dụng VNeID");
        out.println("   Unlinking: the citizen withdraws the consent in the VNeID app");
        Unlink unlink = linking.unlink(out, citizen, clock, records);
        long auditEntries = records.verifyAudit(out, 5, vneidKeys);
        out.println();
        out.println("Hoàn tất / done.");
        return new Result(link, steps, firstDayTotal, holderRules, openings, unlink, auditEntries);
    }

    private static AccountOpeningRules.Decision open(PrintStream out, AccountOpeningRules rules, String vi, String en,
            LocalDate birthDate, boolean joint, boolean consent) {
        AccountOpeningRules.Decision d = rules.decide(AccountOpeningRules.Request.builder().birthDate(birthDate)
                .jointAccount(joint).guardianConsent(consent).build());
        out.println("   Mở tài khoản trực tuyến / online opening: " + vi + " / " + en + ": "
                + (d.allowed() ? "ALLOWED" : "REFUSED [" + d.refusal().orElseThrow() + "]"));
        out.println("        " + d.message(Locale.forLanguageTag("vi")));
        out.println("        " + d.message(Locale.ENGLISH));
        return d;
    }

    /** The last day the citizen's ID card is valid (a card without expiry: far in the future for the example). */
    static LocalDate cardExpiry(CitizenProfile citizen) {
        return citizen.cardIssueDate().flatMap(issued -> CardValidity.expiryDate(citizen.birthDate(), issued))
                .orElse(LocalDate.of(9999, 12, 31));
    }

    static String masked(String personalNumber) {
        return personalNumber.length() == 12 ? personalNumber.substring(0, 3) + "******" + personalNumber.substring(9)
                : "************";
    }
}
