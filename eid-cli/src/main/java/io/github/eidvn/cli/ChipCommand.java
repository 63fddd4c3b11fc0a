package io.github.eidvn.cli;

import io.github.eidvn.chip.ChipAccess;
import io.github.eidvn.chip.ChipFiles;
import io.github.eidvn.chip.ChipRead;
import io.github.eidvn.chip.ChipReadException;
import io.github.eidvn.chip.ChipReader;
import io.github.eidvn.chip.ChipVerification;
import io.github.eidvn.chip.ChipVerifier;
import io.github.eidvn.chip.CitizenData;
import io.github.eidvn.chip.Mrz;
import io.github.eidvn.chip.MrzResult;
import io.github.eidvn.chip.TrustList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eid chip}: the chip of the citizen ID card (ICAO 9303).
 */
@Command(name = "chip",
        description = {
            "Chip của thẻ căn cước (ICAO 9303): xác thực dữ liệu đã đọc từ chip.",
            "The chip of the ID card (ICAO 9303): verify the files read from a chip."
        },
        subcommands = {ChipCommand.Verify.class, ChipCommand.Read.class})
public final class ChipCommand extends GroupCommand {

    /** The active authentication challenge {@code chip read} sent, saved beside the files. */
    static final String AA_CHALLENGE = "AA_CHALLENGE.bin";
    /** The chip's answer to it. */
    static final String AA_RESPONSE = "AA_RESPONSE.bin";


    /**
     * {@code eid chip verify --lds DIR (--csca FILE)... [--masterlist FILE.ml] [--now INSTANT]}: passive (and, when
     * the files allow, MRZ) verification; prints one JSON object; exit 0 verified, 1 refused, 2 usage error.
     */
    @Command(name = "verify",
            description = {
                "Xác thực thụ động các tệp đọc từ chip (EF_SOD.bin, DG<n>.bin, EF_COM.bin trong DIR) theo CSCA tin cậy.",
                "Passive authentication of the files read from a chip (EF_SOD.bin, DG<n>.bin, EF_COM.bin in DIR) "
                        + "against trusted CSCAs.",
                "Exit: 0 hợp lệ/verified, 1 bị từ chối/refused, 2 sai cú pháp/usage error."
            })
    public static final class Verify extends CliCommand {

        private static final Pattern DATA_GROUP = Pattern.compile("DG([1-9]|1[0-6])\\.bin");

        @Option(names = "--lds", required = true, paramLabel = "DIR",
                description = "thư mục chứa EF_SOD.bin và DG<n>.bin / folder holding EF_SOD.bin and DG<n>.bin")
        Path lds;

        @Option(names = "--csca", required = true, paramLabel = "FILE",
                description = "chứng thư CSCA tin cậy (PEM hoặc DER), lặp lại được; cũng là bên cấp cho người ký "
                        + "danh sách --masterlist / a trusted CSCA certificate (PEM or DER), repeatable; also the "
                        + "issuers accepted for the --masterlist signer")
        List<Path> cscas;

        @Option(names = "--masterlist", paramLabel = "FILE.ml",
                description = "danh sách CSCA của ICAO; chữ ký được kiểm tra theo --csca / an ICAO CSCA master list, "
                        + "its signature checked against the --csca certificates")
        Path masterList;

        @Option(names = "--now", paramLabel = "INSTANT", converter = TimeConverters.At.class,
                description = "thời điểm kiểm tra hiệu lực chứng thư (mặc định: bây giờ) / the time certificates must "
                        + "be valid at (default: now), e.g. 2026-09-17T03:00:00Z")
        Instant now;

