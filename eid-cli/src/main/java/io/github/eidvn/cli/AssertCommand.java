package io.github.eidvn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.qr.QrErrorCorrection;
import io.github.eidvn.qr.QrRenderer;
import io.github.eidvn.qr.QrSizes;
import io.github.eidvn.qr.SignedQrText;

/**
 * {@code eid assert}: signed identity assertions.
 */
@Command(name = "assert",
        description = {
            "Khẳng định danh tính có chữ ký số (mức độ 1 / 2).",
            "Signed identity assertions (level 1 / 2)."
        },
        subcommands = {AssertCommand.Issue.class})
public final class AssertCommand extends GroupCommand {

    /** The methods (RFC 8176 amr) that establish level 2: face, fingerprint, chip of the ID card. */
    static final Set<String> LEVEL_TWO_METHODS = Set.of("face", "fpt", "sc");


    /**
     * {@code eid assert issue --key F --level 1|2 --claims F.json [--amr M,...] [--evidence TYPE:METHOD]...
     * [--aud A] [--purpose P] [--ttl 10m] [--iss ID] [--png OUT] [--now T]}: prints the QR text (digits) of a compact
     * QR-form assertion. Level 2 must state the method that established it: {@code --amr} with at least one of
     * {@code face}, {@code fpt}, {@code sc}. Exit 0, 1 when the key or claims file is unusable, 2 on a usage error.
     */
    @Command(name = "issue",
            description = {
                "Ký một khẳng định danh tính dạng QR và in nội dung QR (chỉ chữ số) ra stdout.",
                "Signs an identity assertion in the QR form and prints the QR text (digits only) on stdout.",
                "Mức độ 2 phải nêu phương thức / level 2 must state the method: --amr face|fpt|sc.",
                "Exit: 0 thành công/success, 1 tệp khóa hoặc claims không dùng được/unusable key or claims file,"
                        + " 2 sai cú pháp/usage error."
            })
    public static final class Issue extends CliCommand {

        @Option(names = "--key", required = true, paramLabel = "FILE",
                description = "Khóa bí mật (JWKS của 'eid keys generate' hoặc một JWK) / private key (JWKS from"
                        + " 'eid keys generate' or a single JWK)")
        String keyFile;

        @Option(names = "--level", required = true, paramLabel = "1|2",
                description = "Mức độ định danh / assurance level")
        int level;

        @Option(names = "--claims", required = true, paramLabel = "FILE.json",
                description = "Thông tin công dân (JSON), '-' = stdin / citizen claims (JSON), '-' = stdin, e.g."
                        + " {\"personal_number\":\"079303012345\",\"name\":\"Nguyễn Thị Minh Khai\",...};"
                        + " health_insurance.number: mã thẻ BHYT 15 ký tự hoặc mã số BHXH 10 số / a 15-character"
                        + " card code or the 10-digit social-insurance number")
        String claimsFile;

        @Option(names = "--amr", split = ",", paramLabel = "METHOD",
                description = "Phương thức xác thực (RFC 8176), bắt buộc cho mức 2 (face, fpt, sc); mặc định mức 1:"
                        + " pwd / authentication methods (RFC 8176); level 2 requires face, fpt or sc; level 1"
                        + " default: pwd")
        List<String> amr;

        @Option(names = "--evidence", paramLabel = "TYPE:METHOD",
                description = "Bằng chứng OIDC4IDA, lặp lại được / OIDC4IDA evidence, repeatable, e.g."
                        + " electronic_record:data, document:vcrypt")
        List<String> evidence;

        @Option(names = "--aud", paramLabel = "A", description = "Bên nhận (vd. mã cơ sở KCB) / audience, e.g. 79024")
        String audience;

        @Option(names = "--purpose", paramLabel = "P", description = "Mục đích / purpose, e.g. bhyt-checkin")
        String purpose;

        @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "10m",
                converter = TimeConverters.Lifetime.class,
                description = "Thời hạn / lifetime (90s, 10m, 2h, 1d; tối đa/at most 24h), default ${DEFAULT-VALUE}")
        Duration ttl;

        @Option(names = "--iss", paramLabel = "ID", defaultValue = "urn:eidvn:local",
                description = "Định danh cơ quan cấp / issuer id, default ${DEFAULT-VALUE}")
        String issuerId;

