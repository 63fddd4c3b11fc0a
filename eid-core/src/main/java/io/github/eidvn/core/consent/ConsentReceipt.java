package io.github.eidvn.core.consent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.github.eidvn.core.internal.StrictJson;

/**
 * A signed record of one consent: what the citizen agreed to share, with whom, for what and until when, and how to
 * withdraw. It carries what Nghị định 13/2023/NĐ-CP on personal data protection asks a consent to show (Điều 11):
 * the controller's identity and contact ({@link #partyId()}, {@link #partyNameVi()}, {@link #partyContact()}), the
 * purpose ({@link #purposeCode()} and names), the types of data ({@link #fields()}), the duration
 * ({@link #grantedAt()} to {@link #expiresAt()}) and the citizen's rights, withdrawal first ({@link #RIGHTS_VI}).
 *
 * <p>The citizen is named only by a pairwise reference ({@link #citizenRef()}, see {@link CitizenReferences}):
 * never by the raw personal number.
 *
 * <p>As a JWT ({@code typ} {@value #TYPE}, ES256, signed by the issuer):
 * <pre>{@code
 * {"iss":..,"jti":"<receipt id>","sub":"<pairwise ref>","aud":"<party id>","iat":<granted>,"exp":<expires>,
 *  "controller":{"id":..,"name":{"vi":..,"en":..},"contact":..},
 *  "purpose":{"code":..,"name":{"vi":..,"en":..}[,"text":..]},
 *  "fields":["name",..],"nonce":"<request nonce>",
 *  "rights":{"vi":..,"en":..},"legal_basis":"Nghị định 13/2023/NĐ-CP"}
 * }</pre>
 *
 * <p>Immutable and thread-safe; built by {@link ConsentReceiptIssuer}.
 */
public final class ConsentReceipt {

    /** The JWT {@code typ} of a signed receipt. */
    public static final String TYPE = "vneid-receipt+jwt";
    /** The legal basis named on every receipt. */
    public static final String LEGAL_BASIS = "Nghị định 13/2023/NĐ-CP";
    /** The citizen's rights, in Vietnamese. */
    public static final String RIGHTS_VI = "Bạn có quyền rút lại sự đồng ý bất cứ lúc nào trong ứng dụng VNeID "
            + "(mục Quản lý chia sẻ dữ liệu); việc rút lại không ảnh hưởng đến việc xử lý đã thực hiện trước đó. "
            + "Bạn cũng có quyền được biết, truy cập, yêu cầu xóa, hạn chế xử lý và khiếu nại theo Nghị định "
            + "13/2023/NĐ-CP; liên hệ đơn vị theo địa chỉ ghi trên biên nhận.";
    /** The citizen's rights, in English. */
    public static final String RIGHTS_EN = "You may withdraw this consent at any time in the VNeID app (Data "
            + "sharing); withdrawal does not affect processing done before it. You also have the rights to be "
            + "informed, to access, to request deletion, to restrict processing and to complain under Decree "
            + "13/2023/ND-CP; contact the organisation at the address on this receipt.";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final String id;
    private final String issuer;
    private final String partyId;
    private final String partyNameVi;
    private final String partyNameEn;
    private final String partyContact;
    private final String purposeCode;
    private final String purposeNameVi;
    private final String purposeNameEn;
    private final String purposeText;
    private final Set<CitizenField> fields;
    private final Instant grantedAt;
    private final Instant expiresAt;
    private final String citizenRef;
    private final String requestNonce;

