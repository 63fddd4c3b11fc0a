package io.github.eidvn.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.Purpose;
import io.github.eidvn.core.consent.PurposeCatalogue;
import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.identity.RelatedPerson;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.sharing.SealRequest;
import io.github.eidvn.core.sharing.SealResult;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.verifier.sharing.ConsentRequestQr;
import io.github.eidvn.verifier.sharing.OpenRejected;
import io.github.eidvn.verifier.sharing.OpenResult;
import io.github.eidvn.verifier.sharing.Opened;
import io.github.eidvn.verifier.sharing.PartyDecryptionKey;
import io.github.eidvn.verifier.sharing.SharedDataOpener;
import io.github.eidvn.testkit.SandboxPlatform;

/**
 * Public-service form auto-fill ("citizens provide information only once"): the online public-service portal asks,
 * with the citizen's consent, for the population-registry data of the permanent-residence registration form (đăng ký
 * thường trú, tờ khai CT01) and fills it; the citizen types only what the registry does not hold: passport number,
 * phone, e-mail, occupation and workplace.
 *
 * <p>Run: {@code java -cp eid-examples.jar io.github.eidvn.examples.PublicServiceFormExample}.
 */
public final class PublicServiceFormExample {

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * What happened, for tests.
     *
     * @param form the filled form: label to value, in form order
     * @param autoFilled the labels filled from consented registry data
     * @param typed the labels the citizen typed
     */
    public record Outcome(Map<String, String> form, List<String> autoFilled, List<String> typed) {
    }

    /** One row of the form: its label and how consented data fills it, or null when the citizen types it. */
    private record Row(String labelVi, String labelEn, CitizenField field, Function<SharedClaims, Optional<String>> value) {
    }

    private PublicServiceFormExample() {
    }

