package io.github.eidvn.core.identity;

import java.util.List;
import java.util.Optional;

/**
 * The 63 province codes of the personal identification number (Thông tư 07/2016/TT-BCA, Phụ lục I; kept by
 * Thông tư 59/2021/TT-BCA), with their Vietnamese names.
 *
 * <p>The first three digits of a {@link PersonalNumber} name the province or centrally-run city where the birth was
 * registered, as the provinces were when the number was issued. The 2025 reorganisation of provinces (63 to 34) does
 * not change anyone's number and does not re-assign these codes: a code keeps meaning the place of birth registration
 * at that time, so this table is deliberately the pre-2025 one and must not be "updated" to the merged provinces.
 *
 * <p>The list has gaps (there is no 003, 005, 039, ...): validate against this table, never against a numeric range.
 * The same administrative codes without the leading zero are the two-digit province codes of the health-insurance
 * card ({@link #bhytCode()}), e.g. {@code 079} / {@code 79} for Hồ Chí Minh.
 *
 * <p>The table is data in code on purpose: the product needs it at run time and cannot lose it like a resource file.
 */
public enum Province {
    /** 001 Hà Nội. */
    HA_NOI("001", "Hà Nội"),
    /** 002 Hà Giang. */
    HA_GIANG("002", "Hà Giang"),
    /** 004 Cao Bằng. */
    CAO_BANG("004", "Cao Bằng"),
    /** 006 Bắc Kạn. */
    BAC_KAN("006", "Bắc Kạn"),
    /** 008 Tuyên Quang. */
    TUYEN_QUANG("008", "Tuyên Quang"),
    /** 010 Lào Cai. */
    LAO_CAI("010", "Lào Cai"),
    /** 011 Điện Biên. */
    DIEN_BIEN("011", "Điện Biên"),
    /** 012 Lai Châu. */
    LAI_CHAU("012", "Lai Châu"),
    /** 014 Sơn La. */
    SON_LA("014", "Sơn La"),
    /** 015 Yên Bái. */
    YEN_BAI("015", "Yên Bái"),
    /** 017 Hòa Bình. */
    HOA_BINH("017", "Hòa Bình"),
    /** 019 Thái Nguyên. */
    THAI_NGUYEN("019", "Thái Nguyên"),
    /** 020 Lạng Sơn. */
    LANG_SON("020", "Lạng Sơn"),
    /** 022 Quảng Ninh. */
    QUANG_NINH("022", "Quảng Ninh"),
    /** 024 Bắc Giang. */
    BAC_GIANG("024", "Bắc Giang"),
    /** 025 Phú Thọ. */
    PHU_THO("025", "Phú Thọ"),
    /** 026 Vĩnh Phúc. */
    VINH_PHUC("026", "Vĩnh Phúc"),
    /** 027 Bắc Ninh. */
    BAC_NINH("027", "Bắc Ninh"),
    /** 030 Hải Dương. */
    HAI_DUONG("030", "Hải Dương"),
    /** 031 Hải Phòng. */
    HAI_PHONG("031", "Hải Phòng"),
    /** 033 Hưng Yên. */
    HUNG_YEN("033", "Hưng Yên"),
    /** 034 Thái Bình. */
    THAI_BINH("034", "Thái Bình"),
    /** 035 Hà Nam. */
    HA_NAM("035", "Hà Nam"),
    /** 036 Nam Định. */
    NAM_DINH("036", "Nam Định"),
    /** 037 Ninh Bình. */
    NINH_BINH("037", "Ninh Bình"),
    /** 038 Thanh Hóa. */
    THANH_HOA("038", "Thanh Hóa"),
    /** 040 Nghệ An. */
    NGHE_AN("040", "Nghệ An"),
    /** 042 Hà Tĩnh. */
    HA_TINH("042", "Hà Tĩnh"),
    /** 044 Quảng Bình. */
    QUANG_BINH("044", "Quảng Bình"),
    /** 045 Quảng Trị. */
    QUANG_TRI("045", "Quảng Trị"),
    /** 046 Thừa Thiên Huế. */
    THUA_THIEN_HUE("046", "Thừa Thiên Huế"),
    /** 048 Đà Nẵng. */
    DA_NANG("048", "Đà Nẵng"),
    /** 049 Quảng Nam. */
    QUANG_NAM("049", "Quảng Nam"),
    /** 051 Quảng Ngãi. */
    QUANG_NGAI("051", "Quảng Ngãi"),
    /** 052 Bình Định. */
    BINH_DINH("052", "Bình Định"),
    /** 054 Phú Yên. */
    PHU_YEN("054", "Phú Yên"),
    /** 056 Khánh Hòa. */
    KHANH_HOA("056", "Khánh Hòa"),
    /** 058 Ninh Thuận. */
    NINH_THUAN("058", "Ninh Thuận"),
    /** 060 Bình Thuận. */
    BINH_THUAN("060", "Bình Thuận"),
    /** 062 Kon Tum. */
    KON_TUM("062", "Kon Tum"),
    /** 064 Gia Lai. */
    GIA_LAI("064", "Gia Lai"),
    /** 066 Đắk Lắk. */
    DAK_LAK("066", "Đắk Lắk"),
    /** 067 Đắk Nông. */
    DAK_NONG("067", "Đắk Nông"),
    /** 068 Lâm Đồng. */
    LAM_DONG("068", "Lâm Đồng"),
    /** 070 Bình Phước. */
    BINH_PHUOC("070", "Bình Phước"),
    /** 072 Tây Ninh. */
    TAY_NINH("072", "Tây Ninh"),
    /** 074 Bình Dương. */
    BINH_DUONG("074", "Bình Dương"),
    /** 075 Đồng Nai. */
    DONG_NAI("075", "Đồng Nai"),
    /** 077 Bà Rịa - Vũng Tàu. */
    BA_RIA_VUNG_TAU("077", "Bà Rịa - Vũng Tàu"),
    /** 079 Hồ Chí Minh. */
    HO_CHI_MINH("079", "Hồ Chí Minh"),
    /** 080 Long An. */
    LONG_AN("080", "Long An"),
    /** 082 Tiền Giang. */
    TIEN_GIANG("082", "Tiền Giang"),
    /** 083 Bến Tre. */
    BEN_TRE("083", "Bến Tre"),
    /** 084 Trà Vinh. */
    TRA_VINH("084", "Trà Vinh"),
    /** 086 Vĩnh Long. */
    VINH_LONG("086", "Vĩnh Long"),
    /** 087 Đồng Tháp. */
    DONG_THAP("087", "Đồng Tháp"),
    /** 089 An Giang. */
    AN_GIANG("089", "An Giang"),
    /** 091 Kiên Giang. */
    KIEN_GIANG("091", "Kiên Giang"),
    /** 092 Cần Thơ. */
    CAN_THO("092", "Cần Thơ"),
    /** 093 Hậu Giang. */
    HAU_GIANG("093", "Hậu Giang"),
    /** 094 Sóc Trăng. */
    SOC_TRANG("094", "Sóc Trăng"),
    /** 095 Bạc Liêu. */
    BAC_LIEU("095", "Bạc Liêu"),
    /** 096 Cà Mau. */
    CA_MAU("096", "Cà Mau");