        @Option(names = "--png", paramLabel = "OUT.png", description = "Ghi thêm ảnh QR / also write the QR image")
        Path png;

        @Option(names = "--now", paramLabel = "INSTANT", converter = TimeConverters.At.class,
                description = "Thời điểm cấp (để thử nghiệm) / issue time (for testing), e.g. 2026-09-17T03:00:00Z")
        Instant now;

        @Override
        public Integer call() {
            AssuranceLevel assurance = Converters.level(spec, level);
            List<String> methods = amr == null ? new ArrayList<>() : new ArrayList<>(amr);
            if (assurance == AssuranceLevel.LEVEL_2 && methods.stream().noneMatch(LEVEL_TWO_METHODS::contains)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Mức độ 2 cần --amr face, fpt hoặc sc"
                        + " (phương thức đã xác lập mức 2) / level 2 needs --amr face, fpt or sc (the method that"
                        + " established level 2)");
            }
            if (methods.isEmpty()) {
                methods.add("pwd");
            }
            List<Evidence> ev = new ArrayList<>();
            for (String e : evidence == null ? List.<String>of() : evidence) {
                int colon = e.indexOf(':');
                if (colon <= 0 || colon == e.length() - 1) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--evidence phải có dạng TYPE:METHOD / --evidence must be TYPE:METHOD: '" + e + "'");
                }
                try {
                    ev.add(Evidence.of(e.substring(0, colon), e.substring(colon + 1)));
                } catch (IllegalArgumentException ex) {
                    throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
                }
            }
            AssertionRequest request;
            AssertionIssuer issuer;
            try {
                AssertionRequest.Builder b = AssertionRequest.builder().level(assurance).methods(methods)
                        .ttl(ttl);
                if (!ev.isEmpty()) {
                    b.evidence(ev);
                }
                if (audience != null) {
                    b.audience(audience);
                }
                if (purpose != null) {
                    b.purpose(purpose);
                }
                AssertionIssuer.Builder ib = AssertionIssuer.builder().issuer(issuerId);
                if (now != null) {
                    ib.clock(Clock.fixed(now, ZoneOffset.UTC));
                }
                issuer = ib.keyRing(loadKeys()).build();
                Map<String, Object> claims;
                try {
                    claims = AssertionRequest.parseClaims(CliFiles.readText(claimsFile));
                } catch (IllegalArgumentException e) {
                    return CliOutput.fail(spec, "Tệp claims không hợp lệ / invalid claims file: " + e.getMessage());
                }
                request = b.claims(claims).build();
            } catch (IOException e) {
                return CliOutput.fail(spec, "Không đọc được tệp / cannot read a file: " + e.getMessage());
            } catch (KeyFileException e) {
                return CliOutput.fail(spec, "Tệp khóa không dùng được / unusable key file: " + e.getMessage());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            String jws;
            try {
                jws = issuer.issueForQr(request);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            String text;
            try {
                text = SignedQrText.encode(jws);
            } catch (IllegalArgumentException e) {
                return CliOutput.fail(spec, "Quá lớn cho một mã QR / too large for one QR code: " + e.getMessage());
            }
            if (png != null) {
                try {
                    CliFiles.writePublic(png, QrRenderer.defaults().png(text), true);
                } catch (IOException e) {
                    return CliOutput.fail(spec, "Không ghi được ảnh / cannot write the image: " + e.getMessage());
                }
            }
            return CliOutput.line(spec, text, "Mức độ / level " + assurance.number() + ", kid "
                    + issuer.currentKid() + ", " + text.length() + " chữ số / digits, QR "
                    + QrSizes.version(text, QrErrorCorrection.M).orElse(0) + "-M"
                    + (png == null ? "" : ", " + png));
        }

        private KeyRing loadKeys() throws IOException, KeyFileException {
            String json = CliFiles.readText(keyFile);
            try {
                return KeyFiles.signingKeys(json);
            } catch (IllegalArgumentException e) {
                throw new KeyFileException(e.getMessage());
            }
        }
    }

    /** The key file is not a private ES256 key (the message never repeats key material). */
    static final class KeyFileException extends Exception {
        private static final long serialVersionUID = 1L;

        KeyFileException(String message) {
            super(message);
        }
    }
}
