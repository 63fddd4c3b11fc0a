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
 * <table>
 *   <caption>Standard purposes</caption>
 *   <tr><th>code</th><th>service</th></tr>
 *   <tr><td>{@code cmnd-confirmation}</td><td>Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công
 *       dân</td></tr>
 *   <tr><td>{@code id-card-exchange}</td><td>Cấp đổi thẻ Căn cước công dân</td></tr>
 *   <tr><td>{@code id-card-reissue}</td><td>Cấp lại thẻ Căn cước công dân</td></tr>
 *   <tr><td>{@code permanent-residence}</td><td>Đăng ký thường trú</td></tr>
 *   <tr><td>{@code temporary-residence}</td><td>Đăng ký tạm trú</td></tr>
 *   <tr><td>{@code absence-declaration}</td><td>Khai báo tạm vắng</td></tr>
 *   <tr><td>{@code stay-notification}</td><td>Thông báo lưu trú</td></tr>
 *   <tr><td>{@code motorbike-registration}</td><td>Đăng ký, cấp biển số xe mô tô, xe gắn máy</td></tr>
 *   <tr><td>{@code traffic-fine}</td><td>Nộp phạt vi phạm hành chính về giao thông đường bộ</td></tr>
 *   <tr><td>{@code birth-registration}</td><td>Đăng ký khai sinh</td></tr>
 *   <tr><td>{@code death-registration}</td><td>Đăng ký khai tử</td></tr>
 *   <tr><td>{@code marriage-registration}</td><td>Đăng ký kết hôn</td></tr>
 *   <tr><td>{@code passport}</td><td>Cấp hộ chiếu phổ thông</td></tr>
 *   <tr><td>{@code seal-registration}</td><td>Đăng ký mẫu con dấu</td></tr>
 *   <tr><td>{@code birth-residence-bhyt}</td><td>Liên thông: đăng ký khai sinh – đăng ký thường trú – cấp thẻ
 *       bảo hiểm y tế cho trẻ em dưới 6 tuổi</td></tr>
 *   <tr><td>{@code death-residence-funeral}</td><td>Liên thông: đăng ký khai tử – xóa đăng ký thường trú – hưởng
 *       mai táng phí, trợ cấp mai táng</td></tr>
 *   <tr><td>{@code bhyt-renewal}</td><td>Gia hạn thẻ bảo hiểm y tế theo hộ gia đình</td></tr>
 *   <tr><td>{@code tax-registration}</td><td>Đăng ký thuế</td></tr>
 *   <tr><td>{@code land-change}</td><td>Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với
 *       đất</td></tr>
 *   <tr><td>{@code driving-licence}</td><td>Cấp đổi giấy phép lái xe</td></tr>
 *   <tr><td>{@code exam-registration}</td><td>Đăng ký dự thi tốt nghiệp THPT và xét tuyển đại học, cao
 *       đẳng</td></tr>
 *   <tr><td>{@code criminal-record}</td><td>Cấp phiếu lý lịch tư pháp</td></tr>
 *   <tr><td>{@code unemployment-benefit}</td><td>Giải quyết hưởng trợ cấp thất nghiệp</td></tr>
 *   <tr><td>{@code electricity-connection}</td><td>Cấp điện mới từ lưới điện hạ áp</td></tr>
 *   <tr><td>{@code electricity-contract-change}</td><td>Thay đổi chủ thể hợp đồng mua bán điện</td></tr>
 *   <tr><td>{@code bank-ekyc}</td><td>Mở tài khoản ngân hàng trực tuyến (eKYC)</td></tr>
 *   <tr><td>{@code ewallet-link}</td><td>Mở và liên kết ví điện tử</td></tr>
 *   <tr><td>{@code bhyt-checkin}</td><td>Khám chữa bệnh bảo hiểm y tế (đón tiếp tại cơ sở y tế)</td></tr>
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
        Purpose.Kind dvc = Purpose.Kind.ESSENTIAL_PUBLIC_SERVICE;
        list.add(Purpose.of("cmnd-confirmation",
                "Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân",
                "Confirmation of the old ID-card (CMND) number", dvc,
                with(core(), HOMETOWN, PERMANENT_RESIDENCE)));
        list.add(Purpose.of("id-card-exchange", "Cấp đổi thẻ Căn cước công dân", "Exchange of the citizen ID card",
                dvc, with(core(), NATIONALITY, ETHNICITY, RELIGION, HOMETOWN, PLACE_OF_BIRTH_REGISTRATION,
                        PERMANENT_RESIDENCE, CURRENT_RESIDENCE, FATHER, MOTHER, SPOUSE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("id-card-reissue", "Cấp lại thẻ Căn cước công dân", "Reissue of a lost citizen ID card",
                dvc, with(core(), NATIONALITY, ETHNICITY, RELIGION, HOMETOWN, PLACE_OF_BIRTH_REGISTRATION,
                        PERMANENT_RESIDENCE, CURRENT_RESIDENCE, FATHER, MOTHER, SPOUSE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("permanent-residence", "Đăng ký thường trú", "Permanent residence registration", dvc,
                with(core(), NATIONALITY, ETHNICITY, RELIGION, HOMETOWN, PLACE_OF_BIRTH_REGISTRATION,
                        PERMANENT_RESIDENCE, TEMPORARY_RESIDENCE, CURRENT_RESIDENCE, MARITAL_STATUS, FATHER, MOTHER,
                        SPOUSE, HOUSEHOLD_HEAD, RELATIONSHIP_TO_HOUSEHOLD_HEAD)));
        list.add(Purpose.of("temporary-residence", "Đăng ký tạm trú", "Temporary residence registration", dvc,
                with(core(), NATIONALITY, ETHNICITY, RELIGION, HOMETOWN, PERMANENT_RESIDENCE, TEMPORARY_RESIDENCE,
                        CURRENT_RESIDENCE, HOUSEHOLD_HEAD, RELATIONSHIP_TO_HOUSEHOLD_HEAD, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("absence-declaration", "Khai báo tạm vắng", "Declaration of temporary absence", dvc,
                with(core(), PERMANENT_RESIDENCE, CURRENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("stay-notification", "Thông báo lưu trú", "Notification of stay", dvc,
                with(core(), NATIONALITY, PERMANENT_RESIDENCE, PHONE_NUMBER)));
        list.add(Purpose.of("motorbike-registration", "Đăng ký, cấp biển số xe mô tô, xe gắn máy",
                "Motorbike registration and number plate", dvc,
                with(core(), PERMANENT_RESIDENCE, ADDRESS, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("traffic-fine", "Nộp phạt vi phạm hành chính về giao thông đường bộ",
                "Payment of road-traffic fines", dvc,
                List.of(PERSONAL_NUMBER, NAME, ADDRESS, PHONE_NUMBER)));
        list.add(Purpose.of("birth-registration", "Đăng ký khai sinh", "Birth registration", dvc,
                with(core(), NATIONALITY, ETHNICITY, PERMANENT_RESIDENCE, CURRENT_RESIDENCE, MARITAL_STATUS, SPOUSE,
                        PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("death-registration", "Đăng ký khai tử", "Death registration", dvc,
                with(core(), PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("marriage-registration", "Đăng ký kết hôn", "Marriage registration", dvc,
                with(core(), NATIONALITY, ETHNICITY, PERMANENT_RESIDENCE, CURRENT_RESIDENCE, MARITAL_STATUS,
                        PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("passport", "Cấp hộ chiếu phổ thông", "Ordinary passport issuance", dvc,
                with(core(), NATIONALITY, ETHNICITY, RELIGION, PLACE_OF_BIRTH_REGISTRATION, PERMANENT_RESIDENCE,
                        CURRENT_RESIDENCE, FATHER, MOTHER, SPOUSE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("seal-registration", "Đăng ký mẫu con dấu", "Registration of an official seal specimen",
                dvc, List.of(PERSONAL_NUMBER, NAME, BIRTHDATE, PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("birth-residence-bhyt",
                "Liên thông: đăng ký khai sinh – đăng ký thường trú – cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
                "Linked: birth registration – permanent residence – health-insurance card for a child under 6", dvc,
                with(core(), NATIONALITY, ETHNICITY, PERMANENT_RESIDENCE, CURRENT_RESIDENCE, MARITAL_STATUS, SPOUSE,
                        HOUSEHOLD_HEAD, RELATIONSHIP_TO_HOUSEHOLD_HEAD, HEALTH_INSURANCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("death-residence-funeral",
                "Liên thông: đăng ký khai tử – xóa đăng ký thường trú – hưởng mai táng phí, trợ cấp mai táng",
                "Linked: death registration – removal of permanent residence – funeral allowance", dvc,
                with(core(), PERMANENT_RESIDENCE, HOUSEHOLD_HEAD, RELATIONSHIP_TO_HOUSEHOLD_HEAD, PHONE_NUMBER,
                        EMAIL)));
        list.add(Purpose.of("bhyt-renewal", "Gia hạn thẻ bảo hiểm y tế theo hộ gia đình",
                "Household health-insurance renewal", dvc,
                with(core(), HEALTH_INSURANCE, PERMANENT_RESIDENCE, HOUSEHOLD_HEAD, RELATIONSHIP_TO_HOUSEHOLD_HEAD,
                        PHONE_NUMBER)));
        list.add(Purpose.of("tax-registration", "Đăng ký thuế", "Tax registration", dvc,
                with(core(), NATIONALITY, PERMANENT_RESIDENCE, CURRENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("land-change",
                "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
                "Registration of changes in land-use rights", dvc,
                with(core(), NATIONALITY, PERMANENT_RESIDENCE, MARITAL_STATUS, SPOUSE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("driving-licence", "Cấp đổi giấy phép lái xe", "Driving-licence exchange", dvc,
                with(core(), NATIONALITY, PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("exam-registration",
                "Đăng ký dự thi tốt nghiệp trung học phổ thông và xét tuyển đại học, cao đẳng",
                "Registration for the upper-secondary graduation exam and university admission", dvc,
                with(core(), ETHNICITY, PLACE_OF_BIRTH_REGISTRATION, PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("criminal-record", "Cấp phiếu lý lịch tư pháp", "Criminal-record certificate", dvc,
                with(core(), NATIONALITY, ETHNICITY, PLACE_OF_BIRTH_REGISTRATION, PERMANENT_RESIDENCE,
                        CURRENT_RESIDENCE, FATHER, MOTHER, SPOUSE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("unemployment-benefit", "Giải quyết hưởng trợ cấp thất nghiệp", "Unemployment benefit",
                dvc, with(core(), PERMANENT_RESIDENCE, CURRENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("electricity-connection", "Cấp điện mới từ lưới điện hạ áp",
                "New low-voltage electricity connection", dvc,
                List.of(PERSONAL_NUMBER, NAME, ADDRESS, PERMANENT_RESIDENCE, PHONE_NUMBER, EMAIL)));
        list.add(Purpose.of("electricity-contract-change", "Thay đổi chủ thể hợp đồng mua bán điện",
                "Change of the holder of an electricity contract", dvc,
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