        @Override
        public Integer call() {
            Instant at = now == null ? Instant.now() : now;
            TrustList trust = trustList(at);
            ChipFiles files = files();
            ChipVerification v = ChipVerifier.builder().trustList(trust).clock(Clock.fixed(at, ZoneOffset.UTC))
                    .build().verify(files, Optional.empty(), activeAuthentication());
            ObjectNode json = Json.object();
            json.put("verified", v.isVerified());
            if (v instanceof ChipVerification.ChipRejected r) {
                json.put("reason", r.reason().name());
                json.put("detail", r.detail());
            } else {
                json.putNull("reason");
            }
            ObjectNode groups = json.putObject("dataGroups");
            v.dataGroups().forEach((n, s) -> groups.put(String.valueOf(n), s.name()));
            if (v instanceof ChipVerification.ChipVerified ok) {
                json.set("mrz", MrzCommand.fields(ok.mrz()));
                ok.citizen().ifPresent(c -> json.set("citizen", citizen(c)));
                ok.face().ifPresent(f -> {
                    ObjectNode face = json.putObject("face");
                    face.put("format", f.format().mediaType());
                    face.put("bytes", f.size());
                });
                ObjectNode signer = json.putObject("signer");
                signer.put("subject", ok.signer().subject());
                signer.put("issuer", ok.signer().issuer());
                signer.put("serialNumber", ok.signer().serialNumber().toString(16));
                signer.put("notBefore", ok.signer().notBefore().toString());
                signer.put("notAfter", ok.signer().notAfter().toString());
                signer.put("csca", ok.signer().csca().getSubjectX500Principal().getName());
                json.put("activeAuthentication", ok.activeAuthentication().name());
                json.put("verifiedAt", ok.verifiedAt().toString());
            }
            Json.print(spec.commandLine().getOut(), json);
            if (v instanceof ChipVerification.ChipRejected r) {
                spec.commandLine().getErr().println(r.reason().bothLanguages());
            } else {
                spec.commandLine().getErr().println("Dữ liệu chip hợp lệ (xác thực thụ động). "
                        + "/ Chip data verified (passive authentication).");
            }
            spec.commandLine().getErr().flush();
            return v.isVerified() ? 0 : 1;
        }

        private TrustList trustList(Instant at) {
            TrustList.Builder b = TrustList.builder();
            List<X509Certificate> given = new ArrayList<>();
            for (Path p : cscas) {
                try {
                    byte[] bytes = readCapped(p, TrustList.MAX_INPUT_BYTES);
                    b.certificates(bytes);
                    given.addAll(TrustList.builder().certificates(bytes).build().certificates());
                } catch (IOException | IllegalArgumentException e) {
                    throw CliFiles.usage(spec, "không đọc được chứng thư CSCA " + p, "cannot read the CSCA certificate "
                            + p + ": " + e.getMessage());
                }
            }
            if (masterList != null) {
                try {
                    b.masterList(readCapped(masterList, TrustList.MAX_INPUT_BYTES), given, at);
                } catch (IOException | IllegalArgumentException e) {
                    throw CliFiles.usage(spec, "danh sách CSCA không dùng được: " + masterList,
                            "the master list cannot be used: " + e.getMessage());
                }
            }
            return b.build();
        }

