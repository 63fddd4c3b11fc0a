package io.github.eidvn.core.identity;

import java.util.Optional;

/**
 * The benefit level (mã mức hưởng), the third character of the 15-character health-insurance card code, and the share
 * of covered costs it pays.
 */
public enum BenefitLevel {
    /** Level 1: 100 %, without a cap on listed drugs, chemicals, medical supplies and technical services. */
    LEVEL_1(1, 100,
            "100% chi phí khám chữa bệnh, không giới hạn tỷ lệ thanh toán thuốc, hóa chất, vật tư y tế, dịch vụ kỹ thuật",
            "100% of covered costs, without a cap on listed drugs, chemicals, medical supplies and technical services"),
    /** Level 2: 100 %, with the usual caps on some listed items. */
    LEVEL_2(2, 100,
            "100% chi phí khám chữa bệnh, có giới hạn tỷ lệ thanh toán một số thuốc, vật tư y tế, dịch vụ kỹ thuật",
            "100% of covered costs, with caps on some listed drugs, supplies and technical services"),
    /** Level 3: 95 %. */
    LEVEL_3(3, 95,
            "95% chi phí khám chữa bệnh, có giới hạn tỷ lệ thanh toán một số thuốc, vật tư y tế, dịch vụ kỹ thuật",
            "95% of covered costs, with caps on some listed drugs, supplies and technical services"),
    /** Level 4: 80 %. */
    LEVEL_4(4, 80,
            "80% chi phí khám chữa bệnh, có giới hạn tỷ lệ thanh toán một số thuốc, vật tư y tế, dịch vụ kỹ thuật",
            "80% of covered costs, with caps on some listed drugs, supplies and technical services"),
    /** Level 5: 100 %. */
    LEVEL_5(5, 100,
            "100% chi phí khám chữa bệnh, kể cả chi phí ngoài phạm vi được hưởng bảo hiểm y tế",
            "100% of costs, including costs outside the scope normally covered by health insurance");

    private final int code;
    private final int coveragePercent;
    private final String descriptionVi;
    private final String descriptionEn;

    BenefitLevel(int code, int coveragePercent, String descriptionVi, String descriptionEn) {
        this.code = code;
        this.coveragePercent = coveragePercent;
        this.descriptionVi = descriptionVi;
        this.descriptionEn = descriptionEn;
    }

    /** @return the digit on the card, 1..5 */
    public int code() {
        return code;
    }

    /** @return the share of covered costs paid by the fund: 100, 100, 95, 80 or 100 */
    public int coveragePercent() {
        return coveragePercent;
    }

    /** @return what the level pays, in Vietnamese */
    public String descriptionVi() {
        return descriptionVi;
    }

    /** @return what the level pays, in English */
    public String descriptionEn() {
        return descriptionEn;
    }

    /**
     * The level with a given digit.
     *
     * @param code 1..5
     * @return the level, or empty for any other value
     */
    public static Optional<BenefitLevel> ofCode(int code) {
        for (BenefitLevel l : values()) {
            if (l.code == code) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