    private final String code;
    private final String vietnameseName;

    Province(String code, String vietnameseName) {
        this.code = code;
        this.vietnameseName = vietnameseName;
    }

    /**
     * The three-digit code used in the personal identification number.
     *
     * @return e.g. {@code "079"}
     */
    public String code() {
        return code;
    }

    /**
     * The two-digit code used on health-insurance (BHYT) cards: the last two digits of {@link #code()}.
     *
     * @return e.g. {@code "79"}
     */
    public String bhytCode() {
        return code.substring(1);
    }

    /**
     * The Vietnamese name (Unicode NFC) as written in Thông tư 07/2016 Phụ lục I, without "Tỉnh"/"Thành phố".
     *
     * @return e.g. {@code "Hồ Chí Minh"}
     */
    public String vietnameseName() {
        return vietnameseName;
    }

    /**
     * The province with a three-digit personal-number code.
     *
     * @param code three ASCII digits, may be null
     * @return the province, or empty when the code is not in the table (or null, or malformed)
     */
    public static Optional<Province> ofCode(String code) {
        if (code == null || code.length() != 3) {
            return Optional.empty();
        }
        for (Province p : values()) {
            if (p.code.equals(code)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The province with a two-digit health-insurance (BHYT) province code.
     *
     * @param bhytCode two ASCII digits, may be null
     * @return the province, or empty when {@code "0" + bhytCode} is not in the table (or null, or malformed)
     */
    public static Optional<Province> ofBhytCode(String bhytCode) {
        if (bhytCode == null || bhytCode.length() != 2) {
            return Optional.empty();
        }
        return ofCode("0" + bhytCode);
    }

    /**
     * All 63 provinces in code order.
     *
     * @return an unmodifiable list
     */
    public static List<Province> all() {
        return List.of(values());
    }

    /**
     * Whether a code is in the table.
     *
     * @param code the three-digit code, may be null
     * @return true for one of the 63 codes
     */
    public static boolean isKnownCode(String code) {
        return ofCode(code).isPresent();
    }
}
