package io.github.eidvn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.github.eidvn.qr.QrContent;
import io.github.eidvn.qr.QrErrorCorrection;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.qr.QrSizes;
import io.github.eidvn.qr.QrTextReader;

/**
 * {@code eid qr}: QR images and QR texts.
 */
@Command(name = "qr",
        description = {
            "Ảnh mã QR và nội dung mã QR.",
            "QR images and QR texts."
        },
        subcommands = {QrCommand.Render.class, QrCommand.Decode.class, QrCommand.Jws.class})
public final class QrCommand extends GroupCommand {

    /** Runs a command on its text (the argument, or stdin for {@code -}); unreadable stdin is reported, exit 1. */
    private static int withText(CommandLine.Model.CommandSpec spec, String text, ToIntFunction<String> command) {
        String t;
        try {
            t = CliFiles.argumentOrStdin(text);
        } catch (IOException e) {
            return CliOutput.fail(spec, "Không đọc được stdin / cannot read stdin: " + e.getMessage());
        }
        return command.applyAsInt(t);
    }

    /**
     * {@code eid qr render --text T --png OUT [--svg OUT]}: draws the QR code (error correction M, 8 pixels per
     * module) and prints {@code {"version":...,"characters":...,"png":...,"svg":...}}. Exit 0, 1 when the text does
     * not fit a QR code or a file cannot be written, 2 on a usage error.
     */
    @Command(name = "render",
            description = {
                "Vẽ mã QR ra PNG (và SVG).",
                "Draws a QR code as PNG (and SVG).",
                "Exit: 0 thành công/success, 1 lỗi/error, 2 sai cú pháp/usage error."
            })
    public static final class Render extends CliCommand {

        @Option(names = "--text", required = true, paramLabel = "T",
                description = "Nội dung QR, '-' = stdin / the QR text, '-' = stdin")
        String text;

        @Option(names = "--png", required = true, paramLabel = "OUT.png", description = "Ảnh PNG / PNG file")
        Path png;

        @Option(names = "--svg", paramLabel = "OUT.svg", description = "Ảnh SVG / SVG file")
        Path svg;

        @Override
        public Integer call() {
            return withText(spec, text, this::render);
        }

        private int render(String t) {
            if (t.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--text trống / --text is empty");
            }
            QrRenderer renderer = QrRenderer.defaults();
            try {
                CliFiles.writePublic(png, renderer.png(t), true);
                if (svg != null) {
                    CliFiles.writePublic(svg, renderer.svg(t).getBytes(StandardCharsets.UTF_8), true);
                }
            } catch (IllegalArgumentException e) {
                return CliOutput.fail(spec, "Nội dung quá dài cho một mã QR / the text does not fit a QR code");
            } catch (IOException e) {
                return CliOutput.fail(spec, "Không ghi được ảnh / cannot write the image: " + e.getMessage());
            }
            ObjectNode json = Json.object();
            json.put("version", QrSizes.version(t, QrErrorCorrection.M).orElse(0));
            json.put("characters", t.length());
            json.put("png", png.toString());
            json.put("svg", svg == null ? null : svg.toString());
            Json.print(spec.commandLine().getOut(), json);
            return 0;
        }
    }

    /**
     * {@code eid qr decode IMAGE}: prints the text of the QR code in a photo or screenshot (PNG, JPEG, GIF, BMP),
     * exactly as held (one line). Exit 0, 1 when no QR code can be read, 2 on a usage error.
     */
    @Command(name = "decode",
            description = {
                "Đọc mã QR trong ảnh (PNG, JPEG, GIF, BMP) và in nội dung.",
                "Reads the QR code in an image (PNG, JPEG, GIF, BMP) and prints its text.",
                "Exit: 0 đọc được/read, 1 không đọc được/not readable, 2 sai cú pháp/usage error."
            })
    public static final class Decode extends CliCommand {

        @Parameters(index = "0", paramLabel = "IMAGE", description = "Tệp ảnh / image file")
        Path image;

        @Override
        public Integer call() {
            QrScanResult r;
            try {
                r = QrImages.scan(image);
            } catch (IOException e) {
                return CliOutput.fail(spec, "Không đọc được tệp / cannot read the file: " + e.getMessage());
            }
            if (r instanceof QrScanResult.Failed) {
                QrScanResult.Failed f = (QrScanResult.Failed) r;
                return CliOutput.fail(spec,
                        f.reason().vietnamese() + " / " + f.reason().english() + " (" + f.detail() + ")");
            }
            return CliOutput.line(spec, ((QrScanResult.Found) r).text());
        }
    }

    /**
     * {@code eid qr jws TEXT}: prints the compact JWS carried by a QR text (the eid digits container, a SMART Health
     * Card {@code shc:/} text or a plain JWS), rebuilt byte for byte and NOT verified. Exit 0, 1 when the text
     * carries no JWS (legacy chip-card QR, damaged or unknown text), 2 on a usage error.
     */
    @Command(name = "jws",
            description = {
                "In JWS dạng compact dựng lại từ nội dung QR (chưa xác minh chữ ký).",
                "Prints the compact JWS rebuilt from a QR text (signature NOT verified).",
                "Exit: 0 thành công/success, 1 không có JWS/no JWS in the text, 2 sai cú pháp/usage error."
            })
    public static final class Jws extends CliCommand {

        @Parameters(index = "0", paramLabel = "TEXT", description = "Nội dung QR, '-' = stdin / QR text, '-' = stdin")
        String text;

        @Override
        public Integer call() {
            return withText(spec, text, this::jws);
        }

        private int jws(String t) {
            QrContent c = QrTextReader.read(t);
            if (c instanceof QrContent.SignedJws) {
                return CliOutput.line(spec, ((QrContent.SignedJws) c).compactJws());
            }
            if (c instanceof QrContent.UnverifiedChipCard) {
                return CliOutput.fail(spec, "Mã QR thẻ căn cước không có chữ ký số (không có JWS) / the chip ID card"
                        + " QR is unsigned (no JWS)");
            }
            QrContent.Rejected r = (QrContent.Rejected) c;
            return CliOutput.fail(spec, r.reason().vietnamese() + " / " + r.reason().english() + " (" + r.reason()
                    + ": " + r.detail() + ")");
        }
    }
}
