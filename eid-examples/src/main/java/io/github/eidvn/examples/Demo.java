package io.github.eidvn.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.assurance.ProofingResult;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.QrErrorCorrection;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.qr.QrSizes;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testkit.FakeFaceMatcher;
import io.github.eidvn.testkit.SandboxPlatform;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.hospital.CheckInDecision;
import io.github.eidvn.verifier.hospital.HospitalCheckIn;

/**
 * The eid demo, end to end in a few seconds with nothing but Java: a sandbox identity provider proofs a citizen at
 * level 2 (with a clearly labelled demo face matcher) and issues a signed, digits-only QR presentation for a
 * hospital's BHYT check-in; the hospital reads the PNG from disk, verifies it and decides on the health insurance;
 * then a replayed QR, a QR with one digit changed and the unsigned chip-card QR show the other decisions.
 *
 * <p>Run: {@code java -jar eid-examples/target/eid-examples.jar}; files are written under {@code eid-demo/} in the
 * current directory. Output: Vietnamese first, English second.
 */
public final class Demo {

    /** The hospital of the demo: its facility code (mã cơ sở khám chữa bệnh), the QR's audience. */
    public static final String FACILITY = "79024";
    /** The purpose of the presentation. */
    public static final String PURPOSE = "bhyt-checkin";
    /** The claims the hospital asks for. */
    public static final List<String> HOSPITAL_CLAIMS = SandboxPlatform.HOSPITAL_CLAIMS;

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);

    private Demo() {
    }

    /**
     * What the demo produced, for tests.
     *
     * @param png the presentation PNG
     * @param svg the presentation SVG
     * @param qrText the presentation's QR text (digits)
     * @param qrVersion the QR version of the text at error correction M
     * @param valid the decision on the first scan of the PNG
     * @param replayed the decision on the same QR scanned again
     * @param tampered the decision on the QR with one digit changed
     * @param legacy the decision on the chip ID card's own QR (read from its PNG): the card found by the
     *     insurance lookup, the identity unverified (compare the photo)
     */
    public record Result(Path png, Path svg, String qrText, int qrVersion, CheckInDecision valid,
            CheckInDecision replayed, CheckInDecision tampered, CheckInDecision legacy) {

        /** @return true when every decision is the one the demo shows */
        public boolean asExpected() {
            return valid.decision() == CheckInDecision.Decision.VALID
                    && replayed.decision() == CheckInDecision.Decision.REJECTED
                    && tampered.decision() == CheckInDecision.Decision.REJECTED
                    && legacy.status() == CheckInDecision.Status.VALID_IDENTITY_UNVERIFIED;
        }
    }

    /**
     * Runs the demo in {@code ./eid-demo}; exit code 0 when every decision came out as expected.
     *
     * @param args ignored
     * @throws IOException when the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Result r = run(out, Path.of("eid-demo"), Clock.systemUTC());
        out.flush();
        System.exit(r.asExpected() ? 0 : 1);
    }

    /**
     * Runs the demo.
     *
     * @param out where the person-readable report goes
     * @param outDir where the QR images, the issuer's public JWKS and the QR text are written (created if needed)
     * @param clock the time of issuing and checking in
     * @return what it produced
     * @throws IOException when the files cannot be written or read
     */
    public static Result run(PrintStream out, Path outDir, Clock clock) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(clock, "clock");
        Files.createDirectories(outDir);
        LocalDate today = LocalDate.ofInstant(clock.instant(), SandboxPlatform.VIETNAM);

        out.println("eid: khám chữa bệnh BHYT bằng mã QR định danh điện tử có chữ ký số");
        out.println("eid: hospital health-insurance check-in with a signed e-ID QR code");
        out.println("Ngày / date: " + DMY.format(today) + " (Asia/Ho_Chi_Minh)");

        // 1. the sandbox identity provider
        SandboxPlatform idp = SandboxPlatform.create(clock);
        heading(out, 1, "Cơ quan cấp định danh (sandbox)", "Sandbox identity provider");
        out.println("   iss: " + SandboxPlatform.ISSUER_ID + ", khóa ký / signing key ES256 kid=" + idp.kid());
        out.println("   Cơ sở dữ liệu dân cư (dữ liệu giả) / population registry (made-up data): "
                + idp.citizens().size() + " công dân / citizens");
        for (CitizenProfile c : idp.citizens()) {
            out.println("     " + c.personalNumber().value() + "  " + c.fullName().value() + "  "
                    + DMY.format(c.birthDate()) + "  " + c.sex().vietnamese() + " / " + c.sex().oidcValue());
        }
        Path jwks = outDir.resolve("issuer-jwks.json");
        Files.writeString(jwks, idp.publicJwksJson(), StandardCharsets.UTF_8);
        out.println("   Khóa công khai đã công bố / public keys published: " + jwks);

        // 2. identity proofing at level 2
        CitizenProfile khai = idp.citizens().get(0);
        heading(out, 2, "Xác thực danh tính mức độ 2 (đối chiếu CSDL dân cư + khuôn mặt)",
                "Level-2 identity proofing (registry match + face)");
        out.println("   " + FakeFaceMatcher.LABEL_VI);
        out.println("   " + FakeFaceMatcher.LABEL_EN);
        ProofingResult proofing = idp.proof(SandboxPlatform.levelTwoRequest(khai));
        if (!(proofing instanceof ProofingResult.Proofed)) {
            ProofingResult.Rejected rej = (ProofingResult.Rejected) proofing;
            throw new IllegalStateException("demo proofing failed: " + rej.reason() + " " + rej.detail());
        }
        ProofingResult.Proofed proofed = (ProofingResult.Proofed) proofing;
        out.println("   Kết quả / result: mức độ " + proofed.level().number() + " / level " + proofed.level().number()
                + ", amr=" + proofed.amr() + ", evidence=" + proofed.evidence().stream()
                        .map(e -> e.type() + "/" + e.checkMethod()).collect(Collectors.joining(", ", "[", "]")));

        // 3. the QR presentation for the hospital
        heading(out, 3, "Cấp mã QR cho bệnh viện " + FACILITY + " (mục đích " + PURPOSE + ")",
                "QR presentation for hospital " + FACILITY + " (purpose " + PURPOSE + ")");
        AssertionRequest request = idp.presentation(proofed, HOSPITAL_CLAIMS, FACILITY, PURPOSE);
        out.println("   Thông tin chia sẻ (chỉ những gì bệnh viện yêu cầu) / claims shared (only those asked for): "
                + request.claims().keySet());
        out.println("   Bằng chứng / evidence: " + request.evidence().stream().map(Demo::evidence)
                .collect(Collectors.joining(", ")));
        String jws = idp.issueForQr(request);
        String text = SignedQrText.encode(jws);
        Path png = outDir.resolve("hospital-qr.png");
        Path svg = outDir.resolve("hospital-qr.svg");
        QrRenderer renderer = QrRenderer.defaults();
        Files.write(png, renderer.png(text));
        Files.writeString(svg, renderer.svg(text), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("hospital-qr.txt"), text + "\n", StandardCharsets.US_ASCII);
        out.println("   Hiệu lực 10 phút, dùng một lần / valid 10 minutes, single use");
        out.println("   Nội dung QR (chỉ chữ số) / QR text (digits only): " + text.substring(0, 40) + "…"
                + text.substring(text.length() - 10) + " (" + text.length() + " chữ số / digits)");
        out.println("   Đã ghi / written: " + png + ", " + svg);
        int version = sizes(out, jws, text);

        // 4. the hospital: verifier + check-in desk, reading the PNG from disk
        AssertionVerifier verifier = AssertionVerifier.builder()
                .trustStore(TrustStore.fromJwksFile(jwks))
                .clock(clock)
                .expectedAudience(FACILITY)
                .expectedPurpose(PURPOSE)
                .requiredLevel(AssuranceLevel.LEVEL_2)
                .build();
        // the social-insurance lookup by personal number (Công văn 931/BYT-BH): the sandbox's made-up cards
        HospitalCheckIn desk = HospitalCheckIn.builder().verifier(verifier).clock(clock)
                .zone(SandboxPlatform.VIETNAM).lookup(idp.insuranceLookup()).build();
        heading(out, 4, "Bệnh viện đọc ảnh QR " + png.getFileName() + " và kiểm tra",
                "The hospital reads the QR image " + png.getFileName() + " and checks it");
        CheckInDecision valid = desk.check(Files.readAllBytes(png));
        print(out, valid);
        out.println("   JSON (web/API): " + valid.toJson());

        // 5. the same QR again
        heading(out, 5, "Quét lại cùng mã QR", "The same QR scanned again");
        CheckInDecision replayed = desk.check(Files.readAllBytes(png));
        print(out, replayed);

        // 6. one digit changed
        String tamperedText = oneSignatureDigitChanged(text);
        int at = firstDifference(text, tamperedText);
        heading(out, 6, "Mã QR bị sửa một chữ số (vị trí " + at + ": " + text.charAt(at) + " → "
                + tamperedText.charAt(at) + ")", "A QR with one digit changed (position " + at + ")");
        CheckInDecision tampered = desk.check(tamperedText);
        print(out, tampered);

        // 7. the legacy chip-card QR
        String legacyText = SandboxPlatform.legacyChipCardText(khai);
        Path legacyPng = outDir.resolve("chip-card-qr.png");
        Files.write(legacyPng, renderer.png(legacyText));
        heading(out, 7, "Mã QR in trên thẻ căn cước (không có chữ ký số): " + legacyPng.getFileName(),
                "The QR printed on the chip ID card (no digital signature): " + legacyPng.getFileName());
        CheckInDecision legacy = desk.check(Files.readAllBytes(legacyPng));
        print(out, legacy);

        Result result = new Result(png, svg, text, version, valid, replayed, tampered, legacy);
        out.println();
        out.println(result.asExpected()
                ? "Hoàn tất: mọi quyết định đúng như mong đợi. / Done: every decision came out as expected."
                : "CÓ LỖI: quyết định khác mong đợi. / ERROR: a decision differs from the expected one.");
        return result;
    }

    private static void heading(PrintStream out, int n, String vi, String en) {
        out.println();
        out.println(n + ". " + vi);
        out.println("   " + en);
    }

    private static String evidence(Evidence e) {
        return e.type() + "/" + e.method();
    }

    /** Prints the size figures and returns the QR version of the digits text at M. */
    private static int sizes(PrintStream out, String jws, String digits) {
        String shc = QrSizes.smartHealthCardNumeric(jws);
        String base45 = QrSizes.base45Container(jws);
        int bytes = QrSizes.containerLength(jws);
        int version = QrSizes.version(digits, QrErrorCorrection.M).orElseThrow();
        out.println("   Kích thước / size (QR mức sửa lỗi M / error correction M):");
        out.printf(Locale.ROOT, "     %-38s %5s %9s %8s%n", "mã hóa / encoding", "byte", "ký tự/chars", "QR ver.");
        out.printf(Locale.ROOT, "     %-38s %5d %9d %8d%n", "eid chữ số / eid digits", bytes, digits.length(),
                version);
        out.printf(Locale.ROOT, "     %-38s %5d %9d %8d%n", "SMART Health Card shc:/ (số/numeric)", jws.length(),
                shc.length(), QrSizes.version(shc, QrErrorCorrection.M).orElseThrow());
        out.printf(Locale.ROOT, "     %-38s %5d %9d %8d%n", "base45 (chữ-số/alphanumeric)", bytes, base45.length(),
                QrSizes.version(base45, QrErrorCorrection.M).orElseThrow());
        out.printf(Locale.ROOT, "     %-38s %5d %9d %8d%n", "JWS thuần / plain compact JWS", jws.length(),
                jws.length(), QrSizes.version(jws, QrErrorCorrection.M).orElseThrow());
        return version;
    }

    private static void print(PrintStream out, CheckInDecision d) {
        out.println("   => " + d.decision() + (d.status().name().equals(d.decision().name()) ? "" : " / " + d.status())
                + d.reason().map(r -> " (" + r + ")").orElse(""));
        out.println("   " + d.vietnamese());
        out.println("   " + d.english());
        d.patient().ifPresent(p -> {
            out.println("   Người bệnh / patient" + (p.verified() ? " (đã xác thực / verified, mức độ / level "
                    + p.assuranceLevel().map(l -> Integer.toString(l.number())).orElse("?") + ")"
                    : " (CHƯA XÁC THỰC / UNVERIFIED)") + ":");
            p.name().ifPresent(n -> out.println("     Họ và tên / name:            " + n));
            p.birthDate().ifPresent(b -> out.println("     Ngày sinh / birth date:      " + DMY.format(b)));
            p.sex().ifPresent(s -> out.println("     Giới tính / sex:             " + s.vietnamese() + " / "
                    + s.oidcValue()));
            p.maskedPersonalNumber().ifPresent(n -> out.println("     Số định danh / personal no.: " + n));
        });
        d.insurance().ifPresent(i -> {
            out.println("   Thẻ BHYT / health-insurance card:");
            out.println("     Mã thẻ / number:             " + i.number());
            out.println("     Giá trị sử dụng / valid:     " + DMY.format(i.validFrom()) + " – "
                    + DMY.format(i.validTo()));
            out.println("     Mức hưởng / benefit level:   " + i.benefitLevel().code() + " (mức hưởng cơ bản / base rate "
                    + i.baseCoveragePercent() + "%)");
            out.println("     Nơi ĐKKCB ban đầu / primary-care facility: " + i.facility());
        });
        if (!d.detail().isEmpty()) {
            out.println("   Chi tiết kỹ thuật / technical detail: " + d.detail());
        }
    }

    /**
     * The QR text with one digit of the signature changed: the last position (from the end) where a changed digit
     * still unpacks, so the verifier reaches the signature check (and does not stop at the container format).
     *
     * @param text a signed QR text
     * @return the altered text
     * @throws IllegalStateException when no digit can be changed that way
     */
    public static String oneSignatureDigitChanged(String text) {
        for (int i = text.length() - 2; i > SignedQrText.PREFIX.length(); i--) {
            char c = text.charAt(i);
            char other = (char) (c == '0' ? '1' : c - 1);
            String t = text.substring(0, i) + other + text.substring(i + 1);
            if (SignedQrText.decode(t) instanceof SignedQrText.Decoded) {
                return t;
            }
        }
        throw new IllegalStateException("no digit can be changed");
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
