package io.github.eidvn.core.consent;

import static io.github.eidvn.core.consent.CitizenField.ADDRESS;
import static io.github.eidvn.core.consent.CitizenField.BIRTHDATE;
import static io.github.eidvn.core.consent.CitizenField.CURRENT_RESIDENCE;
import static io.github.eidvn.core.consent.CitizenField.EMAIL;
import static io.github.eidvn.core.consent.CitizenField.ETHNICITY;
import static io.github.eidvn.core.consent.CitizenField.FATHER;
import static io.github.eidvn.core.consent.CitizenField.GENDER;
import static io.github.eidvn.core.consent.CitizenField.HEALTH_INSURANCE;
import static io.github.eidvn.core.consent.CitizenField.HOMETOWN;
import static io.github.eidvn.core.consent.CitizenField.HOUSEHOLD_HEAD;
import static io.github.eidvn.core.consent.CitizenField.MARITAL_STATUS;
import static io.github.eidvn.core.consent.CitizenField.MOTHER;
import static io.github.eidvn.core.consent.CitizenField.NAME;
import static io.github.eidvn.core.consent.CitizenField.NATIONALITY;
import static io.github.eidvn.core.consent.CitizenField.OLD_ID_NUMBER;
import static io.github.eidvn.core.consent.CitizenField.PERMANENT_RESIDENCE;
import static io.github.eidvn.core.consent.CitizenField.PERSONAL_NUMBER;
import static io.github.eidvn.core.consent.CitizenField.PHONE_NUMBER;
import static io.github.eidvn.core.consent.CitizenField.PLACE_OF_BIRTH_REGISTRATION;
import static io.github.eidvn.core.consent.CitizenField.RELATIONSHIP_TO_HOUSEHOLD_HEAD;
import static io.github.eidvn.core.consent.CitizenField.RELIGION;
import static io.github.eidvn.core.consent.CitizenField.SPOUSE;
import static io.github.eidvn.core.consent.CitizenField.TEMPORARY_RESIDENCE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The purposes a consent request may name: a closed catalogue, never free text.
 *
 * <p>{@link #standard()} holds the 25 essential online public services of Đề án 06 (Quyết định 06/QĐ-TTg,
 * Phụ lục I) and three private-sector purposes: {@code bank-ekyc}, {@code ewallet-link} and {@code bhyt-checkin}
 * (the purpose string of the hospital check-in assertion). Each names the citizen fields a request for it may ask
 * for; a relying party registers a subset of those ({@link RelyingParty}).
 *
 * <p>Every essential service has its number ({@link Purpose#number()}) and its title exactly as Phụ lục 1 words it
 * (the repository's {@code vectors/de-an-06-services/services.csv} holds the list; item 25 keeps the source's
 * "chủ thẻ"); {@code eid purposes} prints the catalogue.
 *
 * <table>
 *   <caption>Standard purposes</caption>
 *   <tr><th>number</th><th>code</th><th>service</th></tr>
 *   <tr><td>1</td><td>{@code cmnd-confirmation}</td><td>confirming the old CMND number (may ask for
 *       {@code old_id_number})</td></tr>
 *   <tr><td>2</td><td>{@code id-card-reissue-exchange}</td><td>reissue or exchange of the ID card</td></tr>
 *   <tr><td>3</td><td>{@code permanent-residence}</td><td>permanent residence</td></tr>
 *   <tr><td>4</td><td>{@code temporary-residence}</td><td>temporary residence</td></tr>
 *   <tr><td>5</td><td>{@code absence-declaration}</td><td>temporary absence</td></tr>
 *   <tr><td>6</td><td>{@code stay-notification}</td><td>notification of stay</td></tr>
 *   <tr><td>7</td><td>{@code motorbike-registration}</td><td>motorbike number plates</td></tr>
 *   <tr><td>8</td><td>{@code traffic-fine}</td><td>camera-recorded traffic fines</td></tr>
 *   <tr><td>9</td><td>{@code birth-registration}</td><td>birth registration</td></tr>
 *   <tr><td>10</td><td>{@code death-registration}</td><td>death registration</td></tr>
 *   <tr><td>11</td><td>{@code marriage-registration}</td><td>marriage registration</td></tr>
 *   <tr><td>12</td><td>{@code passport}</td><td>ordinary passport</td></tr>
 *   <tr><td>13</td><td>{@code new-seal}</td><td>a new seal</td></tr>
 *   <tr><td>14</td><td>{@code special-seal}</td><td>miniature, embossed and wax seals</td></tr>
 *   <tr><td>15</td><td>{@code birth-residence-bhyt}</td><td>linked: birth, residence, child's BHYT card</td></tr>
 *   <tr><td>16</td><td>{@code death-residence-funeral}</td><td>linked: death, residence, funeral allowance</td></tr>
 *   <tr><td>17</td><td>{@code bhyt-renewal}</td><td>household BHYT renewal</td></tr>
 *   <tr><td>18</td><td>{@code tax-registration}</td><td>tax registration</td></tr>
 *   <tr><td>19</td><td>{@code land-change}</td><td>land-right changes after the holder's details
 *       change</td></tr>
 *   <tr><td>20</td><td>{@code driving-licence}</td><td>driving licence exchange or reissue</td></tr>
 *   <tr><td>21</td><td>{@code exam-registration}</td><td>graduation exam and admission</td></tr>
 *   <tr><td>22</td><td>{@code criminal-record}</td><td>criminal-record certificate</td></tr>
 *   <tr><td>23</td><td>{@code unemployment-benefit}</td><td>unemployment benefit</td></tr>
 *   <tr><td>24</td><td>{@code electricity-connection}</td><td>new low-voltage connection</td></tr>
 *   <tr><td>25</td><td>{@code electricity-contract-change}</td><td>new holder of an electricity
 *       contract</td></tr>
 *   <tr><td>-</td><td>{@code bank-ekyc}</td><td>Mở tài khoản thanh toán trực tuyến (eKYC)</td></tr>
 *   <tr><td>-</td><td>{@code ewallet-link}</td><td>Mở và liên kết ví điện tử</td></tr>
 *   <tr><td>-</td><td>{@code bhyt-checkin}</td><td>Khám chữa bệnh bảo hiểm y tế (đón tiếp tại cơ sở y
 *       tế)</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe. Build a catalogue with more purposes with {@link #builder()}.
 */
public final class PurposeCatalogue {

    private static final PurposeCatalogue STANDARD = buildStandard();

    private final Map<String, Purpose> byCode;

    private PurposeCatalogue(Map<String, Purpose> byCode) {
        this.byCode = Collections.unmodifiableMap(new LinkedHashMap<>(byCode));
    }

    /**
     * The standard catalogue (see the class comment).
     *
     * @return the catalogue
     */
    public static PurposeCatalogue standard() {
        return STANDARD;
    }

    /**
     * A builder for a catalogue of one's own.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The purpose with a code.
     *
     * @param code the code; null gives empty
     * @return the purpose, or empty
     */
    public Optional<Purpose> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** @return every purpose, in catalogue order */
    public List<Purpose> all() {
        return List.copyOf(byCode.values());
    }

    /** @return the number of purposes */
    public int size() {
        return byCode.size();
    }

    @Override
    public String toString() {
        return "PurposeCatalogue" + byCode.keySet();
    }

    /** Builds a {@link PurposeCatalogue}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Purpose> byCode = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a purpose.
         *
         * @param purpose the purpose
         * @return this builder
         * @throws IllegalArgumentException when a purpose with the same code was added
         */
        public Builder add(Purpose purpose) {
            Objects.requireNonNull(purpose, "purpose");
            if (byCode.putIfAbsent(purpose.code(), purpose) != null) {
                throw new IllegalArgumentException("purpose code added twice: " + purpose.code());
            }
            return this;
        }

        /**
         * Adds every purpose of a catalogue (e.g. {@link PurposeCatalogue#standard()}).
         *
         * @param catalogue the catalogue
         * @return this builder
         * @throws IllegalArgumentException when a code was already added
         */
        public Builder addAll(PurposeCatalogue catalogue) {
            for (Purpose p : catalogue.all()) {
                add(p);
            }
            return this;
        }

        /** @return the catalogue */
        public PurposeCatalogue build() {
            return new PurposeCatalogue(byCode);
        }
    }

    private static PurposeCatalogue buildStandard() {
        List<Purpose> list = new ArrayList<>();
        list.add(Purpose.essentialService(1, "cmnd-confirmation",
                "Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân",
                "Confirmation of the old identity-card (CMND) number once a citizen ID card has been issued",
                with(core(), OLD_ID_NUMBER, HOMETOWN, PERMANENT_RESIDENCE)));
        list.add(Purpose.essentialService(2, "id-card-reissue-exchange", "Cấp lại, đổi thẻ căn cước công dân",
                "Reissue or exchange of the citizen ID card",
                with(core(), NATIONALITY, ETHNICITY, RELIGION, HOMETOWN, PLACE_OF_BIRTH_REGISTRATION,
                        PERMANENT_RESIDENCE, CURRENT_RESIDENCE, FATHER, MOTHER, SPOUSE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(3, "permanent-residence", "Đăng ký thường trú",
                "Permanent residence registration",
                with(core(), NATIONALITY, ETHNICITY, RELIGION, HOMETOWN, PLACE_OF_BIRTH_REGISTRATION,
                        PERMANENT_RESIDENCE, TEMPORARY_RESIDENCE, CURRENT_RESIDENCE, MARITAL_STATUS, FATHER, MOTHER,
                        SPOUSE, HOUSEHOLD_HEAD, RELATIONSHIP_TO_HOUSEHOLD_HEAD)));
        list.add(Purpose.essentialService(4, "temporary-residence", "Đăng ký tạm trú",
                "Temporary residence registration",
                with(core(), NATIONALITY, ETHNICITY, RELIGION, HOMETOWN, PERMANENT_RESIDENCE, TEMPORARY_RESIDENCE,
                        CURRENT_RESIDENCE, HOUSEHOLD_HEAD, RELATIONSHIP_TO_HOUSEHOLD_HEAD, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(5, "absence-declaration", "Khai báo tạm vắng",
                "Declaration of temporary absence",
                with(core(), PERMANENT_RESIDENCE, CURRENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(6, "stay-notification", "Thông báo lưu trú", "Notification of stay",
                with(core(), NATIONALITY, PERMANENT_RESIDENCE, PHONE_NUMBER)));
        list.add(Purpose.essentialService(7, "motorbike-registration", "Đăng ký, cấp biển số mô tô, xe gắn máy",
                "Registration and number plates of motorcycles and mopeds",
                with(core(), PERMANENT_RESIDENCE, ADDRESS, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(8, "traffic-fine",
                "Thu tiền nộp phạt xử lý vi phạm hành chính trong lĩnh vực giao thông đường bộ qua thiết bị ghi hình"
                        + " (phạt nguội)",
                "Payment of fines for road-traffic offences recorded by camera (phạt nguội)",
                List.of(PERSONAL_NUMBER, NAME, ADDRESS, PHONE_NUMBER)));
        list.add(Purpose.essentialService(9, "birth-registration", "Đăng ký khai sinh", "Birth registration",
                with(core(), NATIONALITY, ETHNICITY, PERMANENT_RESIDENCE, CURRENT_RESIDENCE, MARITAL_STATUS, SPOUSE,
                        PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(10, "death-registration", "Đăng ký khai tử", "Death registration",
                with(core(), PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(11, "marriage-registration", "Đăng ký kết hôn", "Marriage registration",
                with(core(), NATIONALITY, ETHNICITY, PERMANENT_RESIDENCE, CURRENT_RESIDENCE, MARITAL_STATUS,
                        PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(12, "passport", "Cấp, cấp lại, sửa đổi, bổ sung hộ chiếu phổ thông",
                "Issue, reissue, amendment or supplement of an ordinary passport",
                with(core(), NATIONALITY, ETHNICITY, RELIGION, PLACE_OF_BIRTH_REGISTRATION, PERMANENT_RESIDENCE,
                        CURRENT_RESIDENCE, FATHER, MOTHER, SPOUSE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(13, "new-seal",
                "Thủ tục làm con dấu mới và cấp Giấy chứng nhận đã đăng ký mẫu dấu",
                "Making a new seal and certificate of the registered seal specimen",
                List.of(PERSONAL_NUMBER, NAME, BIRTHDATE, PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(14, "special-seal",
                "Thủ tục làm con dấu thu nhỏ, dấu nỗi, dấu xi và cấp Giấy chứng nhận đã đăng ký mẫu con dấu",
                "Making a miniature, embossed or wax seal and certificate of the registered seal specimen",
                List.of(PERSONAL_NUMBER, NAME, BIRTHDATE, PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(15, "birth-residence-bhyt",
                "Liên thông đăng ký khai sinh đăng ký thường trú - cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi",
                "Linked: birth registration, permanent residence registration and a health-insurance card for a"
                        + " child under 6",
                with(core(), NATIONALITY, ETHNICITY, PERMANENT_RESIDENCE, CURRENT_RESIDENCE, MARITAL_STATUS, SPOUSE,
                        HOUSEHOLD_HEAD, RELATIONSHIP_TO_HOUSEHOLD_HEAD, HEALTH_INSURANCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(16, "death-residence-funeral",
                "Liên thông đăng ký khai tử - Xóa đăng ký thường trú – Trợ cấp mai táng phí",
                "Linked: death registration, removal of the permanent residence and funeral allowance",
                with(core(), PERMANENT_RESIDENCE, HOUSEHOLD_HEAD, RELATIONSHIP_TO_HOUSEHOLD_HEAD, PHONE_NUMBER,
                        EMAIL)));
        list.add(Purpose.essentialService(17, "bhyt-renewal",
                "Tích hợp tính giảm trừ mức đóng trong gia hạn thẻ bảo hiểm y tế theo hộ gia đình",
                "Household health-insurance renewal with the contribution reductions applied",
                with(core(), HEALTH_INSURANCE, PERMANENT_RESIDENCE, HOUSEHOLD_HEAD, RELATIONSHIP_TO_HOUSEHOLD_HEAD,
                        PHONE_NUMBER)));
        list.add(Purpose.essentialService(18, "tax-registration",
                "Đăng ký thuế lần đầu, đăng ký thay đổi thông tin đăng ký thuế đối với người nộp thuế là hộ gia"
                        + " đình, cá nhân",
                "First tax registration, or a change of tax-registration details, for households and individuals",
                with(core(), NATIONALITY, PERMANENT_RESIDENCE, CURRENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(19, "land-change",
                "Đăng ký biến động về quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do thay đổi thông tin"
                        + " về người được cấp Giấy chứng nhận (đổi tên hoặc giấy tờ pháp nhân, giấy tờ nhân thân,"
                        + " địa chỉ)",
                "Registration of changes in land-use rights and ownership of attached assets when the certificate"
                        + " holder's details change (name, legal-entity or identity papers, address)",
                with(core(), NATIONALITY, OLD_ID_NUMBER, PERMANENT_RESIDENCE, MARITAL_STATUS, SPOUSE, PHONE_NUMBER,
                        EMAIL)));
        list.add(Purpose.essentialService(20, "driving-licence", "Cấp đổi, cấp lại giấy phép lái xe",
                "Exchange or reissue of a driving licence",
                with(core(), NATIONALITY, PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(21, "exam-registration",
                "Đăng ký dự thi tốt nghiệp THPT quốc gia và xét tuyển đại học, cao đẳng",
                "Registration for the national upper-secondary graduation exam and university or college"
                        + " admission",
                with(core(), ETHNICITY, PLACE_OF_BIRTH_REGISTRATION, PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(22, "criminal-record", "Cấp phiếu lý lịch tư pháp",
                "Criminal-record certificate",
                with(core(), NATIONALITY, ETHNICITY, PLACE_OF_BIRTH_REGISTRATION, PERMANENT_RESIDENCE,
                        CURRENT_RESIDENCE, FATHER, MOTHER, SPOUSE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(23, "unemployment-benefit", "Giải quyết hưởng trợ cấp thất nghiệp",
                "Unemployment benefit claim",
                with(core(), PERMANENT_RESIDENCE, CURRENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(24, "electricity-connection",
                "Cấp điện mới từ lưới điện hạ áp (220/380V) (Thí điểm cơ chế kết nối, chia sẻ dữ liệu trong dịch vụ"
                        + " cung cấp điện)",
                "New connection to the low-voltage grid (220/380 V) (pilot of data sharing in electricity supply)",
                List.of(PERSONAL_NUMBER, NAME, ADDRESS, PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.essentialService(25, "electricity-contract-change",
                "Thay đổi chủ thẻ hợp đồng mua bán điện (Thí điểm cơ chế kết nối, chia sẻ dữ liệu trong dịch vụ cung"
                        + " cấp điện)",
                "Change of the holder of an electricity contract (pilot of data sharing in electricity supply)",
                List.of(PERSONAL_NUMBER, NAME, ADDRESS, PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        Purpose.Kind other = Purpose.Kind.OTHER_SERVICE;
        list.add(Purpose.of("bank-ekyc", "Mở tài khoản thanh toán trực tuyến (định danh khách hàng điện tử eKYC)",
                "Online bank-account opening (electronic KYC)", other,
                with(core(), NATIONALITY, ADDRESS, PERMANENT_RESIDENCE, CURRENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("ewallet-link", "Mở và liên kết ví điện tử", "E-wallet opening and linking", other,
                with(core(), NATIONALITY, ADDRESS, PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("bhyt-checkin", "Khám chữa bệnh bảo hiểm y tế (đón tiếp người bệnh)",
                "Health-insurance check-in at a medical facility", other,
                with(core(), HEALTH_INSURANCE, ADDRESS, PHONE_NUMBER)));
        Builder b = builder();
        list.forEach(b::add);
        return b.build();
    }

    private static EnumSet<CitizenField> core() {
        return EnumSet.of(PERSONAL_NUMBER, NAME, BIRTHDATE, GENDER);
    }

    private static Collection<CitizenField> with(EnumSet<CitizenField> base, CitizenField... more) {
        Collections.addAll(base, more);
        return base;
    }
}
