package io.github.eidvn.cli;

import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.core.identity.HealthInsuranceNumber;
import io.github.eidvn.core.identity.HealthInsuranceNumber.ParseResult;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code eid bhyt}: the health-insurance (bảo hiểm y tế) number.
 */
@Command(name = "bhyt",
        description = {
            "Mã thẻ bảo hiểm y tế (15 ký tự) hoặc mã số bảo hiểm xã hội (10 chữ số).",
            "Health-insurance card code (15 characters) or social-insurance number (10 digits)."
        },
        subcommands = {BhytCommand.Parse.class})
public final class BhytCommand extends GroupCommand {

    /**
     * {@code eid bhyt parse NUMBER}: prints one JSON object; exit code 0 when valid, 1 when invalid, 2 on a usage error.
     * For the 10-digit form, {@code group}, {@code benefitLevel}, {@code baseCoveragePercent} and {@code province} are
     * null. {@code baseCoveragePercent} is the benefit level's base rate (the law pays 100 % in the cases it lists,
     * whatever the level); {@code coveragePercent} repeats it under its former name, deprecated, for one release.
     */
    @Command(name = "parse",
            description = {
                "Kiểm tra và phân tích mã bảo hiểm y tế; in một đối tượng JSON ra stdout.",
                "Checks and decodes a health-insurance number; prints one JSON object on stdout.",
                "Exit: 0 hợp lệ/valid, 1 không hợp lệ/invalid, 2 sai cú pháp/usage error."
            })
    public static final class Parse extends CliCommand {

        @Parameters(index = "0", paramLabel = "NUMBER",
                description = "Ví dụ / e.g. DN4797912345678 hoặc/or 7912345678")
        String number;

        @Override
        public Integer call() {
            ParseResult result = HealthInsuranceNumber.parse(number);
            ObjectNode json = Json.object();
            if (result instanceof ParseResult.Valid) {
                HealthInsuranceNumber n = ((ParseResult.Valid) result).number();
                json.put("valid", true);
                json.put("number", n.value());
                json.put("form", n.form().name().toLowerCase(Locale.ROOT));
                json.put("group", n.beneficiaryGroup().orElse(null));
                if (n.benefitLevel().isPresent()) {
                    BenefitLevel level = n.benefitLevel().get();
                    json.put("benefitLevel", level.code());
                    json.put("baseCoveragePercent", level.coveragePercent());
                    json.put("coveragePercent", level.coveragePercent()); // deprecated name, one release
                } else {
                    json.putNull("benefitLevel");
                    json.putNull("baseCoveragePercent");
                    json.putNull("coveragePercent");
                }
                if (n.provinceCode().isPresent()) {
                    ObjectNode province = json.putObject("province");
                    province.put("code", n.provinceCode().get());
                    province.put("name", n.province().map(p -> p.vietnameseName()).orElse(null));
                } else {
                    json.putNull("province");
                }
                json.put("socialInsuranceNumber", n.socialInsuranceNumber());
                return CliOutput.json(spec, json, n.benefitLevel()
                        .map(l -> "Mức hưởng " + l.code() + ": " + l.vietnamese() + " / Benefit level " + l.code()
                                + ": " + l.english())
                        .orElse("Mã số bảo hiểm xã hội hợp lệ. / Valid social-insurance number."), 0);
            }
            ParseResult.Invalid invalid = (ParseResult.Invalid) result;
            return CliOutput.invalid(spec, invalid.reason().name(), invalid.detail(), invalid.reason().vietnamese(),
                    invalid.reason().english());
        }
    }
}
