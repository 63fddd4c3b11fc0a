package io.github.eidvn.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.PurposeCatalogue;
import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.consent.RequestRejected;
import io.github.eidvn.core.consent.RequestResult;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.sharing.SealRequest;
import io.github.eidvn.core.sharing.SealResult;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.postgres.AuditEvent;
import io.github.eidvn.qr.QrImageDecoder;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.verifier.sharing.ConsentRequestQr;
import io.github.eidvn.verifier.sharing.OpenRejected;
import io.github.eidvn.verifier.sharing.OpenResult;
import io.github.eidvn.verifier.sharing.Opened;
import io.github.eidvn.verifier.sharing.PartyDecryptionKey;
import io.github.eidvn.verifier.sharing.SharedDataOpener;
import io.github.eidvn.testkit.SandboxPlatform;

/**
 * Bank onboarding (eKYC) with consented sharing: the bank registers, shows a request QR, the citizen's VNeID app
 * checks it and the citizen consents to part of it, VNeID seals the granted data for the bank only, the bank opens
 * it, requires assurance level 2 and opens the account; then the citizen withdraws the consent and a replayed
 * delivery is refused.
 *
 * <p>Run: {@code java -cp eid-examples.jar io.github.eidvn.examples.BankOnboardingExample [--jdbc URL]}. With a
 * PostgreSQL JDBC URL the receipts and the audit of each step (request, grant, openings, refused replay, withdrawal,
 * refused delivery) are kept in that database (the schema is created on an empty one), a checkpoint of the audit is
 * signed with VNeID's key and the chain's links are verified; without one, everything stays in memory.
 */
public final class BankOnboardingExample {

    /**
     * What happened, for tests.
     *
     * @param accountOpened whether the bank opened the account
     * @param sharedFields the fields the bank received
     * @param qrDigits the length of the request QR text
     * @param replayBeforeWithdrawal the reason the second opening was refused before withdrawal
     * @param replayAfterWithdrawal the reason the replayed delivery was refused after withdrawal
     * @param sealAfterWithdrawal the status that stopped a new delivery after withdrawal
     * @param auditEntries the entries of the audit chain in PostgreSQL, verified intact (0 in memory)
     */
    public record Outcome(boolean accountOpened, Set<CitizenField> sharedFields, int qrDigits,
            String replayBeforeWithdrawal, String replayAfterWithdrawal, String sealAfterWithdrawal,
            long auditEntries) {
    }

    private BankOnboardingExample() {
    }

    /**
     * Runs the example on standard output.
     *
     * @param args none, or {@code --jdbc URL} to keep the records in PostgreSQL
     */
    public static void main(String[] args) {
        String jdbc = ExampleRecords.jdbcArgument(args, "BankOnboardingExample");
        run(new PrintStream(System.out, true, StandardCharsets.UTF_8), jdbc);
    }

    /**
     * Runs the example in memory.
     *
     * @param out where to print the story (Vietnamese first, then English)
     * @return what happened
     */
    public static Outcome run(PrintStream out) {
        return run(out, null);
    }

    /**
     * Runs the example.
     *
     * @param out where to print the story (Vietnamese first, then English)
     * @param jdbcUrl a PostgreSQL JDBC URL to keep the receipts and the audit in, or null for memory
     * @return what happened
     */
    public static Outcome run(PrintStream out, String jdbcUrl) {
        try (ExampleRecords records = ExampleRecords.open(jdbcUrl, Clock.systemUTC())) {
            SandboxPlatform vneid = SandboxPlatform.builder().ledger(records.ledger(Clock.systemUTC())).build();
            Outcome o = run(out, vneid, records);
            long entries = records.verifyAudit(out, 10, vneid.keys());
            return new Outcome(o.accountOpened(), o.sharedFields(), o.qrDigits(), o.replayBeforeWithdrawal(),
                    o.replayAfterWithdrawal(), o.sealAfterWithdrawal(), entries);
        }
    }

    private static Outcome run(PrintStream out, SandboxPlatform vneid, ExampleRecords audit) {
        CitizenProfile citizen = vneid.citizen(SandboxPlatform.KHAI);

        // 1. The bank registers: its legal name, the eKYC purpose and the fields it may ask for, its keys.
        SigningKey bankSigning = SigningKey.generate();
        PartyDecryptionKey bankDecryption = PartyDecryptionKey.generateEc();
        Set<CitizenField> registered = EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME,
                CitizenField.BIRTHDATE, CitizenField.GENDER, CitizenField.NATIONALITY,
                CitizenField.PERMANENT_RESIDENCE, CitizenField.CURRENT_RESIDENCE, CitizenField.PHONE_NUMBER,
                CitizenField.EMAIL);
        RelyingParty bank = RelyingParty.builder().id("vcb-bank")
                .legalName("Ngân hàng TMCP Ngoại thương Việt Nam", "Joint Stock Commercial Bank for Foreign Trade of "
                        + "Vietnam")
                .contact("dpo@vietcombank.example.vn")
                .purpose(PurposeCatalogue.standard().find("bank-ekyc").orElseThrow(), registered)
                .signingJwks("{\"keys\":[" + bankSigning.publicJwkJson() + "]}")
                .encryptionKey(bankDecryption.publicKey())
                .build();
        vneid.parties().register(bank);
        out.println("== Mở tài khoản ngân hàng trực tuyến bằng VNeID / Online bank onboarding with VNeID ==");
        out.println();
        out.println("1. Ngân hàng đăng ký / The bank registers: " + bank.legalNameVi() + " (" + bank.id() + ")");
        out.println("   Mục đích / purpose: bank-ekyc — " + bank.purposes().get("bank-ekyc").nameVi() + " / "
                + bank.purposes().get("bank-ekyc").nameEn());
        out.println("   Khóa mã hóa / encryption key: " + bank.encryptionKey().jweAlgorithm() + ", kid "
                + bank.encryptionKey().kid().substring(0, 12) + "…");

