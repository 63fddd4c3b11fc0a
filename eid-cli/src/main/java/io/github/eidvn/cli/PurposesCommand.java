package io.github.eidvn.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.Purpose;
import io.github.eidvn.core.consent.PurposeCatalogue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eid purposes [--json]}: the standard purpose catalogue, the 25 essential online public services of Đề án 06
 * (numbered as in Phụ lục 1 of Quyết định 06/QĐ-TTg) and the other purposes, with the fields each may ask for.
 */
@Command(name = "purposes",
        description = {
            "Danh mục mục đích: 25 dịch vụ công thiết yếu của Đề án 06 (số thứ tự theo Phụ lục 1) và các mục đích"
                + " khác, với các trường dữ liệu mỗi mục đích được hỏi.",
            "The purpose catalogue: the 25 essential public services of Đề án 06 (numbered as in Phụ lục 1) and the"
                + " other purposes, with the fields each may ask for.",
            "Exit: 0."
        })
final class PurposesCommand extends CliCommand {

    @Option(names = "--json", description = {"Mỗi dòng một đối tượng JSON: code, number (1-25 hoặc null), vi, en,"
        + " fields.", "One JSON object per line: code, number (1-25 or null), vi, en, fields."})
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Purpose p : PurposeCatalogue.standard().all()) {
            if (json) {
                Json.print(out, toJson(p));
            } else {
                String number = p.number().isPresent() ? String.format("%2d", p.number().getAsInt()) : " -";
                out.println(number + "  " + p.code());
                out.println("    " + p.nameVi());
                out.println("    " + p.nameEn());
                out.println("    " + p.fields().stream().map(CitizenField::claimName).collect(Collectors.joining(", ")));
            }
        }
        out.flush();
        return 0;
    }

    /**
     * One purpose as {@code {"code":..,"number":1..25|null,"vi":..,"en":..,"fields":[claim names]}}.
     *
     * @param p the purpose
     * @return the JSON object
     */
    static ObjectNode toJson(Purpose p) {
        ObjectNode o = Json.object();
        o.put("code", p.code());
        if (p.number().isPresent()) {
            o.put("number", p.number().getAsInt());
        } else {
            o.putNull("number");
        }
        o.put("vi", p.nameVi());
        o.put("en", p.nameEn());
        ArrayNode fields = o.putArray("fields");
        p.fields().forEach(f -> fields.add(f.claimName()));
        return o;
    }
}