    ConsentReceipt(String id, String issuer, String partyId, String partyNameVi, String partyNameEn,
            String partyContact, String purposeCode, String purposeNameVi, String purposeNameEn, String purposeText,
            Set<CitizenField> fields, Instant grantedAt, Instant expiresAt, String citizenRef, String requestNonce) {
        this.id = Objects.requireNonNull(id, "id");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.partyId = Objects.requireNonNull(partyId, "partyId");
        this.partyNameVi = Objects.requireNonNull(partyNameVi, "partyNameVi");
        this.partyNameEn = Objects.requireNonNull(partyNameEn, "partyNameEn");
        this.partyContact = Objects.requireNonNull(partyContact, "partyContact");
        this.purposeCode = Objects.requireNonNull(purposeCode, "purposeCode");
        this.purposeNameVi = Objects.requireNonNull(purposeNameVi, "purposeNameVi");
        this.purposeNameEn = Objects.requireNonNull(purposeNameEn, "purposeNameEn");
        this.purposeText = purposeText;
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a receipt grants at least one field");
        }
        this.fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
        this.grantedAt = Objects.requireNonNull(grantedAt, "grantedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(grantedAt)) {
            throw new IllegalArgumentException("expiresAt is not after grantedAt");
        }
        this.citizenRef = Objects.requireNonNull(citizenRef, "citizenRef");
        this.requestNonce = Objects.requireNonNull(requestNonce, "requestNonce");
    }

    /** @return the receipt id (128 random bits, base64url) */
    public String id() {
        return id;
    }

    /** @return the e-ID issuer that recorded the consent */
    public String issuer() {
        return issuer;
    }

    /** @return the party (data controller) id */
    public String partyId() {
        return partyId;
    }

    /** @return the controller's legal name in Vietnamese */
    public String partyNameVi() {
        return partyNameVi;
    }

    /** @return the controller's legal name in English */
    public String partyNameEn() {
        return partyNameEn;
    }

    /** @return the controller's data-protection contact */
    public String partyContact() {
        return partyContact;
    }

    /** @return the purpose code */
    public String purposeCode() {
        return purposeCode;
    }

    /** @return the purpose name in Vietnamese */
    public String purposeNameVi() {
        return purposeNameVi;
    }

    /** @return the purpose name in English */
    public String purposeNameEn() {
        return purposeNameEn;
    }

    /** @return the party's own explanation of the purpose, if it gave one */
    public Optional<String> purposeText() {
        return Optional.ofNullable(purposeText);
    }

    /** @return the granted fields (types of personal data), in declaration order */
    public Set<CitizenField> fields() {
        return fields;
    }

    /** @return when the citizen consented */
    public Instant grantedAt() {
        return grantedAt;
    }

    /** @return when the consent ends */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return the citizen's pairwise reference for this party (not the personal number) */
    public String citizenRef() {
        return citizenRef;
    }

    /** @return the nonce of the request this consent answered */
    public String requestNonce() {
        return requestNonce;
    }

    /**
     * The receipt as a citizen reads it, one line per item, Vietnamese then English.
     *
     * @return the lines
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Biên nhận đồng ý / Consent receipt: " + id);
        lines.add("Bên kiểm soát dữ liệu / Data controller: " + partyNameVi + " (" + partyNameEn + "), "
                + partyContact);
        lines.add("Mục đích / Purpose: " + purposeNameVi + " / " + purposeNameEn
                + (purposeText == null ? "" : " — " + purposeText));
        List<String> vi = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (CitizenField f : fields) {
            vi.add(f.vietnamese());
            en.add(f.english());
        }
        lines.add("Dữ liệu được chia sẻ / Data shared: " + String.join(", ", vi) + " / " + String.join(", ", en));
        lines.add("Thời hạn / Duration: " + DATE_TIME.format(grantedAt) + " → " + DATE_TIME.format(expiresAt)
                + " (giờ Việt Nam / Vietnam time)");
        lines.add("Quyền của bạn / Your rights: " + RIGHTS_VI);
        lines.add("    " + RIGHTS_EN);
        lines.add("Căn cứ / Legal basis: " + LEGAL_BASIS);
        return lines;
    }

    /** The JWT claims (see the class comment). */
    Map<String, Object> toClaims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", issuer);
        c.put("jti", id);
        c.put("sub", citizenRef);
        c.put("aud", partyId);
        c.put("iat", grantedAt.getEpochSecond());
        c.put("exp", expiresAt.getEpochSecond());
        Map<String, Object> controller = new LinkedHashMap<>();
        controller.put("id", partyId);
        controller.put("name", bilingual(partyNameVi, partyNameEn));
        controller.put("contact", partyContact);
        c.put("controller", controller);
        Map<String, Object> purpose = new LinkedHashMap<>();
        purpose.put("code", purposeCode);
        purpose.put("name", bilingual(purposeNameVi, purposeNameEn));
        if (purposeText != null) {
            purpose.put("text", purposeText);
        }
        c.put("purpose", purpose);
        List<String> names = new ArrayList<>();
        for (CitizenField f : fields) {
            names.add(f.claimName());
        }
        c.put("fields", names);
        c.put("nonce", requestNonce);
        c.put("rights", bilingual(RIGHTS_VI, RIGHTS_EN));
        c.put("legal_basis", LEGAL_BASIS);
        return c;
    }

    private static Map<String, Object> bilingual(String vi, String en) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vi", vi);
        m.put("en", en);
        return m;
    }

    /** Reads the claims written by {@link #toClaims()} (from the ledger). */
    static ConsentReceipt fromClaims(Map<?, ?> c) {
        Map<?, ?> controller = (Map<?, ?>) c.get("controller");
        Map<?, ?> controllerName = (Map<?, ?>) controller.get("name");
        Map<?, ?> purpose = (Map<?, ?>) c.get("purpose");
        Map<?, ?> purposeName = (Map<?, ?>) purpose.get("name");
        List<String> names = new ArrayList<>();
        for (Object o : (List<?>) c.get("fields")) {
            names.add((String) o);
        }
        return new ConsentReceipt((String) c.get("jti"), (String) c.get("iss"), (String) c.get("aud"),
                (String) controllerName.get("vi"), (String) controllerName.get("en"), (String) controller.get("contact"),
                (String) purpose.get("code"), (String) purposeName.get("vi"), (String) purposeName.get("en"),
                (String) purpose.get("text"), CitizenField.parseAll(names),
                Instant.ofEpochSecond(StrictJson.longValue("iat", c.get("iat"))),
                Instant.ofEpochSecond(StrictJson.longValue("exp", c.get("exp"))), (String) c.get("sub"),
                (String) c.get("nonce"));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConsentReceipt)) {
            return false;
        }
        return toClaims().equals(((ConsentReceipt) o).toClaims());
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** @return id, party, purpose, field names and dates; the pairwise reference is not shown */
    @Override
    public String toString() {
        return "ConsentReceipt[" + id + ", party=" + partyId + ", purpose=" + purposeCode + ", fields="
                + RelyingParty.names(fields) + ", " + grantedAt + " → " + expiresAt + "]";
    }
}