        // 2. The bank's web page shows a request QR for the eKYC fields it needs now.
        Set<CitizenField> asked = EnumSet.of(CitizenField.PERSONAL_NUMBER, CitizenField.NAME, CitizenField.BIRTHDATE,
                CitizenField.GENDER, CitizenField.NATIONALITY, CitizenField.PERMANENT_RESIDENCE,
                CitizenField.CURRENT_RESIDENCE, CitizenField.EMAIL);
        ConsentRequestSigner.Signed request = ConsentRequestSigner.builder().partyId(bank.id())
                .signingKey(bankSigning).audience(SandboxPlatform.ISSUER_ID).build()
                .request("bank-ekyc", asked)
                .purposeText("Mở tài khoản thanh toán trực tuyến")
                .responseUri("https://ekyc.vietcombank.example.vn/vneid/callback")
                .sign();
        String qrText = ConsentRequestQr.toQrText(request.compactJws());
        byte[] png = QrRenderer.defaults().png(qrText);
        out.println();
        out.println("2. Ngân hàng hiển thị mã QR yêu cầu / The bank shows a request QR: " + qrText.length()
                + " chữ số / digits, QR phiên bản / version " + QrRenderer.defaults().version(qrText) + ", ảnh PNG "
                + png.length + " byte");

        // 3. The citizen scans it with the VNeID app, which checks it before showing anything.
        String scanned = ((QrScanResult.Found) QrImageDecoder.decode(png)).text();
        ConsentRequestVerifier app = ConsentRequestVerifier.builder().registry(vneid.parties())
                .audience(SandboxPlatform.ISSUER_ID).build();
        RequestResult checked = ConsentRequestQr.verifyScanned(scanned, app);
        if (!(checked instanceof VerifiedRequest)) {
            RequestRejected r = (RequestRejected) checked;
            throw new IllegalStateException(r.reason() + ": " + r.detail());
        }
        VerifiedRequest verified = (VerifiedRequest) checked;
        audit(audit, AuditEvent.Consent.REQUESTED, vneid, citizen, "", bank.id(), "purpose=bank-ekyc");
        out.println();
        out.println("3. Ứng dụng VNeID quét và kiểm tra yêu cầu / The VNeID app scans and checks the request: hợp lệ / "
                + "valid");
        out.println("   " + verified.party().legalNameVi() + " yêu cầu / asks for:");
        for (CitizenField f : verified.request().fields()) {
            out.println("     - " + f.vietnamese() + " / " + f.english());
        }
        Set<CitizenField> granted = EnumSet.copyOf(verified.request().fields());
        granted.remove(CitizenField.EMAIL);
        out.println("   Công dân đồng ý tất cả trừ thư điện tử / The citizen agrees to all but the e-mail address.");

        // 4. VNeID records the consent and gives the citizen a signed receipt.
        ConsentReceiptIssuer.Issued issued = vneid.receipts().grant(verified, citizen.personalNumber(), granted,
                Duration.ofDays(365));
        vneid.ledger().record(citizen.personalNumber(), issued);
        out.println();
        out.println("4. Biên nhận đồng ý (Nghị định 13/2023/NĐ-CP) / Consent receipt:");
        for (String line : issued.receipt().describe()) {
            out.println("   " + line);
        }

        // 5. VNeID seals the granted data for the bank only: signed by VNeID, encrypted to the bank's key.
        SharedClaims registryData = SharedClaims.fromProfile(citizen);
        String delivery = ((SealResult.Sealed) vneid.sealer().seal(SealRequest.forReceipt(issued.receipt(),
                bank.encryptionKey()).claims(registryData).level(AssuranceLevel.LEVEL_2)
                .methods("face").build())).compactJwe();
        out.println();
        out.println("5. VNeID niêm phong dữ liệu / VNeID seals the data: JWE " + bank.encryptionKey().jweAlgorithm()
                + " + " + bank.encryptionKey().contentEncryption() + " chứa JWT ký ES256 / nesting an ES256-signed "
                + "JWT, " + delivery.length() + " ký tự / characters");

