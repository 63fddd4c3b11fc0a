package io.github.eidvn.cli;

import io.github.eidvn.chip.Mrz;
import io.github.eidvn.chip.MrzResult;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code eid mrz}: the machine-readable zone of the ID card (ICAO 9303 TD1) and of passports (TD3).
 */
@Command(name = "mrz",
        description = {
            "Vùng đọc máy (MRZ) của thẻ căn cước (ICAO 9303 TD1).",
            "Machine-readable zone of the ID card (ICAO 9303 TD1)."
        },
        subcommands = {MrzCommand.Parse.class})
public final class MrzCommand extends GroupCommand {

    /**
     * {@code eid mrz parse [LINE LINE LINE | -]}: prints one JSON object with the fields, each check digit and the BAC
     * key seed; exit 0 valid, 1 invalid, 2 usage error.
     */
    @Command(name = "parse",
            description = {
                "Kiểm tra và phân tích MRZ (3 dòng làm tham số, hoặc đọc từ stdin khi không có hoặc là '-').",
                "Checks and decodes an MRZ (three lines as arguments, or read from stdin when absent or '-').",
                "Exit: 0 hợp lệ/valid, 1 không hợp lệ/invalid, 2 sai cú pháp/usage error."
            })
    public static final class Parse extends CliCommand {

        @Parameters(arity = "0..3", paramLabel = "LINE", description = "các dòng MRZ / the MRZ lines")
        List<String> lines;

        @Override
        public Integer call() {
            String text;
            if (lines == null || lines.isEmpty() || lines.size() == 1 && "-".equals(lines.get(0))) {
                try {
                    text = CliFiles.argumentOrStdin("-");
                } catch (IOException e) {
                    throw CliFiles.usage(spec, "không đọc được stdin", "cannot read stdin: " + e.getMessage());
                }
            } else {
                text = String.join("\n", lines);
            }
            MrzResult result = Mrz.parse(text);
            ObjectNode json = Json.object();
            json.put("valid", result.isValid());
            Mrz mrz = null;
            if (result instanceof MrzResult.Valid valid) {
                mrz = valid.mrz();
            } else {
                MrzResult.Invalid invalid = (MrzResult.Invalid) result;
                json.put("reason", invalid.reason().name());
                json.put("detail", invalid.detail());
                mrz = invalid.fields().orElse(null);
            }
            if (mrz != null) {
                json.set("mrz", fields(mrz));
                if (result.isValid()) {
                    json.put("bacKeySeed", HexFormat.of().withUpperCase().formatHex(mrz.bacKeys().seed()));
                }
            }
            return result instanceof MrzResult.Invalid invalid
                    ? CliOutput.json(spec, json, invalid.reason().bothLanguages(), 1)
                    : CliOutput.json(spec, json, "MRZ hợp lệ. / Valid MRZ.", 0);
        }
    }

    /** The fields of a zone as JSON (shared with {@code eid chip verify}). */
    static ObjectNode fields(Mrz mrz) {
        ObjectNode o = Json.object();
        o.put("format", mrz.format().name());
        o.put("documentCode", mrz.documentCode());
        o.put("issuingState", mrz.issuingState());
        o.put("documentNumber", mrz.documentNumber());
        mrz.personalNumber().ifPresent(n -> o.put("personalNumber", n));
        o.put("primaryIdentifier", mrz.primaryIdentifier());
        o.put("secondaryIdentifier", mrz.secondaryIdentifier());
        o.put("birthDate", mrz.birthDate().map(Object::toString).orElse(mrz.birthDateText()));
        o.put("sex", String.valueOf(mrz.sexCode()));
        o.put("expiryDate", mrz.expiryDate().map(Object::toString).orElse(mrz.expiryDateText()));
        o.put("nationality", mrz.nationality());
        o.put("optionalData1", mrz.optionalData1());
        o.put("optionalData2", mrz.optionalData2());
        mrz.can().ifPresent(c -> o.put("can", c));
        ObjectNode checks = o.putObject("checks");
        for (Map.Entry<Mrz.Check, Boolean> c : mrz.checks().entrySet()) {
            checks.put(c.getKey().name(), c.getValue());
        }
        return o;
    }
}