        private ChipFiles files() {
            if (!Files.isDirectory(lds)) {
                throw CliFiles.usage(spec, "không có thư mục " + lds, "no such folder: " + lds);
            }
            ChipFiles.Builder b = ChipFiles.builder();
            try {
                Path sod = lds.resolve("EF_SOD.bin");
                if (!Files.isRegularFile(sod)) {
                    throw CliFiles.usage(spec, "thiếu EF_SOD.bin trong " + lds, "EF_SOD.bin is missing in " + lds);
                }
                b.sod(readCapped(sod, ChipFiles.MAX_SOD_BYTES));
                Path com = lds.resolve("EF_COM.bin");
                if (Files.isRegularFile(com)) {
                    b.com(readCapped(com, ChipFiles.MAX_COM_BYTES));
                }
                try (Stream<Path> list = Files.list(lds)) {
                    for (Path p : (Iterable<Path>) list.sorted()::iterator) {
                        Matcher m = DATA_GROUP.matcher(p.getFileName().toString());
                        if (m.matches() && Files.isRegularFile(p)) {
                            b.dataGroup(Integer.parseInt(m.group(1)), readCapped(p, ChipFiles.MAX_DATA_GROUP_BYTES));
                        }
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw CliFiles.usage(spec, "không đọc được các tệp chip trong " + lds,
                        "cannot read the chip files in " + lds + ": " + e.getMessage());
            }
            return b.build();
        }

        /** The challenge and answer {@code eid chip read} saved, when both files are there. */
        private Optional<ChipVerifier.ActiveAuthenticationResponse> activeAuthentication() {
            Path challenge = lds.resolve(AA_CHALLENGE);
            Path response = lds.resolve(AA_RESPONSE);
            if (!Files.isRegularFile(challenge) && !Files.isRegularFile(response)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new ChipVerifier.ActiveAuthenticationResponse(
                        readCapped(challenge, ChipVerifier.MAX_CHALLENGE_RESPONSE_BYTES),
                        readCapped(response, ChipVerifier.MAX_CHALLENGE_RESPONSE_BYTES)));
            } catch (IOException | IllegalArgumentException e) {
                throw CliFiles.usage(spec, "cần cả " + AA_CHALLENGE + " và " + AA_RESPONSE + " hợp lệ",
                        "both " + AA_CHALLENGE + " and " + AA_RESPONSE + " are needed: " + e.getMessage());
            }
        }

        private static byte[] readCapped(Path p, int max) throws IOException {
            long size = Files.size(p);
            if (size > max) {
                throw new IOException(p.getFileName() + " is larger than " + max + " bytes");
            }
            return Files.readAllBytes(p);
        }

        private static ObjectNode citizen(CitizenData c) {
            ObjectNode o = Json.object();
            o.put("personalNumber", c.personalNumber().value());
            o.put("fullName", c.fullName().value());
            o.put("birthDate", c.birthDate().toString());
            o.put("sex", c.sex().oidcValue());
            c.nationality().ifPresent(v -> o.put("nationality", v));
            c.ethnicity().ifPresent(v -> o.put("ethnicity", v));
            c.religion().ifPresent(v -> o.put("religion", v));
            c.placeOfOrigin().ifPresent(v -> o.put("placeOfOrigin", v));
            c.placeOfResidence().ifPresent(v -> o.put("placeOfResidence", v));
            c.identifyingMarks().ifPresent(v -> o.put("identifyingMarks", v));
            c.issueDate().ifPresent(v -> o.put("issueDate", v.toString()));
            c.expiryDate().ifPresentOrElse(v -> o.put("expiryDate", v.toString()),
                    () -> c.expiryText().ifPresent(v -> o.put("expiryDate", v)));
            c.fatherName().ifPresent(v -> o.put("fatherName", v));
            c.motherName().ifPresent(v -> o.put("motherName", v));
            c.spouseName().ifPresent(v -> o.put("spouseName", v));
            if (!c.otherFields().isEmpty()) {
                ObjectNode other = o.putObject("otherFields");
                for (Map.Entry<Integer, String> e : c.otherFields().entrySet()) {
                    other.put(String.valueOf(e.getKey()), e.getValue());
                }
            }
            return o;
        }
    }


    /**
     * {@code eid chip read --reader NAME (--can DIGITS | --mrz TEXT) --out DIR}: reads a card on a PC/SC reader
     * through the optional {@code eid-chip-pcsc} module (JMRTD, LGPL), found on the class path; writes EF_COM.bin,
     * EF_SOD.bin, {@code DG<n>.bin} and the active authentication challenge and answer into DIR for {@code chip verify}.
     * Exit 0 read, 1 the card could not be read, 2 usage error (also when no reader module is on the class path).
     */
    @Command(name = "read",
            description = {
                "Đọc chip thẻ căn cước trên đầu đọc PC/SC (cần mô-đun eid-chip-pcsc trên class path) và ghi các tệp vào DIR.",
                "Reads the ID card's chip on a PC/SC reader (needs the eid-chip-pcsc module on the class path) and writes "
                        + "the files into DIR.",
                "Exit: 0 đã đọc/read, 1 không đọc được/could not read, 2 sai cú pháp/usage error."
            })
    public static final class Read extends CliCommand {

        @Option(names = "--reader", paramLabel = "NAME",
                description = "tên đầu đọc; bỏ trống để liệt kê / reader name; omit to list the readers")
        String reader;

