package io.github.eidvn.core.identity;

import io.github.eidvn.core.result.Bilingual;
import io.github.eidvn.core.result.HasBilingualText;

import java.util.Optional;

/**
 * The benefit level (mã mức hưởng), the third character of the 15-character health-insurance card code (on the
 * cards printed since 2021, whose number is the 10-digit social-insurance number, the level is printed on its own),
 * and its base rate: the share of covered costs the fund pays in the usual case.
 *
 * <p>The base rate is not always what a visit pays: Luật Bảo hiểm y tế (Điều 22) pays 100 % in the cases it lists
 * whatever the level, e.g. a visit costing less than 15 % of the statutory base salary, care at a commune health
 * station, or a patient with five consecutive years of cover whose co-payments in the year exceed six months of the
 * base salary. eid does not decide those cases; it reports the base rate.
 */
public enum BenefitLevel implements HasBilingualText {
    /** Level 1: 100 %, without a cap on listed drugs, chemicals, medical supplies and technical services. */
    LEVEL_1(1, 100,
            "Mức hưởng cơ bản 100% chi phí khám chữa bệnh, không giới hạn tỷ lệ thanh toán thuốc, hóa chất, vật tư y tế, dịch vụ kỹ thuật",
            "Base rate 100% of covered costs, without a cap on listed drugs, chemicals, medical supplies and technical services"),
    /** Level 2: 100 %, with the usual caps on some listed items. */
    LEVEL_2(2, 100,
            "Mức hưởng cơ bản 100% chi phí khám chữa bệnh, có giới hạn tỷ lệ thanh toán một số thuốc, vật tư y tế, dịch vụ kỹ thuật",
            "Base rate 100% of covered costs, with caps on some listed drugs, supplies and technical services"),
    /** Level 3: 95 %. */
    LEVEL_3(3, 95,
            "Mức hưởng cơ bản 95% chi phí khám chữa bệnh, có giới hạn tỷ lệ thanh toán một số thuốc, vật tư y tế, dịch vụ kỹ thuật",
            "Base rate 95% of covered costs, with caps on some listed drugs, supplies and technical services"),
    /** Level 4: 80 %. */
    LEVEL_4(4, 80,
            "Mức hưởng cơ bản 80% chi phí khám chữa bệnh, có giới hạn tỷ lệ thanh toán một số thuốc, vật tư y tế, dịch vụ kỹ thuật",
            "Base rate 80% of covered costs, with caps on some listed drugs, supplies and technical services"),
    /** Level 5: 100 %. */
    LEVEL_5(5, 100,
            "Mức hưởng cơ bản 100% chi phí khám chữa bệnh, kể cả chi phí ngoài phạm vi được hưởng bảo hiểm y tế",
            "Base rate 100% of costs, including costs outside the scope normally covered by health insurance");

    private final int code;
    private final int coveragePercent;
    private final Bilingual text;

    BenefitLevel(int code, int coveragePercent, String descriptionVi, String descriptionEn) {
        this.code = code;
        this.coveragePercent = coveragePercent;
        this.text = new Bilingual(descriptionVi, descriptionEn);
    }

    /** @return the digit on the card, 1..5 */
    public int code() {
        return code;
    }

    /**
     * The base rate (mức hưởng cơ bản) of the level: the share of covered costs the fund pays in the usual case.
     * The law pays 100 % in the cases it lists whatever the level (see the class comment).
     *
     * @return the base rate in percent: 100, 100, 95, 80 or 100
     */
    public int coveragePercent() {
        return coveragePercent;
    }

    /** @return what the level pays, in Vietnamese and English */
    @Override
    public Bilingual text() {
        return text;
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
