package io.github.eidvn.cli;

import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.identity.PersonalNumber.ParseOptions;
import io.github.eidvn.core.identity.PersonalNumber.ParseResult;
import io.github.eidvn.core.identity.Sex;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eid id}: the personal identification number (số định danh cá nhân).
 */
@Command(name = "id",
        description = {
            "Số định danh cá nhân (12 chữ số).",
            "Personal identification number (12 digits)."
        },
        subcommands = {IdCommand.Parse.class})
public final class IdCommand extends GroupCommand {

    /**
     * {@code eid id parse NUMBER [--birthdate yyyy-MM-dd] [--sex male|female]}: prints one JSON object; exit code 0 when
     * valid, 1 when invalid, 2 on a usage error.
     */
    @Command(name = "parse",
            description = {
                "Kiểm tra và phân tích số định danh cá nhân; in một đối tượng JSON ra stdout.",
                "Checks and decodes a personal identification number; prints one JSON object on stdout.",
                "Exit: 0 hợp lệ/valid, 1 không hợp lệ/invalid, 2 sai cú pháp/usage error."
            })
    public static final class Parse extends CliCommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "12 chữ số / 12 digits, e.g. 079303012345")
        String number;

        @Option(names = "--birthdate", paramLabel = "yyyy-MM-dd", converter = Converters.IsoDate.class,
                description = "Ngày sinh phải khớp với năm sinh trong số / birth date the number must agree with")
        LocalDate birthDate;

        @Option(names = "--sex", paramLabel = "male|female", converter = Converters.SexValue.class,
                description = "Giới tính phải khớp với số / sex the number must agree with")
        Sex sex;

        @Option(names = "--allow-codes-outside-province-table",
                description = "Chấp nhận mã tỉnh ngoài danh mục (ví dụ khai sinh ở nước ngoài); province.name = null. "
                        + "/ Accept province codes outside the table (e.g. births registered abroad); province.name = null.")
        boolean allowOutsideTable;

        @Override
        public Integer call() {
            ParseOptions.Builder options = ParseOptions.builder();
            if (birthDate != null) {
                options.expectedBirthDate(birthDate);
            }
            if (sex != null) {
                options.expectedSex(sex);
            }
            if (allowOutsideTable) {
                options.allowCodesOutsideProvinceTable();
            }
            ParseResult result = PersonalNumber.parse(number, options.build());
            ObjectNode json = Json.object();
            if (result instanceof ParseResult.Valid) {
                PersonalNumber n = ((ParseResult.Valid) result).number();
                json.put("valid", true);
                json.put("number", n.value());
                ObjectNode province = json.putObject("province");
                province.put("code", n.provinceCode());
                if (n.province().isPresent()) {
                    province.put("name", n.province().get().vietnameseName());
                } else {
                    province.putNull("name");
                }
                json.put("sex", n.sex().oidcValue());
                json.put("birthYear", n.birthYear());
                return CliOutput.json(spec, json,
                        "Số định danh cá nhân hợp lệ. / Valid personal identification number.", 0);
            }
            ParseResult.Invalid invalid = (ParseResult.Invalid) result;
            return CliOutput.invalid(spec, invalid.reason().name(), invalid.detail(), invalid.reason().vietnamese(),
                    invalid.reason().english());
        }
    }
}