        @Option(names = "--can", paramLabel = "DIGITS",
                description = "mã CAN 6 chữ số (6 số cuối của số định danh) / the 6-digit CAN (last 6 digits of the "
                        + "personal number)")
        String can;

        @Option(names = "--mrz", paramLabel = "TEXT", description = "MRZ in trên thẻ / the MRZ printed on the card")
        String mrz;

        @Option(names = "--out", paramLabel = "DIR", description = "thư mục mới để ghi tệp / new folder for the files")
        Path out;

        @Override
        public Integer call() {
            ChipReader chipReader = ServiceLoader.load(ChipReader.class).findFirst().orElseThrow(() -> CliFiles.usage(
                    spec, "không có mô-đun đọc chip: thêm eid-chip-pcsc (JMRTD, LGPL) vào class path, xem README",
                    "no chip reader module: put eid-chip-pcsc (JMRTD, LGPL) on the class path, see the README "
                            + "(Chip ID card, reading at a desk)"));
            if (reader == null) {
                try {
                    ObjectNode json = Json.object();
                    var names = json.putArray("readers");
                    chipReader.readerNames().forEach(names::add);
                    Json.print(spec.commandLine().getOut(), json);
                    return 0;
                } catch (ChipReadException e) {
                    return failed(e);
                }
            }
            if ((can == null) == (mrz == null) || out == null) {
                throw CliFiles.usage(spec, "cần --out và đúng một trong --can, --mrz",
                        "give --out and exactly one of --can, --mrz");
            }
            ChipAccess access;
            try {
                if (can != null) {
                    access = ChipAccess.can(can);
                } else {
                    MrzResult parsed = Mrz.parse(mrz);
                    if (!(parsed instanceof MrzResult.Valid valid)) {
                        throw CliFiles.usage(spec, "MRZ không hợp lệ", "the MRZ is not valid: "
                                + ((MrzResult.Invalid) parsed).detail());
                    }
                    access = ChipAccess.mrz(valid.mrz());
                }
            } catch (IllegalArgumentException e) {
                throw CliFiles.usage(spec, "CAN phải gồm 6 chữ số", "the CAN must be 6 digits");
            }
            if (Files.exists(out)) {
                throw CliFiles.usage(spec, "thư mục đã tồn tại: " + out, "the folder already exists: " + out);
            }
            ChipRead read;
            try {
                read = chipReader.read(reader, access);
            } catch (ChipReadException e) {
                return failed(e);
            }
            try {
                Files.createDirectories(out);
                ChipFiles files = read.files();
                files.com().ifPresent(b -> write(out.resolve("EF_COM.bin"), b));
                write(out.resolve("EF_SOD.bin"), files.sod());
                for (int n : files.dataGroupNumbers()) {
                    write(out.resolve("DG" + n + ".bin"), files.dataGroup(n).orElseThrow());
                }
                read.activeAuthentication().ifPresent(aa -> {
                    write(out.resolve(AA_CHALLENGE), aa.challenge());
                    write(out.resolve(AA_RESPONSE), aa.response());
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                throw CliFiles.usage(spec, "không ghi được " + out, "cannot write " + out + ": " + e.getMessage());
            }
            ObjectNode json = Json.object();
            json.put("read", true);
            json.put("accessProtocol", read.accessProtocol());
            var groups = json.putArray("dataGroups");
            read.files().dataGroupNumbers().forEach(groups::add);
            json.put("activeAuthentication", read.activeAuthentication().isPresent());
            json.put("out", out.toString());
            Json.print(spec.commandLine().getOut(), json);
            spec.commandLine().getErr().println("Đã đọc chip; kiểm tra bằng 'eid chip verify'. "
                    + "/ Chip read; verify it with 'eid chip verify'.");
            spec.commandLine().getErr().flush();
            return 0;
        }

        private static void write(Path p, byte[] bytes) {
            try {
                CliFiles.writePublic(p, bytes, false);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private int failed(ChipReadException e) {
            ObjectNode json = Json.object();
            json.put("read", false);
            json.put("reason", e.reason().name());
            Json.print(spec.commandLine().getOut(), json);
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