    /**
     * Runs the example on standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    private static Optional<String> name(Optional<RelatedPerson> p) {
        return p.map(r -> r.name().value());
    }

    private static Optional<String> number(Optional<RelatedPerson> p) {
        return p.flatMap(RelatedPerson::number).map(n -> n.value());
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Họ, chữ đệm và tên", "Full name", CitizenField.NAME, SharedClaims::name));
        rows.add(new Row("Ngày, tháng, năm sinh", "Date of birth", CitizenField.BIRTHDATE,
                c -> c.birthdate().map(VN_DATE::format)));
        rows.add(new Row("Giới tính", "Sex", CitizenField.GENDER, c -> c.gender().map(s -> s.vietnamese())));
        rows.add(new Row("Số định danh cá nhân", "Personal identification number", CitizenField.PERSONAL_NUMBER,
                c -> c.personalNumber().map(n -> n.value())));
        rows.add(new Row("Quốc tịch", "Nationality", CitizenField.NATIONALITY, SharedClaims::nationality));
        rows.add(new Row("Dân tộc", "Ethnic group", CitizenField.ETHNICITY, SharedClaims::ethnicity));
        rows.add(new Row("Tôn giáo", "Religion", CitizenField.RELIGION, SharedClaims::religion));
        rows.add(new Row("Quê quán", "Hometown", CitizenField.HOMETOWN, SharedClaims::hometown));
        rows.add(new Row("Nơi đăng ký khai sinh", "Place of birth registration",
                CitizenField.PLACE_OF_BIRTH_REGISTRATION, SharedClaims::placeOfBirthRegistration));
        rows.add(new Row("Nơi thường trú hiện nay", "Present permanent residence", CitizenField.PERMANENT_RESIDENCE,
                SharedClaims::permanentResidence));
        rows.add(new Row("Nơi ở hiện tại", "Current residence", CitizenField.CURRENT_RESIDENCE,
                SharedClaims::currentResidence));
        rows.add(new Row("Tình trạng hôn nhân", "Marital status", CitizenField.MARITAL_STATUS,
                c -> c.maritalStatus().map(m -> m.vietnamese())));
        rows.add(new Row("Họ tên cha", "Father's name", CitizenField.FATHER, c -> name(c.father())));
        rows.add(new Row("Họ tên mẹ", "Mother's name", CitizenField.MOTHER, c -> name(c.mother())));
        rows.add(new Row("Họ tên chủ hộ", "Head of household", CitizenField.HOUSEHOLD_HEAD,
                c -> name(c.householdHead())));
        rows.add(new Row("Số định danh cá nhân của chủ hộ", "Household head's number", CitizenField.HOUSEHOLD_HEAD,
                c -> number(c.householdHead())));
        rows.add(new Row("Quan hệ với chủ hộ", "Relationship to the head", CitizenField.RELATIONSHIP_TO_HOUSEHOLD_HEAD,
                SharedClaims::relationshipToHouseholdHead));
        rows.add(new Row("Số hộ chiếu", "Passport number", null, null));
        rows.add(new Row("Số điện thoại", "Phone number", null, null));
        rows.add(new Row("Thư điện tử", "E-mail", null, null));
        rows.add(new Row("Nghề nghiệp", "Occupation", null, null));
        rows.add(new Row("Nơi làm việc", "Workplace", null, null));
        return rows;
    }

    /**
     * Runs the example.
     *
     * @param out where to print the story and the form (Vietnamese first, then English)
     * @return the filled form
     */
    public static Outcome run(PrintStream out) {
        SandboxPlatform vneid = SandboxPlatform.create(Clock.systemUTC());
        CitizenProfile citizen = vneid.citizen(SandboxPlatform.KHAI);
        List<Row> rows = rows();

        // The portal is registered for the permanent-residence service with exactly the fields its form needs.
        Set<CitizenField> formFields = EnumSet.noneOf(CitizenField.class);
        rows.stream().filter(r -> r.field() != null).forEach(r -> formFields.add(r.field()));
        Purpose residence = PurposeCatalogue.standard().find("permanent-residence").orElseThrow();
        SigningKey portalSigning = SigningKey.generate();
        PartyDecryptionKey portalDecryption = PartyDecryptionKey.generateEc();
        RelyingParty portal = RelyingParty.builder().id("dichvucong.gov.vn")
                .legalName("Cổng Dịch vụ công quốc gia", "National Public Service Portal")
                .contact("https://dichvucong.gov.vn/p/home/dvc-lien-he.html")
                .purpose(residence, formFields)
                .signingJwks("{\"keys\":[" + portalSigning.publicJwkJson() + "]}")
                .encryptionKey(portalDecryption.publicKey()).build();
        vneid.parties().register(portal);

        out.println("== Tự động điền tờ khai đăng ký thường trú / Auto-filling the permanent-residence form ==");
        out.println("   Nguyên tắc \"công dân chỉ cung cấp thông tin một lần\" / the once-only principle");
        out.println();

        // The portal asks; the VNeID app checks the request and the citizen consents.
        ConsentRequestSigner.Signed request = ConsentRequestSigner.builder().partyId(portal.id())
                .signingKey(portalSigning).audience(SandboxPlatform.ISSUER_ID).build()
                .request(residence.code(), formFields).purposeText("Tờ khai thay đổi thông tin cư trú (CT01)").sign();
        VerifiedRequest verified = (VerifiedRequest) ConsentRequestQr.verifyScanned(
                ConsentRequestQr.toQrText(request.compactJws()),
                ConsentRequestVerifier.builder().registry(vneid.parties()).audience(SandboxPlatform.ISSUER_ID).build());
        out.println("1. " + portal.legalNameVi() + " yêu cầu " + verified.request().fields().size()
                + " trường cho \"" + verified.purpose().nameVi() + "\"; công dân đồng ý.");
        out.println("   " + portal.legalNameEn() + " asks for " + verified.request().fields().size()
                + " fields for \"" + verified.purpose().nameEn() + "\"; the citizen consents.");
        ConsentReceiptIssuer.Issued issued = vneid.receipts().grant(verified, citizen.personalNumber(),
                verified.request().fields(), Duration.ofDays(30));
        vneid.ledger().record(citizen.personalNumber(), issued);

        // VNeID seals the registry data for the portal; the portal opens it.
        String delivery = ((SealResult.Sealed) vneid.sealer().seal(SealRequest.forReceipt(issued.receipt(),
                portal.encryptionKey()).claims(SharedClaims.fromProfile(citizen)).level(AssuranceLevel.LEVEL_2)
                .methods("face").build())).compactJwe();
        OpenResult result = SharedDataOpener.builder().decryptionKey(portalDecryption).partyId(portal.id())
                .trustStore(TrustStore.of(vneid.keys())).expectedIssuer(SandboxPlatform.ISSUER_ID)
                .receiptStatus(vneid.ledger()).requiredLevel(AssuranceLevel.LEVEL_2).expectedPurpose(residence.code())
                .build().open(delivery, request.request().nonce());
        if (!(result instanceof Opened)) {
            OpenRejected r = (OpenRejected) result;
            throw new IllegalStateException(r.reason() + ": " + r.detail());
        }
        SharedClaims data = ((Opened) result).claims();
        out.println("2. Cổng nhận gói dữ liệu đã ký và mã hóa, mở được: " + data.fields().size() + " trường.");
        out.println("   The portal received the signed, encrypted package and opened it: " + data.fields().size()
                + " fields.");

        // What the citizen types: only what the registry does not hold.
        Map<String, String> typedByCitizen = new LinkedHashMap<>();
        typedByCitizen.put("Số hộ chiếu", "C1234567");
        typedByCitizen.put("Số điện thoại", "0901 234 567");
        typedByCitizen.put("Thư điện tử", "khai.nguyen@example.vn");
        typedByCitizen.put("Nghề nghiệp", "Kỹ sư phần mềm");
        typedByCitizen.put("Nơi làm việc", "Công ty TNHH Phần mềm Sài Gòn, Quận 1");

        Map<String, String> form = new LinkedHashMap<>();
        List<String> auto = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        out.println();
        out.println("3. TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ (mẫu CT01) — Residence information change form (CT01)");
        out.println("   Kính gửi / To: Công an phường Bến Nghé, Quận 1, TP. Hồ Chí Minh");
        for (Row row : rows) {
            Optional<String> value = row.field() == null ? Optional.empty() : row.value().apply(data);
            String v;
            String source;
            if (value.isPresent()) {
                v = value.get();
                source = "[CSDL dân cư / registry]";
                auto.add(row.labelVi());
            } else {
                v = typedByCitizen.getOrDefault(row.labelVi(), "");
                source = "[công dân nhập / typed]";
                typed.add(row.labelVi());
            }
            form.put(row.labelVi(), v);
            String label = row.labelVi() + " / " + row.labelEn();
            out.println("   " + pad(label, 62) + " " + v + "  " + source);
        }
        out.println("   Nội dung đề nghị / Request: Đăng ký thường trú tại nhà chủ hộ, 45 Lê Lợi, Phường Bến Nghé, "
                + "Quận 1, TP. Hồ Chí Minh");
        out.println();
        out.println("4. Công dân chỉ nhập " + typed.size() + " trường CSDL không có; " + auto.size()
                + " trường được điền sẵn từ dữ liệu đã đồng ý chia sẻ.");
        out.println("   The citizen typed only " + typed.size() + " fields the registry does not hold; " + auto.size()
                + " fields were pre-filled from consented data.");
        out.println("   Biên nhận đồng ý / consent receipt: " + issued.receipt().id() + ", hết hạn / expires "
                + issued.receipt().expiresAt());
        return new Outcome(form, auto, typed);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " " + ".".repeat(width - s.length() - 1);
    }
}