        // 6. The bank opens it: decrypt, verify VNeID's signature, check audience, nonce, receipt, level 2.
        SharedDataOpener opener = SharedDataOpener.builder().decryptionKey(bankDecryption).partyId(bank.id())
                .trustStore(TrustStore.fromJwks(vneid.keys().publicJwksJson()))
                .expectedIssuer(SandboxPlatform.ISSUER_ID).receiptStatus(vneid.ledger().openings())
                .requiredLevel(AssuranceLevel.LEVEL_2).expectedPurpose("bank-ekyc").build();
        OpenResult opened = opener.open(delivery, request.request().nonce());
        boolean accountOpened = opened instanceof Opened;
        Set<CitizenField> shared = EnumSet.noneOf(CitizenField.class);
        out.println();
        if (accountOpened) {
            Opened o = (Opened) opened;
            shared.addAll(o.claims().fields());
            out.println("6. Ngân hàng mở gói dữ liệu / The bank opens the package: mức định danh / assurance level "
                    + o.level().map(AssuranceLevel::number).orElse(0) + ", " + shared.size()
                    + " trường / fields");
            out.println("   Khách hàng / customer: " + o.claims().name().orElse("?") + ", sinh ngày / born "
                    + o.claims().birthdate().map(d -> d.format(java.time.format.DateTimeFormatter.ofPattern(
                            "dd/MM/yyyy"))).orElse("?") + ", số định danh / number "
                    + o.claims().personalNumber().map(n -> n.masked()).orElse("?"));
            out.println("   Nơi thường trú / permanent residence: " + o.claims().permanentResidence().orElse("?"));
            out.println("   Không nhận được / not received: " + missing(asked, shared));
            out.println("   => Tài khoản thanh toán đã được mở / The payment account is open.");
        } else {
            OpenRejected r = (OpenRejected) opened;
            out.println("6. Ngân hàng từ chối / The bank refuses: " + r.reason().vietnamese() + " / "
                    + r.reason().english());
        }

        // 7. A second opening of the same package (e.g. a replayed request to the bank's callback) is refused.
        OpenRejected replay = (OpenRejected) opener.open(delivery, request.request().nonce());
        audit(audit, AuditEvent.Consent.REFUSED, vneid, citizen, issued.receipt().id(), bank.id(),
                "open_" + replay.reason().name().toLowerCase(java.util.Locale.ROOT));
        out.println();
        out.println("7. Gửi lại cùng gói dữ liệu / The same package again: " + replay.reason() + " — "
                + replay.reason().vietnamese() + " / " + replay.reason().english());

        // 8. The citizen withdraws the consent in the VNeID app.
        ConsentLedger.WithdrawOutcome withdrawn = vneid.ledger().withdraw(citizen.personalNumber(),
                issued.receipt().id());
        out.println();
        out.println("8. Công dân rút lại sự đồng ý / The citizen withdraws consent: " + withdrawn);
        out.println("   Danh sách đồng ý của công dân / the citizen's consents:");
        vneid.ledger().list(citizen.personalNumber()).forEach(e -> out.println("     - " + e.receipt().partyNameVi()
                + ", " + e.receipt().purposeCode() + ": " + e.statusAt(Instant.now())));

        // 9. A replayed delivery is refused, and VNeID seals nothing more under the receipt.
        OpenRejected after = (OpenRejected) opener.open(delivery, request.request().nonce());
        SealResult.Refused refused = (SealResult.Refused) vneid.sealer().seal(SealRequest.forReceipt(issued.receipt(),
                bank.encryptionKey()).claims(registryData).level(AssuranceLevel.LEVEL_2).methods("face").build());
        audit(audit, AuditEvent.Consent.REFUSED, vneid, citizen, issued.receipt().id(), bank.id(),
                "seal_" + refused.status().name().toLowerCase(java.util.Locale.ROOT));
        out.println();
        out.println("9. Gói dữ liệu bị phát lại sau khi rút đồng ý / Replayed delivery after withdrawal: "
                + after.reason() + " — " + after.reason().vietnamese() + " / " + after.reason().english());
        out.println("   VNeID không niêm phong thêm / VNeID seals nothing more: " + refused.status());
        return new Outcome(accountOpened, shared, qrText.length(), replay.reason().name(), after.reason().name(),
                refused.status().name(), 0);
    }

    /** Audits a step the ledger does not see itself (a request shown, a refusal by the opener or the sealer). */
    private static void audit(ExampleRecords records, AuditEvent.Consent event, SandboxPlatform vneid,
            CitizenProfile citizen, String receiptId, String partyId, String detail) {
        records.audit(event, Instant.now(), vneid.ledger().reference(citizen.personalNumber()), receiptId, partyId,
                detail);
    }

    private static String missing(Set<CitizenField> asked, Set<CitizenField> shared) {
        List<String> names = new ArrayList<>();
        for (CitizenField f : asked) {
            if (!shared.contains(f)) {
                names.add(f.vietnamese() + " / " + f.english());
            }
        }
        return names.isEmpty() ? "—" : String.join(", ", names);
    }
}
